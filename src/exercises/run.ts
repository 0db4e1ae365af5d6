// An exercise's run: the chapter's cells before it and the reader's code, in one fresh session as
// a cell's Run would, then the check, with `check` (a Checks) and `lib` (lib's modules) in scope.
// Pure: the sandbox's runner worker runs it for the page's Check, and the build proves each
// exercise with it (src/remark/exercise-proof.ts).

import * as engine from '../../lib/engine.ts';
import * as graph from '../../lib/graph.ts';
import * as moons from '../../lib/moons.ts';
import * as nn from '../../lib/nn.ts';
import * as random from '../../lib/random.ts';
import { type CellResult, Session } from '../runner/session.ts';
import { type CheckItem, Checks } from './grade.ts';

/**
 * lib as the check sees it, taken when this module loads, before any reader's code has run:
 * a reader who declares a `Value` or `drawDot` of their own changes their names, not these.
 * (Module namespaces cannot be changed; this object cannot either.)
 */
const lib = Object.freeze({ engine, nn, graph, random, moons });

export interface ExerciseResult {
  /** Each cell's result, then the reader's code's: as runCells gives them, stopping at the first that fails. */
  results: CellResult[];
  /** The check's verdicts; null when the check did not run because the cells or the reader's code failed. */
  items: CheckItem[] | null;
}

/**
 * Runs `sources` (the cells before the exercise, then the reader's code) in a fresh session,
 * then, if none failed, `check` in the same session with `check` and `lib` in scope. A check
 * that throws (it reads a name the reader removed, say) is one failed item that says so.
 */
export async function runExercise(sources: string[], check: string): Promise<ExerciseResult> {
  const session = new Session();
  const results: CellResult[] = [];
  for (const source of sources) {
    const result = await session.run(source);
    results.push(result);
    if (result.error) return { results, items: null };
  }
  const checks = new Checks();
  session.provide({ check: checks, lib });
  const { error } = await session.run(check);
  if (error) {
    const missing = error.name === 'ReferenceError' ? ' Keep the names the start code declares.' : '';
    checks.items.push({ name: 'your answer', pass: false, message: `the check could not read your answer: ${error.name}: ${error.message}.${missing}` });
  }
  return { results, items: checks.items };
}

/** Whether an exercise passed: its check ran, and every item passed. */
export function passed(items: readonly CheckItem[] | null): boolean {
  return items !== null && items.length > 0 && items.every((item) => item.pass);
}
