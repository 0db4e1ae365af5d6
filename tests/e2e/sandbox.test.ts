// The Playground, and what hostile or broken code does there: each case gives its message in
// the cell and leaves the page, its storage and the next run intact.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellOf, openPage, paintFor1s, run, runCode, setCode } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let cell: Locator;
let storage: string;
let errors: string[];
// The page's storage, less the records the page itself keeps of the reader's code (src/cells/storage.ts).
const snapshot = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([key]) => !key.startsWith('micrograd-ts/')).sort()));
const text = () => cell.locator('[data-output]').innerText();

beforeAll(async () => {
  ({ browser, page, errors } = await openPage());
  await page.goto(`${inject('origin')}/playground/`);
  await page.evaluate(() => localStorage.setItem('page-owned', 'yes'));
  storage = await snapshot();
  cell = cellOf(page, 'playground');
  await cell.locator('.cm-content').waitFor();
});
afterAll(() => browser?.close());

/** The page still stands: its body, its cell, its own storage, and a run that works. */
async function expectPageIntact() {
  expect(await page.locator('main h1').innerText()).toBe('Playground');
  expect(await snapshot()).toBe(storage);
  expect(await runCode(cell, '6 * 7')).toBe('ok');
  expect(await text()).toBe('42');
  expect(errors).toEqual([]);
}

describe('the Playground', () => {
  it('starts as an empty editor, labelled, with every control', async () => {
    expect(await cell.locator('.cm-placeholder').count()).toBe(1); // shown only while the code is empty
    expect(await cell.locator('.cm-content').getAttribute('aria-label')).toBe('Code of cell playground');
    const hint = await cell.locator('.cm-content').getAttribute('aria-describedby');
    expect(await page.locator(`#${hint}`).innerText()).toMatch(/Ctrl\+Enter.* runs\. Tab indents; Escape then Tab leaves the editor\./);
    for (const action of ['run', 'edit', 'reset']) await expect(cell.locator(`[data-action="${action}"]`).isVisible()).resolves.toBe(true);
  });

  it('runs and draws with all of lib in scope', async () => {
    expect(await runCode(cell, "const x = new Value(2, { label: 'x' });\nconst y = x.mul(3).tanh();\ny.backward();\ndrawDot(y)")).toBe('ok');
    const graph = cell.locator('[data-output] [data-graph] svg');
    expect(await graph.locator('g.node').count()).toBe(6); // x, 3, x*3 and its op, tanh and its op
    expect(await graph.innerHTML()).toContain('grad 0.0000');
    expect(await runCode(cell, 'plot([0, 1, 2, 3], [0, 1, 4, 9])')).toBe('ok');
    expect(await cell.locator('[data-output] svg.plot polyline').count()).toBe(1);
    expect(await runCode(cell, "import { MLP as Net } from '../lib/nn.ts';\nnew Net(2, [3, 1]).parameters().length")).toBe('ok');
    expect(await text()).toBe('13');
  });
});

describe('hostile and broken code', () => {
  it('runs in a worker of an opaque origin, with no page, no storage and no network', async () => {
    expect(await runCode(cell, '[self.origin, typeof window, typeof document, typeof parent, typeof localStorage]')).toBe('ok');
    expect(await text()).toBe('["null", "undefined", "undefined", "undefined", "undefined"]');
    expect(await runCode(cell, `await fetch(${JSON.stringify(inject('origin'))})`)).toBe('error');
    expect(await text()).toBe('TypeError: Failed to fetch (line 1, column 7)');
    await expectPageIntact();
  });

  it('document.body.remove() fails in the cell, not on the page', async () => {
    expect(await runCode(cell, 'document.body.remove()')).toBe('error');
    expect(await text()).toBe('ReferenceError: document is not defined (line 1, column 1)');
    await expectPageIntact();
  });

  it('localStorage and indexedDB are out of reach', async () => {
    expect(await runCode(cell, "localStorage.setItem('page-owned', 'no')")).toBe('error');
    expect(await text()).toBe('ReferenceError: localStorage is not defined (line 1, column 1)');
    expect(await runCode(cell, "const db = indexedDB.open('stolen');")).toBe('error');
    expect(await text()).toMatch(/^SecurityError: .*access to the Indexed Database API is denied.* \(line 1, column 22\)$/);
    await expectPageIntact();
  });

  it('a syntax error gives its line and column in the cell', async () => {
    expect(await runCode(cell, 'const a = 1;\nconst b = ;')).toBe('error');
    expect(await text()).toBe('SyntaxError: Unexpected token (line 2, column 11)');
    await expectPageIntact();
  });

  it('a runtime error gives its message and line, after what the cell printed', async () => {
    expect(await runCode(cell, "console.log('before');\n\nnew Value(1).add('2' as any)")).toBe('error');
    expect(await text()).toBe('before\nTypeError: Value: operand must be a number or a Value, got the string "2" (line 3, column 14)');
    await expectPageIntact();
  });

  it('unbounded recursion and a huge allocation end in errors', async () => {
    expect(await runCode(cell, 'function down(n: number): number { return down(n + 1); }\ndown(0)')).toBe('error');
    // V8 throws where the stack runs out: at the call (column 43) or at the callee's own stack
    // check on entry (column 14, `down`), which depends on the frames' sizes once optimised.
    expect(await text()).toMatch(/^RangeError: Maximum call stack size exceeded \(line 1, column (43|14)\)$/);
    expect(await runCode(cell, 'const big = new ArrayBuffer(2 ** 40);')).toBe('error');
    expect(await text()).toMatch(/^RangeError: .*(allocation failed|Invalid array buffer length).* \(line 1, column 13\)$/);
    await expectPageIntact();
  });

  it('DOT that Graphviz cannot read is an error in the cell', async () => {
    expect(await runCode(cell, "'digraph { a -> }'")).toBe('error');
    expect(await text()).toMatch(/^Error: Graphviz: .*syntax error/);
    await expectPageIntact();
  });

  it('a graph too big to lay out in 5 s: the page paints meanwhile, Stop works, the limit ends it', async () => {
    // 300 nodes wired across each other: Graphviz needs far more than 5 s for it.
    const big = 'const edges: string[] = [];\nfor (let i = 0; i < 300; i++) edges.push(`n${i} -> n${(i * 7919) % 300}; n${i} -> n${(i * 31 + 7) % 300};`);\n`digraph { ${edges.join(" ")} }`';
    await setCode(cell, big);
    const stopped = run(cell, () => page.keyboard.press('ControlOrMeta+Enter'));
    await page.waitForTimeout(1000);
    const paint = await paintFor1s(page);
    expect(paint.frames).toBeGreaterThan(20);
    expect(paint.longestGapMs).toBeLessThan(250);
    await cell.locator('[data-action="stop"]').click();
    expect(await stopped).toBe('idle');
    expect(await cell.locator('.cell-status').innerText()).toBe('Stopped');

    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('run');
    // The abandoned layout keeps Graphviz busy until its own limit: the next graph waits its turn,
    // then has its full 5 s.
    expect(await runCode(cell, 'drawDot(new Value(1))', 20_000)).toBe('ok');
    expect(await cell.locator('[data-output] [data-graph] svg g.node').count()).toBe(1);

    await setCode(cell, big);
    expect(await run(cell, undefined, 20_000)).toBe('error');
    expect(await text()).toBe('Error: Graphviz: the layout took longer than 5 s');
    expect(await runCode(cell, 'drawDot(new Value(1))')).toBe('ok');
    expect(await cell.locator('[data-output] [data-graph] svg g.node').count()).toBe(1);
    await expectPageIntact();
  });

  it('a console flood is capped at 1,000 lines, with a count of the rest', async () => {
    expect(await runCode(cell, 'for (let i = 0; i < 100_000; i++) console.log(i);\n"done"')).toBe('ok');
    const lines = (await cell.locator('[data-output] .cell-logs').innerText()).split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines.at(-1)).toBe('999');
    expect(await cell.locator('[data-output] .cell-dropped').innerText()).toBe('99,000 more console lines not shown (the limit is 1,000).');
    expect(await cell.locator('[data-output] .cell-value').innerText()).toBe('"done"');
    await expectPageIntact();
  });

  it('results forged by user code are shown as text, never as markup', async () => {
    const forged = "{ logs: [{ level: 'log', text: '<img src=x onerror=\"document.title=1\">' }], dropped: 0, value: { kind: 'text', text: '<b>x</b>' }, error: null }";
    expect(await runCode(cell, `for (let id = 0; id < 10_000; id++) postMessage({ type: 'done', id, results: [${forged}] });\n'real'`)).toBe('ok');
    expect(await cell.locator('[data-output] img, [data-output] b').count()).toBe(0);
    // The forgery for this run's id arrives before the real result, so it is what the cell shows.
    expect(await text()).toBe('<img src=x onerror="document.title=1">\n<b>x</b>');
    await expectPageIntact();
  });

  it('a forged result the page cannot show fails the cell, which runs again after', async () => {
    // String() of this object throws in the renderer.
    const forged = "{ logs: [{ level: 'log', text: { toString: 0 } }], dropped: 0, value: null, error: null }";
    expect(await runCode(cell, `for (let id = 0; id < 10_000; id++) postMessage({ type: 'done', id, results: [${forged}] });\n'real'`)).toBe('error');
    expect(await text()).toMatch(/^Error: the result could not be shown: /);
    expect(await cell.locator('.cell-status').innerText()).toBe('Failed');
    await expectPageIntact();
  });

  it('messages from user code other than a result never reach the page', async () => {
    await page.evaluate(() => {
      const counted = window as unknown as { othersSeen: number };
      counted.othersSeen = 0;
      addEventListener('message', (event) => void (!['ready', 'done'].includes(event.data?.type) && counted.othersSeen++));
    });
    const forge = "for (let id = 0; id < 10_000; id++) for (const type of ['timeout', 'crashed', 'progress', 'ready']) postMessage({ type, id, message: 'forged' });";
    expect(await runCode(cell, `${forge}\n'real'`)).toBe('ok');
    expect(await text()).toBe('"real"');
    expect(await page.evaluate(() => (window as unknown as { othersSeen: number }).othersSeen)).toBe(0);
    await expectPageIntact();
  });

  // It holds 1.2 GB and spins. Code that exhausts the browser's memory outright within the limit
  // makes Chromium end the whole tab's process, frame and page alike (README, "Running cells").
  it('a memory hog is stopped at the time limit and the page lives on', async () => {
    const hog = 'const hoard: number[][] = [];\nwhile (true) if (hoard.length < 150) hoard.push(new Array(1e6).fill(1.5));';
    expect(await runCode(cell, hog, 20_000)).toBe('timeout');
    expect(await text()).toBe('Timeout: stopped after 5 s: the code ran too long (an endless loop?)');
    await expectPageIntact();
  });
});

describe('Graphviz that cannot load', () => {
  it('says so, not that the layout took too long', async () => {
    const broken = await browser.newPage();
    await broken.route(/\/_astro\/graphviz-worker[.-][\w-]+\.js$/, (route) => route.abort());
    await broken.goto(`${inject('origin')}/playground/`);
    const playground = cellOf(broken, 'playground');
    await playground.locator('.cm-content').waitFor();
    expect(await runCode(playground, 'drawDot(new Value(1))')).toBe('error');
    expect(await playground.locator('[data-output]').innerText()).toBe('Error: Graphviz: its worker failed to start');
    await broken.close();
  });
});
