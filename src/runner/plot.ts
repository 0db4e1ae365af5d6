// plot(xs, ys): a line plot as SVG text, made the same way at build time and in the browser.

import { extent, finiteRuns, lineChartSvg, niceTicks } from '../charts/line.ts';
import { Plot } from './format.ts';

/** In a cell: a line plot of ys against xs, shown when it is the cell's last value. */
export function plot(xs: number[], ys: number[], options?: { title?: string }): Plot {
  if (!Array.isArray(xs) || !Array.isArray(ys) || xs.length !== ys.length || xs.length < 2) {
    throw new TypeError('plot(xs, ys) needs two arrays of numbers of the same length, at least 2');
  }
  for (const v of [...xs, ...ys]) if (typeof v !== 'number') throw new TypeError(`plot: expected numbers, got ${typeof v}`);
  return new Plot([...xs], [...ys], options?.title);
}

/** The SVG of a plot, its axes fitted to the data; coerces its input, since in the browser it comes from the sandbox. */
export function plotSvg(xsIn: unknown, ysIn: unknown, titleIn: unknown): string {
  const xs = Array.isArray(xsIn) ? xsIn.map(Number) : [];
  const ys = Array.isArray(ysIn) ? ysIn.map(Number) : [];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const format = (v: number) => Number(v.toPrecision(6)).toString();
  return lineChartSvg({
    title: String(titleIn),
    className: 'plot',
    width: 480,
    height: 300,
    fontSize: 11,
    x: { min: x0, max: x1, ticks: niceTicks(x0, x1), format },
    y: { min: y0, max: y1, ticks: niceTicks(y0, y1), format },
    lines: finiteRuns(xs, ys),
  });
}
