import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import remarkCells from './src/remark/cells.ts';

export default defineConfig({
  markdown: {
    remarkPlugins: [remarkMath, remarkCells],
    rehypePlugins: [rehypeKatex],
  },
  integrations: [
    starlight({
      title: 'micrograd in TypeScript',
      description: 'Backpropagation from scratch: a literate, runnable re-telling of micrograd.',
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      sidebar: [{ label: 'Chapters', items: [{ autogenerate: { directory: '.' } }] }],
    }),
    mdx(),
  ],
});
