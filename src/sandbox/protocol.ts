// Messages between the page, the sandbox frame (frame.js) and the runner worker inside it.

import type { CheckItem } from '../exercises/grade.ts';
import type { CellResult } from '../runner/session.ts';

/** Page → frame. */
export type ToFrame =
  | { type: 'init'; workerSource: string }
  | { type: 'run'; id: number; sources: string[]; timeoutMs: number; check?: string }
  | { type: 'stop'; id: number };

/** Frame → page. `done` carries what the worker posted: user code shares the worker and can forge it. */
export type FromFrame =
  | { type: 'ready' }
  | { type: 'done'; id: number; results: unknown; items?: unknown }
  | { type: 'timeout'; id: number }
  | { type: 'crashed'; id: number; message: string };

/** Frame → worker. */
export interface RunRequest {
  type: 'run';
  id: number;
  sources: string[];
  /** An exercise's check, run after the sources (src/exercises/run.ts). */
  check?: string;
}

/** Worker → frame. */
export interface RunResponse {
  type: 'done';
  id: number;
  results: CellResult[];
  /** The check's verdicts, for a run with a check; null if the sources failed before it. */
  items?: CheckItem[] | null;
}
