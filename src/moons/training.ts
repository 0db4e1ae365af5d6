// The moons demo's data, model and training, with no DOM: the page's training worker
// (training-worker.ts) runs it live, and the build runs it to draw a finished run for readers
// without JavaScript. It calls lib's moonsStep, as the chapter's cells and npm run bench do.

import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import type { Activation, MLP } from '../../lib/nn.ts';
import { Random } from '../../lib/random.ts';

/** micrograd's demo trains for 100 steps, on 100 points. */
export const STEPS = 100;
export const POINTS = 100;

/** The part of the plane the demo draws, in data units: both moons and their noise. Grid cells are 0.1 square. */
export const VIEW = { x0: -1.5, x1: 2.5, y0: -1.0, y1: 1.5 } as const;
export const COLS = 40;
export const ROWS = 25;

/** The centre of every grid cell, row by row from the top (largest y) down, as an image is stored. */
export function gridPoints(): number[][] {
  const points: number[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const y = VIEW.y1 - ((r + 0.5) * (VIEW.y1 - VIEW.y0)) / ROWS;
    for (let c = 0; c < COLS; c++) points.push([VIEW.x0 + ((c + 0.5) * (VIEW.x1 - VIEW.x0)) / COLS, y]);
  }
  return points;
}

/** A data set: points X (each [x, y] in data units) and their labels y (−1 or +1), as makeMoons returns them. */
export interface MoonsData {
  X: number[][];
  y: number[];
}

/** micrograd's data set for a seed: 100 points, noise 0.1. */
export function moonsData(seed: number): MoonsData {
  return makeMoons(POINTS, 0.1, new Random(seed));
}

/** The model after `step` steps: loss and training accuracy, scores on the view's grid, parameters. */
export interface TrainState {
  step: number;
  loss: number;
  accuracy: number;
  /** The model's score at each of gridPoints(). */
  grid: number[];
  params: number[];
}

/** A model to carry on from: its parameters after `step` steps (a TrainState has both). */
export interface Resume {
  step: number;
  params: number[];
}

const ACTIVATE: Record<Activation, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  tanh: Math.tanh,
  linear: (x) => x,
};

/**
 * model.forward(x).data for each x, to the last bit (the same sums in the same order as
 * Neuron.forward), without building a graph: the picture needs a thousand scores per step.
 */
export function scoresAt(model: MLP, points: number[][]): number[] {
  const layers = model.layers.map((layer) =>
    layer.neurons.map((n) => ({ w: n.w.map((wi) => wi.data), b: n.b.data, activate: ACTIVATE[n.activation] })),
  );
  return points.map((x) => {
    let input = x;
    for (const neurons of layers) {
      input = neurons.map(({ w, b, activate }) => {
        let act = b;
        for (let i = 0; i < w.length; i++) act = act + w[i] * input[i];
        return activate(act);
      });
    }
    return input[0];
  });
}

function checkData({ X, y }: MoonsData): void {
  if (!Array.isArray(X) || !Array.isArray(y) || X.length !== y.length || X.length === 0) {
    throw new RangeError('moons data: X and y need the same number of points, at least one');
  }
  X.forEach((point, i) => {
    if (!Array.isArray(point) || point.length !== 2 || !point.every(Number.isFinite)) {
      throw new RangeError(`moons data: point ${i} must be two finite numbers [x, y], got ${JSON.stringify(point)}`);
    }
    if (y[i] !== -1 && y[i] !== 1) throw new RangeError(`moons data: label ${i} must be −1 or 1, got ${String(y[i])}`);
  });
}

/**
 * micrograd's demo model (lib's moonsModel) on a data set, trained one full-batch SGD step at a
 * time with micrograd's decaying learning rate, for at most STEPS steps. Throws RangeError on a
 * malformed data set or resume state.
 */
export class Training {
  readonly #model: MLP;
  readonly #data: MoonsData;
  readonly #grid = gridPoints();
  #step = 0;

  /** The untrained model of `seed` (it draws the initial weights), or `resume`'s; data defaults to micrograd's for the seed. */
  constructor(seed: number, data: MoonsData = moonsData(seed), resume?: Resume) {
    checkData(data);
    this.#data = { X: data.X.map(([a, b]) => [a, b]), y: [...data.y] };
    this.#model = moonsModel(seed);
    if (resume) {
      const params = this.#model.parameters();
      if (!Number.isInteger(resume.step) || resume.step < 0 || resume.step > STEPS || resume.params.length !== params.length) {
        throw new RangeError(`moons training: cannot resume at step ${resume.step} with ${resume.params.length} of ${params.length} parameters`);
      }
      resume.params.forEach((p, i) => (params[i].data = p));
      this.#step = resume.step;
    }
  }

  get step(): number {
    return this.#step;
  }

  /** The model as it is now, measured on the data (lib's moonsLoss) and pictured. */
  state(): TrainState {
    const { loss, accuracy } = moonsLoss(this.#model, this.#data.X, this.#data.y);
    return { step: this.#step, loss: loss.data, accuracy, ...this.#picture() };
  }

  /**
   * Trains up to `steps` more steps (never past STEPS) at learning rate × lr, while keepGoing()
   * says so (it is asked before every step but the first). Reports the state after each step, in
   * order, and returns the last.
   */
  train(steps: number, lr: number, report: (state: TrainState) => void, keepGoing: () => boolean = () => true): TrainState {
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`moons training: steps must be a whole number ≥ 0, got ${steps}`);
    if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`moons training: the learning rate must be a positive number, got ${lr}`);
    const start = this.#step;
    const end = Math.min(STEPS, start + steps);
    const { X, y } = this.#data;
    while (this.#step < end && (this.#step === start || keepGoing())) {
      const k = this.#step;
      // moonsStep measures the model before it updates it: that is state k, which the first
      // step's caller already has. Picture the model first; the update changes it.
      const picture = k > start ? this.#picture() : undefined;
      const { loss, accuracy } = moonsStep(this.#model, X, y, k, STEPS, lr);
      this.#step = k + 1;
      if (picture) report({ step: k, loss, accuracy, ...picture });
    }
    const last = this.state();
    report(last);
    return last;
  }

  /** The model as it is now (point-graph.ts draws a point's score through it). */
  get model(): MLP {
    return this.#model;
  }

  #picture(): { grid: number[]; params: number[] } {
    return { grid: scoresAt(this.#model, this.#grid), params: this.#model.parameters().map((p) => p.data) };
  }
}
