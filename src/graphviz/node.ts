// Graphviz at build time: one WebAssembly instance for the whole build.

import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Layout } from '../runner/render.ts';

let instance: Promise<Graphviz> | undefined;

/** DOT → SVG text with Graphviz; throws Graphviz's error for DOT it cannot read. */
export const layout: Layout = async (dot) => (await (instance ??= Graphviz.load())).dot(dot);
