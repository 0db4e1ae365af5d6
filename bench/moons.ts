// npm run bench: time micrograd's moons demo on the engine against the hand-written floor.
// Prints a table, then one JSON line: msPerStep, baselineMsPerStep, ratio, nodesPerStep, accuracy.

import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../lib/moons.ts';
import { baselineStep, fromMLP } from './baseline.ts';

const STEPS = 100;
const { X, y } = makeMoons(100, 0.1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Trains a fresh model for STEPS steps; returns ms per step. */
function engineRun(): number {
  const model = moonsModel();
  const t0 = performance.now();
  for (let k = 0; k < STEPS; k++) moonsStep(model, X, y, k, STEPS);
  return (performance.now() - t0) / STEPS;
}

function baselineRun(): number {
  const layers = fromMLP(moonsModel());
  const t0 = performance.now();
  for (let k = 0; k < STEPS; k++) baselineStep(layers, X, y, k, STEPS);
  return (performance.now() - t0) / STEPS;
}

function measure(run: () => number, warmups: number, runs: number): number {
  for (let i = 0; i < warmups; i++) run();
  return median(Array.from({ length: runs }, run));
}

const msPerStep = measure(engineRun, 3, 11);
const baselineMsPerStep = measure(baselineRun, 5, 31);

const model = moonsModel();
for (let k = 0; k < STEPS; k++) moonsStep(model, X, y, k, STEPS);
const final = moonsLoss(model, X, y);
const nodesPerStep = final.loss.topologicalOrder().length;
const ratio = msPerStep / baselineMsPerStep;

console.log(`moons: 100 points, MLP(2, [16, 16, 1]), ${STEPS} SGD steps, Node ${process.version}`);
console.log(`engine     ${msPerStep.toFixed(3)} ms/step, ${nodesPerStep} nodes/step, ${Math.round((nodesPerStep / msPerStep) * 1000).toLocaleString('en')} nodes/s`);
console.log(`baseline   ${baselineMsPerStep.toFixed(3)} ms/step (Float64Array, by hand)`);
console.log(`ratio      ${ratio.toFixed(1)}×; final loss ${final.loss.data.toFixed(4)}, accuracy ${final.accuracy}`);
console.log(JSON.stringify({ msPerStep, baselineMsPerStep, ratio, nodesPerStep, accuracy: final.accuracy }));
