import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { existsSync } from 'node:fs';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { chapterFiles } from './src/build/chapters.ts';
import remarkCells from './src/remark/cells.ts';

// Chapters are content/NN-slug.mdx, in the order of their numbers; the other pages follow.
const chapters = chapterFiles('./content').map((c) => c.slug);
const pages = ['library', 'playground'].filter((slug) => existsSync(`./content/${slug}.mdx`));

/**
 * Astro 7.3 starts the module it makes for each MDX page's head assets (`…mdx?astroPropagatedAssets`)
 * with a "use astro:head-inject" directive that nothing reads any more (Astro finds these modules
 * by that id), and Rolldown warns, once per page, that it may not keep the directive
 * (withastro/astro#18087). Taking the unread directive out removes the cause; once Astro stops
 * writing it, this does nothing.
 */
const dropUnreadHeadInjectDirective = {
  name: 'drop-unread-head-inject-directive',
  enforce: 'post',
  transform: {
    filter: { id: /[?&]astroPropagatedAssets\b/ },
    handler: (code) => ({ code: code.replace('"use astro:head-inject";', ''), map: null }),
  },
};

/**
 * KaTeX writes each formula twice, as MathML (for screen readers, with its TeX source) and as
 * HTML (what is seen). Search should index it once: the seen text, so an excerpt reads
 * "f(x)=3x2−4x+5", not the same formula three times over with its TeX.
 */
function rehypeKatexSearchOnce() {
  const visit = (node) => {
    if (node.type === 'element' && [node.properties?.className].flat().includes('katex-mathml')) {
      node.properties['data-pagefind-ignore'] = '';
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}

export default defineConfig({
  // Where the book is served: its sitemap and each page's canonical link are absolute addresses.
  // npm start serves it at http://localhost:4321; set SITE to the public address to publish it.
  site: process.env.SITE ?? 'http://localhost:4321',
  // The runner worker's script is posted as text into the sandbox frame and started from a Blob
  // URL there, so it must be one self-contained script: no imports, no chunks.
  vite: { worker: { format: 'iife' }, plugins: [dropUnreadHeadInjectDirective] },
  // The unified (remark/rehype) processor, not Astro 7's default Sätteri: the book's plugins (its
  // cells, KaTeX) are remark and rehype plugins. MDX uses the same processor.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath, remarkCells], rehypePlugins: [rehypeKatex, rehypeKatexSearchOnce] }),
  },
  integrations: [
    starlight({
      title: 'micrograd in TypeScript',
      description: 'Backpropagation from scratch: a literate, runnable re-telling of micrograd.',
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      // Long lines wrap (keeping their indent) instead of scrolling sideways: a reader sees all
      // of every line, on a phone too.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
      // The book's own 404 page is src/pages/404.astro.
      disable404Route: true,
      // Starlight's sidebar with each chapter's exercises done (src/exercises/marks.ts).
      components: { Sidebar: './src/components/Sidebar.astro' },
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chapters },
        ...(pages.length ? [{ label: 'Tools', items: pages }] : []),
      ],
    }),
    mdx(),
  ],
});
