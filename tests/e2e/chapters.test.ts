// Every cell of every page, run in the browser: it must succeed and show what the build showed,
// graphs and plots included. Pages and cells come from the built site.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellOf, openPage, output, pagesWithCells, run, sameUpToRounding } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openPage());
});
afterAll(() => browser?.close());

describe.each(pagesWithCells(inject('dist')))('$path', ({ path, cells }) => {
  it(`runs each of its ${cells.length} cells in the browser with the build-time output`, async () => {
    await page.goto(inject('origin') + path);
    const roundedOnly: string[] = [];
    for (const id of cells) {
      const cell = cellOf(page, id);
      // A cell in a closed "Under the hood" block: open it, as a reader would, to reach Run.
      await cell.evaluate((el) => el.closest('details')?.setAttribute('open', ''));
      const built = await output(cell);
      expect.soft(await run(cell), `status of ${id}`).toBe('ok');
      const shown = await output(cell);
      if (shown === built) continue;
      if (sameUpToRounding(shown, built)) roundedOnly.push(id);
      else expect.soft(shown, `output of ${id}`).toBe(built);
    }
    if (roundedOnly.length) console.log(`${path}: same but for last-bit rounding in ${roundedOnly.join(', ')}`);
    expect(errors).toEqual([]);
  });
});
