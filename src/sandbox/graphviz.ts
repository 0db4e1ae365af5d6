// DOT → SVG in the page, through the Graphviz worker, with a time limit: DOT from user code can
// describe a graph too big to lay out in reasonable time.

import type { LayoutRequest, LayoutResponse } from './graphviz-worker.ts';
import GraphvizWorker from './graphviz-worker.ts?worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const w = new GraphvizWorker();
  w.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
    const data = event.data;
    const call = pending.get(data.id);
    pending.delete(data.id);
    if ('svg' in data) call?.resolve(data.svg);
    else call?.reject(new Error(`Graphviz: ${data.error}`));
  });
  return w;
}

export function dotToSvg(dot: string, timeoutMs: number): Promise<string> {
  const w = (worker ??= start());
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // The only way to stop a layout is to end the worker; layouts still queued in it fail too.
      w.terminate();
      if (worker === w) worker = undefined;
      for (const [other, call] of pending) {
        pending.delete(other);
        call.reject(new Error(`Graphviz: the layout took longer than ${timeoutMs / 1000} s`));
      }
    }, timeoutMs);
    pending.set(id, {
      resolve: (svg) => (clearTimeout(timer), resolve(svg)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    w.postMessage({ id, dot } satisfies LayoutRequest);
  });
}
