// The part of the plane the moons demo draws, and the grid of points its heatmap samples.

/** Wide enough for both moons plus their noise, in data units; grid cells are 0.1 square. */
export const VIEW = { x0: -1.5, x1: 2.5, y0: -1.0, y1: 1.5 } as const;
export const COLS = 40;
export const ROWS = 25;

/** The centre of every grid cell, row by row from the top (largest y) down, as an image is stored. */
export function gridPoints(): number[][] {
  const points: number[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const y = VIEW.y1 - ((r + 0.5) * (VIEW.y1 - VIEW.y0)) / ROWS;
    for (let c = 0; c < COLS; c++) points.push([VIEW.x0 + ((c + 0.5) * (VIEW.x1 - VIEW.x0)) / COLS, y]);
  }
  return points;
}
