// The build's handle on one chapter's session, which runs in a worker thread of its own
// (session-worker.ts): the same Session as the browser's, in a fresh realm per chapter.

import { Worker } from 'node:worker_threads';
import type { ExerciseResult } from '../exercises/run.ts';
import { type CellError, CellFailure, type CellResult } from '../runner/session.ts';

export type SessionRequest =
  | { id: number; kind: 'run' | 'evaluate'; code: string }
  | { id: number; kind: 'exercise'; sources: string[]; check: string };
export type SessionReply = { id: number } & ({ result: CellResult } | { text: string } | { error: CellError } | { exercise: ExerciseResult });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A chapter's session in a worker thread. One request at a time, in order; each must finish within
 * `timeLimitMs`, counted once the worker has loaded (a cell that loops forever fails the build
 * instead of hanging it). Call close() when done.
 */
export class ChapterSession {
  readonly #worker = new Worker(new URL('./session-worker.ts', import.meta.url));
  readonly #timeLimitMs: number;
  readonly #ready: Promise<void>;
  #pending: { id: number; settle: (reply: SessionReply | Error) => void } | undefined;
  #failure: Error | undefined;
  #nextId = 0;

  constructor(timeLimitMs = 60_000) {
    this.#timeLimitMs = timeLimitMs;
    let loaded: () => void;
    let failed: (error: Error) => void;
    this.#ready = new Promise((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    this.#ready.catch(() => {}); // a failure to load is reported by the request that waits for it
    this.#worker.on('message', (reply: SessionReply | { ready: true }) => {
      if ('ready' in reply) loaded();
      else if (reply.id === this.#pending?.id) this.#pending.settle(reply);
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      failed(error);
      this.#pending?.settle(error);
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`the session's worker stopped (exit code ${code})`)));
  }

  /** Runs the next cell. */
  async run(source: string): Promise<CellResult> {
    return ((await this.#request({ kind: 'run', code: source })) as { result: CellResult }).result;
  }

  /** The value of an inline expression, as text. Throws CellFailure. */
  async evaluate(expression: string): Promise<string> {
    const reply = await this.#request({ kind: 'evaluate', code: expression });
    if ('error' in reply) throw new CellFailure(reply.error);
    return (reply as { text: string }).text;
  }

  /**
   * An exercise's run (src/exercises/run.ts): the sources in a fresh session of their own, then
   * the check. The worker's own session, the chapter's cells, is not touched.
   */
  async exercise(sources: string[], check: string): Promise<ExerciseResult> {
    return ((await this.#request({ kind: 'exercise', sources, check })) as { exercise: ExerciseResult }).exercise;
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the session is closed');
    await this.#worker.terminate();
  }

  async #request(request: DistributiveOmit<SessionRequest, 'id'>): Promise<SessionReply> {
    await this.#ready;
    if (this.#failure) throw this.#failure;
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#failure = new Error(`did not finish in ${this.#timeLimitMs / 1000} s (an endless loop?)`);
        this.#pending?.settle(this.#failure);
        void this.#worker.terminate();
      }, this.#timeLimitMs);
      this.#pending = {
        id,
        settle: (reply) => {
          clearTimeout(timer);
          this.#pending = undefined;
          if (reply instanceof Error) reject(reply);
          else resolve(reply);
        },
      };
      this.#worker.postMessage({ id, ...request } satisfies SessionRequest);
    });
  }
}
