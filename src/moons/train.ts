// The moons demo's training, as the live page asks for it: steps from…to of micrograd's 100,
// reporting the model's state at each. It runs in the sandbox worker, and at build time for the
// page without JavaScript; both call lib's moonsStep, as npm run bench does.

import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import { Random } from '../../lib/random.ts';
import { scoresAt } from './scores.ts';
import { gridPoints } from './view.ts';

export const STEPS = 100;
export const POINTS = 100;

export interface TrainJob {
  /** Seeds both the data and the model's initial weights. */
  seed: number;
  /** Scales micrograd's learning-rate schedule; 1 is micrograd's. */
  lr: number;
  /** Steps already done: with from > 0, params holds the model after them. */
  from: number;
  to: number;
  params?: number[];
}

/** The model after `step` steps: loss and training accuracy, scores on the view's grid, parameters. */
export interface TrainState {
  step: number;
  loss: number;
  accuracy: number;
  grid: number[];
  params: number[];
}

/** micrograd's dataset: 100 points, noise 0.1. */
export function moonsData(seed: number): { X: number[][]; y: number[] } {
  return makeMoons(POINTS, 0.1, new Random(seed));
}

/** Reports every state from job.from to job.to, in order. */
export function train(job: TrainJob, report: (state: TrainState) => void): void {
  const { X, y } = moonsData(job.seed);
  const model = moonsModel(job.seed);
  const params = model.parameters();
  job.params?.forEach((p, i) => (params[i].data = p));
  const grid = gridPoints();
  const picture = () => ({ grid: scoresAt(model, grid), params: params.map((p) => p.data) });
  for (let k = job.from; k < job.to; k++) {
    // moonsStep measures the model as it was before its update: picture that model first.
    const before = picture();
    const { loss, accuracy } = moonsStep(model, X, y, k, STEPS, job.lr);
    report({ step: k, loss, accuracy, ...before });
  }
  const { loss, accuracy } = moonsLoss(model, X, y);
  report({ step: job.to, loss: loss.data, accuracy, ...picture() });
}
