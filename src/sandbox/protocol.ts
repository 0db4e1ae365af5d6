// Messages between the page, the sandbox frame (frame.js) and the runner worker inside it.

import type { TrainJob, TrainState } from '../moons/train.ts';
import type { CellResult } from '../runner/session.ts';

/** Page → frame. */
export type ToFrame =
  | { type: 'init'; workerSource: string }
  | { type: 'run'; id: number; sources: string[]; timeoutMs: number }
  | { type: 'train'; id: number; job: TrainJob; timeoutMs: number }
  | { type: 'stop'; id: number };

/** Frame → page. `done` carries what the worker posted: user code shares the worker and can forge it. */
export type FromFrame =
  | { type: 'ready' }
  | { type: 'done'; id: number; results: unknown }
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'timeout'; id: number }
  | { type: 'crashed'; id: number; message: string };

/** Frame → worker, and the worker's answer. */
export interface RunRequest {
  id: number;
  sources: string[];
}
export interface RunResponse {
  id: number;
  results: CellResult[];
}

/** A training run (src/moons/train.ts): a progress message per state, then a RunResponse. */
export interface TrainRequest {
  id: number;
  job: TrainJob;
}
export interface TrainProgress {
  id: number;
  progress: TrainState;
}
