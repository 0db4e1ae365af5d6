// Every exercise in the book, as a reader meets it: after the cells before it, the start code
// runs and fails its check, the solution passes, and each likely wrong answer written beside it
// (```ts wrong) fails with a message that says what is wrong. The build proves the first two
// again (src/remark/exercise-proof.ts); here a broken exercise is named by npm test too.

import { describe, expect, it } from 'vitest';
import { chapterFiles } from '../../src/build/chapters.ts';
import { bookExercises } from '../../src/exercises/book.ts';
import { exerciseManifest } from '../../src/exercises/manifest.ts';
import { type ExerciseResult, passed, runExercise } from '../../src/exercises/run.ts';

const all = bookExercises();

/** What failed, in words: an error of the code, or the messages of the failing items. */
function failures({ results, items }: ExerciseResult): string[] {
  const error = results.at(-1)?.error;
  if (error) return [`${error.name}: ${error.message}`];
  return (items ?? []).filter((i) => !i.pass).map((i) => `${i.name}: ${i.message}`);
}

describe('the book has exercises', () => {
  it('at least ten, with ids unique in the book, in every chapter', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    const ids = all.map((e) => e.exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(all.map((e) => e.slug))).toEqual(new Set(chapterFiles('content').map((c) => c.slug)));
  });

  it("and the sidebar's manifest lists each chapter's, in page order", () => {
    const expected: Record<string, string[]> = {};
    for (const { slug, exercise } of all) (expected[slug] ??= []).push(exercise.id);
    expect(exerciseManifest()).toEqual(expected);
  });
});

describe.each(all.map((e) => [`${e.chapter} › ${e.exercise.id}`, e] as const))('%s', (_, { exercise, cells }) => {
  it('its start code runs and fails the check', async () => {
    const result = await runExercise([...cells, exercise.start], exercise.check);
    expect(result.results.at(-1)?.error ?? null).toBeNull();
    expect(result.items?.length).toBeGreaterThan(0);
    expect(passed(result.items)).toBe(false);
    // Nothing to learn from a bare "wrong": every failing item says why.
    for (const item of result.items!.filter((i) => !i.pass)) expect(item.message.length, item.name).toBeGreaterThan(20);
  });

  it('its solution passes', async () => {
    const result = await runExercise([...cells, exercise.solution], exercise.check);
    expect(failures(result)).toEqual([]);
    expect(passed(result.items)).toBe(true);
  });

  it.runIf(exercise.wrong.length > 0).each(exercise.wrong.map((w, k) => [k + 1, w] as const))('likely wrong answer %i fails, saying why', async (_k, wrong) => {
    const result = await runExercise([...cells, wrong.code], exercise.check);
    expect(passed(result.items)).toBe(false);
    const said = failures(result);
    expect(said.length).toBeGreaterThan(0);
    if (wrong.expect) expect(said.join('\n')).toContain(wrong.expect);
  });
});
