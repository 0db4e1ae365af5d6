// axe on every built page, as read and while used: no serious or critical violations.

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allPages, cellOf, launch, pagesWithCells, runCode } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext()).newPage(); // axe's finishRun needs an explicit context
});
afterAll(() => browser?.close());

async function seriousViolations(): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('accessibility (axe)', () => {
  it.each(allPages(inject('dist')))('%s, as read', async (path) => {
    await page.goto(inject('origin') + path, { waitUntil: 'networkidle' });
    // Expressive Code makes a code block that scrolls focusable when the page is idle: on a busy
    // machine, after networkidle.
    await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')));
    expect(await seriousViolations()).toEqual([]);
  });

  it.each(['light', 'dark'])('a chapter in use, in the %s theme: editor open, outputs redrawn', async (theme) => {
    const chapter = pagesWithCells(inject('dist')).find((p) => p.cells.length >= 2)!;
    // A browser of its own: the other theme's edits, kept, would be back.
    page = await (await browser.newContext()).newPage();
    await page.goto(inject('origin') + chapter.path, { waitUntil: 'networkidle' });
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const cell = cellOf(page, chapter.cells[1]);
    // A long line and many lines: the editor must not become a region only a mouse can scroll.
    const long = `// ${'a long comment line '.repeat(12)}`;
    const many = Array.from({ length: 40 }, (_, i) => `const line${i} = ${i};`).join('\n');
    expect(await runCode(cell, `console.log('printed');\n${long}\n${many}\nline39`)).toBe('ok');
    expect(await runCode(cellOf(page, chapter.cells[0]), 'const broken = ;')).toBe('error');
    expect(await seriousViolations()).toEqual([]);
  });
});
