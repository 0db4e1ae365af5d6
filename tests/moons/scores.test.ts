import { describe, expect, it } from 'vitest';
import { moonsModel } from '../../lib/moons.ts';
import { MLP } from '../../lib/nn.ts';
import { scoresAt } from '../../src/moons/scores.ts';
import { VIEW, gridPoints } from '../../src/moons/view.ts';

const points = [[0, 0], [1.5, -0.25], [-1, 0.8], [2.4, 1.4], [0.3, -0.9]];

describe('scoresAt', () => {
  it('equals model.forward to the last bit, for every activation', () => {
    for (const model of [moonsModel(), moonsModel(7), new MLP(2, [4, 3, 1], { seed: 3 }), new MLP(2, [5, 1], { activation: 'linear' })]) {
      expect(scoresAt(model, points)).toEqual(points.map((x) => (model.forward(x) as { data: number }).data));
    }
  });
});

describe('gridPoints', () => {
  it('samples cell centres inside the view, row by row from the top', () => {
    const grid = gridPoints();
    for (const [x, y] of grid) {
      expect(x).toBeGreaterThan(VIEW.x0);
      expect(x).toBeLessThan(VIEW.x1);
      expect(y).toBeGreaterThan(VIEW.y0);
      expect(y).toBeLessThan(VIEW.y1);
    }
    expect(grid[0][1]).toBeGreaterThan(grid.at(-1)![1]);
    expect(grid[1][0]).toBeGreaterThan(grid[0][0]);
  });
});
