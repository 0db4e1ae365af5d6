// What a cell sees: lib's modules, to import, and the names in scope without an import. The one
// place for both: the import rule, the session's first variables and the lists in the docs (a test
// holds them to it) all come from here.
//
// To add a name every cell sees, add it to `extras`. To give cells something else under a lib name
// (say, a drawDot that remembers what it drew), replace it in its module here, e.g.
// `graph: { ...graph, drawDot: remembered(graph.drawDot) }`: then both `drawDot` and
// `import { drawDot } from '../lib/graph.ts'` see the replacement.

import * as engine from '../../lib/engine.ts';
import * as graph from '../../lib/graph.ts';
import * as moons from '../../lib/moons.ts';
import * as nn from '../../lib/nn.ts';
import * as random from '../../lib/random.ts';
import { drawnGraphs } from './graph-data.ts';
import { plot } from './plot.ts';

// Graphs (graph-data.ts): drawDot and drawNetwork as cells see them remember what they drew, so
// that a drawn graph's output carries its table, description and backward steps.
const drawing = { ...graph, drawDot: drawnGraphs.drawDot, drawNetwork: drawnGraphs.drawNetwork };

/** lib's modules, by the name a cell imports them under: `import { MLP } from '../lib/nn.ts'`. */
export const libModules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { engine, nn, graph: drawing, random, moons };

/** In scope without an import, besides lib's exports. */
const extras = { plot };

/** Every name a cell sees without an import: every export of lib, then the extras. */
export const cellGlobals: Readonly<Record<string, unknown>> = Object.assign({}, ...Object.values(libModules), extras);

/** What a cell may import, in words. */
export const importable = `lib/ (${Object.keys(libModules).join(', ')})`;

/**
 * The lib module an import names, or null: '../lib/engine.ts', 'lib/nn', 'micrograd/graph.js' (the
 * Library page copies lib into a folder `micrograd/`) all name one.
 */
export function libModuleOf(specifier: string): string | null {
  const name = /^(?:\.{1,2}\/)*(?:lib|micrograd)\/([\w-]+)(?:\.ts|\.js)?$/.exec(specifier)?.[1];
  return name !== undefined && Object.hasOwn(libModules, name) ? name : null;
}
