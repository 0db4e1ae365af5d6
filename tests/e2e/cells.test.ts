// A chapter's cells as a reader uses them: what loads when, session semantics across edited
// cells, Reset, Stop, the time limit, and a page that keeps answering meanwhile.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellOf, openPage, output, pagesWithCells, paintFor1s, run, runCode, sameUpToRounding, setCode } from '../../tools/browser.ts';

// The first chapter with enough cells to edit one and see it in a later one.
const chapter = pagesWithCells(inject('dist')).find((p) => p.cells.length >= 4)!;
const LOADED_ON_USE = /\/_astro\/(controller|sandbox|editor|runner-worker|graphviz-worker)[.-][\w-]+\.js$/;

let browser: Browser;
let page: Page;
let requested: string[];
let errors: string[];
const loaded = (name: string) => requested.some((url) => url.includes(`/_astro/${name}`));
let first: Locator;
let second: Locator;
let last: Locator;
const source = (cell: Locator) => cell.locator('script[data-source]').textContent().then((json) => JSON.parse(json ?? '""') as string);

beforeAll(async () => {
  ({ browser, page, errors, requested } = await openPage());
  await page.goto(inject('origin') + chapter.path, { waitUntil: 'networkidle' });
  first = cellOf(page, chapter.cells[0]);
  second = cellOf(page, chapter.cells[1]);
  last = cellOf(page, chapter.cells.at(-1)!);
});
afterAll(() => browser?.close());

describe(`cells of ${chapter.path}`, () => {
  it('reading loads no editor, runner or Graphviz, and shows every control', async () => {
    expect(requested.filter((url) => LOADED_ON_USE.test(url))).toEqual([]);
    expect(await page.locator('.cell-controls:visible').count()).toBe(chapter.cells.length);
    expect(await page.locator('[data-action="stop"]:visible').count()).toBe(0);
    expect(await page.locator('.cell[data-status="idle"]').count()).toBe(chapter.cells.length);
  });

  it('Run loads the runner but not the editor, and Graphviz only for a graph', async () => {
    const built = await output(first);
    expect(await run(first)).toBe('ok');
    expect(sameUpToRounding(await output(first), built)).toBe(true);
    expect(loaded('controller')).toBe(true);
    expect(loaded('runner-worker')).toBe(true);
    expect(loaded('editor')).toBe(false);
    expect(loaded('graphviz-worker')).toBe(built.includes('data-graph'));
  });

  it('is driven by keyboard: Enter on Run runs, Tab goes on to Edit and Reset', async () => {
    await first.locator('[data-action="run"]').focus();
    expect(await run(first, () => page.keyboard.press('Enter'))).toBe('ok');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('edit');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('reset');
  });

  it('runs a cell after cells 1…k-1 as edited, and Reset brings back the original', async () => {
    const built = await output(last);
    await setCode(second, `const probeFromCell2 = 'edited in cell 2';\n${await source(second)}`);
    await setCode(last, `console.log(probeFromCell2);\n${await source(last)}`);
    expect(loaded('editor')).toBe(true);
    expect(await run(last)).toBe('ok');
    expect(await last.locator('[data-output] .cell-logs').innerText()).toMatch(/^edited in cell 2(\n|$)/);

    await setCode(second, "throw new RangeError('thrown in cell 2');");
    expect(await run(last)).toBe('error');
    expect(await last.locator('[data-output]').innerText()).toBe(`RangeError: thrown in cell 2 (in cell "${chapter.cells[1]}" above, line 1, column 7)`);

    await second.locator('[data-action="reset"]').click();
    expect(await second.locator('.cm-content').innerText()).toBe(await source(second));
    expect(await run(last)).toBe('error');
    expect(await last.locator('[data-output]').innerText()).toBe('ReferenceError: probeFromCell2 is not defined (line 1, column 13)');

    await last.locator('[data-action="reset"]').click();
    expect(await output(last)).toBe(built);
    expect(await last.getAttribute('data-status')).toBe('idle');
    expect(await last.locator('.cm-content').innerText()).toBe(await source(last));
    expect(await run(last)).toBe('ok');
    expect(sameUpToRounding(await output(last), built)).toBe(true);
  });

  it('an endless loop leaves the page, other cells and editors working; Stop ends it', async () => {
    await setCode(last, 'while (true) {}');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector(`.cell[data-cell="${chapter.cells.at(-1)}"][data-status="running"]`);
    expect(await last.locator('[data-action="stop"]').isVisible()).toBe(true);
    expect(await last.locator('.cell-status').innerText()).toBe('Running…');

    const paint = await paintFor1s(page);
    expect(paint.frames).toBeGreaterThan(20);
    expect(paint.longestGapMs).toBeLessThan(250);
    await page.mouse.wheel(0, -400);
    const built = await output(first);
    expect(await run(first)).toBe('ok');
    expect(sameUpToRounding(await output(first), built)).toBe(true);
    await setCode(second, '"typed while a loop runs"');
    expect(await second.locator('.cm-content').innerText()).toBe('"typed while a loop runs"');

    expect(await last.getAttribute('data-status')).toBe('running');
    await last.locator('[data-action="stop"]').click();
    expect(await last.getAttribute('data-status')).toBe('idle');
    expect(await last.locator('.cell-status').innerText()).toBe('Stopped');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('run');
    expect(await last.locator('[data-action="stop"]').isVisible()).toBe(false);
    // Put the second cell back: later cells of the chapter may use what it defines.
    await second.locator('[data-action="reset"]').click();
  });

  it('an endless loop times out after 5 s, and the cell works again after', async () => {
    const started = Date.now();
    expect(await runCode(last, 'let n = 0;\nwhile (true) n++;', 20_000)).toBe('timeout');
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(seconds).toBeLessThan(8);
    expect(await last.locator('[data-output]').innerText()).toBe('Timeout: stopped after 5 s: the code ran too long (an endless loop?)');
    expect(await last.locator('.cell-status').innerText()).toBe('Timed out');
    expect(await runCode(last, '1 + 1')).toBe('ok');
    expect(await last.locator('[data-output]').innerText()).toBe('2');
    expect(errors).toEqual([]);
  });
});

describe('on a slow or flaky connection', () => {
  it('loading the runner does not count against the time limit', async () => {
    const slow = await browser.newPage();
    // Longer than the limit and the page's grace after it together (5 s + 2 s).
    await slow.route(/\/_astro\/runner-worker[.-][\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 7500));
      await route.continue();
    });
    await slow.goto(inject('origin') + chapter.path, { waitUntil: 'networkidle' });
    expect(await run(cellOf(slow, chapter.cells[0]))).toBe('ok');
    await slow.close();
  });

  it('Edit works again after the editor failed to load', async () => {
    const flaky = await browser.newPage();
    let failures = 0;
    await flaky.route(/\/_astro\/editor[.-][\w-]+\.js$/, (route) => (failures++ === 0 ? route.abort() : route.continue()));
    await flaky.goto(inject('origin') + chapter.path, { waitUntil: 'networkidle' });
    const cell = cellOf(flaky, chapter.cells[0]);
    await cell.locator('[data-action="edit"]').click();
    await expect.poll(() => failures).toBe(1);
    await flaky.waitForTimeout(300);
    expect(await cell.locator('.cm-content').count()).toBe(0);
    await cell.locator('[data-action="edit"]').click();
    await cell.locator('.cm-content').waitFor({ timeout: 10_000 });
    expect(failures).toBe(2);
    await flaky.close();
  });
});
