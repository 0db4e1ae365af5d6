import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { HEIGHT, WIDTH, accuracySvg, cellsSvg, lossSvg, pointsSvg, tint, vote } from '../../src/moons/picture.ts';
import { COLS, ROWS } from '../../src/moons/training.ts';

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
  const yTicks = (svg: string) => {
    const $ = load(svg, { xml: true });
    return $('text[text-anchor="end"]').map((_, t) => $(t).text()).get();
  };

  it('leave a gap where a value is not finite, and never print one', () => {
    const svg = lossSvg([1, 0.5, NaN, 0.25, 0.2, Infinity, 0.1]);
    const $ = load(svg, { xml: true });
    expect($('polyline').length).toBe(2);
    expect($('circle').length).toBe(1);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('scale the loss axis to a round number at or above the largest loss, and the accuracy axis to 100%', () => {
    expect(yTicks(lossSvg([0.96, 1.72, 0.5]))).toEqual(['0', '1', '2']);
    expect(yTicks(lossSvg([0.4, Infinity]))).toEqual(['0', '0.5', '1']);
    expect(yTicks(accuracySvg([0.5, 1]))).toEqual(['0%', '50%', '100%']);
  });

  it('print every digit of a large loss, with room for it', () => {
    // Learning rate ×10 diverges to losses like this one.
    const svg = lossSvg([0.9, 107055.5, 3]);
    expect(yTicks(svg)).toEqual(['0', '50,000', '100,000', '150,000']);
    const axis = load(svg, { xml: true })('path').attr('d') ?? '';
    const left = Number(/^M([\d.]+),/.exec(axis)?.[1]);
    // The labels end 6 units left of the axis, right-aligned: at 14 px a digit is about 8 units wide.
    expect(left - 6).toBeGreaterThanOrEqual('100,000'.length * 14 * 0.6);
    expect(yTicks(lossSvg([3e8]))).toEqual(['0', '1e8', '2e8', '3e8']);
  });
});
