import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [
    starlight({
      title: 'micrograd in TypeScript',
      description: 'Backpropagation from scratch: a literate, runnable re-telling of micrograd.',
    }),
    mdx(),
  ],
});
