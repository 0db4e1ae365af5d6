// A chapter is content/NN-slug.mdx: NN is its place in the reading order and the rest of the name
// its address (/slug/). The file name is the only place either is written: the content collection
// (src/content.config.ts), the sidebar (astro.config.mjs) and the tests all read them from here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const CHAPTER = /^\d+-[\w-]+\.mdx$/;

/** A content file's page slug: its name without the extension and, for a chapter, without its number. */
export function slugOf(file: string): string {
  return file.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** The chapters in contentDir, in reading order: each file's path and slug. */
export function chapterFiles(contentDir: string): { file: string; slug: string }[] {
  return readdirSync(contentDir)
    .filter((f) => CHAPTER.test(f))
    .sort()
    .map((file) => ({ file: join(contentDir, file), slug: slugOf(file) }));
}
