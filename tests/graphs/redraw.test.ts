// A redraw without Graphviz must give what Graphviz gives: the same texts in the same layout.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { drawDot, drawNetwork } from '../../lib/graph.ts';
import { MLP } from '../../lib/nn.ts';
import { collapsedDot, dotShape, nodeTexts, shapeKey } from '../../src/graphs/dot.ts';
import { redraw } from '../../src/graphs/redraw.ts';
import { graphData } from '../../src/runner/graph-data.ts';
import { cleanGraphvizSvg } from '../../src/runner/render.ts';

let graphviz: Graphviz;
beforeAll(async () => {
  graphviz = await Graphviz.load();
});
const layout = (dot: string) => cleanGraphvizSvg(graphviz.dot(dot));

/** Each node's texts in the SVG, by its name. */
function texts(svg: string): Record<string, string[]> {
  const $ = load(svg, { xml: true });
  return Object.fromEntries($('g.node').map((_, g) => [[$(g).attr('data-node'), $(g).find('text').map((__, t) => $(t).text()).get()]]).get());
}

/** Gradients' L = (a·b + c)·f with these leaves, labelled, after backward(). */
function expression(a: number, labels = true) {
  const v = (x: number, label: string) => new Value(x, { label: labels ? label : '' });
  const e = v(a, 'a').mul(v(-3, 'b'));
  const d = e.add(v(10, 'c'));
  const L = d.mul(v(-2, 'f'));
  if (labels) [e.label, d.label, L.label] = ['e', 'd', 'L'];
  L.backward();
  return L;
}

describe('shape', () => {
  it('sets aside the texts of node labels, and nothing else', () => {
    const two = drawDot(expression(2));
    expect(dotShape(drawDot(expression(3)))).toBe(dotShape(two));
    expect(shapeKey(drawDot(expression(-7.25)))).toBe(shapeKey(two));
    // An unlabelled value draws one text fewer: another shape.
    expect(shapeKey(drawDot(expression(2, false)))).not.toBe(shapeKey(two));
    expect(shapeKey(drawDot(expression(2), { rankdir: 'TB' }))).not.toBe(shapeKey(two));
    const x = new Value(1, { label: 'x' });
    expect(shapeKey(drawDot(x.add(1)))).not.toBe(shapeKey(drawDot(x.add(1).add(1))));
  });

  it("reads each node's texts as Graphviz draws them, for drawDot's labels of every kind", () => {
    const odd = new Value(1.5, { label: 'a | {b}  <c> "d" \\ e\nsecond line' });
    const y = odd.mul(new Value(-0)).tanh();
    y.label = '  padded  ';
    const dot = drawDot(y);
    const drawn = texts(layout(dot));
    for (const [name, wanted] of nodeTexts(dot)) expect(drawn[name], name).toEqual(wanted);
    expect(nodeTexts(dot).size).toBe(Object.keys(drawn).length);
  });
});

describe('redraw', () => {
  it("gives a graph of the same shape Graphviz's own texts, in the layout it already has", () => {
    const before = layout(drawDot(expression(2)));
    const dot = drawDot(expression(3));
    const redrawn = redraw(before, dot);
    expect(redrawn).not.toBeNull();
    expect(texts(redrawn as string)).toEqual(texts(layout(dot)));
    // Same layout: every shape and edge where it was.
    const geometry = (svg: string) => svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
    expect(geometry(redrawn as string)).toBe(geometry(before));
  });

  it('squeezes a longer number into the width the layout gave the old one', () => {
    const redrawn = redraw(layout(drawDot(expression(2))), drawDot(expression(2000)));
    const $ = load(redrawn as string, { xml: true });
    const squeezed = $('text[textLength]');
    expect(squeezed.length).toBeGreaterThan(0);
    squeezed.each((_, t) => expect($(t).attr('lengthAdjust')).toBe('spacingAndGlyphs'));
    expect($('text').filter((_, t) => $(t).text() === 'data 2000.0000').length).toBe(1);
  });

  it('redraws any DOT whose node labels only change, and the same DOT as it was', () => {
    const net = drawNetwork(new MLP(3, [4, 4, 1]));
    const svg = layout(net);
    expect(redraw(svg, net)).toBe(svg);
    const hand = (label: string) => `digraph {\n  a [label="${label}"];\n  a -> b;\n}`;
    expect(texts(redraw(layout(hand('one')), hand('two')) as string)).toEqual(texts(layout(hand('two'))));
  });

  it('declines what it cannot do faithfully: a missing node, a text too many, a wider text in an unknown font', () => {
    expect(redraw(layout(drawDot(new Value(1, { label: 'one' }))), drawDot(expression(2)))).toBeNull();
    const hand = (label: string) => `digraph {\n  a [label="${label}"];\n}`;
    expect(redraw(layout(hand('one')), hand('one\\ntwo'))).toBeNull();
    expect(redraw(layout(hand('one')), hand('a much longer label'))).toBeNull();
  });
});

describe('collapsedDot', () => {
  it('draws each neuron of a batch as one box, its parameters and inputs inside, wired layer to layer', () => {
    const model = new MLP(3, [4, 4, 1]);
    const loss = [[2, 3, -1], [3, -1, 0.5]].map((x) => (model.forward(x) as Value).sub(1).pow(2)).reduce((a, b) => a.add(b));
    const data = graphData(loss);
    const dot = collapsedDot(data);
    const boxes = [...dot.matchAll(/^ {2}(g\d+) \[shape=Mrecord, label="\{ (layer \d, neuron \d, pass \d) \| tanh of (\d) inputs = -?\d\.\d{4} \| grad -?\d\.\d{4} \}"\];$/gm)];
    expect(boxes.map((b) => b[2]).sort()).toEqual((data.groups ?? []).map((g) => g.name).sort());
    expect(boxes).toHaveLength(18);
    // Layer 2's neurons each read the 4 of layer 1 in their pass; layer 3's reads layer 2's.
    const edges = [...dot.matchAll(/^ {2}(g\d+) -> (g\d+);$/gm)];
    expect(edges).toHaveLength(2 * (16 + 4));
    // Drawn outside the boxes: the loss's own values (a sub, a pow and a constant each per pass, and the sum).
    const values = [...dot.matchAll(/^ {2}n\d+ \[shape=record/gm)];
    expect(values.length).toBe(data.values.length - (data.groups ?? []).reduce((n, g) => n + g.nodes.length, 0) - model.parameters().length - 6);
    // Graphviz reads it.
    expect(texts(layout(dot))).toMatchObject({ g0: expect.arrayContaining([expect.stringMatching(/^layer \d, neuron \d, pass \d$/)]) });
  });
});
