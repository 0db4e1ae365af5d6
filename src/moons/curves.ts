// A training curve as SVG text: one value per step, on axes fixed from step 0 to 100, so the live
// curve grows to the right instead of rescaling. Built from numbers only, so the page may set it
// as markup whatever the sandbox sent.

import { STEPS } from './train.ts';

const W = 400;
const H = 160;
const PAD = { left: 48, right: 14, top: 16, bottom: 28 };

export interface Curve {
  /** The accessible name: text of this file's callers, not data. */
  label: string;
  /** Values by step; a gap (a value that is not finite) breaks the line. */
  values: number[];
  /** The top of the y axis; the bottom is 0. */
  max: number;
  /** Tick label of a y value. */
  format: (y: number) => string;
}

export function curveSvg({ label, values, max, format }: Curve): string {
  const sx = (k: number) => PAD.left + (k / STEPS) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - (Math.min(Math.max(v, 0), max) / max) * (H - PAD.top - PAD.bottom);
  // Runs of finite values: a diverged step leaves a gap. A lone point is drawn as a dot.
  const runs: [number, number][][] = [[]];
  values.forEach((v, k) => {
    if (Number.isFinite(v)) runs[runs.length - 1].push([sx(k), sy(v)]);
    else if (runs[runs.length - 1].length) runs.push([]);
  });
  const lines = runs
    .filter((run) => run.length)
    .map((run) =>
      run.length === 1
        ? `<circle cx="${run[0][0].toFixed(1)}" cy="${run[0][1].toFixed(1)}" r="1.5"/>`
        : `<polyline points="${run.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`,
    )
    .join('');
  const xTicks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => f * STEPS)
    .map((k) => `<text x="${sx(k).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${k}</text>`)
    .join('');
  const yTicks = [0, max / 2, max]
    .map((v) => `<text x="${PAD.left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end">${format(v)}</text>`)
    .join('');
  return (
    `<svg class="moons-curve" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}" font-size="14" fill="currentColor">` +
    `<path d="M${PAD.left},${PAD.top}V${H - PAD.bottom}H${W - PAD.right}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>` +
    `${xTicks}${yTicks}<g fill="none" stroke="var(--sl-color-accent, #3b82f6)" stroke-width="2">${lines}</g></svg>`
  );
}

/** The loss at each step, on an axis from 0 to the largest loss rounded up to a half (at least 1). */
export function lossSvg(losses: number[]): string {
  const top = Math.max(1, ...losses.filter(Number.isFinite).map((v) => Math.ceil(v * 2) / 2));
  return curveSvg({ label: 'Loss at each step', values: losses, max: top, format: (v) => String(Number(v.toFixed(2))) });
}

/** The training accuracy at each step, from 0% to 100%. */
export function accuracySvg(accuracies: number[]): string {
  return curveSvg({ label: 'Training accuracy at each step', values: accuracies, max: 1, format: (v) => `${Math.round(v * 100)}%` });
}
