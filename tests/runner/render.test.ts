import { describe, expect, it } from 'vitest';
import { cleanGraphvizSvg, renderResult } from '../../src/runner/render.ts';
import type { CellResult } from '../../src/runner/session.ts';

const noGraphs = async (dot: string) => `<svg><text>${dot.length}</text></svg>`;
const result = (over: Partial<CellResult>): CellResult => ({ logs: [], dropped: 0, value: null, error: null, ...over });

describe('renderResult', () => {
  it('escapes everything it is given, since browser results come from the sandbox', async () => {
    const html = await renderResult(
      result({
        logs: [{ level: '"><img src=x onerror=alert(1)>' as 'log', text: '<script>alert(1)</script>' }],
        value: { kind: 'text', text: '<b>bold</b>' },
        error: { kind: 'runtime', name: '<i>', message: '&', line: 2 },
      }),
      noGraphs,
    );
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&#60;script&#62;');
  });

  it('draws plots from numbers only', async () => {
    const html = await renderResult(result({ value: { kind: 'plot', series: [{ xs: [0, 1], ys: ['<script>' as unknown as number, 2], label: '<script>', line: true, dashed: false, points: true }], title: '</title><script>', x: '<i>', y: '' } }), noGraphs);
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<i>');
  });

  it('says how many console lines were dropped', async () => {
    expect(await renderResult(result({ logs: [{ level: 'log', text: 'a' }], dropped: 1234 }), noGraphs)).toContain('1,234 more console lines');
  });

  it('skips console entries that are not objects', async () => {
    expect(await renderResult(result({ logs: [null, 'x', { level: 'log', text: 'ok' }] as never }), noGraphs)).toBe('<pre class="cell-logs">ok</pre>');
  });
});

describe('cleanGraphvizSvg', () => {
  it('drops the prolog, comments, ids and links', () => {
    const svg = '<?xml version="1.0"?><!DOCTYPE svg><!-- c --><svg id="graph0"><title>%3</title><a xlink:href="javascript:alert(1)" target="_x"><g id="node1" class="node"><text>x</text></g></a></svg>';
    const clean = cleanGraphvizSvg(svg);
    expect(clean).toBe('<svg role="img" aria-label="Graph"><g class="node"><text>x</text></g></svg>');
    expect(cleanGraphvizSvg(clean)).toBe(clean);
  });

  it("names each node's and edge's group by its DOT name, and nothing that could break out of the attribute", () => {
    const svg = '<svg><g id="node1" class="node">\n<title>n0_op</title><text>+</text></g><g id="edge1" class="edge">\n<title>n1&#45;&gt;n0_op</title></g><g id="node2" class="node"><title>a"b</title></g></svg>';
    expect(cleanGraphvizSvg(svg)).toBe(
      '<svg role="img" aria-label="Graph"><g class="node" data-node="n0_op"><text>+</text></g><g class="edge" data-edge="n1&#45;&gt;n0_op"></g><g class="node"></g></svg>',
    );
  });
});

describe('plots of nearly flat data', () => {
  it('label the ends instead of looping over ticks that never advance', async () => {
    for (const ys of [[1e16, 1e16 + 4], [1, 1 + 2 ** -52]]) {
      const html = await renderResult(result({ value: { kind: 'plot', series: [{ xs: [0, 1], ys, label: '', line: true, dashed: false, points: false }], title: 't', x: '', y: '' } }), noGraphs);
      expect(html.match(/<text/g)?.length).toBeGreaterThanOrEqual(4);
    }
  });
});
