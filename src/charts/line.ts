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
  /** Each run of [x, y] points is one line; a run of one point is drawn as a dot. */
  lines: [number, number][][];
}

/** A rough width of a label in SVG units: digits, commas and signs of a sans-serif font. */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

/**
 * The chart as an inline SVG element: axes, tick labels, and the lines in the accent colour. The
 * margins grow to fit the longest tick label, so no label is cut off at the edge.
 */
export function lineChartSvg({ title, className, width, height, fontSize, x, y, lines }: LineChart): string {
  const xLabels = x.ticks.map((v) => [v, x.format(v)] as const);
  const yLabels = y.ticks.map((v) => [v, y.format(v)] as const);
  const left = Math.ceil(Math.max(0, ...yLabels.map(([, text]) => textWidth(text, fontSize))) + 12);
  const right = Math.ceil(Math.max(14, ...xLabels.map(([, text]) => textWidth(text, fontSize) / 2 + 4)));
  const top = Math.ceil(fontSize * 0.6 + 6);
  const bottom = Math.ceil(fontSize * 1.3 + 10);
  const scale = (axis: Axis, from: number, to: number) => (v: number) => {
    const t = axis.max > axis.min ? (Math.min(Math.max(v, axis.min), axis.max) - axis.min) / (axis.max - axis.min) : 0.5;
    return from + t * (to - from);
  };
  const sx = scale(x, left, width - right);
  const sy = scale(y, height - bottom, top);
  const f = (n: number) => n.toFixed(1);
  const drawn = lines
    .filter((run) => run.length > 0)
    .map((run) =>
      run.length === 1
        ? `<circle cx="${f(sx(run[0][0]))}" cy="${f(sy(run[0][1]))}" r="1.5"/>`
        : `<polyline points="${run.map(([px, py]) => `${f(sx(px))},${f(sy(py))}`).join(' ')}"/>`,
    )
    .join('');
  const xTicks = xLabels
    .map(([v, text]) => `<text x="${f(sx(v))}" y="${f(height - bottom + fontSize + 6)}" text-anchor="middle">${escapeHtml(text)}</text>`)
    .join('');
  const yTicks = yLabels
    .map(([v, text]) => `<text x="${left - 6}" y="${f(sy(v) + fontSize * 0.35)}" text-anchor="end">${escapeHtml(text)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="${className}" font-size="${fontSize}" fill="currentColor">` +
    `<title>${escapeHtml(title)}</title>` +
    `<path d="M${left},${top}V${height - bottom}H${width - right}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>` +
    `${xTicks}${yTicks}<g fill="none" stroke="var(--sl-color-accent, #3b82f6)" stroke-width="2">${drawn}</g></svg>`
  );
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
