// Graphviz at build time: one WebAssembly instance for the whole build.

import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { DotToSvg } from '../runner/render.ts';

let instance: Promise<Graphviz> | undefined;

export async function loadDotToSvg(): Promise<DotToSvg> {
  const graphviz = await (instance ??= Graphviz.load());
  return (dot) => graphviz.dot(dot);
}
