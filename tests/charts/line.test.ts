import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { SERIES_COLORS, extent, finiteRuns, lineChartSvg, niceTicks } from '../../src/charts/line.ts';

const chart = (over: Partial<Parameters<typeof lineChartSvg>[0]> = {}) =>
  lineChartSvg({
    title: 'A chart',
    className: 'c',
    width: 400,
    height: 200,
    fontSize: 10,
    x: { min: 0, max: 10, ticks: [0, 5, 10], format: String },
    y: { min: 0, max: 1, ticks: [0, 0.5, 1], format: String },
    lines: [[[0, 0], [5, 1], [10, 0.5]]],
    ...over,
  });

describe('lineChartSvg', () => {
  it('maps data to the axes: the ends of each axis to the ends of the drawn axis lines', () => {
    const $ = load(chart(), { xml: true });
    const [, left, top, bottom, right] = /^M([\d.]+),([\d.]+)V([\d.]+)H([\d.]+)$/.exec($('path').attr('d') ?? '')!.map(Number);
    expect($('polyline').attr('points')).toBe(`${left.toFixed(1)},${bottom.toFixed(1)} ${((left + right) / 2).toFixed(1)},${top.toFixed(1)} ${right.toFixed(1)},${((top + bottom) / 2).toFixed(1)}`);
    expect($('text').map((_, t) => $(t).text()).get()).toEqual(['0', '5', '10', '0', '0.5', '1']);
  });

  it('draws points beyond an axis at its end, and a lone point as a dot', () => {
    const $ = load(chart({ lines: [[[20, 5], [-1, -1]], [[5, 0.5]]] }), { xml: true });
    const [, left, top, bottom, right] = /^M([\d.]+),([\d.]+)V([\d.]+)H([\d.]+)$/.exec($('path').attr('d') ?? '')!.map(Number);
    expect($('polyline').attr('points')).toBe(`${right.toFixed(1)},${top.toFixed(1)} ${left.toFixed(1)},${bottom.toFixed(1)}`);
    expect($('circle').length).toBe(1);
  });

  it('makes room on the left for the longest tick label', () => {
    const left = (labels: string) => {
      const svg = chart({ y: { min: 0, max: 1, ticks: [0, 1], format: (v) => (v ? labels : '0') } });
      return Number(/d="M([\d.]+),/.exec(svg)?.[1]);
    };
    expect(left('1,234,567.25')).toBeGreaterThan(left('1') + 50);
  });

  it('escapes its title and labels', () => {
    const svg = chart({ title: '</title><script>', x: { min: 0, max: 1, ticks: [0], format: () => '<b>' } });
    expect(svg).not.toMatch(/<script|<b>/);
    expect(load(svg, { xml: true })('title').text()).toBe('</title><script>');
  });
});

describe('lineChartSvg with several series', () => {
  const runs: [number, number][][] = [[[0, 0], [10, 1]]];
  const three = () =>
    load(
      chart({
        lines: undefined,
        series: [
          { runs, label: 'first' },
          { runs, label: 'second', dashed: true, points: true },
          { runs: [[[5, 0.5], [6, 0.7]]], line: false, points: true },
        ],
      }),
      { xml: true },
    );

  it('draws each series in a colour of its own, dashed or with dots where asked', () => {
    const $ = three();
    const groups = $('svg > g').toArray();
    expect(groups).toHaveLength(3);
    const strokes = groups.map((g) => $(g).attr('stroke'));
    expect(new Set(strokes).size).toBe(3);
    expect(strokes[0]).toBe(SERIES_COLORS[0]);
    expect(groups.map((g) => $(g).attr('stroke-dasharray'))).toEqual([undefined, '6 4', undefined]);
    expect(groups.map((g) => $(g).find('polyline').length)).toEqual([1, 1, 0]);
    expect(groups.map((g) => $(g).find('circle').length)).toEqual([0, 2, 2]);
  });

  it('names the labelled series in a legend under the plot, which makes the chart taller', () => {
    const $ = three();
    const texts = $('svg > text').map((_, t) => $(t).text()).get();
    expect(texts.slice(-2)).toEqual(['first', 'second']);
    expect(Number($('svg').attr('height'))).toBeGreaterThan(200);
    // The plot area keeps its height: the axes' corner is where it is without a legend.
    const corner = (svg: string) => /d="M[\d.]+,[\d.]+V([\d.]+)/.exec(svg)?.[1];
    expect(corner(chart({ series: [{ runs, label: 'x' }], lines: undefined }))).toBe(corner(chart()));
  });

  it('wraps the legend into rows that fit the width', () => {
    const labels = Array.from({ length: 6 }, (_, i) => `a long series label ${i}`);
    const svg = chart({ lines: undefined, series: labels.map((label) => ({ runs, label })) });
    const $ = load(svg, { xml: true });
    const rows = new Set($('svg > text').filter((_, t) => labels.includes($(t).text())).map((_, t) => $(t).attr('y')).get());
    expect(rows.size).toBeGreaterThan(1);
    for (const t of $('svg > text').toArray()) expect(Number($(t).attr('x'))).toBeLessThan(400);
  });

  it('writes the axes\' names, escaped', () => {
    const $ = load(chart({ xTitle: 'step <k>', yTitle: 'loss' }), { xml: true });
    const texts = $('text').map((_, t) => $(t).text()).get();
    expect(texts).toContain('step <k>');
    expect(texts).toContain('loss');
  });
});

describe('the helpers', () => {
  it('finiteRuns splits at values that are not finite', () => {
    expect(finiteRuns([0, 1, 2, 3, 4], [1, NaN, 2, 3, Infinity])).toEqual([[[0, 1]], [[2, 2], [3, 3]]]);
    expect(finiteRuns([0, 1], [NaN, NaN])).toEqual([]);
  });

  it('niceTicks picks round steps inside the range, a few even where floating point has no round ones', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(niceTicks(-3, 17)).toEqual([0, 5, 10, 15]);
    for (const [lo, hi] of [[1, 1 + 2 ** -52], [1e16, 1e16 + 4]]) {
      const ticks = niceTicks(lo, hi);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(11);
      for (const t of ticks) expect(t >= lo && t <= hi).toBe(true);
    }
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('extent ignores values that are not finite', () => {
    expect(extent([3, NaN, -1, Infinity, 2])).toEqual([-1, 3]);
    expect(extent([NaN])).toEqual([0, 1]);
  });
});
