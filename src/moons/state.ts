// A training state as the page receives it from the sandbox, where nothing is trusted: numbers
// only, of the right count and range, or nothing.

import { moonsModel } from '../../lib/moons.ts';
import { COLS, ROWS } from './view.ts';
import { STEPS, type TrainState } from './train.ts';

const PARAMS = moonsModel().parameters().length;

const numbers = (x: unknown, length: number): x is number[] =>
  Array.isArray(x) && x.length === length && x.every((v) => typeof v === 'number');

/** The state, if data is one; a diverged run's loss and scores may be any number, even infinite. */
export function parseState(data: unknown): TrainState | null {
  if (typeof data !== 'object' || data === null) return null;
  const { step, loss, accuracy, grid, params } = data as Record<string, unknown>;
  if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > STEPS) return null;
  if (typeof loss !== 'number' || typeof accuracy !== 'number' || !(accuracy >= 0 && accuracy <= 1)) return null;
  if (!numbers(grid, COLS * ROWS) || !numbers(params, PARAMS)) return null;
  return { step: step as number, loss, accuracy, grid: [...grid], params: [...params] };
}
