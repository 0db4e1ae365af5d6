import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { trace } from '../../lib/graph.ts';
import { GRAPHS } from '../../src/stepper/graphs.ts';
import { backwardSteps } from '../../src/stepper/steps.ts';

const byLabel = (root: Value, walkGrads: number[]) => Object.fromEntries(trace(root).nodes.map((n, i) => [n.label, walkGrads[i]]));

describe('backwardSteps', () => {
  it.each(Object.keys(GRAPHS))('on %s, ends with the grads backward() gives', (name) => {
    const stepped = GRAPHS[name]();
    const walk = backwardSteps(stepped);
    const reference = GRAPHS[name]();
    reference.backward();
    expect(walk.grads.at(-1)).toEqual(trace(reference).nodes.map((n) => n.grad));
    // …and leaves them in the graph, as backward() does.
    expect(trace(stepped).nodes.map((n) => n.grad)).toEqual(walk.grads.at(-1));
  });

  it('fills in the leaves of the neuron and of L as the chapter does by hand', () => {
    const o = GRAPHS.neuron();
    const neuron = byLabel(o, backwardSteps(o).grads.at(-1)!);
    expect(neuron.x1).toBeCloseTo(-1.5, 12);
    expect(neuron.w1).toBeCloseTo(1, 12);
    expect(neuron.x2).toBeCloseTo(0.5, 12);
    expect(neuron.w2).toBe(0);
    const L = GRAPHS.L();
    expect(byLabel(L, backwardSteps(L).grads.at(-1)!)).toMatchObject({ a: 6, b: -4, c: -2, f: 4, L: 1 });
  });

  it('starts from zeros, sets the root to 1, then runs one operation per step in reverse topological order', () => {
    const o = GRAPHS.neuron();
    const { grads, steps } = backwardSteps(o);
    const { nodes } = trace(o);
    expect(grads).toHaveLength(steps.length + 1);
    expect(grads[0].every((g) => g === 0)).toBe(true);
    expect(steps[0]).toMatchObject({ node: null, filled: [nodes.indexOf(o)] });
    const operations = o.topologicalOrder().filter((n) => n.op).reverse();
    expect(steps.slice(1).map((s) => nodes[s.node!])).toEqual(operations);
    for (const step of steps.slice(1)) expect(step.filled).toEqual(nodes[step.node!].children.map((c) => nodes.indexOf(c)));
    // Each step changes only the grads of the nodes it fills.
    steps.forEach((step, p) => {
      grads[p + 1].forEach((g, i) => {
        if (!step.filled.includes(i)) expect(g).toBe(grads[p][i]);
      });
    });
  });

  it("says each step with the chapter's hand rule and its numbers", () => {
    const rules = backwardSteps(GRAPHS.neuron()).steps.map((s) => s.rule);
    expect(rules[0]).toBe('Root: o.grad = 1, since o changes one for one with itself.');
    expect(rules[1]).toBe('tanh: tanh(n) → o. tanh multiplies the gradient by 1 − tanh²: n.grad += (1 − o.data²) × o.grad = 0.5 × 1 = 0.5.');
    expect(rules[2]).toMatch(/^Sum: \(x1\*w1 \+ x2\*w2\) \+ b → n\. A sum passes its gradient on unchanged/);
    expect(rules.at(-2)).toBe(
      'Product: x1 · w1 → (x1*w1). A product swaps the data: x1.grad += w1.data × (x1*w1).grad = −3 × 0.5 = −1.5; w1.grad += x1.data × (x1*w1).grad = 2 × 0.5 = 1.',
    );
  });

  it('refuses an operation the chapter has no hand rule for', () => {
    const x = new Value(1, { label: 'x' });
    const y = x.exp();
    y.label = 'y';
    expect(() => backwardSteps(y)).toThrow("no hand rule for the operation 'exp'");
  });
});
