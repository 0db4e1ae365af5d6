import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { slugOf } from './build/chapters.ts';

export const collections = {
  // The chapters live in the top-level content/ folder, not Starlight's default src/content/docs;
  // a page's slug is its file name (a chapter's without its number), never a frontmatter field.
  docs: defineCollection({
    loader: glob({
      pattern: '**/[^_]*.{md,mdx}',
      base: './content',
      generateId: ({ entry, data }) => {
        if ('slug' in data) throw new Error(`content/${entry}: a page's address is its file name; remove \`slug:\` from its frontmatter`);
        return slugOf(entry);
      },
    }),
    schema: docsSchema(),
  }),
  // Starlight's own interface text where the book says it differently: src/content/i18n/en.json.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
