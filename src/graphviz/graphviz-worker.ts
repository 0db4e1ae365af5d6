// Graphviz for the page, off its main thread: a trusted same-origin worker (no user code runs
// here; it only lays out DOT text), so a big graph never freezes scrolling or typing.

import { Graphviz } from '@hpcc-js/wasm-graphviz';

export interface LayoutRequest {
  id: number;
  dot: string;
}
export type LayoutResponse = { id: number; svg: string } | { id: number; error: string };

const graphviz = Graphviz.load();

addEventListener('message', async (event: MessageEvent<LayoutRequest>) => {
  const { id, dot } = event.data;
  try {
    postMessage({ id, svg: (await graphviz).dot(dot) } satisfies LayoutResponse);
  } catch (e) {
    postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies LayoutResponse);
  }
});
