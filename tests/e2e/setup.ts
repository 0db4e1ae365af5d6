// Builds the site into a folder of its own (others may be rebuilding dist/ meanwhile) and serves
// it on a free localhost port for every browser test file.

import type { TestProject } from 'vitest/node';
import { buildSite } from '../../tools/built-site.ts';
import { serve } from '../../tools/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    dist: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = buildSite();
  const server = await serve(dist);
  project.provide('origin', server.origin);
  project.provide('dist', dist);
  return server.close;
}
