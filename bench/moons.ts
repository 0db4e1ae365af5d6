// npm run bench: time micrograd's moons demo on the engine against the hand-written floor.
// Prints a table, then one JSON line: msPerStep, baselineMsPerStep, ratio, nodesPerStep, accuracy.
//
// npm run bench -- --against REF also loads lib/ as it is at git commit REF (git show REF:lib/…,
// into a temporary folder) and times both engines side by side in this one process: each round
// trains once on each, in turns first, so both see the machine in the same state. The JSON line
// then adds againstMsPerStep and speedup: the median over rounds of REF's time over this
// engine's (above 1: this engine is faster).
//
// Times are CPU time (process.cpuUsage: this process's user and system time, its GC threads
// included), not wall-clock time: on a machine shared with other work, a process waiting for a
// core is not slower code. --runs N sets the number of timed runs (rounds); --wall times by the
// clock instead.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as current from '../lib/moons.ts';
import { baselineStep, fromMLP } from './baseline.ts';

type Moons = typeof current;

const STEPS = 100;
const { X, y } = current.makeMoons(100, 0.1);
const { values: args } = parseArgs({
  options: { against: { type: 'string' }, runs: { type: 'string', default: '21' }, wall: { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);

/** Milliseconds of CPU time (or of the clock, with --wall) since an arbitrary start. */
const now = args.wall
  ? () => performance.now()
  : () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Trains a fresh model for STEPS steps with one copy of lib; returns ms per step and the last loss. */
function engineRun(lib: Moons): { ms: number; loss: number } {
  const model = lib.moonsModel();
  const t0 = now();
  let loss = 0;
  for (let k = 0; k < STEPS; k++) loss = lib.moonsStep(model, X, y, k, STEPS).loss;
  return { ms: (now() - t0) / STEPS, loss };
}

function baselineRun(): number {
  const layers = fromMLP(current.moonsModel());
  const t0 = now();
  for (let k = 0; k < STEPS; k++) baselineStep(layers, X, y, k, STEPS);
  return (now() - t0) / STEPS;
}

/** lib/ as committed at ref, written to a temporary folder and imported from there. */
async function libAt(ref: string): Promise<Moons> {
  const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const dir = mkdtempSync(join(tmpdir(), 'bench-lib-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const path of git('ls-tree', '--name-only', `${ref}:lib/`).split('\n').filter((p) => p.endsWith('.ts'))) {
    writeFileSync(join(dir, path), git('show', `${ref}:lib/${path}`));
  }
  return import(join(dir, 'moons.ts'));
}

const against = args.against ? await libAt(args.against) : null;

// Warm-up, then rounds: each round runs every engine once, in turns first.
const engines: Moons[] = against ? [current, against] : [current];
for (let i = 0; i < 3; i++) for (const lib of engines) engineRun(lib);
const times: number[][] = engines.map(() => []);
const losses: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const order = engines.map((_, i) => i);
  if (r % 2 === 1) order.reverse();
  for (const i of order) {
    const { ms, loss } = engineRun(engines[i]);
    times[i].push(ms);
    losses[i] = loss;
  }
}
const msPerStep = median(times[0]);
for (let i = 0; i < 5; i++) baselineRun();
const baselineMsPerStep = median(Array.from({ length: 31 }, baselineRun));

const model = current.moonsModel();
for (let k = 0; k < STEPS; k++) current.moonsStep(model, X, y, k, STEPS);
const final = current.moonsLoss(model, X, y);
const nodesPerStep = final.loss.topologicalOrder().length;
const ratio = msPerStep / baselineMsPerStep;

const clock = args.wall ? 'wall-clock' : 'CPU';
const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
console.log(`moons: 100 points, MLP(2, [16, 16, 1]), ${STEPS} SGD steps, Node ${process.version}, ${clock} time`);
console.log(
  `engine     ${msPerStep.toFixed(3)} ms/step (median of ${RUNS}; ${range(times[0])}), ${nodesPerStep} nodes/step, ` +
    `${Math.round((nodesPerStep / msPerStep) * 1000).toLocaleString('en')} nodes/s`,
);
const extra: Record<string, number> = {};
if (against) {
  extra.againstMsPerStep = median(times[1]);
  extra.speedup = median(times[1].map((t, r) => t / times[0][r]));
  console.log(`${args.against?.padEnd(10)} ${extra.againstMsPerStep.toFixed(3)} ms/step (median of ${RUNS}; ${range(times[1])})`);
  console.log(
    `speedup    ${extra.speedup.toFixed(3)}× (median over rounds of ${args.against}'s time over this engine's); ` +
      `last losses ${losses[0]} and ${losses[1]}`,
  );
}
console.log(`baseline   ${baselineMsPerStep.toFixed(3)} ms/step (Float64Array, by hand)`);
console.log(`ratio      ${ratio.toFixed(1)}×; final loss ${final.loss.data.toFixed(4)}, accuracy ${final.accuracy}`);
console.log(JSON.stringify({ msPerStep, baselineMsPerStep, ratio, nodesPerStep, accuracy: final.accuracy, ...extra }));
