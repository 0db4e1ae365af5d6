// What an exercise's check uses to judge the reader's work: verdicts per item, and a gradient
// grader that compares every node of the reader's own graph with a finite difference and names
// the first node, in backward() order, whose gradient is wrong. Pure: it runs in the sandbox
// worker in the browser and in a build worker (src/exercises/run.ts).

import type { Value } from '../../lib/engine.ts';
import { drawDot, trace } from '../../lib/graph.ts';
import { type GraphData, graphData } from '../runner/graph-data.ts';

/** One verdict of a check, as plain data: it crosses from the sandbox to the page. */
export interface CheckItem {
  /** What was checked, in the reader's words ("a.grad", "the order"). */
  name: string;
  pass: boolean;
  /** What a reader learns from the verdict: why it is wrong, or a word on why it is right. */
  message: string;
  expected?: string;
  got?: string;
  /** Whether the page shows `expected` when the item fails (it always has it). */
  reveal?: boolean;
  /** A graph to show with the verdict (drawDot's DOT text), its table and steps, and the node to mark wrong (drawDot's nN). */
  graph?: string;
  data?: GraphData;
  node?: number;
}

/** An operation's forward function, on plain numbers, for the grader's own evaluation. */
export type Forward = (...args: number[]) => number;

/** Every operation of lib's Value, by the name `Value.op` gives it. */
const FORWARDS: Record<string, Forward> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '**': (a, b) => a ** b,
  neg: (a) => -a,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  ReLU: (a) => (a > 0 ? a : 0),
};

export interface GradientOptions {
  /** Forward functions of operations lib does not have (one the reader wrote), by name. */
  forward?: Record<string, Forward>;
  /** Relative tolerance of the comparison; default 1e-5. */
  tolerance?: number;
  /** The item's name; default 'gradients'. */
  name?: string;
}

/** How an item reads and what it shows, besides its verdict. */
export interface ItemOptions {
  /** The message when the item fails; by default what it is (and, with `reveal`, what it should be). */
  message?: string;
  /**
   * Show the expected value when the item fails. Off by default: in a prediction the expected
   * value is the answer, and a first wrong guess would give it away. (check.gradients always
   * shows it: naming what a node should get is its point.)
   */
  reveal?: boolean;
  /** The message when it passes; by default 'right'. */
  right?: string;
  /** A graph to show with the item: the Value it ends in (drawn as drawDot draws it, with its table). */
  graph?: Value;
  /**
   * A node of that graph to mark as wrong (data-wrong in the page), or 'gradient': the first node
   * whose gradient is wrong, as gradeGradients finds it (a bug shown live).
   */
  wrong?: Value | 'gradient';
}

/**
 * Collects a check's verdicts. A check is code the reader does not see, run right after theirs:
 * `check.close('a.grad', a.grad, -3)`, `check.gradients(L)`; then the items go back to the page.
 * Each method returns whether its item passed.
 */
export class Checks {
  readonly items: CheckItem[] = [];

  /** Passes when condition holds; message says what was wrong when it does not. */
  ok(name: string, condition: boolean, message: string, options?: Omit<ItemOptions, 'message'>): boolean {
    return this.#push({ name, pass: condition, message: condition ? (options?.right ?? 'right') : message }, options);
  }

  /**
   * Passes when got is a number within tolerance of expected (default 1e-6): relative, and
   * absolute near 0; with `relative`, relative only (for tiny numbers: 9e-8 within 1 %).
   */
  close(name: string, got: unknown, expected: number, options?: ItemOptions & { tolerance?: number; relative?: boolean }): boolean {
    const tolerance = options?.tolerance ?? 1e-6;
    const shown = { expected: describe(expected), got: describe(got), reveal: options?.reveal === true };
    if (typeof got !== 'number') {
      return this.#push({ name, pass: false, message: `${name} should be a number, but it is ${describe(got)}`, ...shown }, options);
    }
    const pass = options?.relative ? Math.abs(got - expected) <= tolerance * Math.abs(expected) : near(got, expected, tolerance);
    const message = pass ? (options?.right ?? 'right') : (options?.message ?? wrongBy(name, show(got), show(expected), shown.reveal));
    return this.#push({ name, pass, message, ...shown }, options);
  }

  /** Passes when got and expected are the same (Object.is for primitives, JSON for arrays). */
  equal(name: string, got: unknown, expected: unknown, options?: ItemOptions): boolean {
    const pass = Array.isArray(expected) ? JSON.stringify(got) === JSON.stringify(expected) : Object.is(got, expected);
    const reveal = options?.reveal === true;
    const message = pass ? (options?.right ?? 'right') : (options?.message ?? wrongBy(name, describe(got), describe(expected), reveal));
    return this.#push({ name, pass, message, expected: describe(expected), got: describe(got), reveal }, options);
  }

  /**
   * Grades every gradient in the graph under root against a finite difference, walking in
   * backward() order; one item, naming the first wrong node and marking it (see gradeGradients).
   * Given several graphs (one operation at several points, say), grades them in turn and reports
   * the first that is wrong, or one item for all.
   */
  gradients(roots: Value | Value[], options?: GradientOptions & Pick<ItemOptions, 'right'>): boolean {
    const all = Array.isArray(roots) ? roots : [roots];
    let item: CheckItem = { name: options?.name ?? 'gradients', pass: false, message: 'there is no graph to grade' };
    for (const root of all) {
      item = gradeGradients(root, options);
      if (!item.pass) break;
    }
    if (item.pass && all.length > 1) item.message = `all gradients of the ${all.length} graphs are right`;
    if (item.pass && options?.right) item.message = options.right;
    this.items.push(item);
    return item.pass;
  }

  #push(item: CheckItem, options: ItemOptions | undefined): boolean {
    const root = options?.graph;
    const wrong = options?.wrong;
    if (root) Object.assign(item, wrong === 'gradient' ? firstWrong(root) : drawn(root, wrong));
    this.items.push(item);
    return item.pass;
  }
}

/** A graph for an item, with its first node whose gradient is wrong marked (none if all are right). */
function firstWrong(root: Value): Pick<CheckItem, 'graph' | 'data' | 'node'> {
  const { pass, node } = gradeGradients(root);
  return drawn(root, pass || node === undefined ? undefined : trace(root).nodes[node]);
}

/** A graph for an item: its DOT, its table and steps, and the node to mark. */
function drawn(root: Value, wrong?: Value): Pick<CheckItem, 'graph' | 'data' | 'node'> {
  const node = wrong ? trace(root).nodes.indexOf(wrong) : -1;
  return { graph: drawDot(root), data: graphData(root), ...(node >= 0 ? { node } : {}) };
}

/**
 * Compares each node's grad (as the reader's code left it) with d(root)/d(node) estimated by
 * central differences on the graph's own forward functions, so no backward rule is trusted.
 * Walks in backward() order (the root first) and reports the first node that is wrong, by its
 * label (or `#k`, its row in the graph's table), with expected and got, the chain rule that gives
 * the right value, a diagnosis of the common mistakes (a gradient overwritten instead of added
 * to, a doubled one, a flipped sign, no backward() at all), and the graph with that node's id.
 * Kinks (ReLU at exactly 0) accept any value between the one-sided slopes.
 * @throws Error naming the operation when the graph uses one with no forward function.
 */
export function gradeGradients(root: Value, options?: GradientOptions): CheckItem {
  const tolerance = options?.tolerance ?? 1e-5;
  const itemName = options?.name ?? 'gradients';
  const forwards = { ...FORWARDS, ...options?.forward };
  const { nodes } = trace(root);
  const index = new Map(nodes.map((n, i) => [n, i]));
  const order = root.topologicalOrder().map((n) => index.get(n) as number);
  const children = nodes.map((n) => n.children.map((c) => index.get(c) as number));
  const forward = nodes.map((n) => {
    if (n.children.length === 0) return null;
    const f = forwards[n.op];
    if (!f) throw new Error(`gradients(): no forward function for the operation '${n.op}'; pass { forward: { '${n.op}': (a, b) => … } }`);
    return f;
  });
  // As the graph's table names them: its label, or #k for the k-th row (topological order).
  const row = new Map(order.map((i, r) => [i, r]));
  const label = (i: number) => nodes[i].label || `#${(row.get(i) as number) + 1}`;
  const top = order[order.length - 1];

  // The graph's values as plain numbers, recomputed from node `from` on with its value set.
  const base = Float64Array.from(nodes, (n) => n.data);
  const evaluate = (from: number, value: number): number => {
    const data = base.slice();
    data[from] = value;
    let started = false;
    for (const i of order) {
      if (i === from) started = true;
      else if (started && forward[i]) data[i] = (forward[i] as Forward)(...children[i].map((c) => data[c]));
    }
    return data[top];
  };
  for (const i of order) {
    const f = forward[i];
    if (f && !near(f(...children[i].map((c) => base[c])), base[i], 1e-12)) {
      return fail(`${label(i)}.data is ${show(base[i])}, but its operation '${nodes[i].op}' gives ${show(f(...children[i].map((c) => base[c])))}: was a value changed after it was computed?`, i);
    }
  }

  // d(root)/d(node): the central difference, and both one-sided ones to recognise a kink.
  const slopes = nodes.map((n, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(n.data));
    const up = evaluate(i, n.data + h);
    const down = evaluate(i, n.data - h);
    const at = base[top];
    return { central: (up - down) / (2 * h), right: (up - at) / h, left: (at - down) / h };
  });
  // Each use of a node (an operation it feeds), with that operation's local derivative.
  const uses = nodes.map(() => [] as { parent: number; local: number }[]);
  children.forEach((cs, parent) =>
    cs.forEach((c, slot) => {
      const f = forward[parent] as Forward;
      const args = children[parent].map((k) => base[k]);
      const h = 1e-6 * Math.max(1, Math.abs(args[slot]));
      const at = (x: number) => f(...args.map((a, k) => (k === slot ? x : a)));
      uses[c].push({ parent, local: (at(args[slot] + h) - at(args[slot] - h)) / (2 * h) });
    }),
  );

  const backwardOrder = [...order].reverse();
  if (backwardOrder.every((i) => nodes[i].grad === 0)) {
    return fail(`every grad is 0: backward() has not run on this graph yet (or its grads were zeroed after). Start at the output: ${label(top)}.grad = 1`, top);
  }
  for (const i of backwardOrder) {
    const got = nodes[i].grad;
    const { central, left, right } = slopes[i];
    const kink = !near(left, right, 1e-3);
    if (kink ? between(got, left, right, tolerance) : near(got, central, tolerance)) continue;
    const expected = kink ? (left + right) / 2 : central;
    return fail(`${label(i)}.grad is ${show(got)}, but it should be ${show(expected)}${diagnose(i, got, expected)}`, i, got, expected);
  }
  return { name: itemName, pass: true, message: `all ${nodes.length} gradients are right` };

  /** Why a node's grad is wrong, when the numbers say so; else the chain rule that gives the right one. */
  function diagnose(i: number, got: number, expected: number): string {
    if (i === top) return `: the output's gradient with respect to itself is always 1`;
    const shares = uses[i].map(({ parent, local }) => slopes[parent].central * local);
    const held = shares.findIndex((s) => near(got, s, tolerance));
    if (shares.length > 1 && held >= 0) {
      // backward() runs the rules in reverse topological order: the last to run is the earliest operation.
      const last = uses[i].reduce((k, use, j) => ((row.get(use.parent) as number) < (row.get(uses[i][k].parent) as number) ? j : k), 0);
      if (held === last) {
        return `. ${label(i)} feeds ${shares.length} operations, and its gradient holds the share of only one, the last rule to run (${formula(uses[i][held].parent)}): it was overwritten (=) instead of added to (+=). The shares add up: ${equation(i)}.`;
      }
      const lost = uses[i].filter((_, j) => j !== held).map(({ parent }) => formula(parent));
      return `. ${label(i)} feeds ${shares.length} operations, but its gradient holds the share of only one: the share through ${lost.join(' and ')} never arrived (did that rule pass ${label(i)} nothing?). The shares add up: ${equation(i)}.`;
    }
    if (expected !== 0 && near(got, 2 * expected, tolerance)) return `: exactly twice the right value, as if backward() ran twice without zeroing the grads`;
    if (expected !== 0 && near(got, -expected, tolerance)) return `: the right size with the wrong sign. ${chain(i)}`;
    return `. ${chain(i)}`;
  }

  /** The chain rule for node i, in numbers: each operation it feeds sends back its grad × the local derivative. */
  function chain(i: number): string {
    const fed = uses[i].map(({ parent }) => formula(parent));
    const fed1 = fed.length === 1 ? fed[0] : `${fed.length} operations (${fed.join('; ')}), and each sends back its share`;
    return `${label(i)} feeds ${fed1}, so ${equation(i)}.`;
  }

  /** `x.grad = s.grad × ∂s/∂x + … = 1.7 × 0.22 + …`: node i's gradient by the chain rule, in symbols and numbers. */
  function equation(i: number): string {
    const terms = uses[i].map(({ parent }) => `${label(parent)}.grad × ∂${label(parent)}/∂${label(i)}`);
    const numbers = uses[i].map(({ parent, local }) => `${show(slopes[parent].central)} × ${show(local)}`);
    return `${label(i)}.grad = ${terms.join(' + ')} = ${numbers.join(' + ')}`;
  }

  /** How node p was made, as the chapters write it: `L = d * f`, `o = tanh(n)`. */
  function formula(p: number): string {
    const [a, b] = children[p];
    return b === undefined ? `${label(p)} = ${nodes[p].op}(${label(a)})` : `${label(p)} = ${label(a)} ${nodes[p].op} ${label(b)}`;
  }

  function fail(message: string, node: number, got?: number, expected?: number): CheckItem {
    return {
      name: itemName,
      pass: false,
      message,
      ...(got === undefined ? {} : { got: show(got) }),
      ...(expected === undefined ? {} : { expected: show(expected), reveal: true }),
      ...drawn(root, nodes[node]),
    };
  }
}

/** The default message of a failed close or equal: what it is, and what it should be only if revealed. */
function wrongBy(name: string, got: string, expected: string, reveal: boolean): string {
  return reveal ? `${name} is ${got}, but it should be ${expected}` : `${name} is ${got}: not yet right`;
}

function near(got: number, expected: number, tolerance: number): boolean {
  if (Object.is(got, expected)) return true;
  return Math.abs(got - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

function between(x: number, a: number, b: number, tolerance: number): boolean {
  const [low, high] = a < b ? [a, b] : [b, a];
  return x >= low - tolerance * Math.max(1, Math.abs(low)) && x <= high + tolerance * Math.max(1, Math.abs(high));
}

/** A number in a message: six significant digits, enough to tell a wrong value from a right one. */
export function show(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

function describe(x: unknown): string {
  if (typeof x === 'number') return show(x);
  if (typeof x === 'string') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(describe).join(', ')}]`;
  if (x === undefined) return 'undefined';
  try {
    return typeof x === 'object' && x !== null && x.toString === Object.prototype.toString ? 'an object' : String(x);
  } catch {
    return `a ${typeof x}`;
  }
}
