// Reading the book at a laptop's width (issue 11): every line of code is seen whole, without
// scrolling sideways, and the plots' legends stay inside their drawing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allPages, launch } from '../../tools/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('code blocks at 1280 px', () => {
  it.each(allPages(inject('dist')))('%s: none scrolls sideways', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(inject('origin') + path, { waitUntil: 'networkidle' });
    const sideways = await page.locator('.expressive-code pre').evaluateAll((blocks) =>
      blocks
        .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
        .map((pre) => `${pre.closest('[data-cell], [data-snippet], [data-lib-file]')?.getAttribute('data-cell') ?? pre.textContent?.slice(0, 40)}: ${pre.scrollWidth} > ${pre.clientWidth}`),
    );
    expect(sideways).toEqual([]);
    // Every plot's drawing fits its column, its legend included.
    const plots = await page.locator('.cell-drawing svg').evaluateAll((svgs) =>
      svgs.filter((svg) => {
        const box = svg.getBoundingClientRect();
        const column = svg.closest('.sl-markdown-content, main')!.getBoundingClientRect();
        return box.right > column.right + 1 || [...svg.querySelectorAll('text')].some((t) => t.getBoundingClientRect().right > box.right + 1);
      }).length,
    );
    expect(plots).toBe(0);
    await page.close();
  });
});
