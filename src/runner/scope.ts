// What a cell sees without importing anything: every export of lib/, and plot().

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

/** lib's modules by name, for `import … from '../lib/nn.ts'` in a cell. */
export const libModules = { engine, nn, graph: drawing, random, moons };

export const globals: Record<string, unknown> = { ...engine, ...nn, ...drawing, ...random, ...moons, plot };
