// Drawing a computation graph: collect its nodes and edges, then write
// Graphviz DOT text.

import type { Value } from './engine.ts';
import type { MLP } from './nn.ts';

// #region trace
/**
 * Every node reachable from root, and every edge [child, parent] between
 * them, in a fixed order.
 */
export function trace(root: Value): {
  nodes: Value[];
  edges: [Value, Value][];
} {
  const nodes: Value[] = [];
  const edges: [Value, Value][] = [];
  const seen = new Set<Value>();
  // A stack of our own, not recursion: deep graphs must not overflow the
  // call stack.
  const stack = [root];
  seen.add(root);
  for (let node = stack.pop(); node; node = stack.pop()) {
    nodes.push(node);
    for (const child of node.children) {
      edges.push([child, node]);
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return { nodes, edges };
}
// #endregion trace

// #region draw-dot
/**
 * DOT text for the graph under root: a record { label | data | grad } per
 * value, its numbers written by formatNumber, and a small node per
 * operation, wired child → operation → result. Ids come from trace order,
 * so the same graph always gives the same text. Options: `rankdir`, the
 * direction of the layout (default 'LR', left to right); `numbered`, each
 * value's place in root.topologicalOrder(), from 1, as a first field;
 * `derivatives`, on each edge into an operation the local derivative
 * ∂result/∂operand, by the result's own backward rule (an operand used
 * twice gets the sum, on the first of its two edges).
 */
export function drawDot(
  root: Value,
  options?: {
    rankdir?: 'LR' | 'TB' | undefined;
    numbered?: boolean | undefined;
    derivatives?: boolean | undefined;
  },
): string {
  const { nodes, edges } = trace(root);
  const id = new Map(nodes.map((n, i) => [n, `n${i}`]));
  const place = new Map(options?.numbered
    ? root.topologicalOrder().map((n, i) => [n, `${i + 1} | `])
    : []);
  const lines = [
    'digraph {',
    `  graph [rankdir=${options?.rankdir ?? 'LR'}];`,
    '  node [fontname="Courier"];',
  ];
  if (options?.derivatives) lines.push('  edge [fontname="Courier"];');
  for (const n of nodes) {
    const data = `data ${formatNumber(n.data)}`;
    const grad = `grad ${formatNumber(n.grad)}`;
    const label = `${escapeRecord(n.label)} | ${data} | ${grad}`;
    const fields = `{ ${place.get(n) ?? ''}${label} }`;
    lines.push(`  ${id.get(n)} [shape=record, label="${fields}"];`);
    if (n.op) {
      // The operation gets a node of its own, feeding its result.
      lines.push(`  ${id.get(n)}_op [label="${escapeRecord(n.op)}"];`);
      lines.push(`  ${id.get(n)}_op -> ${id.get(n)};`);
    }
  }
  const labelled = new Set<string>();
  for (const [child, parent] of edges) {
    const edge = `${id.get(child)} -> ${id.get(parent)}_op`;
    if (!options?.derivatives || labelled.has(edge)) {
      lines.push(`  ${edge};`);
      continue;
    }
    labelled.add(edge);
    const slope = formatNumber(localDerivative(parent, child));
    lines.push(`  ${edge} [label="${slope}"];`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * ∂out/∂operand, by out's own rule on a scratch pass (out.grad 1, the
 * operand's grad 0); every grad is left as it was.
 */
function localDerivative(out: Value, operand: Value): number {
  const saved = [out.grad, ...out.children.map((c) => c.grad)];
  out.grad = 1;
  for (const c of out.children) c.grad = 0;
  out.backwardStep();
  const slope = operand.grad;
  out.grad = saved[0]!;
  out.children.forEach((c, i) => (c.grad = saved[i + 1]!));
  return slope;
}
// #endregion draw-dot

/**
 * x with `digits` decimals, exactly as Python's `'%.4f' % x` prints it (the
 * notes' graphs use it): an exact tie rounds to even (0.03125 → 0.0312,
 * where toFixed gives 0.0313), numbers of 1e21 and more print in full, −0
 * keeps its sign, and ±∞ and NaN print as inf, -inf and nan.
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  // toFixed rounds exactly but takes the larger of two equally near results.
  // A tie is an odd multiple of 2^-(digits+1), so scaling by that power of
  // two (exact) finds every one.
  // From 1e21 on, toFixed writes an exponent; such a double is a whole
  // number, which BigInt writes in full.
  let text = a < 1e21 ? a.toFixed(digits)
    : `${BigInt(a)}${digits > 0 ? '.' : ''}${'0'.repeat(digits)}`;
  const scaled = a * 2 ** (digits + 1);
  const lastDigit = Number(text.at(-1));
  if (Number.isInteger(scaled) && scaled % 2 === 1 && lastDigit % 2 === 1) {
    // toFixed rounded up to an odd digit; to even is one down (an odd digit
    // never borrows).
    text = text.slice(0, -1) + String(lastDigit - 1);
  }
  return sign + text;
}

// #region escape
/**
 * Makes any label print as written. In a DOT string only \ and " are
 * special; inside a record label { } | < > also mean structure, and a
 * backslash escapes each of them. A newline becomes Graphviz's own \n.
 */
function escapeRecord(text: string): string {
  return text.replace(/[\\"{}|<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
// #endregion escape

// #region draw-network
/**
 * DOT text for an MLP's architecture: a column per layer, each neuron wired
 * to every input of its layer.
 */
export function drawNetwork(model: MLP): string {
  const nin = model.layers[0]?.neurons[0]?.w.length ?? 0;
  const inputs = Array.from({ length: nin }, (_, i) => `x${i}`);
  const layers = model.layers.map((layer, l) =>
    layer.neurons.map((_, j) => `l${l}n${j}`));
  const lines = [
    'digraph {',
    '  graph [rankdir=LR, ranksep=1.2, nodesep=0.25];',
    '  node [shape=circle, label="", width=0.35];',
    ...inputs.map((id, i) => `  ${id} [label="x${i + 1}", shape=plaintext];`),
  ];
  let previous: string[] = [];
  for (const column of [inputs, ...layers]) {
    lines.push(`  { rank=same; ${column.join('; ')}; }`);
    for (const to of column) {
      for (const from of previous) {
        lines.push(`  ${from} -> ${to} [arrowsize=0.4];`);
      }
    }
    previous = column;
  }
  lines.push('}');
  return lines.join('\n');
}
// #endregion draw-network
