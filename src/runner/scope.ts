// What a cell sees without importing anything: every export of lib/, and plot().

import * as engine from '../../lib/engine.ts';
import * as graph from '../../lib/graph.ts';
import * as moons from '../../lib/moons.ts';
import * as nn from '../../lib/nn.ts';
import * as random from '../../lib/random.ts';
import { plot } from './plot.ts';

/** lib's modules by name, for `import … from '../lib/nn.ts'` in a cell. */
export const libModules = { engine, nn, graph, random, moons };

export const globals: Record<string, unknown> = { ...engine, ...nn, ...graph, ...random, ...moons, plot };
