// backward(), one node at a time: the same reverse topological order and the engine's own rule
// for each operation, with each step's grads recorded and its rule spelled out in the words of
// Gradients' hand rules.

import { type Op, Value } from '../../lib/engine.ts';
import { trace } from '../../lib/graph.ts';

export interface Step {
  /** The node whose operation passes its gradient back; null in the first step, which starts the root at 1. */
  node: number | null;
  /** The nodes whose grad this step adds to. */
  filled: number[];
  /** The rule used, with its numbers. */
  rule: string;
}

/** Nodes are numbered in trace order, as drawDot's ids n0, n1, …; grads[p] is every grad after p steps. */
export interface Walk {
  grads: number[][];
  steps: Step[];
}

/** A number as prose sets it: at most 4 decimals, a true minus sign. */
const num = (x: number) => String(Number(x.toFixed(4))).replace('-', '−');
/** A label in a formula: in parentheses unless it is a plain name, as 'x1*w1' is not. */
const name = (v: Value) => (/^\w+$/.test(v.label) ? v.label : `(${v.label})`);

// The operations of the chapter's graphs: the engine's rule for each, and how the chapter says it.
const RULES: Record<string, { op: Op; say: (v: Value, a: Value, b: Value) => string }> = {
  '+': {
    op: Value.ADD,
    say: (v, a, b) =>
      `Sum: ${name(a)} + ${name(b)} → ${name(v)}. A sum passes its gradient on unchanged: ` +
      `${name(a)}.grad += ${num(v.grad)}; ${name(b)}.grad += ${num(v.grad)}.`,
  },
  '*': {
    op: Value.MUL,
    say: (v, a, b) =>
      `Product: ${name(a)} · ${name(b)} → ${name(v)}. A product swaps the data: ` +
      `${name(a)}.grad += ${name(b)}.data × ${name(v)}.grad = ${num(b.data)} × ${num(v.grad)} = ${num(b.data * v.grad)}; ` +
      `${name(b)}.grad += ${name(a)}.data × ${name(v)}.grad = ${num(a.data)} × ${num(v.grad)} = ${num(a.data * v.grad)}.`,
  },
  tanh: {
    op: Value.TANH,
    say: (v, a) =>
      `tanh: tanh(${name(a)}) → ${name(v)}. tanh multiplies the gradient by 1 − tanh²: ` +
      `${name(a)}.grad += (1 − ${name(v)}.data²) × ${name(v)}.grad = ${num(1 - v.data ** 2)} × ${num(v.grad)} = ${num((1 - v.data ** 2) * v.grad)}.`,
  },
};

/** Runs root's backward pass step by step, leaving every grad filled in, as backward() would. */
export function backwardSteps(root: Value): Walk {
  const { nodes } = trace(root);
  const index = new Map(nodes.map((n, i) => [n, i]));
  const at = (v: Value) => index.get(v) as number;
  for (const n of nodes) n.grad = 0;
  const grads = [nodes.map((n) => n.grad)];
  root.grad = 1;
  grads.push(nodes.map((n) => n.grad));
  const steps: Step[] = [{ node: null, filled: [at(root)], rule: `Root: ${name(root)}.grad = 1, since ${name(root)} changes one for one with itself.` }];
  const order = root.topologicalOrder();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (!node.op) continue; // a leaf passes nothing on
    const rule = RULES[node.op];
    if (!rule) throw new Error(`backward stepper: no hand rule for the operation '${node.op}'`);
    const [a, b] = node.children;
    const said = rule.say(node, a, b);
    rule.op.backward(node, a, b);
    steps.push({ node: at(node), filled: node.children.map(at), rule: said });
    grads.push(nodes.map((n) => n.grad));
  }
  return { grads, steps };
}
