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
