// Which exercises each chapter has, for the sidebar's done marks on every page: read at build
// time from the chapters, as the remark plugin reads them (book.ts).

import { bookExercises } from './book.ts';

let cached: Record<string, string[]> | undefined;

/** Each chapter's slug, with the ids of its exercises in page order; chapters without any are left out. */
export function exerciseManifest(): Record<string, string[]> {
  cached ??= bookExercises().reduce<Record<string, string[]>>((manifest, { slug, exercise }) => {
    (manifest[slug] ??= []).push(exercise.id);
    return manifest;
  }, {});
  return cached;
}
