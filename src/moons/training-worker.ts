// The moons demo's training worker: trusted and same-origin (src/moons/demo.ts starts it with
// Vite's ?worker, as src/graphviz/page.ts starts Graphviz's), holding lib and the model, and no
// reader code. It answers requests one at a time, in the order they come: the states it reaches,
// then `done` (or an error).

import type { GraphData } from '../runner/graph-data.ts';
import { pointGraph } from './point-graph.ts';
import { type MoonsData, type Resume, type TrainState, Training } from './training.ts';

/** Page → worker. */
export type ToWorker =
  /** A new model (seed's initial weights, or resume's) on a data set, answered with its state. */
  | { type: 'load'; id: number; seed: number; data: MoonsData; resume?: Resume }
  /** Up to `steps` steps at learning rate × lr, a state per step; stops early once budgetMs have passed. */
  | { type: 'train'; id: number; steps: number; lr: number; budgetMs: number }
  /** The graph of the model's score at a point (point-graph.ts), with backward() run from it. */
  | { type: 'inspect'; id: number; point: number[] };

/** Worker → page. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'state'; id: number; state: TrainState }
  | { type: 'graph'; id: number; dot: string; graph: GraphData; score: number }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };

let training: Training | undefined;

const post = (message: FromWorker) => postMessage(message);

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.type === 'load') {
      training = new Training(request.seed, request.data, request.resume);
      post({ type: 'state', id, state: training.state() });
    } else if (request.type === 'train') {
      if (!training) throw new Error('moons training: no model loaded');
      const deadline = performance.now() + request.budgetMs;
      training.train(request.steps, request.lr, (state) => post({ type: 'state', id, state }), () => performance.now() < deadline);
    } else if (request.type === 'inspect') {
      if (!training) throw new Error('moons training: no model loaded');
      post({ type: 'graph', id, ...pointGraph(training.model, request.point) });
    }
    post({ type: 'done', id });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
});

post({ type: 'ready' });
