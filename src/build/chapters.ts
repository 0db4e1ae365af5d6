// Chapters are content/NN-slug.mdx, read in the order of their numbers; the slug is the rest of the name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function chapterFiles(contentDir: string): { file: string; slug: string }[] {
  return readdirSync(contentDir)
    .filter((f) => /^\d+-[\w-]+\.mdx$/.test(f))
    .sort()
    .map((file) => ({ file: join(contentDir, file), slug: file.replace(/^\d+-/, '').replace(/\.mdx$/, '') }));
}
