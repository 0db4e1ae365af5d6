// Builds the site once, into a folder of its own, for every site test file (two builds of one
// project at once would collide in .astro/).

import type { TestProject } from 'vitest/node';
import { buildSeconds, buildSite } from '../../tools/built-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dist: string;
  }
}

export default function setup(project: TestProject) {
  const dist = buildSite();
  console.log(`site built in ${buildSeconds.toFixed(1)} s`);
  project.provide('dist', dist);
}
