import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { tint, vote } from '../../src/moons/colors.ts';
import { accuracySvg, curveSvg, lossSvg } from '../../src/moons/curves.ts';
import { HEIGHT, WIDTH, cellsSvg, pointsSvg } from '../../src/moons/picture.ts';
import { COLS, ROWS } from '../../src/moons/view.ts';

describe('the decision boundary picture', () => {
  it('covers the view with cells, coloured by the sign of the score', () => {
    // Negative on the left half, positive on the right, one diverged cell.
    const grid: number[] = Array.from({ length: COLS * ROWS }, (_, i) => (i % COLS < COLS / 2 ? -3 : 3));
    grid[0] = NaN;
    const $ = load(`<svg>${cellsSvg(grid)}</svg>`, { xml: true });
    const rects = $('rect').toArray().map((r) => r.attribs);
    const area = rects.reduce((sum, r) => sum + Number(r.width) * Number(r.height), 0);
    expect(area).toBe(WIDTH * HEIGHT);
    // Votes are rounded to eighths: tanh(±3) ≈ ±0.995 shows as ±1.
    const rgb = ([r, g, b]: number[]) => `rgb(${r},${g},${b})`;
    expect(Math.round(vote(3) * 8)).toBe(8);
    expect(rects.find((r) => r.x === '0' && r.y === '10')?.fill).toBe(rgb(tint(-1)));
    expect(rects.find((r) => Number(r.x) + Number(r.width) === WIDTH && r.y === '10')?.fill).toBe(rgb(tint(1)));
    expect(rects.find((r) => r.x === '0' && r.y === '0')?.fill).toBe(rgb(tint(0)));
    // Equal neighbours share a rect: two per row here, three in the first.
    expect(rects).toHaveLength(2 * ROWS + 1);
  });

  it('draws one dot per point, in its class colour', () => {
    const $ = load(`<svg>${pointsSvg([[0, 0], [1, 0.5]], [-1, 1])}</svg>`, { xml: true });
    expect($('circle').map((_, c) => c.attribs.fill).get()).toEqual(['#f59322', '#0877bd']);
  });
});

describe('the training curves', () => {
  it('leave a gap where a value is not finite, and never print one', () => {
    const svg = curveSvg({ label: 'x', values: [1, 0.5, NaN, 0.25, 0.2], max: 1, format: String });
    const $ = load(svg, { xml: true });
    expect($('polyline').length).toBe(2);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('scale the loss axis to the largest loss, and the accuracy axis to 100%', () => {
    const ticks = (svg: string) => load(svg, { xml: true })('text').map((_, t) => load(t).text()).get().slice(5);
    expect(ticks(lossSvg([0.96, 1.72, 0.5]))).toEqual(['0', '1', '2']);
    expect(ticks(lossSvg([0.4, Infinity]))).toEqual(['0', '0.5', '1']);
    expect(ticks(accuracySvg([0.5, 1]))).toEqual(['0%', '50%', '100%']);
  });
});
