import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { drawDot, trace } from '../../lib/graph.ts';
import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import { MLP } from '../../lib/nn.ts';
import { pointGraph } from '../../src/moons/point-graph.ts';
import { COLS, POINTS, ROWS, STEPS, type TrainState, Training, VIEW, gridPoints, moonsData, scoresAt } from '../../src/moons/training.ts';

/** Every state a fresh training reports over `steps` steps, the start included. */
function run(seed: number, lr: number, steps = STEPS): TrainState[] {
  const training = new Training(seed);
  const states = [training.state()];
  training.train(steps, lr, (s) => states.push(s));
  return states;
}

const full = run(1337, 1);

describe('the moons training', () => {
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

  it('reaches 100% training accuracy within the 100 steps, and stops there', () => {
    expect(full[STEPS].accuracy).toBe(1);
    expect(full.findIndex((s) => s.accuracy === 1)).toBeLessThan(STEPS);
    const training = new Training(1337, undefined, full[STEPS]);
    const after: TrainState[] = [];
    expect(training.train(5, 1, (s) => after.push(s))).toEqual(full[STEPS]);
    expect(after).toEqual([full[STEPS]]);
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

  it('trains in pieces exactly as in one go, and resumes from a state as if it had never stopped', () => {
    const training = new Training(1337);
    const pieces: TrainState[] = [];
    for (const steps of [1, 1, 1, 7]) training.train(steps, 1, (s) => pieces.push(s));
    expect(pieces).toEqual(full.slice(1, 11));
    const resumed = new Training(1337, undefined, full[90]);
    expect(resumed.state()).toEqual(full[90]);
    const rest: TrainState[] = [];
    resumed.train(STEPS, 1, (s) => rest.push(s));
    expect(rest).toEqual(full.slice(91));
  });

  it('stops early when told, after at least one step', () => {
    const training = new Training(1337);
    const states: TrainState[] = [];
    let asked = 0;
    const last = training.train(STEPS, 1, (s) => states.push(s), () => ++asked < 3);
    expect(states.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(last).toEqual(full[3]);
    expect(training.train(STEPS, 1, () => {}, () => false)).toEqual(full[4]);
  });

  it('takes its data and initial weights from the seed, and its step size from lr', () => {
    const other = run(7, 1, 1);
    expect(other[0].params).not.toEqual(full[0].params);
    expect(moonsData(7).X).not.toEqual(moonsData(1337).X);
    const slow = run(1337, 0.5, 1);
    // Half the learning rate moves every parameter half as far on the first step.
    slow[1].params.forEach((p, i) => {
      const moved = full[1].params[i] - full[0].params[i];
      expect(p - full[0].params[i]).toBeCloseTo(moved / 2, 12);
    });
  });

  it('trains on any data set, as lib does on the same points', () => {
    const data = { X: [[0, 0], [1, 1], [2, -0.5], [-1, 0.5], [0.5, 0.2]], y: [1, -1, 1, -1, 1] };
    const training = new Training(3, data);
    const states: TrainState[] = [];
    training.train(10, 1, (s) => states.push(s));
    const model = moonsModel(3);
    for (let k = 0; k < 10; k++) moonsStep(model, data.X, data.y, k, STEPS);
    const final = moonsLoss(model, data.X, data.y);
    expect(states.at(-1)).toMatchObject({ step: 10, loss: final.loss.data, accuracy: final.accuracy });
    // The data set is the training's own copy: changing the caller's array afterwards changes nothing.
    data.X[0][0] = 100;
    expect(training.state()).toEqual(states.at(-1));
  });

  it('rejects a malformed data set, resume state, step count or learning rate, saying what is wrong', () => {
    expect(() => new Training(1, { X: [], y: [] })).toThrow(/at least one/);
    expect(() => new Training(1, { X: [[0, 0]], y: [1, -1] })).toThrow(/same number of points/);
    expect(() => new Training(1, { X: [[0, NaN]], y: [1] })).toThrow(/point 0 must be two finite numbers/);
    expect(() => new Training(1, { X: [[0, 0, 0]], y: [1] })).toThrow(/point 0/);
    expect(() => new Training(1, { X: [[0, 0]], y: [0] })).toThrow(/label 0 must be −1 or 1/);
    expect(() => new Training(1, undefined, { step: 3, params: [1, 2] })).toThrow(/cannot resume at step 3 with 2 of 337 parameters/);
    expect(() => new Training(1, undefined, { step: 101, params: full[0].params })).toThrow(RangeError);
    const training = new Training(1);
    expect(() => training.train(1.5, 1, () => {})).toThrow(/whole number/);
    expect(() => training.train(1, 0, () => {})).toThrow(/learning rate must be a positive number, got 0/);
    expect(() => training.train(1, NaN, () => {})).toThrow(/learning rate/);
    expect(training.step).toBe(0);
  });
});

describe('scoresAt', () => {
  const points = [[0, 0], [1.5, -0.25], [-1, 0.8], [2.4, 1.4], [0.3, -0.9]];

  it('equals model.forward to the last bit, for every activation', () => {
    for (const model of [moonsModel(), moonsModel(7), new MLP(2, [4, 3, 1], { seed: 3 }), new MLP(2, [5, 1], { activation: 'linear' })]) {
      expect(scoresAt(model, points)).toEqual(points.map((x) => (model.forward(x) as { data: number }).data));
    }
  });
});

describe('gridPoints', () => {
  it('samples cell centres inside the view, row by row from the top', () => {
    const grid = gridPoints();
    expect(grid).toHaveLength(COLS * ROWS);
    for (const [x, y] of grid) {
      expect(x).toBeGreaterThan(VIEW.x0);
      expect(x).toBeLessThan(VIEW.x1);
      expect(y).toBeGreaterThan(VIEW.y0);
      expect(y).toBeLessThan(VIEW.y1);
    }
    expect(grid[0][1]).toBeGreaterThan(grid.at(-1)![1]);
    expect(grid[1][0]).toBeGreaterThan(grid[0][0]);
  });
});

describe("a point's graph", () => {
  it('is lib’s drawDot of the model’s score at the point, after backward(), and leaves training as it was', () => {
    const training = new Training(1337);
    const { dot, graph, score } = pointGraph(training.model, [0.5, 0.25]);
    // The same forward and backward, written out on lib's own model.
    const model = moonsModel(1337);
    const inputs = [new Value(0.5, { label: 'x1' }), new Value(0.25, { label: 'x2' })];
    const out = model.forward(inputs) as Value;
    out.label = 'score';
    out.backward();
    expect(dot).toBe(drawDot(out));
    expect(score).toBe(out.data);
    expect(graph.values.length).toBe(trace(out).nodes.length);
    expect(graph.values.find((v) => v.name === 'score')?.grad).toBe('1.0000');
    // The 32 ReLU neurons as boxes (the linear output has no activation to know it by).
    expect(graph.groups?.length).toBe(32);
    // Its grads are not left for training to see.
    const untouched = new Training(1337);
    expect(training.train(3, 1, () => {})).toEqual(untouched.train(3, 1, () => {}));
    expect(() => pointGraph(training.model, [Number.NaN, 0])).toThrow(RangeError);
  });
});
