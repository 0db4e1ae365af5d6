// bench/baseline.ts is the benchmark's floor: the moons workload written by hand on
// Float64Arrays. It is only a fair floor if it computes what the engine computes.
import { describe, expect, it } from 'vitest';
import { baselineStep, fromMLP } from '../../bench/baseline.ts';
import { makeMoons, moonsModel, moonsStep } from '../../lib/moons.ts';

describe('the hand-written floor of the benchmark', () => {
  it('follows moonsStep step for step: the same loss (to 1e-12) and accuracy for 100 steps', () => {
    const { X, y } = makeMoons(100, 0.1);
    const model = moonsModel();
    const layers = fromMLP(model);
    const steps = 100;
    const losses: number[] = [];
    for (let k = 0; k < steps; k++) {
      const engine = moonsStep(model, X, y, k, steps);
      const floor = baselineStep(layers, X, y, k, steps);
      expect(Math.abs(floor.loss - engine.loss), `step ${k}`).toBeLessThanOrEqual(1e-12);
      expect(floor.accuracy, `step ${k}`).toBe(engine.accuracy);
      losses.push(engine.loss);
    }
    // It really trains, so the comparison covers a model that changes: the loss falls tenfold.
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) / 10);
  });
});
