// DOT → SVG in the page, through the Graphviz worker, with a time limit: DOT from user code can
// describe a graph too big to lay out in reasonable time.

import type { LayoutRequest, LayoutResponse } from './graphviz-worker.ts';
import GraphvizWorker from './graphviz-worker.ts?worker';

interface Layout {
  id: number;
  dot: string;
  timeoutMs: number;
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
/** The worker lays out one graph at a time: the one it has now, and those waiting their turn. */
let current: { layout: Layout; timer: ReturnType<typeof setTimeout> } | undefined;
const waiting: Layout[] = [];

function start(): Worker {
  const w = new GraphvizWorker();
  w.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
    const data = event.data;
    if (w !== worker || data.id !== current?.layout.id) return;
    end('svg' in data ? data.svg : new Error(`Graphviz: ${data.error}`));
  });
  w.addEventListener('error', (event) => {
    event.preventDefault();
    if (w !== worker) return;
    // Say what went wrong (a worker that could not load, say), not that the layout took too long.
    const cause = event instanceof ErrorEvent && event.message ? event.message : 'its worker failed to start';
    drop();
    end(new Error(`Graphviz: ${cause}`));
  });
  return w;
}

/** Ends the worker; the next layout starts a new one. */
function drop(): void {
  worker?.terminate();
  worker = undefined;
}

/** Settles the current layout and starts the next one waiting. */
function end(result: string | Error): void {
  const done = current;
  if (!done) return;
  current = undefined;
  clearTimeout(done.timer);
  if (typeof result === 'string') done.layout.resolve(result);
  else done.layout.reject(result);
  next();
}

function next(): void {
  if (current) return;
  const layout = waiting.shift();
  if (!layout) return;
  const w = (worker ??= start());
  // The clock starts when the worker takes the layout, not while it waits behind another
  // (one a Stop or Reset abandoned, say).
  const timer = setTimeout(() => {
    // The only way to stop a layout is to end the worker.
    drop();
    end(new Error(`Graphviz: the layout took longer than ${layout.timeoutMs / 1000} s`));
  }, layout.timeoutMs);
  current = { layout, timer };
  w.postMessage({ id: layout.id, dot: layout.dot } satisfies LayoutRequest);
}

export function dotToSvg(dot: string, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    waiting.push({ id: nextId++, dot, timeoutMs, resolve, reject });
    next();
  });
}
