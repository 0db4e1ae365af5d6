// The page's side of the sandbox: one hidden opaque-origin iframe whose bootstrap (frame.js) runs
// each run in a fresh Web Worker. Nothing from the frame is trusted beyond its shape.

import bootstrap from './frame.js?raw';
import type { FromFrame, ToFrame } from './protocol.ts';
import workerUrl from './runner-worker.ts?worker&url';

export type Outcome =
  | { kind: 'done'; results: unknown; items?: unknown }
  | { kind: 'timeout' }
  | { kind: 'stopped' }
  | { kind: 'crashed'; message: string };

// The frame may fetch nothing and run only its inline bootstrap and the blob worker, which
// inherits this policy: user code cannot reach the network either. eval is what runs a cell.
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

/**
 * Beyond the frame's own time limit: how long the page waits before it assumes the frame died,
 * counted from when the run is posted to the frame (loading the runner and the frame is not the run's time).
 */
const WATCHDOG_GRACE_MS = 2000;

interface Frame {
  element: HTMLIFrameElement;
  ready: Promise<Window>;
  listening: AbortController;
}

interface Pending {
  settle: (outcome: Outcome) => void;
  /** Set once the run is posted to the frame. */
  watchdog?: ReturnType<typeof setTimeout>;
}

export class Sandbox {
  #frame: Frame | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  /**
   * Runs cells 1…k afresh, and then an exercise's check if given (its verdicts come back as the
   * outcome's items); the outcome settles exactly once.
   */
  run(sources: string[], timeoutMs: number, check?: string): { id: number; outcome: Promise<Outcome> } {
    const id = this.#nextId++;
    const outcome = new Promise<Outcome>((resolve) => this.#pending.set(id, { settle: resolve }));
    this.#send({ type: 'run', id, sources, timeoutMs, ...(check === undefined ? {} : { check }) }, () => {
      const pending = this.#pending.get(id);
      if (!pending) return; // stopped while the frame was loading
      pending.watchdog = setTimeout(() => {
        // The frame missed its own deadline: it is gone or wedged, so the next run gets a new one.
        this.#settle(id, { kind: 'timeout' });
        this.#close('the sandbox stopped answering');
      }, timeoutMs + WATCHDOG_GRACE_MS);
    });
    return { id, outcome };
  }

  stop(id: number): void {
    this.#send({ type: 'stop', id });
    this.#settle(id, { kind: 'stopped' });
  }

  #settle(id: number, outcome: Outcome): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.watchdog);
    pending.settle(outcome);
  }

  #send(message: ToFrame, posted?: () => void): void {
    this.#frame ??= this.#open();
    this.#frame.ready.then(
      (frame) => {
        frame.postMessage(message, '*');
        posted?.();
      },
      (error: Error) => this.#close(error.message),
    );
  }

  /** Drops the frame (the next run opens a new one) and fails the runs still waiting on it. */
  #close(reason: string): void {
    this.#frame?.listening.abort();
    this.#frame?.element.remove();
    this.#frame = undefined;
    for (const id of [...this.#pending.keys()]) this.#settle(id, { kind: 'crashed', message: reason });
  }

  #open(): Frame {
    const element = document.createElement('iframe');
    element.setAttribute('sandbox', 'allow-scripts');
    element.hidden = true;
    element.title = 'Sandbox for running code';
    element.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><script>${bootstrap}</script>`;
    const listening = new AbortController();
    // The dev server serves the runner as ES modules, which a worker of an opaque origin cannot import.
    const workerSource = import.meta.env.DEV
      ? Promise.reject(new Error('code runs only in the built site (npm run build && npm run preview)'))
      : fetch(workerUrl).then((response) => {
          if (!response.ok) throw new Error(`could not load the runner (HTTP ${response.status})`);
          return response.text();
        });
    const ready = new Promise<Window>((resolve, reject) => {
      const onMessage = (event: MessageEvent<FromFrame>) => {
        const frame = element.contentWindow;
        if (!frame || event.source !== frame || typeof event.data !== 'object' || event.data === null) return;
        const message = event.data;
        if (message.type === 'ready') resolve(frame);
        else if (message.type === 'done') this.#settle(message.id, { kind: 'done', results: message.results, items: message.items });
        else if (message.type === 'timeout') this.#settle(message.id, { kind: 'timeout' });
        else if (message.type === 'crashed') this.#settle(message.id, { kind: 'crashed', message: String(message.message) });
      };
      addEventListener('message', onMessage, { signal: listening.signal });
      element.addEventListener(
        'load',
        () => workerSource.then((source) => element.contentWindow?.postMessage({ type: 'init', workerSource: source } satisfies ToFrame, '*'), reject),
        { once: true, signal: listening.signal },
      );
    });
    document.body.append(element);
    return { element, ready, listening };
  }
}
