// The reader's own data in the moons demo, with no DOM: the seed's 100 points with some taken
// away and some added, as a short record (what a share link carries), and the arithmetic of
// picking points by pointer or by a keyboard's grid cursor. demo.ts draws and sends it.

import { COLS, type MoonsData, ROWS, VIEW } from './training.ts';

/** −1 (the upper moon's class, orange) or +1 (the lower's, blue), as makeMoons labels them. */
export type Label = -1 | 1;

/**
 * The reader's changes to a seed's data set: which of its points are gone (their indices in
 * makeMoons's order, ascending) and the points added, in the order they were added. The data set
 * trained on is the seed's points minus the removed ones, in order, then the added ones: the same
 * edits and seed always give the same data, in the same order, so the same training.
 */
export interface PointEdits {
  removed: number[];
  added: [x: number, y: number, label: Label][];
}

export const NO_EDITS: PointEdits = { removed: [], added: [] };

/** A data set needs one point to train on; this many keeps a step within the worker's time limit. */
export const MAX_POINTS = 1000;

/** Added points are kept to this many decimals (a thousandth of a unit: finer than a pixel of the plot). */
const DECIMALS = 3;
// `|| 0`: −0 would come back from JSON (a link) as 0.
const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS || 0;

export const hasEdits = (edits: PointEdits): boolean => edits.removed.length > 0 || edits.added.length > 0;

/** The data set the edits make of the seed's: its points minus the removed ones, then the added ones. */
export function applyEdits(base: MoonsData, edits: PointEdits): MoonsData {
  const gone = new Set(edits.removed);
  const X: number[][] = [];
  const y: number[] = [];
  base.X.forEach((point, i) => {
    if (gone.has(i)) return;
    X.push([point[0], point[1]]);
    y.push(base.y[i]);
  });
  for (const [a, b, label] of edits.added) {
    X.push([a, b]);
    y.push(label);
  }
  return { X, y };
}

/** The edits with a point added at (x, y) in data units, rounded to a thousandth. Throws past MAX_POINTS. */
export function addPoint(edits: PointEdits, baseCount: number, x: number, y: number, label: Label): PointEdits {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`a point needs finite coordinates, got (${x}, ${y})`);
  if (label !== -1 && label !== 1) throw new RangeError(`a label is −1 or 1, got ${String(label)}`);
  if (count(edits, baseCount) >= MAX_POINTS) throw new RangeError(`the demo holds at most ${MAX_POINTS} points`);
  return { removed: edits.removed, added: [...edits.added, [round(x), round(y), label]] };
}

/** The edits with the data set's point `index` (in applyEdits's order) removed. Throws for an index it has not. */
export function removePoint(edits: PointEdits, baseCount: number, index: number): PointEdits {
  const kept = baseCount - edits.removed.length;
  if (!Number.isInteger(index) || index < 0 || index >= kept + edits.added.length) {
    throw new RangeError(`no point ${index} among ${kept + edits.added.length}`);
  }
  if (index >= kept) return { removed: edits.removed, added: edits.added.filter((_, i) => i !== index - kept) };
  // The index-th of the seed's points still there.
  const gone = new Set(edits.removed);
  let seen = -1;
  for (let i = 0; i < baseCount; i++) {
    if (!gone.has(i) && ++seen === index) return { removed: [...edits.removed, i].sort((a, b) => a - b), added: edits.added };
  }
  throw new RangeError(`no point ${index}`);
}

/** How many points the edits leave of a seed's baseCount. */
export const count = (edits: PointEdits, baseCount: number): number => baseCount - edits.removed.length + edits.added.length;

/**
 * Checks edits from outside (a share link) against a seed's baseCount points; returns them, or
 * a reason they are not edits of that data set.
 */
export function checkEdits(value: unknown, baseCount: number): PointEdits | string {
  if (typeof value !== 'object' || value === null) return 'the points are not a list of changes';
  const { removed, added } = value as Partial<Record<keyof PointEdits, unknown>>;
  if (!Array.isArray(removed) || !Array.isArray(added)) return 'the points are not a list of changes';
  for (let i = 0; i < removed.length; i++) {
    const index = removed[i];
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= baseCount || (i > 0 && (index as number) <= (removed[i - 1] as number))) {
      return `a removed point is not one of the seed's ${baseCount} (${JSON.stringify(index)})`;
    }
  }
  for (const point of added) {
    if (!Array.isArray(point) || point.length !== 3 || !Number.isFinite(point[0]) || !Number.isFinite(point[1]) || (point[2] !== -1 && point[2] !== 1)) {
      return `an added point is not [x, y, −1 or 1] (${JSON.stringify(point)})`;
    }
  }
  const edits = { removed: removed as number[], added: added as PointEdits['added'] };
  if (count(edits, baseCount) > MAX_POINTS) return `more than ${MAX_POINTS} points`;
  if (count(edits, baseCount) === 0) return 'no points at all';
  return edits;
}

/** The data set's point nearest to (x, y) within radius (data units), or −1. The later of two at the same distance (drawn on top). */
export function nearestPoint(data: MoonsData, x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  data.X.forEach(([a, b], i) => {
    const d = (a - x) ** 2 + (b - y) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** A keyboard's cursor on the view's grid: column from the left, row from the top (COLS × ROWS cells of 0.1 units). */
export interface Cursor {
  col: number;
  row: number;
}

/** The centre of a grid cell, in data units. */
export function cellCentre({ col, row }: Cursor): [number, number] {
  const x = VIEW.x0 + ((col + 0.5) * (VIEW.x1 - VIEW.x0)) / COLS;
  const y = VIEW.y1 - ((row + 0.5) * (VIEW.y1 - VIEW.y0)) / ROWS;
  return [round(x), round(y)];
}

/** The cursor moved by (dc, dr) cells, kept on the grid. */
export const moveCursor = ({ col, row }: Cursor, dc: number, dr: number): Cursor => ({
  col: Math.min(COLS - 1, Math.max(0, col + dc)),
  row: Math.min(ROWS - 1, Math.max(0, row + dr)),
});

/** The grid cell a data point is in (clamped to the grid: a point outside the view is at its edge). */
export function cellOf(x: number, y: number): Cursor {
  const col = Math.floor(((x - VIEW.x0) / (VIEW.x1 - VIEW.x0)) * COLS);
  const row = Math.floor(((VIEW.y1 - y) / (VIEW.y1 - VIEW.y0)) * ROWS);
  return moveCursor({ col, row }, 0, 0);
}

/** The data set's points in a grid cell, by index, the one nearest its centre first. */
export function pointsInCell(data: MoonsData, cursor: Cursor): number[] {
  const [cx, cy] = cellCentre(cursor);
  return data.X.map((_, i) => i)
    .filter((i) => {
      const cell = cellOf(data.X[i][0], data.X[i][1]);
      return cell.col === cursor.col && cell.row === cursor.row;
    })
    .sort((i, j) => (data.X[i][0] - cx) ** 2 + (data.X[i][1] - cy) ** 2 - ((data.X[j][0] - cx) ** 2 + (data.X[j][1] - cy) ** 2));
}

/** A class as the demo names it. */
export const className = (label: number): string => (label > 0 ? 'blue (+1)' : 'orange (−1)');

/** A coordinate as the demo says it: two decimals, a true minus sign. */
export const coordinate = (v: number): string => v.toFixed(2).replace('-', '−');
