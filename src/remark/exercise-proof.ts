// The build's proof that each exercise of a chapter can be failed and passed: after the cells
// before it, its start code must run and fail its check, and its solution must pass it. Runs in a
// worker thread of its own per chapter (a ChapterSession), beside the chapter's cells, never in
// their session: an exercise's code cannot change what later cells show. Each proof gets a fresh
// session (src/exercises/run.ts); the proofs of one chapter share that worker's realm.

import { passed } from '../exercises/run.ts';
import type { ExerciseResult } from '../exercises/run.ts';
import { errorPlace } from '../runner/render.ts';
import { ChapterSession } from './chapter-session.ts';
import type { Exercise } from './exercises.ts';

export class ExerciseProofs {
  readonly #chapter: string;
  readonly #timeLimitMs: number | undefined;
  #session: ChapterSession | undefined;
  /** One proof at a time, in the chapter's order; the first failure is kept. */
  #queue: Promise<void> = Promise.resolve();
  #failure: Error | undefined;

  constructor(chapter: string, timeLimitMs?: number) {
    this.#chapter = chapter;
    this.#timeLimitMs = timeLimitMs;
  }

  /** Queues the proof of an exercise that follows `cells` (their code, in order). */
  prove(exercise: Exercise, cells: string[]): void {
    this.#queue = this.#queue.then(async () => {
      if (this.#failure) return;
      try {
        await this.#prove(exercise, cells);
      } catch (e) {
        this.#failure = e as Error;
      }
    });
  }

  /** Waits for every queued proof; throws the first failure. */
  async done(): Promise<void> {
    await this.#queue;
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    await this.#session?.close();
  }

  async #prove(exercise: Exercise, cells: string[]): Promise<void> {
    const where = `${this.#chapter}: exercise "${exercise.id}"${exercise.line ? ` (line ${exercise.line})` : ''}`;
    this.#session ??= new ChapterSession(this.#timeLimitMs);
    const run = async (code: string, what: string): Promise<ExerciseResult> => {
      try {
        return await this.#session!.exercise([...cells, code], exercise.check);
      } catch (e) {
        throw new Error(`${where}: ${what} ${(e as Error).message}`);
      }
    };
    const start = await run(exercise.start, 'start code');
    const startError = failure(start, cells.length);
    if (startError) throw new Error(`${where}: its start code failed to run: ${startError}`);
    if (passed(start.items)) throw new Error(`${where}: its check passes on the start code, so a reader who changes nothing would pass`);
    const solution = await run(exercise.solution, 'solution');
    const solutionError = failure(solution, cells.length);
    if (solutionError) throw new Error(`${where}: its solution failed to run: ${solutionError}`);
    if (!passed(solution.items)) {
      const item = solution.items?.find((i) => !i.pass);
      throw new Error(`${where}: its solution does not pass its check: ${item ? `${item.name}: ${item.message}` : 'the check made no verdict'}`);
    }
  }
}

/** What failed in a run, in words: an earlier cell or the exercise's code; undefined if neither. */
function failure({ results }: ExerciseResult, cells: number): string | undefined {
  const last = results.at(-1);
  if (!last?.error) return undefined;
  const what = results.length <= cells ? `cell ${results.length} before it` : 'its code';
  return `${what} threw ${last.error.name}: ${last.error.message}${errorPlace(last.error)}`;
}
