// plot(xs, ys): a line plot as SVG text, made the same way at build time and in the browser.

import { Plot, escapeHtml } from './format.ts';

const W = 480;
const H = 300;
const PAD = { left: 48, right: 16, top: 16, bottom: 32 };

/** In a cell: a line plot of ys against xs, shown when it is the cell's last value. */
export function plot(xs: number[], ys: number[], options?: { title?: string }): Plot {
  if (!Array.isArray(xs) || !Array.isArray(ys) || xs.length !== ys.length || xs.length < 2) {
    throw new TypeError('plot(xs, ys) needs two arrays of numbers of the same length, at least 2');
  }
  for (const v of [...xs, ...ys]) if (typeof v !== 'number') throw new TypeError(`plot: expected numbers, got ${typeof v}`);
  return new Plot([...xs], [...ys], options?.title);
}

/** The SVG of a plot; coerces its input, since in the browser it comes from the sandbox. */
export function plotSvg(xsIn: unknown, ysIn: unknown, titleIn: unknown): string {
  const xs = Array.isArray(xsIn) ? xsIn.map(Number) : [];
  const ys = Array.isArray(ysIn) ? ysIn.map(Number) : [];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const points = xs.slice(0, ys.length).map((x, i) => `${sx(x).toFixed(1)},${sy(ys[i]).toFixed(1)}`).join(' ');
  const label = (v: number) => Number(v.toPrecision(6)).toString();
  const xTicks = ticks(x0, x1)
    .map((x) => `<text x="${sx(x).toFixed(1)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${label(x)}</text>`)
    .join('');
  const yTicks = ticks(y0, y1)
    .map((y) => `<text x="${PAD.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${label(y)}</text>`)
    .join('');
  const title = `<title>${escapeHtml(String(titleIn))}</title>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" class="plot" font-size="11" fill="currentColor">${title}` +
      `<path d="M${PAD.left},${PAD.top}V${H - PAD.bottom}H${W - PAD.right}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>` +
      `${xTicks}${yTicks}<polyline points="${points}" fill="none" stroke="var(--sl-color-accent, #3b82f6)" stroke-width="2"/></svg>`
  );
}

/** Round tick values (steps of 1, 2 or 5 times a power of ten) inside [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.ceil(lo / step);
  const n = Math.floor(hi / step + 1e-9) - first;
  // A range only a few floating-point steps wide has no round ticks: label its ends.
  if (!(n >= 0 && n <= 2 * count)) return [lo, hi];
  return Array.from({ length: n + 1 }, (_, k) => (first + k) * step);
}

function extent(v: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
