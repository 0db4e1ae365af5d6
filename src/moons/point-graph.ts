// A point's graph in the moons demo: the model's score at the point, built with lib and drawn by
// lib's drawDot after backward(), with the graph data of every drawn graph (table, steps, neurons).
// Made in the training worker, which holds the model; kept out of training.ts, which the page's
// reading script also imports, so that reading the chapter does not download it.

import { Value } from '../../lib/engine.ts';
import { drawDot } from '../../lib/graph.ts';
import type { MLP } from '../../lib/nn.ts';
import { type GraphData, graphData } from '../runner/graph-data.ts';

/**
 * One point's score through the model, with backward() run from it: lib's drawDot of the score
 * (inputs labelled x1 and x2, the output score) and its graph data. The parameters' grads are set
 * back to 0 after, so training never sees them. Throws RangeError unless point is [x, y], finite.
 */
export function pointGraph(model: MLP, point: number[]): { dot: string; graph: GraphData; score: number } {
  if (!Array.isArray(point) || point.length !== 2 || !point.every(Number.isFinite)) {
    throw new RangeError(`moons: a point is two finite numbers [x, y], got ${JSON.stringify(point)}`);
  }
  const inputs = [new Value(point[0], { label: 'x1' }), new Value(point[1], { label: 'x2' })];
  const score = model.forward(inputs) as Value;
  score.label = 'score';
  score.backward();
  const drawn = { dot: drawDot(score), graph: graphData(score), score: score.data };
  model.zeroGrad();
  return drawn;
}
