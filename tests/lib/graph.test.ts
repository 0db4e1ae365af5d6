import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { beforeAll, describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { drawDot, trace } from '../../lib/graph.ts';
import { expressionL } from '../fixtures.ts';

let graphviz: Graphviz;
beforeAll(async () => {
  graphviz = await Graphviz.load();
});

/** The text of every <text> element in an SVG, entities decoded. */
function svgTexts(svg: string): string[] {
  const decode = (s: string) =>
    s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
}

describe('trace', () => {
  it('collects every node once and every edge child → parent', () => {
    const { a, b, c, d, e, f, L } = expressionL();
    const { nodes, edges } = trace(L);
    expect(new Set(nodes)).toEqual(new Set([a, b, c, d, e, f, L]));
    expect(nodes).toHaveLength(7);
    expect(edges).toHaveLength(6);
    expect(edges).toContainEqual([d, L]);
    expect(edges).toContainEqual([a, e]);
  });

  it('keeps both edges of a node used twice', () => {
    const a = new Value(1);
    expect(trace(a.add(a)).edges).toHaveLength(2);
  });
});

describe('drawDot', () => {
  it("draws what the notes draw: records with label, data and grad, and an op node per result", async () => {
    const { L } = expressionL();
    L.backward();
    const dot = drawDot(L);
    expect(dot).toContain('rankdir=LR');
    expect(dot).toContain('label="{ L | data -8.0000 | grad 1.0000 }"');
    const texts = svgTexts(graphviz.layout(dot, 'svg', 'dot'));
    for (const t of ['a', 'data 2.0000', 'grad 6.0000', 'e', 'grad -2.0000', '*', '+']) expect(texts).toContain(t);
  });

  it('is deterministic: the same graph gives the same string', () => {
    expect(drawDot(expressionL().L)).toBe(drawDot(expressionL().L));
    expect(drawDot(expressionL().L, { rankdir: 'TB' })).toContain('rankdir=TB');
  });

  it('prints any label exactly as written and never breaks the graph', () => {
    const labels = ['{x}', 'a|b', '<port>', 'say "hi"', 'back\\slash', 'a -> b', 'end\\', '} { | < > " \\ ->', 'π ≈ 3.14'];
    const values = labels.map((label, i) => new Value(i, { label }));
    const root = values.reduce((s, v) => s.add(v));
    const svg = graphviz.layout(drawDot(root), 'svg', 'dot');
    const texts = svgTexts(svg);
    for (const label of labels) expect(texts).toContain(label);
  });
});

describe('drawDot, numbered', () => {
  it("puts each value's place in topologicalOrder() first in its box, from 1", () => {
    const { L } = expressionL();
    const order = L.topologicalOrder();
    const svg = graphviz.layout(drawDot(L, { numbered: true }), 'svg', 'dot');
    const texts = svgTexts(svg);
    order.forEach((v, i) => {
      const at = texts.indexOf(String(i + 1));
      expect(at, v.label).toBeGreaterThanOrEqual(0);
      expect(texts[at + 1]).toBe(v.label);
    });
    expect(texts).not.toContain(String(order.length + 1));
  });

  it('draws the same graph as without numbers, one field more per value', () => {
    const { L } = expressionL();
    const plain = drawDot(L).split('\n');
    const numbered = drawDot(L, { numbered: true }).split('\n');
    expect(numbered.length).toBe(plain.length);
    numbered.forEach((line, i) => expect(line.replace(/\{ \d+ \| /, '{ ')).toBe(plain[i]));
  });
});

describe('drawDot, with derivatives', () => {
  it('writes on each edge the local derivative of the result with respect to that operand', () => {
    const { a, b, c, d, e, f, L } = expressionL();
    const dot = drawDot(L, { derivatives: true });
    const { nodes } = trace(L);
    const id = (v: Value) => `n${nodes.indexOf(v)}`;
    const label = (child: Value, parent: Value) => new RegExp(`${id(child)} -> ${id(parent)}_op \\[label="([^"]*)"\\]`).exec(dot)?.[1];
    // L = d·f: ∂L/∂d = f, ∂L/∂f = d; d = e + c: 1 and 1; e = a·b: b and a.
    expect(label(d, L)).toBe('-2.0000');
    expect(label(f, L)).toBe('4.0000');
    expect(label(e, d)).toBe('1.0000');
    expect(label(c, d)).toBe('1.0000');
    expect(label(a, e)).toBe('-3.0000');
    expect(label(b, e)).toBe('2.0000');
  });

  it('uses each operation\'s own rule (tanh, pow, division) and leaves every grad as it was', () => {
    const x = new Value(0.5, { label: 'x' });
    const t = x.tanh();
    const y = x.pow(3).div(t);
    y.backward();
    const grads = [x, t, y].map((v) => v.grad);
    const dot = drawDot(y, { derivatives: true });
    expect([x, t, y].map((v) => v.grad)).toEqual(grads);
    const labels = [...dot.matchAll(/\[label="(-?[\d.]+)"\]/g)].map((m) => Number(m[1]));
    const t0 = Math.tanh(0.5);
    // tanh: 1 − t²; x³: 3x² (and 0 for the constant exponent); x³/t: 1/t and −x³/t².
    const expected = [1 - t0 ** 2, 3 * 0.5 ** 2, 0, 1 / t0, -(0.5 ** 3) / t0 ** 2];
    const byValue = (p: number, q: number) => p - q;
    expect(labels.sort(byValue)).toEqual(expected.map((v) => Number(v.toFixed(4))).sort(byValue));
  });

  it('labels a value used twice by one operation once, with the sum of both uses', () => {
    const a = new Value(3, { label: 'a' });
    const dot = drawDot(a.mul(a), { derivatives: true });
    expect(dot.match(/n1 -> n0_op/g)).toHaveLength(2);
    expect(dot.match(/\[label="6\.0000"\]/g)).toHaveLength(1);
    expect(graphviz.layout(dot, 'svg', 'dot')).toContain('6.0000');
  });
});

describe('drawNetwork', () => {
  it("lays out an MLP's neurons, a column per layer, fully connected", async () => {
    const { MLP } = await import('../../lib/nn.ts');
    const { drawNetwork } = await import('../../lib/graph.ts');
    const dot = drawNetwork(new MLP(3, [4, 4, 1]));
    expect(dot.match(/->/g)).toHaveLength(3 * 4 + 4 * 4 + 4 * 1);
    const svg = graphviz.layout(dot, 'svg', 'dot');
    expect(svg.match(/class="node"/g)).toHaveLength(3 + 4 + 4 + 1);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['x1', 'x2', 'x3']));
  });
});
