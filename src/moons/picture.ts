// What the moons demo shows, as the build draws it and the live page redraws it: the decision
// boundary (the grid's scores, shaded by class), the points, the loss and accuracy curves, and
// the numbers beside them.

import { finiteRuns, lineChartSvg, niceStep } from '../charts/line.ts';
import { COLS, ROWS, STEPS, VIEW } from './training.ts';

/** y = −1 (the upper moon) and y = +1 (the lower one). */
export const CLASS_COLORS = { negative: '#f59322', positive: '#0877bd' } as const;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const NEGATIVE = rgb(CLASS_COLORS.negative);
const POSITIVE = rgb(CLASS_COLORS.positive);
const NEUTRAL = rgb('#e8eaeb');

/** How strongly a score votes for a class, from −1 to 1: tanh(score); a score that is not finite abstains. */
export function vote(score: number): number {
  return Number.isFinite(score) ? Math.tanh(score) : 0;
}

/** The colour of a vote: neutral at 0, towards the class's colour as the vote grows. */
export function tint(vote: number): [number, number, number] {
  const target = vote < 0 ? NEGATIVE : POSITIVE;
  const amount = 0.7 * Math.abs(vote);
  return [0, 1, 2].map((i) => Math.round(NEUTRAL[i] + (target[i] - NEUTRAL[i]) * amount)) as [number, number, number];
}

/** The picture's size in SVG units: 10 per grid cell. */
export const WIDTH = COLS * 10;
export const HEIGHT = ROWS * 10;

const px = (x: number) => ((x - VIEW.x0) / (VIEW.x1 - VIEW.x0)) * WIDTH;
const py = (y: number) => ((VIEW.y1 - y) / (VIEW.y1 - VIEW.y0)) * HEIGHT;

/**
 * The grid's scores as shaded cells (the live page paints them on a canvas instead): one rect per
 * run of equal colour in a row, each vote rounded to eighths first, so a smooth field takes a few
 * hundred rects instead of a thousand.
 */
export function cellsSvg(grid: number[]): string {
  const level = (score: number) => Math.round(vote(score) * 8) / 8;
  const rects: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; ) {
      const t = level(grid[r * COLS + c]);
      let end = c + 1;
      while (end < COLS && level(grid[r * COLS + end]) === t) end++;
      const [red, green, blue] = tint(t);
      rects.push(`<rect x="${c * 10}" y="${r * 10}" width="${(end - c) * 10}" height="10" fill="rgb(${red},${green},${blue})"/>`);
      c = end;
    }
  }
  return rects.join('');
}

/** The data points, coloured by class; in data units, clipped to the view by the SVG. */
export function pointsSvg(X: number[][], y: number[]): string {
  return X.map(([a, b], i) => {
    const fill = y[i] > 0 ? CLASS_COLORS.positive : CLASS_COLORS.negative;
    return `<circle cx="${px(a).toFixed(1)}" cy="${py(b).toFixed(1)}" r="4" fill="${fill}" stroke="white" stroke-width="1.2"/>`;
  }).join('');
}

/**
 * A training curve: one value per step, on an x axis fixed from step 0 to STEPS, so the live curve
 * grows to the right instead of rescaling. A value that is not finite (a diverged step) leaves a gap.
 */
function curveSvg(title: string, yTitle: string, values: number[], top: number, ticks: number[], format: (v: number) => string): string {
  return lineChartSvg({
    title,
    xTitle: 'step',
    yTitle,
    className: 'moons-curve',
    width: 400,
    height: 160,
    fontSize: 14,
    x: { min: 0, max: STEPS, ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => f * STEPS), format: String },
    y: { min: 0, max: top, ticks, format },
    lines: finiteRuns(values.map((_, k) => k), values),
  });
}

/** The loss at each step, on an axis from 0 to a round number at or above the largest loss (at least 1). */
export function lossSvg(losses: number[]): string {
  const largest = Math.max(1, ...losses.filter(Number.isFinite));
  const step = niceStep(largest, 3);
  const intervals = Math.ceil(largest / step - 1e-9);
  const ticks = Array.from({ length: intervals + 1 }, (_, k) => k * step);
  // Thousands grouped (100,000); from a million on, as a power of ten (2e8): a diverging run gets there.
  const format = (v: number) =>
    v >= 1e6 ? v.toExponential().replace('e+', 'e') : Number(v.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return curveSvg('Loss at each step', 'loss', losses, ticks.at(-1)!, ticks, format);
}

/** The training accuracy at each step, from 0% to 100%. */
export function accuracySvg(accuracies: number[]): string {
  return curveSvg('Training accuracy at each step', 'training accuracy', accuracies, 1, [0, 0.5, 1], (v) => `${Math.round(v * 100)}%`);
}

/** The loss as the readout prints it; a run that diverged has no number to show. */
export const formatLoss = (loss: number): string => (Number.isFinite(loss) ? loss.toFixed(4) : 'diverged');

export const formatAccuracy = (accuracy: number): string => `${Math.round(accuracy * 100)}%`;
