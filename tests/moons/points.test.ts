// The reader's own data in the moons demo (src/moons/points.ts): edits of a seed's points, picked
// by pointer or grid cursor; the same edits and seed train to the same result.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_POINTS,
  NO_EDITS,
  type PointEdits,
  addPoint,
  applyEdits,
  cellCentre,
  cellOf,
  checkEdits,
  count,
  moveCursor,
  nearestPoint,
  pointsInCell,
  removePoint,
} from '../../src/moons/points.ts';
import { COLS, ROWS, Training, VIEW, moonsData } from '../../src/moons/training.ts';

const base = moonsData(1337);
const N = base.X.length;

describe('point edits', () => {
  it('add points after the seed’s, in order, rounded to a thousandth', () => {
    let edits = addPoint(NO_EDITS, N, 0.12345, -0.5, 1);
    edits = addPoint(edits, N, 2, 1.4999, -1);
    const data = applyEdits(base, edits);
    expect(data.X.length).toBe(N + 2);
    expect(data.X.slice(0, N)).toEqual(base.X);
    expect(data.X.slice(N)).toEqual([
      [0.123, -0.5],
      [2, 1.5],
    ]);
    expect(data.y.slice(N)).toEqual([1, -1]);
  });

  it('remove any point by its place in the data set, the seed’s or an added one', () => {
    let edits = addPoint(NO_EDITS, N, 0, 0, 1);
    edits = removePoint(edits, N, 5);
    edits = removePoint(edits, N, 5); // the seed's point 6, now 5th
    expect(edits.removed).toEqual([5, 6]);
    const data = applyEdits(base, edits);
    expect(data.X.length).toBe(N - 1);
    expect(data.X[5]).toEqual(base.X[7]);
    edits = removePoint(edits, N, data.X.length - 1); // the added one
    expect(edits).toEqual({ removed: [5, 6], added: [] });
    expect(() => removePoint(edits, N, N - 2)).toThrow(RangeError);
    expect(() => removePoint(edits, N, -1)).toThrow(RangeError);
  });

  it('keep the data set and the edits in step, whatever the reader does', () => {
    const action = fc.oneof(
      fc.record({ add: fc.tuple(fc.double({ min: -1.5, max: 2.5, noNaN: true }), fc.double({ min: -1, max: 1.5, noNaN: true }), fc.constantFrom(-1 as const, 1 as const)) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let edits: PointEdits = NO_EDITS;
        // The data set kept directly, as a list the actions change.
        const points = base.X.map((p, i) => [p[0], p[1], base.y[i]]);
        for (const a of actions) {
          if ('add' in a) {
            const [x, y, label] = a.add;
            edits = addPoint(edits, N, x, y, label);
            points.push([Math.round(x * 1000) / 1000 || 0, Math.round(y * 1000) / 1000 || 0, label]);
          } else if (points.length > 0) {
            const index = a.remove % points.length;
            edits = removePoint(edits, N, index);
            points.splice(index, 1);
          }
        }
        const data = applyEdits(base, edits);
        // The seed's points keep their order before the added ones, so the lists agree as sets in that order.
        expect(data.X.map((p, i) => [p[0], p[1], data.y[i]])).toEqual([
          ...points.filter((p) => base.X.some((q) => q[0] === p[0] && q[1] === p[1])),
          ...points.filter((p) => !base.X.some((q) => q[0] === p[0] && q[1] === p[1])),
        ]);
        expect(count(edits, N)).toBe(points.length);
        expect(checkEdits(JSON.parse(JSON.stringify(edits)), N)).toEqual(points.length === 0 ? 'no points at all' : edits);
      }),
    );
  });

  it('hold at most MAX_POINTS points', () => {
    let edits = NO_EDITS;
    for (let i = N; i < MAX_POINTS; i++) edits = addPoint(edits, N, 0, 0, 1);
    expect(() => addPoint(edits, N, 0, 0, 1)).toThrow(`the demo holds at most ${MAX_POINTS} points`);
    expect(() => addPoint(NO_EDITS, N, Number.NaN, 0, 1)).toThrow(RangeError);
  });

  it('from a link are checked against the seed’s points, with a reason', () => {
    expect(checkEdits({ removed: [1, 3], added: [[0, 0, 1]] }, N)).toEqual({ removed: [1, 3], added: [[0, 0, 1]] });
    expect(checkEdits(null, N)).toBe('the points are not a list of changes');
    expect(checkEdits({ removed: [3, 1], added: [] }, N)).toMatch(/a removed point is not one of the seed's 100/);
    expect(checkEdits({ removed: [100], added: [] }, N)).toMatch(/a removed point/);
    expect(checkEdits({ removed: [1.5], added: [] }, N)).toMatch(/a removed point/);
    expect(checkEdits({ removed: [], added: [[0, 0, 2]] }, N)).toMatch(/an added point is not/);
    expect(checkEdits({ removed: [], added: [[0, null, 1]] }, N)).toMatch(/an added point is not/);
    expect(checkEdits({ removed: [], added: Array.from({ length: MAX_POINTS }, () => [0, 0, 1]) }, N)).toBe(`more than ${MAX_POINTS} points`);
  });
});

describe('picking points', () => {
  it('finds the nearest point within a radius, or none', () => {
    const [x, y] = base.X[42];
    expect(nearestPoint(base, x + 0.01, y - 0.01, 0.05)).toBe(42);
    expect(nearestPoint(base, 2.45, -0.95, 0.05)).toBe(-1);
  });

  it('moves a grid cursor over the view, kept on it, and names the cell of any point', () => {
    expect(moveCursor({ col: 0, row: 0 }, -1, -1)).toEqual({ col: 0, row: 0 });
    expect(moveCursor({ col: COLS - 1, row: ROWS - 1 }, 5, 5)).toEqual({ col: COLS - 1, row: ROWS - 1 });
    expect(cellCentre({ col: 0, row: 0 })).toEqual([VIEW.x0 + 0.05, VIEW.y1 - 0.05]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: COLS - 1 }), fc.integer({ min: 0, max: ROWS - 1 }), (col, row) => {
        expect(cellOf(...cellCentre({ col, row }))).toEqual({ col, row });
      }),
    );
    // A point outside the view is in the cell at its edge.
    expect(cellOf(100, -100)).toEqual({ col: COLS - 1, row: ROWS - 1 });
  });

  it('lists a cell’s points, the nearest its centre first', () => {
    const cell = cellOf(...(base.X[0] as [number, number]));
    const here = pointsInCell(base, cell);
    expect(here).toContain(0);
    const [cx, cy] = cellCentre(cell);
    const distances = here.map((i) => Math.hypot(base.X[i][0] - cx, base.X[i][1] - cy));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const everywhere = Array.from({ length: COLS * ROWS }, (_, i) => pointsInCell(base, { col: i % COLS, row: Math.floor(i / COLS) })).flat();
    expect(everywhere.sort((a, b) => a - b)).toEqual(base.X.map((_, i) => i));
  });
});

describe('training on the reader’s points', () => {
  it('is the same for the same points and seed, and differs for other points', () => {
    const edits = [0.45, 0.65, 0.85, 1.05, 1.25].reduce((e, x, i) => addPoint(e, N, x, 0.25, i % 2 ? 1 : -1), NO_EDITS);
    const steps = 20;
    const run = () => new Training(1337, applyEdits(base, edits)).train(steps, 1, () => {});
    const first = run();
    expect(run()).toEqual(first);
    const book = new Training(1337).train(steps, 1, () => {});
    expect(first.loss).not.toBe(book.loss);
    expect(first.params).not.toEqual(book.params);
  });
});
