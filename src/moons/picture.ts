// The decision boundary as SVG text: the grid's scores as shaded cells, and the data points on top.
// The build draws both; the live page draws the points this way and the cells on a canvas.

import { CLASS_COLORS, tint, vote } from './colors.ts';
import { COLS, ROWS, VIEW } from './view.ts';

/** The picture's size in SVG units: 10 per grid cell. */
export const WIDTH = COLS * 10;
export const HEIGHT = ROWS * 10;

const px = (x: number) => ((x - VIEW.x0) / (VIEW.x1 - VIEW.x0)) * WIDTH;
const py = (y: number) => ((VIEW.y1 - y) / (VIEW.y1 - VIEW.y0)) * HEIGHT;

/**
 * One rect per run of equal colour in a row, each vote rounded to eighths first: a smooth field
 * then takes a few hundred rects instead of a thousand.
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
