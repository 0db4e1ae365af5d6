// Builds the site once per test run, into a folder of its own, and reads its pages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { chapterFiles } from '../src/build/chapters.ts';

export const ROOT = new URL('..', import.meta.url).pathname;

let outDir: string | undefined;
export let buildSeconds = 0;

export function buildSite(): string {
  if (outDir) return outDir;
  outDir = mkdtempSync(join(tmpdir(), 'micrograd-site-'));
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'pipe',
    // Build what ships: under vitest NODE_ENV is 'test', and Vite would build for development.
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  buildSeconds = (performance.now() - started) / 1000;
  return outDir;
}

/** Chapters are content/NN-slug.mdx; the slug is the rest of the file name. */
export function chapters(): { file: string; slug: string; source: string }[] {
  return chapterFiles(join(ROOT, 'content')).map(({ file, slug }) => ({ file, slug, source: readFileSync(file, 'utf8') }));
}

/** Every HTML page of the built site, by URL path. */
export function pages(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.set(`/${path}`.replace(/index\.html$/, ''), readFileSync(join(dir, path), 'utf8'));
    }
  };
  walk('');
  return found;
}

export function page(dir: string, slug: string): CheerioAPI {
  const file = join(dir, slug, 'index.html');
  if (!existsSync(file)) throw new Error(`no page /${slug}/ in the build`);
  return load(readFileSync(file, 'utf8'));
}
