// Line charts as SVG text, built from numbers only: plot(xs, ys) in cells (src/runner/plot.ts) and
// the moons demo's training curves (src/moons/picture.ts) both draw with lineChartSvg, at build
// time and in the browser. Pure: no DOM, so the runner bundle can carry it.

import { escapeHtml } from '../runner/format.ts';

export interface Axis {
  /** The axis runs from min to max, in data units; a point beyond either end is drawn at that end. */
  min: number;
  max: number;
  /** Where the labelled ticks go, in data units. */
  ticks: number[];
  format: (value: number) => string;
}

export interface LineChart {
  /** The chart's accessible name, as plain text (escaped here). */
  title: string;
  className: string;
  /** The SVG's size in its own units; CSS may scale it. */
  width: number;
  height: number;
  fontSize: number;
  x: Axis;
  y: Axis;
  /** Each run of [x, y] points is one line in the accent colour; a run of one point is drawn as a dot. */
  lines?: [number, number][][];
  /** Several series, each in a colour of its own (and named in a legend when labelled): drawn after `lines`. */
  series?: Series[];
  /** The axes' names: the x axis's under its tick labels, the y axis's above the plot, at its left. */
  xTitle?: string;
  yTitle?: string;
}

/** One series of a chart: its points, how they are drawn, and its name. */
export interface Series {
  /** Runs of [x, y] points (finiteRuns makes them): each run is one line. */
  runs: [number, number][][];
  /** Its name in the legend; a series without one has no entry. */
  label?: string;
  /** Join the points with a line (the default), or not. */
  line?: boolean;
  /** A dashed line. */
  dashed?: boolean;
  /** A dot at every point. */
  points?: boolean;
}

/**
 * Series colours, in order: the site's accent, then colours told apart also by readers with
 * colour-blindness (Okabe and Ito's palette). Each is a CSS variable (the theme may change it,
 * src/styles/custom.css) with the light theme's colour as its fallback.
 */
export const SERIES_COLORS = [
  'var(--sl-color-accent, #3b82f6)',
  'var(--plot-color-1, #b45f06)',
  'var(--plot-color-2, #007a5a)',
  'var(--plot-color-3, #b3478f)',
  'var(--plot-color-4, #c43d00)',
  'var(--plot-color-5, #1f78b4)',
];

/** A rough width of a label in SVG units: digits, commas and signs of a sans-serif font. */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

/**
 * The chart as an inline SVG element: axes, tick labels, the lines (`lines` in the accent colour,
 * then each of `series` in its own), and a legend of the labelled series under the plot. The
 * margins grow to fit the longest tick label, the axis titles and the legend, so nothing is cut
 * off at the edge.
 */
export function lineChartSvg(chart: LineChart): string {
  const { title, className, width, fontSize, x, y } = chart;
  const series: Series[] = [...(chart.lines?.length ? [{ runs: chart.lines }] : []), ...(chart.series ?? [])];
  const xLabels = x.ticks.map((v) => [v, x.format(v)] as const);
  const yLabels = y.ticks.map((v) => [v, y.format(v)] as const);
  const left = Math.ceil(Math.max(0, ...yLabels.map(([, text]) => textWidth(text, fontSize))) + 12);
  const right = Math.ceil(Math.max(14, ...xLabels.map(([, text]) => textWidth(text, fontSize) / 2 + 4)));
  const top = Math.ceil(fontSize * 0.6 + 6) + (chart.yTitle ? fontSize + 6 : 0);
  const legend = legendRows(series, width - 8, fontSize);
  const lineHeight = Math.ceil(fontSize * 1.5);
  const xTitleHeight = chart.xTitle ? lineHeight : 0;
  const bottom = Math.ceil(fontSize * 1.3 + 10) + xTitleHeight + legend.length * lineHeight + (legend.length ? 4 : 0);
  // The plot keeps its height; the legend and titles add to the SVG's.
  const height = chart.height + xTitleHeight + legend.length * lineHeight + (legend.length ? 4 : 0) + (chart.yTitle ? fontSize + 6 : 0);
  const scale = (axis: Axis, from: number, to: number) => (v: number) => {
    const t = axis.max > axis.min ? (Math.min(Math.max(v, axis.min), axis.max) - axis.min) / (axis.max - axis.min) : 0.5;
    return from + t * (to - from);
  };
  const sx = scale(x, left, width - right);
  const sy = scale(y, height - bottom, top);
  const f = (n: number) => n.toFixed(1);
  const drawn = series
    .map((s, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      const runs = s.runs.filter((run) => run.length > 0);
      const lines = s.line === false ? '' : runs
        .filter((run) => run.length > 1)
        .map((run) => `<polyline points="${run.map(([px, py]) => `${f(sx(px))},${f(sy(py))}`).join(' ')}"/>`)
        .join('');
      // A lone point is a dot even without `points`: otherwise it would not show at all.
      const dots = runs
        .flatMap((run) => (s.points || run.length === 1 ? run : []))
        .map(([px, py]) => `<circle cx="${f(sx(px))}" cy="${f(sy(py))}" r="${s.points ? 3 : 1.5}" fill="${color}" stroke="none"/>`)
        .join('');
      return `<g fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}>${lines}${dots}</g>`;
    })
    .join('');
  const xTicks = xLabels
    .map(([v, text]) => `<text x="${f(sx(v))}" y="${f(height - bottom + fontSize + 6)}" text-anchor="middle">${escapeHtml(text)}</text>`)
    .join('');
  const yTicks = yLabels
    .map(([v, text]) => `<text x="${left - 6}" y="${f(sy(v) + fontSize * 0.35)}" text-anchor="end">${escapeHtml(text)}</text>`)
    .join('');
  const belowTicks = height - bottom + fontSize * 1.3 + 10;
  const titles =
    (chart.xTitle ? `<text x="${f((left + width - right) / 2)}" y="${f(belowTicks + fontSize)}" text-anchor="middle">${escapeHtml(chart.xTitle)}</text>` : '') +
    (chart.yTitle ? `<text x="${left}" y="${f(fontSize + 2)}" text-anchor="start">${escapeHtml(chart.yTitle)}</text>` : '');
  const legendTop = belowTicks + xTitleHeight + 4;
  const key = legend
    .flatMap((row, r) =>
      row.map(({ series: s, index, at }) => {
        const color = SERIES_COLORS[index % SERIES_COLORS.length];
        const cy = legendTop + r * lineHeight + lineHeight / 2;
        const swatch = s.line === false
          ? `<circle cx="${f(at + 9)}" cy="${f(cy)}" r="3" fill="${color}"/>`
          : `<line x1="${f(at)}" y1="${f(cy)}" x2="${f(at + 18)}" y2="${f(cy)}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
        return `${swatch}<text x="${f(at + 24)}" y="${f(cy + fontSize * 0.35)}">${escapeHtml(s.label ?? '')}</text>`;
      }),
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="${className}" font-size="${fontSize}" fill="currentColor">` +
    `<title>${escapeHtml(title)}</title>` +
    `<path d="M${left},${top}V${height - bottom}H${width - right}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>` +
    `${xTicks}${yTicks}${titles}${drawn}${key}</svg>`
  );
}

/** The labelled series laid out in rows that fit `width`, each entry with its left edge. */
function legendRows(series: Series[], width: number, fontSize: number): { series: Series; index: number; at: number }[][] {
  const rows: { series: Series; index: number; at: number }[][] = [];
  let at = Infinity;
  series.forEach((s, index) => {
    if (!s.label) return;
    const size = 24 + textWidth(s.label, fontSize) + 14;
    if (at + size > width) {
      rows.push([]);
      at = 8;
    }
    rows[rows.length - 1].push({ series: s, index, at });
    at += size;
  });
  return rows;
}

/**
 * The runs of consecutive points whose coordinates are both finite numbers: a value that is not
 * (a diverged loss, say) breaks the line instead of drawing "NaN" into the SVG.
 */
export function finiteRuns(xs: number[], ys: number[]): [number, number][][] {
  const runs: [number, number][][] = [[]];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) runs[runs.length - 1].push([xs[i], ys[i]]);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/** A round step for about `count` intervals over `span`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, count: number): number {
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
}

/** Round tick values inside [lo, hi], about `count` intervals apart. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const step = niceStep(hi - lo, count);
  const first = Math.ceil(lo / step);
  const n = Math.floor(hi / step + 1e-9) - first;
  // A range only a few floating-point steps wide has no round ticks: label its ends.
  if (!(n >= 0 && n <= 2 * count)) return [lo, hi];
  return Array.from({ length: n + 1 }, (_, k) => (first + k) * step + 0); // + 0: no −0 from a range below zero
}

/** The smallest and largest finite value, or [0, 1] if there is none. */
export function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
