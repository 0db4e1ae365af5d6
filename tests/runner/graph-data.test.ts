import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Op, Value } from '../../lib/engine.ts';
import { drawDot, formatNumber, trace } from '../../lib/graph.ts';
import { MLP } from '../../lib/nn.ts';
import { graphData } from '../../src/runner/graph-data.ts';
import { Session } from '../../src/runner/session.ts';

/** Gradients' L = (a·b + c)·f, labelled as the chapter labels it. */
function expression(a = 2, b = -3, c = 10, f = -2) {
  const leaves = { a: new Value(a, { label: 'a' }), b: new Value(b, { label: 'b' }), c: new Value(c, { label: 'c' }), f: new Value(f, { label: 'f' }) };
  const e = leaves.a.mul(leaves.b);
  e.label = 'e';
  const d = e.add(leaves.c);
  d.label = 'd';
  const L = d.mul(leaves.f);
  L.label = 'L';
  return { L, ...leaves };
}

/** Every node's grad after steps 1…k, as the page shows it: the last step that set it, else zero. */
function gradsAfter(data: ReturnType<typeof graphData>, k: number): Map<number, string> {
  const shown = new Map(data.values.map((v) => [v.node, data.zero]));
  for (const step of data.steps.slice(0, k)) for (const [node, grad] of step.grads) shown.set(node, grad);
  return shown;
}

describe('graphData: the table', () => {
  it('lists every value in topological order, with drawDot’s node ids and numbers', () => {
    const { L } = expression();
    L.backward();
    const data = graphData(L);
    const { nodes } = trace(L);
    expect(data.values.map((v) => v.node).sort((x, y) => x - y)).toEqual(nodes.map((_, i) => i));
    const dot = drawDot(L);
    for (const v of data.values) {
      const n = nodes[v.node];
      expect(v).toMatchObject({ label: n.label, op: n.op, data: formatNumber(n.data), grad: formatNumber(n.grad) });
      expect(dot).toContain(`n${v.node} [shape=record, label="{ ${n.label} | data ${v.data} | grad ${v.grad} }"]`);
      expect(v.inputs).toEqual(n.children.map((c) => nodes.indexOf(c)));
      // Each row comes after the rows of its inputs.
      const row = data.values.indexOf(v);
      for (const input of v.inputs) expect(data.values.findIndex((w) => w.node === input)).toBeLessThan(row);
    }
    expect(data.values.at(-1)?.node).toBe(data.output);
  });

  it('names a value without a label by its row', () => {
    const a = new Value(2, { label: 'a' });
    const y = a.mul(3).tanh();
    const data = graphData(y);
    const rows = y.topologicalOrder();
    expect(data.values.map((v) => v.name)).toEqual(rows.map((v, r) => v.label || `#${r + 1}`));
    expect(data.values.filter((v) => v.name.startsWith('#'))).toHaveLength(3);
  });

  it('describes the graph in one line: values, operations, the output', () => {
    const { L } = expression();
    expect(graphData(L).description).toBe('A graph of 7 values and 3 operations (2 *, 1 +); its output L has data -8.0000.');
    expect(graphData(new Value(1.5, { label: 'x' })).description).toBe('A graph of 1 value and no operations; its output x has data 1.5000.');
  });
});

describe('graphData: the steps of backward()', () => {
  it('starts at the output, then runs one operation per step in backward()’s order', () => {
    const { L } = expression();
    const data = graphData(L);
    const { nodes } = trace(L);
    const operations = L.topologicalOrder().filter((n) => n.op).reverse();
    expect(data.steps.map((s) => nodes[s.node])).toEqual([L, ...operations]);
    expect(data.steps[0].grads).toEqual([[0, '1.0000']]);
  });

  it('ends with the grads backward() gives, and leaves every grad as it was', () => {
    const { L, a, b, c, f } = expression();
    c.grad = 42; // a reader's stray value: stepping must not touch it
    const data = graphData(L);
    expect([a, b, c, f, L].map((v) => v.grad)).toEqual([0, 0, 42, 0, 0]);
    const fresh = expression();
    fresh.L.backward();
    const end = gradsAfter(data, data.steps.length);
    const { nodes } = trace(fresh.L);
    nodes.forEach((n, i) => expect(end.get(i), n.label).toBe(formatNumber(n.grad)));
  });

  it('writes the chain rule with its numbers', () => {
    const { L } = expression();
    const texts = graphData(L).steps.map((s) => s.text);
    expect(texts).toEqual([
      'L.grad = 1.0000: the output changes one for one with itself.',
      'L = d * f: d.grad += -2.0000 × L.grad = -2.0000; f.grad += 4.0000 × L.grad = 4.0000.',
      'd = e + c: e.grad += 1.0000 × d.grad = -2.0000; c.grad += 1.0000 × d.grad = -2.0000.',
      'e = a * b: a.grad += -3.0000 × e.grad = 6.0000; b.grad += 2.0000 × e.grad = -4.0000.',
    ]);
  });

  it('says when a grad accumulates, as a value used twice does', () => {
    const x = new Value(3, { label: 'x' });
    const y = x.mul(x.add(1));
    y.label = 'y';
    const texts = graphData(y).steps.map((s) => s.text);
    expect(texts.at(-1)).toBe('#3 = x + #1: x.grad += 1.0000 × #3.grad = 3.0000, now 7.0000; #1.grad += 1.0000 × #3.grad = 3.0000.');
  });

  it('steps an operation a reader writes, by its own rule, and says when the rule does not add', () => {
    // A sigmoid whose rule overwrites the gradient instead of adding to it (issue 10's example).
    const sigmoid: Op = {
      name: 'σ',
      arity: 1,
      backward(out, a) {
        a.grad = out.data * (1 - out.data) * out.grad;
      },
    };
    const x = new Value(0.5, { label: 'x' });
    const s = Value.make(1 / (1 + Math.exp(-x.data)), sigmoid, x);
    s.label = 's';
    const y = s.add(s.mul(x));
    y.label = 'y';
    const data = graphData(y);
    const sigmoidStep = data.steps.find((step) => step.text.startsWith('s = σ(x)'));
    expect(sigmoidStep?.text).toMatch(/^s = σ\(x\): x\.grad went from [-\d.]+ to [-\d.]+ \(local derivative 0\.2350 × s\.grad would add [-\d.]+\)\.$/);
  });

  it('reports a rule that throws, and still lists the values', () => {
    const broken: Op = {
      name: 'boom',
      arity: 1,
      backward() {
        throw new Error('no rule yet');
      },
    };
    const x = new Value(1, { label: 'x' });
    x.grad = 5;
    const y = Value.make(2, broken, x);
    const data = graphData(y);
    expect(data.steps).toEqual([]);
    expect(data.stepError).toBe('a backward rule failed: no rule yet');
    expect(data.values).toHaveLength(2);
    expect(x.grad).toBe(5);
  });

  it('on random expressions, ends where backward() ends, for every value', () => {
    const ops = ['add', 'mul', 'sub', 'tanh', 'exp', 'relu', 'neg', 'pow'] as const;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 4 }), fc.array(fc.tuple(fc.constantFrom(...ops), fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }), (inputs, program) => {
        const build = () => {
          const vs = inputs.map((x, i) => new Value(x, { label: `x${i}` }));
          for (const [op, i, j] of program) {
            const a = vs[i % vs.length];
            const b = vs[j % vs.length];
            vs.push(op === 'pow' ? a.pow(2) : op === 'tanh' || op === 'exp' || op === 'relu' || op === 'neg' ? a[op]() : a[op](b));
          }
          return vs.at(-1) as Value;
        };
        const stepped = graphData(build());
        const reference = build();
        reference.backward();
        const end = gradsAfter(stepped, stepped.steps.length);
        trace(reference).nodes.forEach((n, i) => expect(end.get(i)).toBe(formatNumber(n.grad)));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a big graph only its description', () => {
    const model = new MLP(2, [40, 40, 1]);
    const y = model.forward([1, 2]) as Value;
    const data = graphData(y);
    expect(data.values).toEqual([]);
    expect(data.steps).toEqual([]);
    expect(data.stepError).toMatch(/^\d+ values are too many/);
    expect(data.description).toMatch(/^A graph of \d+ values/);
  });
});

describe('a session’s drawDot', () => {
  it('gives a drawn graph its data, also when a cell imports drawDot', async () => {
    const session = new Session();
    await session.run("const a = new Value(2, { label: 'a' });\nconst y = a.mul(a);\ny.label = 'y';");
    const shown = await session.run('drawDot(y)');
    expect(shown.value).toMatchObject({ kind: 'graph', graph: { description: expect.stringContaining('its output y') } });
    const imported = await session.run("import { drawDot as draw } from '../lib/graph.ts';\ndraw(y)");
    expect(imported.value).toMatchObject({ kind: 'graph', graph: { output: 0 } });
  });

  it('describes a network it drew', async () => {
    const session = new Session();
    const shown = await session.run('drawNetwork(new MLP(3, [4, 4, 1]))');
    expect(shown.value).toMatchObject({
      kind: 'graph',
      description: 'A network of 3 inputs and 3 layers of neurons (4 tanh, 4 tanh, 1 tanh); each neuron reads every output of the layer before.',
    });
  });

  it('gives none to DOT it did not draw, or to a graph changed after it was drawn', async () => {
    const session = new Session();
    expect((await session.run('`digraph { a -> b }`')).value).toEqual({ kind: 'graph', dot: 'digraph { a -> b }' });
    await session.run("const a = new Value(2, { label: 'a' });\nconst y = a.mul(a);");
    const drawn = await session.run('const g = drawDot(y);\ny.grad = 3;\ng');
    expect(drawn.value).toMatchObject({ kind: 'graph' });
    expect((drawn.value as { graph?: unknown }).graph).toBeUndefined();
  });
});

describe('graphData: neurons', () => {
  it("finds each neuron of an MLP's forward pass, layer by layer, with only its own nodes", () => {
    const model = new MLP(3, [4, 4, 1]);
    const y = model.forward([2, 3, -1]) as Value;
    const data = graphData(y);
    const { nodes } = trace(y);
    expect(data.groups?.map((g) => g.name)).toEqual([
      ...[1, 2, 3, 4].map((k) => `layer 1, neuron ${k}`),
      ...[1, 2, 3, 4].map((k) => `layer 2, neuron ${k}`),
      'layer 3, neuron 1',
    ]);
    const groups = data.groups ?? [];
    // A neuron of nin inputs: nin products, nin sums (the bias first) and its tanh.
    expect(groups.map((g) => g.nodes.length)).toEqual([7, 7, 7, 7, 9, 9, 9, 9, 9]);
    for (const g of groups) {
      expect(nodes[g.output].op).toBe('tanh');
      expect(g.summary).toBe(`tanh of ${(g.nodes.length - 1) / 2} inputs = ${formatNumber(nodes[g.output].data)}`);
      // No parameter, input or leaf of any kind is inside a neuron, and no node is in two.
      for (const n of g.nodes) expect(nodes[n].op).not.toBe('');
    }
    const all = groups.flatMap((g) => g.nodes);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(nodes.filter((n) => n.op).length);
  });

  it('knows the same neuron in each forward pass of a batch by its parameters', () => {
    const model = new MLP(2, [3, 1]);
    const outputs = [[1, 2], [3, -1]].map((x) => model.forward(x) as Value);
    const loss = outputs[0].add(outputs[1]);
    const names = graphData(loss).groups?.map((g) => g.name).sort();
    expect(names).toEqual(
      [1, 2].flatMap((p) => [...[1, 2, 3].map((k) => `layer 1, neuron ${k}, pass ${p}`), `layer 2, neuron 1, pass ${p}`]).sort(),
    );
  });

  it('groups nothing in a graph of one neuron', () => {
    const x = new Value(1, { label: 'x' });
    expect(graphData(x.mul(2).add(1).tanh()).groups).toBeUndefined();
  });
});
