import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/charts/line.ts';
import { display } from '../../src/runner/format.ts';
import { plot, plotSvg } from '../../src/runner/plot.ts';

describe('plot()', () => {
  it('takes xs and ys, or a list of series, and keeps copies of the numbers', () => {
    const xs = [0, 1, 2];
    const one = plot(xs, [0, 1, 4], { label: 'x²', x: 'x' });
    xs.push(3);
    expect(one.series).toEqual([{ xs: [0, 1, 2], ys: [0, 1, 4], label: 'x²', line: true, dashed: false, points: false }]);
    expect(one.x).toBe('x');
    const two = plot([
      { xs: [0, 1], ys: [1, 2], label: 'a' },
      { xs: [0.5], ys: [1.5], line: false, points: true },
    ]);
    expect(two.series.map((s) => [s.label, s.line, s.points])).toEqual([['a', true, false], ['', false, true]]);
    expect(two.title).toBe('Plot: a');
  });

  it('refuses what it cannot draw, naming the series', () => {
    expect(() => plot([0, 1], [0])).toThrow(TypeError);
    expect(() => plot([0], [0])).toThrow(/at least 2/);
    expect(() => plot([{ xs: [0, 1], ys: [0, 1] }, { xs: [0], ys: [], label: 'b' }])).toThrow(/series "b"/);
    expect(() => plot([{ xs: [0], ys: ['1' as unknown as number] }])).toThrow(/expected numbers, got string/);
    expect(() => plot([])).toThrow(/a list of series/);
  });

  it('is shown as plain data, and drawn with every series on one pair of axes', () => {
    const shown = display(plot([{ xs: [0, 10], ys: [0, 1], label: 'up' }, { xs: [0, 10], ys: [5, -5], label: 'down', dashed: true }]));
    expect(shown?.kind).toBe('plot');
    if (shown?.kind !== 'plot') return;
    const $ = load(plotSvg(shown.series, shown.title, shown.x, shown.y), { xml: true });
    expect($('polyline')).toHaveLength(2);
    // The y axis spans both series: −5 to 5.
    const ticks = $('text[text-anchor="end"]').map((_, t) => $(t).text()).get();
    expect(ticks).toEqual(niceTicks(-5, 5).map(String));
    expect($('svg > text').map((_, t) => $(t).text()).get().slice(-2)).toEqual(['up', 'down']);
  });
});
