// What an exercise's check uses to judge the reader's work: verdicts per item, and a gradient
// grader that compares every node of the reader's own graph with a finite difference and names
// the first node, in backward() order, whose gradient is wrong. Pure: it runs in the sandbox
// worker in the browser and in the chapter's session at build time.

import type { Value } from '../../lib/engine.ts';
import { drawDot, trace } from '../../lib/graph.ts';

/** One verdict of a check, as plain data: it crosses from the sandbox to the page. */
export interface CheckItem {
  /** What was checked, in the reader's words ("a.grad", "the order"). */
  name: string;
  pass: boolean;
  message: string;
  expected?: string;
  got?: string;
  /** A graph to show with the verdict (DOT text), and the node in it to mark (drawDot's nN). */
  graph?: string;
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
}

/**
 * Collects a check's verdicts. A check is code the reader does not see, run right after theirs:
 * `check.close('a.grad', a.grad, -3)`, `check.gradients(L)`, then the items go back to the page.
 */
export class Checks {
  readonly items: CheckItem[] = [];

  /** Passes when condition holds; message says what was wrong when it does not. */
  ok(name: string, condition: boolean, message: string): boolean {
    this.items.push({ name, pass: condition, message: condition ? 'right' : message });
    return condition;
  }

  /** Passes when got is a number within tolerance (relative, and absolute near 0) of expected. */
  close(name: string, got: unknown, expected: number, options?: { tolerance?: number; message?: string }): boolean {
    const tolerance = options?.tolerance ?? 1e-6;
    if (typeof got !== 'number') {
      return this.#push(name, false, `${name} should be a number, but it is ${describe(got)}`, expected, got);
    }
    const pass = near(got, expected, tolerance);
    const message = pass ? 'right' : (options?.message ?? `${name} is ${show(got)}, but it should be ${show(expected)}`);
    return this.#push(name, pass, message, expected, got);
  }

  /** Passes when got and expected are the same (Object.is for primitives, JSON for arrays). */
  equal(name: string, got: unknown, expected: unknown, message?: string): boolean {
    const pass = Array.isArray(expected) ? JSON.stringify(got) === JSON.stringify(expected) : Object.is(got, expected);
    const text = pass ? 'right' : (message ?? `${name} is ${describe(got)}, but it should be ${describe(expected)}`);
    return this.#push(name, pass, text, expected, got);
  }

  /**
   * Grades every gradient in the graph under root against a finite difference, walking in
   * backward() order; one item, naming the first wrong node (see gradeGradients).
   */
  gradients(root: Value, options?: GradientOptions): boolean {
    const item = gradeGradients(root, options);
    this.items.push(item);
    return item.pass;
  }

  #push(name: string, pass: boolean, message: string, expected: unknown, got: unknown): boolean {
    this.items.push({ name, pass, message, expected: describe(expected), got: describe(got) });
    return pass;
  }
}

/**
 * Compares each node's grad (as the reader's code left it) with d(root)/d(node) estimated by
 * central differences on the graph's own forward functions, so no backward rule is trusted.
 * Walks in backward() order (the root first) and reports the first node that is wrong, with
 * its label, expected and got, a diagnosis of the common mistakes (a gradient overwritten
 * instead of added to, a doubled one, no backward() at all), and the graph with that node's
 * id. Kinks (ReLU at exactly 0) accept any value between the one-sided slopes.
 * @throws Error naming the operation when the graph uses one with no forward function.
 */
export function gradeGradients(root: Value, options?: GradientOptions): CheckItem {
  const tolerance = options?.tolerance ?? 1e-5;
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
  const label = (i: number) => nodes[i].label || `node n${i}`;

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
    return data[order[order.length - 1]];
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
    const at = base[order[order.length - 1]];
    return { central: (up - down) / (2 * h), right: (up - at) / h, left: (at - down) / h };
  });
  const uses = nodes.map(() => [] as { parent: number; slot: number }[]);
  children.forEach((cs, parent) => cs.forEach((c, slot) => uses[c].push({ parent, slot })));

  const backwardOrder = [...order].reverse();
  if (backwardOrder.every((i) => nodes[i].grad === 0)) {
    return fail('every grad is 0: backward() has not run on this graph yet (or its grads were zeroed after)', backwardOrder[0]);
  }
  for (const i of backwardOrder) {
    const got = nodes[i].grad;
    const { central, left, right } = slopes[i];
    const kink = !near(left, right, 1e-3);
    if (kink ? between(got, left, right, tolerance) : near(got, central, tolerance)) continue;
    const expected = kink ? (left + right) / 2 : central;
    return fail(`${label(i)}.grad is ${show(got)}, but it should be ${show(expected)}${diagnose(i, got, expected)}`, i, got, expected);
  }
  return { name: 'gradients', pass: true, message: `all ${nodes.length} gradients are right` };

  /** Why a node's grad is wrong, when the numbers say so. */
  function diagnose(i: number, got: number, expected: number): string {
    const shares = uses[i].map(({ parent, slot }) => {
      const f = forward[parent] as Forward;
      const args = children[parent].map((c) => base[c]);
      const h = 1e-6 * Math.max(1, Math.abs(args[slot]));
      const at = (x: number) => f(...args.map((a, k) => (k === slot ? x : a)));
      return slopes[parent].central * ((at(args[slot] + h) - at(args[slot] - h)) / (2 * h));
    });
    if (shares.length > 1 && shares.some((s) => near(got, s, tolerance))) {
      return `. ${label(i)} feeds ${shares.length} operations, and its gradient holds the share of only one: it was overwritten (=) instead of added to (+=)`;
    }
    if (expected !== 0 && near(got, 2 * expected, tolerance)) return ': exactly twice the right value, as if backward() ran twice without zeroing the grads';
    if (expected !== 0 && near(got, -expected, tolerance)) return ': the right size with the wrong sign';
    return '';
  }

  function fail(message: string, node: number, got?: number, expected?: number): CheckItem {
    return {
      name: 'gradients',
      pass: false,
      message,
      ...(got === undefined ? {} : { got: show(got) }),
      ...(expected === undefined ? {} : { expected: show(expected) }),
      graph: drawDot(root),
      node,
    };
  }
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
function show(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

function describe(x: unknown): string {
  if (typeof x === 'number') return show(x);
  if (typeof x === 'string') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(describe).join(', ')}]`;
  if (x === undefined) return 'undefined';
  return String(x);
}
