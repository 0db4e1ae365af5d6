import { describe, expect, it } from 'vitest';
import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import { scoresAt } from '../../src/moons/scores.ts';
import { POINTS, STEPS, type TrainState, moonsData, train } from '../../src/moons/train.ts';
import { COLS, ROWS, gridPoints } from '../../src/moons/view.ts';

const run = (job: Parameters<typeof train>[0]) => {
  const states: TrainState[] = [];
  train(job, (s) => states.push(s));
  return states;
};

describe('the moons training job', () => {
  const full = run({ seed: 1337, lr: 1, from: 0, to: STEPS });

  it('reports states 0…100, with the numbers of the loop npm run bench runs', () => {
    expect(full.map((s) => s.step)).toEqual(Array.from({ length: STEPS + 1 }, (_, k) => k));
    const { X, y } = makeMoons(100, 0.1);
    const model = moonsModel();
    for (let k = 0; k < STEPS; k++) {
      const { loss, accuracy } = moonsStep(model, X, y, k, STEPS);
      expect([full[k].loss, full[k].accuracy]).toEqual([loss, accuracy]);
    }
    const final = moonsLoss(model, X, y);
    expect([full[STEPS].loss, full[STEPS].accuracy]).toEqual([final.loss.data, final.accuracy]);
    expect(full[STEPS].params).toEqual(model.parameters().map((p) => p.data));
  });

  it('reaches 100% training accuracy within the 100 steps', () => {
    expect(full[STEPS].accuracy).toBe(1);
    expect(full.findIndex((s) => s.accuracy === 1)).toBeLessThan(STEPS);
  });

  it('pictures each state: its scores on the grid, and an accuracy that agrees with them', () => {
    const { X, y } = moonsData(1337);
    for (const state of [full[0], full[50], full[STEPS]]) {
      expect(state.grid).toHaveLength(COLS * ROWS);
      const model = moonsModel();
      model.parameters().forEach((p, i) => (p.data = state.params[i]));
      expect(state.grid).toEqual(scoresAt(model, gridPoints()));
      const right = scoresAt(model, X).filter((s, i) => s > 0 === y[i] > 0).length;
      expect(state.accuracy).toBe(right / POINTS);
    }
  });

  it('resumes from a state as if it had never stopped', () => {
    const first = run({ seed: 1337, lr: 1, from: 0, to: 40 });
    const rest = run({ seed: 1337, lr: 1, from: 40, to: STEPS, params: first[40].params });
    expect(rest[0]).toEqual(first[40]);
    expect(rest.at(-1)).toEqual(full[STEPS]);
  });

  it('evaluates without training when from equals to', () => {
    expect(run({ seed: 1337, lr: 1, from: 0, to: 0 })).toEqual([full[0]]);
  });

  it('takes its data and initial weights from the seed, and its step size from lr', () => {
    const other = run({ seed: 7, lr: 1, from: 0, to: 1 });
    expect(other[0].params).not.toEqual(full[0].params);
    expect(moonsData(7).X).not.toEqual(moonsData(1337).X);
    const slow = run({ seed: 1337, lr: 0.5, from: 0, to: 1 });
    // Half the learning rate moves every parameter half as far on the first step.
    slow[1].params.forEach((p, i) => {
      const moved = full[1].params[i] - full[0].params[i];
      expect(p - full[0].params[i]).toBeCloseTo(moved / 2, 12);
    });
  });
});
