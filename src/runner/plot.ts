// plot(): line plots as SVG text, made the same way at build time and in the browser.

import { extent, finiteRuns, lineChartSvg, niceTicks } from '../charts/line.ts';
import { Plot, type PlotSeries } from './format.ts';

/** One series of a plot: ys against xs, drawn as a line unless `line` is false. */
export interface Series {
  xs: number[];
  ys: number[];
  /** Its name in the legend under the plot. */
  label?: string;
  /** Join the points with a line (default true). */
  line?: boolean;
  /** A dashed line. */
  dashed?: boolean;
  /** A dot at every point. */
  points?: boolean;
}

/** What a plot says about itself: its accessible name and the names of its axes. */
export interface PlotOptions {
  /** Read by screen readers; by default the series' labels. */
  title?: string;
  /** The x axis's name, shown under it. */
  x?: string;
  /** The y axis's name, shown above the plot. */
  y?: string;
}

/**
 * In a cell: a line plot, shown when it is the cell's last value. `plot(xs, ys)` draws ys against
 * xs; `plot([{ xs, ys, label }, …])` draws several series on shared axes, each in its own colour,
 * the labelled ones named in a legend. Throws a TypeError for arrays of different lengths, fewer
 * than one point in a series, or anything but numbers.
 */
export function plot(xs: number[], ys: number[], options?: PlotOptions & Omit<Series, 'xs' | 'ys'>): Plot;
export function plot(series: Series[], options?: PlotOptions): Plot;
export function plot(first: number[] | Series[], second?: number[] | PlotOptions, third?: PlotOptions & Omit<Series, 'xs' | 'ys'>): Plot {
  if (Array.isArray(second)) {
    if (!Array.isArray(first) || first.length < 2) throw new TypeError('plot(xs, ys) needs two arrays of numbers of the same length, at least 2');
    return plot([{ ...third, xs: first as number[], ys: second }], third);
  }
  const options = second ?? {};
  if (!Array.isArray(first) || first.length === 0 || !first.every((s) => s !== null && typeof s === 'object' && !Array.isArray(s))) {
    throw new TypeError('plot needs two arrays of numbers, plot(xs, ys), or a list of series, plot([{ xs, ys }, …])');
  }
  const series = (first as Series[]).map((s, i): PlotSeries => {
    const name = s.label ? `series "${s.label}"` : `series ${i + 1}`;
    if (!Array.isArray(s.xs) || !Array.isArray(s.ys) || s.xs.length !== s.ys.length || s.xs.length < 1) {
      throw new TypeError(`plot: ${name} needs xs and ys, arrays of numbers of the same length, at least 1`);
    }
    for (const v of [...s.xs, ...s.ys]) if (typeof v !== 'number') throw new TypeError(`plot: ${name}: expected numbers, got ${typeof v}`);
    return { xs: [...s.xs], ys: [...s.ys], label: String(s.label ?? ''), line: s.line !== false, dashed: s.dashed === true, points: s.points === true };
  });
  const labels = series.map((s) => s.label).filter(Boolean);
  const title = options.title ?? (labels.length ? `Plot: ${labels.join('; ')}` : 'Line plot');
  return new Plot(series, title, String(options.x ?? ''), String(options.y ?? ''));
}

/** The SVG of a plot, its axes fitted to every series; coerces its input, since in the browser it comes from the sandbox. */
export function plotSvg(seriesIn: unknown, titleIn: unknown, xTitleIn?: unknown, yTitleIn?: unknown): string {
  const series = (Array.isArray(seriesIn) ? seriesIn : []).filter((s) => s !== null && typeof s === 'object').map((s: Record<string, unknown>) => ({
    xs: Array.isArray(s.xs) ? s.xs.map(Number) : [],
    ys: Array.isArray(s.ys) ? s.ys.map(Number) : [],
    label: s.label ? String(s.label) : undefined,
    line: s.line !== false,
    dashed: s.dashed === true,
    points: s.points === true,
  }));
  const [x0, x1] = extent(series.flatMap((s) => s.xs));
  const [y0, y1] = extent(series.flatMap((s) => s.ys));
  const format = (v: number) => Number(v.toPrecision(6)).toString();
  return lineChartSvg({
    title: String(titleIn),
    className: 'plot',
    width: 480,
    height: 300,
    fontSize: 13,
    x: { min: x0, max: x1, ticks: niceTicks(x0, x1), format },
    y: { min: y0, max: y1, ticks: niceTicks(y0, y1), format },
    series: series.map((s) => ({ ...s, runs: finiteRuns(s.xs, s.ys) })),
    xTitle: xTitleIn ? String(xTitleIn) : undefined,
    yTitle: yTitleIn ? String(yTitleIn) : undefined,
  });
}
