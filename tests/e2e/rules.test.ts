// The rule cells follow, in Chromium through the sandbox: every case of tests/runner/cases.ts (issue
// 8's table and the rule) shows what it shows in Node. One-cell cases run in the Playground; cases
// of several cells are typed into the first cells of a chapter, and its last one is run.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellOf, openPage, pagesWithCells, runCode, setCode } from '../../tools/browser.ts';
import { CASES } from '../runner/cases.ts';

const chapter = pagesWithCells(inject('dist')).find((p) => p.cells.length >= Math.max(...CASES.map((c) => c.cells.length)))!;

let browser: Browser;
let playground: Page;
let chapterPage: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page: playground, errors } = await openPage());
  await playground.goto(`${inject('origin')}/playground/`);
  await cellOf(playground, 'playground').locator('.cm-content').waitFor();
  chapterPage = await browser.newPage();
  chapterPage.on('pageerror', (e) => errors.push(String(e)));
  await chapterPage.goto(inject('origin') + chapter.path, { waitUntil: 'networkidle' });
});
afterAll(() => browser?.close());

/** Runs the cells in one session and returns the text under the last. */
async function shown(cells: string[]): Promise<string> {
  if (cells.length === 1) {
    const cell = cellOf(playground, 'playground');
    await runCode(cell, cells[0]);
    return cell.locator('[data-output]').innerText();
  }
  for (const [i, code] of cells.slice(0, -1).entries()) await setCode(cellOf(chapterPage, chapter.cells[i]), code);
  const last = cellOf(chapterPage, chapter.cells[cells.length - 1]);
  await runCode(last, cells.at(-1)!);
  return last.locator('[data-output]').innerText();
}

describe('cells run in Chromium as the same TypeScript would', () => {
  for (const { name, cells, shows } of CASES) {
    it(name, async () => {
      // The page names an earlier cell by its id.
      const expected = shows.replace(/thrown in cell (\d+)/, (_, n) => `thrown in cell "${chapter.cells[Number(n) - 1]}"`);
      expect(await shown(cells)).toBe(expected);
      expect(errors).toEqual([]);
    });
  }

  it('shows 1, then 4, for the two cells that look for the smallest value', async () => {
    const [first, second] = CASES[1].cells;
    expect(await shown([first])).toBe('1');
    expect(await shown([first, second])).toBe('4');
  });

  it('leaves nothing behind for the next run: a global made in one run is gone in the next', async () => {
    expect(await shown(['globalThis.made = 1;\nmade'])).toBe('1');
    expect(await shown(['typeof made'])).toBe('"undefined"');
  });
});
