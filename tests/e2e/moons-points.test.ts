// The reader's own data in the moons demo, in Chromium: points added and removed by click and by
// the keyboard's grid cursor (announced), the data trained on changing with them, the same points
// and seed training to the same result as Node; a point's graph drawn large; the demo in a link.

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Cursor, NO_EDITS, type PointEdits, addPoint, applyEdits, cellCentre } from '../../src/moons/points.ts';
import { STEPS, Training, moonsData } from '../../src/moons/training.ts';
import { decodeShare } from '../../src/cells/link.ts';
import { launch } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let demo: Locator;
const errors: string[] = [];
const base = moonsData(1337);

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('origin')}/moons/`, { waitUntil: 'networkidle' });
  demo = page.locator('[data-demo="moons"]');
});
afterAll(() => browser?.close());

const attr = async (name: string) => (await demo.getAttribute(name)) ?? '';
const waitForStep = (step: number) =>
  page.waitForFunction((s) => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === String(s), step, { timeout: 60_000 });

/** Five cells to add points at, with their classes. */
const FIVE: [Cursor, -1 | 1][] = [
  [{ col: 2, row: 2 }, 1],
  [{ col: 38, row: 3 }, 1],
  [{ col: 5, row: 22 }, -1],
  [{ col: 35, row: 23 }, -1],
  [{ col: 20, row: 1 }, 1],
];

/** Adds the five points from the keyboard, as a reader would: class radio, then the cursor (from the top left corner), then Enter. */
async function addFive(): Promise<PointEdits> {
  let at: Cursor = { col: 0, row: 0 };
  let edits = NO_EDITS;
  await demo.locator('.moons-plot').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('PageUp');
  for (const [cell, label] of FIVE) {
    await demo.locator(`[data-control="class"][value="${label}"]`).check();
    await demo.locator('.moons-plot').focus();
    for (; at.col < cell.col; at = { ...at, col: at.col + 1 }) await page.keyboard.press('ArrowRight');
    for (; at.col > cell.col; at = { ...at, col: at.col - 1 }) await page.keyboard.press('ArrowLeft');
    for (; at.row < cell.row; at = { ...at, row: at.row + 1 }) await page.keyboard.press('ArrowDown');
    for (; at.row > cell.row; at = { ...at, row: at.row - 1 }) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const [x, y] = cellCentre(cell);
    edits = addPoint(edits, base.X.length, x, y, label);
  }
  return edits;
}

/** Node's run on the same points and seed. */
const nodeRun = (edits: PointEdits) => new Training(1337, applyEdits(base, edits)).train(STEPS, 1, () => {});

describe('the reader’s own points', () => {
  let edits: PointEdits;

  it('five points added from the keyboard change the count and the data trained on, and are announced', async () => {
    expect(await attr('data-points')).toBe('100');
    const before = await demo.locator('[data-out="loss"]').textContent();
    edits = await addFive();
    expect(await attr('data-points')).toBe('105');
    expect(await demo.locator('[data-layer="points"] circle').count()).toBe(105);
    expect(await demo.locator('[data-cursor-says]').textContent()).toMatch(/^Added a blue \(\+1\) point at \(0\.55, 1\.35\): 105 points\./);
    // The worker has the new data: the loss shown is the untrained model's on the 105 points.
    const start = new Training(1337, applyEdits(base, edits)).state();
    await page.waitForFunction((loss) => document.querySelector('[data-demo="moons"] [data-out="loss"]')?.textContent === loss, start.loss.toFixed(4));
    expect(await demo.locator('[data-out="loss"]').textContent()).not.toBe(before);
    // The cursor says where it is and what the model says there.
    await page.keyboard.press('ArrowRight');
    expect(await demo.locator('[data-cursor-says]').textContent()).toMatch(/^x 0\.65, y 1\.35: no point; the model says (blue \(\+1\)|orange \(−1\)), score −?\d\.\d\d\.$/);
  });

  it('train to the result Node gives for the same points and seed, and again after Reset and the same points', async () => {
    const expected = nodeRun(edits);
    await demo.locator('button[data-action="play"]').click();
    await waitForStep(STEPS);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(expected.loss.toFixed(4));
    expect(Number(await attr('data-accuracy'))).toBe(expected.accuracy);
    const loss = await demo.locator('[data-out="loss"]').textContent();

    await demo.locator('button[data-action="reset"]').click();
    await waitForStep(0);
    expect(await attr('data-points')).toBe('100');
    expect(await demo.locator('[data-cursor-says]').textContent()).toBe('The original 100 points are back.');
    expect(await addFive()).toEqual(edits);
    await demo.locator('button[data-action="play"]').click();
    await waitForStep(STEPS);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(loss);
    // Other points, another result.
    expect(nodeRun(NO_EDITS).loss.toFixed(4)).not.toBe(loss);
  });

  it('a click adds a point of the chosen class, a click on a point removes it, also while training', async () => {
    await demo.locator('.moons-plot').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const plot = (await demo.locator('.moons-plot svg').boundingBox())!;
    await demo.locator('[data-control="class"][value="-1"]').check();
    await page.mouse.click(plot.x + plot.width * 0.97, plot.y + plot.height * 0.97);
    expect(await attr('data-points')).toBe('106');
    expect(await demo.locator('[data-layer="points"] circle').last().getAttribute('fill')).toBe('#f59322');
    const point = (await demo.locator('[data-layer="points"] circle').nth(3).boundingBox())!;
    await page.mouse.click(point.x + point.width / 2, point.y + point.height / 2);
    expect(await attr('data-points')).toBe('105');
    expect(await demo.locator('[data-cursor-says]').textContent()).toMatch(/^Removed an? (orange|blue) \([−+]1\) point at \(.+\): 105 points\. Play trains again from step 0 on them\.$/);

    // While training: the count changes at once, and training goes on to the end on the new data.
    await demo.locator('button[data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-demo="moons"]')?.getAttribute('data-step')) >= 5);
    await page.mouse.click(plot.x + plot.width * 0.03, plot.y + plot.height * 0.97);
    expect(await attr('data-points')).toBe('106');
    await waitForStep(STEPS);
    expect(errors).toEqual([]);
  });

  it('inspecting a point draws its graph, from lib’s drawDot, large in the graph viewer', async () => {
    await demo.locator('.moons-plot').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await demo.locator('[data-action="inspect"]').click();
    expect(await demo.locator('[data-action="inspect"]').getAttribute('aria-pressed')).toBe('true');
    const point = (await demo.locator('[data-layer="points"] circle').nth(10).boundingBox())!;
    await page.mouse.click(point.x + point.width / 2, point.y + point.height / 2);
    const graph = demo.locator('[data-inspect-output] [data-graph]');
    await graph.locator('svg g[data-node]').first().waitFor({ timeout: 90_000 });
    await expect.poll(() => graph.getAttribute('data-fullscreen'), { timeout: 10_000 }).not.toBeNull();
    expect(await attr('data-points')).toBe('106'); // inspecting removes nothing
    expect(await graph.locator('.graph-description').textContent()).toMatch(/^A graph of 979 values and 640 operations .*its output score has data -?\d+\.\d{4}\.$/);
    expect(await graph.locator('svg g[data-node]').count()).toBeGreaterThan(979);
    expect(await demo.locator('.moons-inspect-title').textContent()).toMatch(/^The (orange|blue) .* point at \(.+\), at step 100: its score -?−?\d+\.\d{4} through the network/);
    await page.keyboard.press('Escape');
    await expect.poll(() => graph.getAttribute('data-fullscreen')).toBeNull();
    expect(await new AxeBuilder({ page }).include('[data-demo="moons"]').analyze().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))).toEqual([]);
  });

  it('travels in a share link: the same points, seed, rate and step in a fresh browser, trained to the same result', async () => {
    await page.locator('[data-action="share"]').click();
    await page.locator('[data-share-url]').waitFor();
    const link = await page.locator('[data-share-url]').inputValue();
    expect(await page.locator('.page-work-shared').innerText()).toMatch(/It carries the moons demo with 106 points \(7 added, 1 removed\)/);
    const other = await (await browser.newContext()).newPage();
    await other.goto(link, { waitUntil: 'networkidle' });
    const there = other.locator('[data-demo="moons"]');
    await other.waitForFunction(() => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === '100', undefined, { timeout: 60_000 });
    expect(await there.getAttribute('data-points')).toBe('106');
    expect(await there.locator('[data-layer="points"] circle').count()).toBe(106);
    // Trained from the seed's initial weights on the 106 points (the sharer's run changed its data midway).
    const shared = await other.evaluate(() => document.querySelector('[data-demo="moons"] .moons-status')?.textContent);
    expect(shared).toBe("From the link: 106 points (7 added, 1 removed), trained to step 100 from the seed's initial weights.");
    // As Node trains the link's points from the seed.
    const decoded = await decodeShare(link.slice(link.indexOf('#')));
    if (!decoded.ok) throw new Error(decoded.error);
    const moons = decoded.payload.widgets.moons as PointEdits & { seed: number; step: number };
    expect(moons.seed).toBe(1337);
    expect(applyEdits(base, moons).X).toHaveLength(106);
    expect(await there.locator('[data-out="loss"]').textContent()).toBe(nodeRun(moons).loss.toFixed(4));
  });
});
