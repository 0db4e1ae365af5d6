// What a drawn graph carries besides its picture: a table of its values, a one-line
// description, and backward() one node at a time. Made where the graph is drawn (the build's
// session, the sandbox worker), from the Values themselves, as plain data for the page.
// Pure: no DOM and no Node APIs.

import type { Value } from '../../lib/engine.ts';
import { drawDot as libDrawDot, drawNetwork as libDrawNetwork, formatNumber, trace } from '../../lib/graph.ts';
import type { Display } from './format.ts';

/** One value of the graph: a row of its table. Node ids are drawDot's: `n${node}`, in trace order. */
export interface GraphValue {
  node: number;
  /** Its label, or `#row` (its row number) for a value without one. */
  name: string;
  label: string;
  /** The operation that made it; '' for a leaf. */
  op: string;
  data: string;
  grad: string;
  /** The nodes it was computed from, in operand order. */
  inputs: number[];
}

/** One step of backward(): a node's own rule, run once. */
export interface GraphStep {
  /** The node whose gradient is passed on (in the first step, the output, whose grad is set to 1). */
  node: number;
  /** The nodes whose grad the step changed, with their grad after it. */
  grads: [node: number, grad: string][];
  /** The step in words: the chain rule with its numbers. */
  text: string;
}

/** A neuron's own nodes in a big graph: drawn boxed, and collapsible to one box. */
export interface GraphGroup {
  /** Its output: the node of its activation. */
  output: number;
  /** Every node of its own computation: products, sums and the activation (not its inputs or parameters). */
  nodes: number[];
  /** "layer 2, neuron 3", counted from the inputs. */
  name: string;
  /** "tanh of 4 inputs = 0.7071" */
  summary: string;
}

export interface GraphData {
  /** Neurons, in a graph with at least two of them (an MLP's): see neuronGroups. */
  groups?: GraphGroup[];
  /** Every value, in topological order (each after its inputs): the table's rows. */
  values: GraphValue[];
  /** The output's node: the value drawn. */
  output: number;
  /** "11 values and 5 operations (…); the output L has data -8.0000." */
  description: string;
  /** A grad before any step of backward() has run (formatNumber(0)). */
  zero: string;
  /** backward() in order: the output's grad set to 1, then one step per operation. */
  steps: GraphStep[];
  /** Why there are no steps, when a node's rule threw. */
  stepError?: string;
}

/** Past this many values a graph gets only its description: a table or a walk that long helps nobody. */
export const MAX_GRAPH_VALUES = 3000;

/**
 * The table, description and backward steps of the graph under root, as drawDot draws it.
 * Each step runs the node's own rule (`backwardStep()`, so an operation a reader wrote steps by
 * its own rule) in backward()'s order (`topologicalOrder()` reversed), from every grad at 0. The
 * local derivative in a step's text is measured with the same rule on a scratch pass (the
 * node's grad at 1, its operands' at 0). Every number is written by lib's `formatNumber`.
 * Leaves every grad as it found it.
 */
export function graphData(root: Value): GraphData {
  const { nodes } = trace(root);
  const id = new Map(nodes.map((n, i) => [n, i]));
  const order = root.topologicalOrder();
  const row = new Map(order.map((n, r) => [n, r]));
  const name = (v: Value) => v.label || `#${(row.get(v) as number) + 1}`;
  const values = order.map((v) => ({
    node: id.get(v) as number,
    name: name(v),
    label: v.label,
    op: v.op,
    data: formatNumber(v.data),
    grad: formatNumber(v.grad),
    inputs: v.children.map((c) => id.get(c) as number),
  }));
  const data: GraphData = { values, output: 0, description: describe(root, order, name), zero: formatNumber(0), steps: [] };
  const groups = neuronGroups(order, id);
  if (groups.length >= 2) data.groups = groups;
  if (nodes.length > MAX_GRAPH_VALUES) return { ...data, values: [], stepError: `${nodes.length} values are too many to list or step through` };
  const saved = nodes.map((n) => n.grad);
  try {
    data.steps = backwardSteps(root, order, id, name);
  } catch (e) {
    data.stepError = `a backward rule failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    nodes.forEach((n, i) => (n.grad = saved[i]));
  }
  return data;
}

const ACTIVATIONS = new Set(['tanh', 'ReLU']);

/**
 * The neurons of a graph, as lib's Neuron computes them: an activation (tanh or ReLU) and the
 * products and sums under it, back to its parameters, its inputs and other neurons' outputs. A
 * neuron's layer is one more than the deepest neuron it reads from. The same neuron in several
 * forward passes (a loss over a batch) is known by its bias, the leaf its sums add directly:
 * "layer 1, neuron 2, pass 3".
 */
function neuronGroups(order: Value[], id: Map<Value, number>): GraphGroup[] {
  const groupOf = new Map<Value, { layer: number }>();
  const found: { output: Value; nodes: Value[]; layer: number; inputs: number; bias: string }[] = [];
  for (const v of order) {
    if (!ACTIVATIONS.has(v.op)) continue;
    const nodes = [v];
    let layer = 1;
    let inputs = 0;
    const biases: number[] = [];
    const stack = [...v.children];
    const seen = new Set<Value>(stack);
    while (stack.length > 0) {
      const u = stack.pop() as Value;
      const below = groupOf.get(u);
      if (below) layer = Math.max(layer, below.layer + 1);
      if (!u.op || below || ACTIVATIONS.has(u.op)) continue;
      nodes.push(u);
      if (u.op === '*') inputs++;
      for (const c of u.children) {
        if (u.op === '+' && !c.op) biases.push(id.get(c) as number);
        if (!seen.has(c)) (seen.add(c), stack.push(c));
      }
    }
    if (nodes.length < 3) continue;
    const group = { output: v, nodes, layer, inputs, bias: `${layer}:${biases.sort((a, b) => a - b).join(',')}` };
    for (const u of nodes) groupOf.set(u, group);
    found.push(group);
  }
  const neuron = new Map<string, number>();
  const perLayer = new Map<number, number>();
  const passes = new Map<string, number>();
  for (const g of found) {
    if (!neuron.has(g.bias)) {
      perLayer.set(g.layer, (perLayer.get(g.layer) ?? 0) + 1);
      neuron.set(g.bias, perLayer.get(g.layer) as number);
    }
    passes.set(g.bias, (passes.get(g.bias) ?? 0) + 1);
  }
  const repeated = [...passes.values()].some((n) => n > 1);
  const pass = new Map<string, number>();
  return found.map((g) => {
    pass.set(g.bias, (pass.get(g.bias) ?? 0) + 1);
    return {
      output: id.get(g.output) as number,
      nodes: g.nodes.map((u) => id.get(u) as number),
      name: `layer ${g.layer}, neuron ${neuron.get(g.bias)}${repeated ? `, pass ${pass.get(g.bias)}` : ''}`,
      summary: `${g.output.op} of ${g.inputs} ${g.inputs === 1 ? 'input' : 'inputs'} = ${formatNumber(g.output.data)}`,
    };
  });
}

function describe(root: Value, order: Value[], name: (v: Value) => string): string {
  const ops = new Map<string, number>();
  for (const v of order) if (v.op) ops.set(v.op, (ops.get(v.op) ?? 0) + 1);
  const count = [...ops.values()].reduce((a, b) => a + b, 0);
  const kinds = [...ops].map(([op, n]) => `${n} ${op}`).join(', ');
  const values = `${order.length} ${order.length === 1 ? 'value' : 'values'}`;
  const operations = count === 0 ? 'no operations' : `${count} ${count === 1 ? 'operation' : 'operations'} (${kinds})`;
  return `A graph of ${values} and ${operations}; its output ${name(root)} has data ${formatNumber(root.data)}.`;
}

function backwardSteps(root: Value, order: Value[], id: Map<Value, number>, name: (v: Value) => string): GraphStep[] {
  const inFormula = (v: Value) => (/^[\w#.]+$/.test(name(v)) ? name(v) : `(${name(v)})`);
  for (const v of order) v.grad = 0;
  root.grad = 1;
  const steps: GraphStep[] = [
    {
      node: id.get(root) as number,
      grads: [[id.get(root) as number, formatNumber(1)]],
      text: `${inFormula(root)}.grad = ${formatNumber(1)}: the output changes one for one with itself.`,
    },
  ];
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (!v.op) continue; // a leaf has no rule: backward() passes it by
    const inputs = [...new Set(v.children)];
    const local = localDerivatives(v, inputs);
    const before = inputs.map((c) => c.grad);
    v.backwardStep();
    const clauses = inputs.map((c, k) => {
      const added = c.grad - before[k];
      const expected = local[k] * v.grad;
      const now = before[k] === 0 ? '' : `, now ${formatNumber(c.grad)}`;
      if (Object.is(added, expected) || Math.abs(added - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) {
        return `${inFormula(c)}.grad += ${formatNumber(local[k])} × ${inFormula(v)}.grad = ${formatNumber(added)}${now}`;
      }
      // A rule that does not add local derivative × grad (one that overwrites, say): say what it did.
      return `${inFormula(c)}.grad went from ${formatNumber(before[k])} to ${formatNumber(c.grad)} (local derivative ${formatNumber(local[k])} × ${inFormula(v)}.grad would add ${formatNumber(expected)})`;
    });
    steps.push({
      node: id.get(v) as number,
      grads: inputs.map((c) => [id.get(c) as number, formatNumber(c.grad)]),
      text: `${formula(v, inFormula)}: ${clauses.join('; ')}.`,
    });
  }
  return steps;
}

/** ∂v/∂c for each input c, by v's own rule on a scratch pass: v.grad = 1, the inputs' grads 0. */
function localDerivatives(v: Value, inputs: Value[]): number[] {
  const saved = [v.grad, ...inputs.map((c) => c.grad)];
  v.grad = 1;
  for (const c of inputs) c.grad = 0;
  v.backwardStep();
  const local = inputs.map((c) => c.grad);
  v.grad = saved[0];
  inputs.forEach((c, k) => (c.grad = saved[k + 1]));
  return local;
}

/** How v was made, as the chapters write it: `e = a * b`, `o = tanh(n)`. */
function formula(v: Value, name: (v: Value) => string): string {
  const [a, b] = v.children;
  if (b) return `${name(v)} = ${name(a)} ${v.op} ${name(b)}`;
  return `${name(v)} = ${v.op}(${a ? name(a) : ''})`;
}

/**
 * drawDot as cells see it: the same DOT text, and the session remembers which Value each
 * drawing came from, so that when a cell shows that text its graph comes with a table and
 * steps. Only the last few drawings are remembered.
 */
/** A network's drawing in words: its inputs, and each layer's size and activation. */
export function describeNetwork(model: Parameters<typeof libDrawNetwork>[0]): string {
  const layers = model.layers.map((layer) => `${layer.neurons.length} ${layer.neurons[0]?.activation ?? ''}`);
  const nin = model.layers[0]?.neurons[0]?.w.length ?? 0;
  return `A network of ${nin} inputs and ${layers.length} ${layers.length === 1 ? 'layer' : 'layers'} of neurons (${layers.join(', ')}); each neuron reads every output of the layer before.`;
}

export class DrawnGraphs {
  readonly #drawn = new Map<string, { root: Value; options: Parameters<typeof libDrawDot>[1] }>();
  readonly #networks = new Map<string, string>();

  readonly drawNetwork: typeof libDrawNetwork = (model) => {
    const dot = libDrawNetwork(model);
    this.#networks.set(dot, describeNetwork(model));
    if (this.#networks.size > 8) this.#networks.delete(this.#networks.keys().next().value as string);
    return dot;
  };

  readonly drawDot: typeof libDrawDot = (root, options) => {
    const dot = libDrawDot(root, options);
    this.#drawn.delete(dot);
    this.#drawn.set(dot, { root, options });
    if (this.#drawn.size > 8) this.#drawn.delete(this.#drawn.keys().next().value as string);
    return dot;
  };

  /** A cell's shown value, a drawn graph with its data (or a network with its description) when this session drew it. */
  display(shown: Display | null): Display | null {
    if (shown?.kind !== 'graph') return shown;
    const network = this.#networks.get(shown.dot);
    if (network) return { ...shown, description: network };
    const graph = this.take(shown.dot);
    return graph ? { ...shown, graph } : shown;
  }

  /**
   * The data of the graph this DOT text was drawn from, if this session drew it and the graph
   * still draws the same (its Values may have changed since); then forgets every drawing.
   */
  take(dot: string): GraphData | undefined {
    const drawn = this.#drawn.get(dot);
    this.#drawn.clear();
    if (!drawn || libDrawDot(drawn.root, drawn.options) !== dot) return undefined;
    return graphData(drawn.root);
  }
}

/** The one recorder cells' drawDot and drawNetwork go through (a build realm or a sandbox worker runs one session at a time). */
export const drawnGraphs = new DrawnGraphs();
