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

export default defineConfig({
  // The runner worker's script is posted as text into the sandbox frame and started from a Blob
  // URL there, so it must be one self-contained script: no imports, no chunks.
  vite: { worker: { format: 'iife' } },
  markdown: {
    remarkPlugins: [remarkMath, remarkCells],
    rehypePlugins: [rehypeKatex],
  },
  integrations: [
    starlight({
      title: 'micrograd in TypeScript',
      description: 'Backpropagation from scratch: a literate, runnable re-telling of micrograd.',
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chapters },
        ...(pages.length ? [{ label: 'Tools', items: pages }] : []),
      ],
    }),
    mdx(),
  ],
});
