// Graph views in Chromium, through their stable hooks: [data-graph] figures whose controls have
// data-action zoom-in, zoom-out, fit, fullscreen, table, step-back, step-forward; the table
// [data-graph-table]; while stepping, data-step="k/n" on the figure and data-current on the
// current node's SVG group. Pages and graphs come from the built site.

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { formatNumber } from '../../lib/graph.ts';
import { allPages, cellOf, launch, run, runCode, setCode } from '../../tools/browser.ts';

let browser: Browser;
const origin = () => inject('origin');
const pages = allPages(inject('dist'));

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function open(path: string, options: { width?: number; javaScript?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; requested: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const requested: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin() + path, { waitUntil: 'networkidle' });
  return { context, page, requested, errors };
}

/** Each value node's texts in a graph's drawing, by node id (n0, n1, …): label, data, grad. */
const drawn = (figure: Locator): Promise<Record<string, string[]>> =>
  figure.locator('svg').evaluate((svg) =>
    Object.fromEntries(
      [...svg.querySelectorAll('g.node[data-node]')]
        .filter((g) => /^n\d+$/.test(g.getAttribute('data-node') ?? ''))
        .map((g) => [g.getAttribute('data-node'), [...g.querySelectorAll('text')].map((t) => t.textContent ?? '')]),
    ),
  );

/** The table's rows by node id: label, operation, data, grad, inputs. */
const tabled = (figure: Locator): Promise<Record<string, string[]>> =>
  figure.locator('[data-graph-table] tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((tr) => [tr.getAttribute('data-node'), [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')])),
  );

const scale = (figure: Locator) => figure.locator('.graph-stage').evaluate((stage) => new DOMMatrix(getComputedStyle(stage).transform).a);

describe('every graph on every page, on first paint', () => {
  it.each([1280, 390])('fits its column at %i px, with JavaScript off (CSS alone fits it)', async (width) => {
    let graphs = 0;
    for (const path of pages) {
      const { context, page } = await open(path, { width, javaScript: false });
      const misfits = await page.locator('[data-graph]').evaluateAll((figures) =>
        figures.flatMap((figure) => {
          const column = figure.closest('.sl-markdown-content, main') as HTMLElement;
          const svg = figure.querySelector('svg')!.getBoundingClientRect();
          const box = column.getBoundingClientRect();
          const whole = svg.width > 0 && svg.left >= box.left - 1 && svg.right <= box.right + 1 && svg.height <= innerHeight;
          return whole ? [] : [`${figure.closest('[data-cell]')?.getAttribute('data-cell')}: ${Math.round(svg.width)} px in a ${Math.round(box.width)} px column`];
        }),
      );
      graphs += await page.locator('[data-graph]').count();
      expect(misfits, path).toEqual([]);
      await context.close();
    }
    expect(graphs).toBeGreaterThan(10);
  });

  it.each([320, 390])('no page is wider than a %i px screen', async (width) => {
    for (const path of pages) {
      const { context, page } = await open(path, { width });
      const wide = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        // What pushes the page wider, if it is: to say where to look.
        culprits: [...document.querySelectorAll(document.documentElement.scrollWidth > innerWidth ? 'main *' : ':not(*)')]
          // Inside a box that scrolls or clips (KaTeX's MathML is clipped to nothing for screen readers).
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.expressive-code, .katex-display, .katex-mathml, .graph-table-scroll, .graph-viewport, pre, table'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      expect(wide, path).toEqual({ page: width, culprits: [] });
      await context.close();
    }
  });
});

describe('exploring a graph', () => {
  let context: BrowserContext;
  let page: Page;
  let figure: Locator;
  let errors: string[];
  beforeAll(async () => {
    ({ context, page, errors } = await open('/training/'));
    figure = cellOf(page, 'loss-graph').locator('[data-graph]');
    await figure.scrollIntoViewIfNeeded();
  });
  afterAll(() => context?.close());

  it('marks a graph too small to read, and shows the controls', async () => {
    expect(await figure.getAttribute('data-small')).toBe('');
    for (const action of ['zoom-in', 'zoom-out', 'fit', 'fullscreen', 'step-back', 'step-forward']) {
      expect(await figure.locator(`[data-action="${action}"]`).isVisible(), action).toBe(true);
    }
  });

  it('zooms with the buttons, the keys and the wheel, and fit restores the scale', async () => {
    expect(await scale(figure)).toBe(1);
    await figure.locator('[data-action="zoom-in"]').click();
    await expect.poll(() => scale(figure)).toBeGreaterThan(1.3);
    await figure.locator('[data-action="zoom-in"]').click();
    await expect.poll(() => scale(figure)).toBeGreaterThan(1.9);
    await figure.locator('[data-action="zoom-out"]').click();
    await expect.poll(() => scale(figure)).toBeLessThan(1.9);
    await figure.locator('[data-action="fit"]').click();
    await expect.poll(() => scale(figure)).toBe(1);

    await figure.locator('.graph-viewport').focus();
    await page.keyboard.press('+');
    await expect.poll(() => scale(figure)).toBeGreaterThan(1.3);
    // Arrow keys move a zoomed drawing.
    const before = await figure.locator('.graph-stage').evaluate((s) => getComputedStyle(s).transform);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure.locator('.graph-stage').evaluate((s) => getComputedStyle(s).transform)).not.toBe(before);
    await page.keyboard.press('0');
    await expect.poll(() => scale(figure)).toBe(1);

    // The wheel zooms a drawing that has focus (elsewhere it scrolls the page, as wheels do).
    const box = (await figure.locator('.graph-viewport').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => scale(figure)).toBeGreaterThan(1);
    await page.keyboard.press('0');
    await expect.poll(() => scale(figure)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('opens full screen, large enough to read, and Escape closes it', async () => {
    await figure.locator('[data-action="fullscreen"]').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-graph'))).toBe('');
    const box = (await figure.boundingBox())!;
    expect([box.width, box.height]).toEqual([1280, 800]);
    expect(await figure.locator('[data-action="fullscreen"]').getAttribute('aria-pressed')).toBe('true');
    // Opened large: the labels at their natural size (Graphviz's 14 pt), around the output.
    await expect.poll(() => scale(figure)).toBeGreaterThan(3);
    const output = await figure.locator('g[data-node="n0"]').boundingBox();
    expect(output!.x).toBeGreaterThan(0);
    expect(output!.x + output!.width).toBeLessThan(1280);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect.poll(() => figure.getAttribute('data-fullscreen')).toBeNull();
    expect(await figure.locator('[data-action="fullscreen"]').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => scale(figure)).toBe(1);
  });

  it('lists every value in its table, with the numbers of the drawing', async () => {
    const table = figure.locator('[data-graph-table]');
    expect(await table.isVisible()).toBe(false);
    await figure.locator('[data-action="table"]').click();
    expect(await table.isVisible()).toBe(true);
    const svg = await drawn(figure);
    const rows = await tabled(figure);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(svg).sort());
    for (const [node, texts] of Object.entries(svg)) {
      expect([`data ${rows[node][2]}`, `grad ${rows[node][3]}`], node).toEqual(texts.slice(-2));
    }
    expect(await figure.locator('figcaption').innerText()).toMatch(/^A graph of \d+ values and \d+ operations \(.*\); its output #\d+ has data \d/);
  });
});

describe('a big graph, neurons as boxes', () => {
  it('draws each neuron as one box and back, readable at full screen', async () => {
    const { context, page } = await open('/training/');
    const figure = cellOf(page, 'loss-graph').locator('[data-graph]');
    const values = Object.keys(await drawn(figure)).length;
    await figure.locator('[data-action="collapse"]').click();
    await expect.poll(() => figure.getAttribute('data-collapsed')).toBe('');
    expect(await figure.locator('[data-action="collapse"]').getAttribute('aria-pressed')).toBe('true');
    const boxes = figure.locator('.graph-viewport svg g.node[data-node^="g"]');
    // Chapter 3's network has 4 + 4 + 1 neurons, and the loss runs it on 4 examples.
    expect(await boxes.count()).toBe(36);
    expect(await boxes.first().locator('text').first().textContent()).toMatch(/^layer \d, neuron \d, pass \d$/);
    expect(Object.keys(await drawn(figure)).length).toBeLessThan(values / 5);
    const { violations } = await new AxeBuilder({ page }).include('[data-cell="loss-graph"]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Stepping needs every node: it brings back the full drawing.
    await figure.locator('[data-action="step-forward"]').click();
    expect(await figure.getAttribute('data-collapsed')).toBeNull();
    expect(Object.keys(await drawn(figure))).toHaveLength(values);
    expect(await figure.locator('[data-action="collapse"]').getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });
});

describe('stepping through backward()', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ context, page, errors } = await open('/gradients/'));
  });
  afterAll(() => context?.close());

  it("steps the chapter's graph one node at a time, and back to the drawing as drawn", async () => {
    const figure = cellOf(page, 'expression-grads').locator('[data-graph]');
    const asDrawn = await drawn(figure);
    const n = await figure.locator('[data-graph-steps] li').count();
    expect(n).toBe(4);
    await figure.locator('[data-action="step-forward"]').click();
    // The first click loads the viewer: it acts a moment later.
    await expect.poll(() => figure.getAttribute('data-step')).toBe(`1/${n}`);
    // Step 1: the output's grad is 1, every other grad 0.
    const first = await drawn(figure);
    expect(Object.values(first).filter(([, , grad]) => grad === 'grad 1.0000').map(([label]) => label)).toEqual(['L']);
    expect(Object.values(first).filter(([, , grad]) => grad === 'grad 0.0000')).toHaveLength(6);
    expect(await figure.locator('svg g[data-current]').count()).toBe(1);
    for (let k = 2; k <= n; k++) {
      await figure.locator('[data-action="step-forward"]').click();
      expect(await figure.getAttribute('data-step')).toBe(`${k}/${n}`);
      expect(await figure.locator('svg g[data-current]').count()).toBe(1);
      expect(await figure.locator('[data-graph-step]').innerText()).toMatch(new RegExp(`^Step ${k} of ${n}: \\w+ = \\w+ [*+] \\w+: `));
      expect(await figure.locator('[data-graph-steps] li:visible').count()).toBe(k);
    }
    // The last step leaves the grads the chapter worked out by hand, in the table too.
    expect(await drawn(figure)).toEqual(asDrawn);
    const rows = await tabled(figure);
    for (const [node, texts] of Object.entries(asDrawn)) expect(`grad ${rows[node][3]}`).toBe(texts[2]);
    await figure.locator('[data-action="step-forward"]').click();
    expect(await figure.getAttribute('data-step')).toBe(`${n}/${n}`);
    // Back to step 0 (every grad 0), then once more: the drawing as the cell drew it.
    for (let k = n - 1; k >= 0; k--) await figure.locator('[data-action="step-back"]').click();
    expect(await figure.getAttribute('data-step')).toBe(`0/${n}`);
    const zero = Object.values(await drawn(figure));
    expect(zero).toHaveLength(7);
    expect(zero.filter(([, , grad]) => grad === 'grad 0.0000')).toHaveLength(7);
    expect(await figure.locator('svg g[data-current]').count()).toBe(0);
    await figure.locator('[data-action="step-back"]').click();
    expect(await figure.getAttribute('data-step')).toBeNull();
    expect(await drawn(figure)).toEqual(asDrawn);
  });

  it('steps from the keyboard, announced in a live region', async () => {
    const figure = cellOf(page, 'neuron-grads-draw').locator('[data-graph]');
    await figure.locator('[data-action="step-forward"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    expect(await figure.getAttribute('data-step')).toMatch(/^2\/\d+$/);
    expect(await figure.locator('[data-graph-step]').getAttribute('aria-live')).toBe('polite');
    expect(await figure.locator('[data-graph-step]').innerText()).toMatch(/^Step 2 of \d+: o = tanh\(n\): n\.grad \+= 0\.5000 × o\.grad = 0\.5000\.$/);
    await page.keyboard.press('ArrowLeft');
    expect(await figure.getAttribute('data-step')).toMatch(/^1\/\d+$/);
    expect(errors).toEqual([]);
  });

  it("steps a reader's own graph to the grads backward() gives, and redraws a same-shape graph without Graphviz", async () => {
    const { context: fresh, page: reader, requested } = await open('/gradients/');
    const graphviz = () => requested.filter((url) => /graphviz-worker/.test(url));
    // Edit a number in the expression cell: the graph keeps its shape.
    const expression = cellOf(reader, 'expression');
    const source = JSON.parse((await expression.locator('script[data-source]').textContent()) ?? '""') as string;
    await setCode(expression, source.replace("new Value(2.0, { label: 'a' })", "new Value(-1.25, { label: 'a' })"));
    const cell = cellOf(reader, 'expression-grads');
    expect(await run(cell)).toBe('ok');
    expect(graphviz()).toEqual([]);
    const figure = cell.locator('[data-graph]');
    expect(Object.values(await drawn(figure)).find(([label]) => label === 'a')).toEqual(['a', 'data -1.2500', 'grad 6.0000']);

    // A reader's own expression, of a new shape: Graphviz lays it out, and the steps are its own.
    expect(
      await runCode(cell, "const p = new Value(1.5, { label: 'p' });\nconst q = new Value(-2, { label: 'q' });\nconst r = p.mul(q).add(p.tanh());\nr.label = 'r';\ndrawDot(r)"),
    ).toBe('ok');
    expect(graphviz().length).toBeGreaterThan(0);
    const n = await figure.locator('script[data-graph-steps-data]').evaluate((s) => (JSON.parse(s.textContent ?? '') as { steps: unknown[] }).steps.length);
    expect(n).toBe(4); // the output, then +, and * and tanh in backward()'s order
    for (let k = 0; k < n; k++) await figure.locator('[data-action="step-forward"]').click();
    expect(await figure.getAttribute('data-step')).toBe(`${n}/${n}`);
    const p = new Value(1.5, { label: 'p' });
    const q = new Value(-2, { label: 'q' });
    const r = p.mul(q).add(p.tanh());
    r.backward();
    const leaves = Object.fromEntries(Object.values(await drawn(figure)).map(([label, , grad]) => [label, grad]));
    expect(leaves.p).toBe(`grad ${formatNumber(p.grad)}`);
    expect(leaves.q).toBe(`grad ${formatNumber(q.grad)}`);
    await fresh.close();
  });
});

describe('accessibility of a graph in every state (axe)', () => {
  it.each(['light', 'dark'])('%s theme: as read, zoomed, table open, stepping, full screen', async (theme) => {
    const { context, page } = await open('/gradients/');
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const figure = cellOf(page, 'expression-grads').locator('[data-graph]');
    const serious = async (state: string) => {
      // The graph's cell (a11y.test.ts checks every whole page as read).
      const { violations } = await new AxeBuilder({ page }).include('[data-cell="expression-grads"]').analyze();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    };
    const found = [...(await serious('as read'))];
    await figure.locator('[data-action="zoom-in"]').click();
    found.push(...(await serious('zoomed')));
    await figure.locator('[data-action="table"]').click();
    found.push(...(await serious('table open')));
    await figure.locator('[data-action="step-forward"]').click();
    await figure.locator('[data-action="step-forward"]').click();
    found.push(...(await serious('stepping')));
    await figure.locator('[data-action="fullscreen"]').click();
    await expect.poll(() => figure.getAttribute('data-fullscreen')).toBe('');
    found.push(...(await serious('full screen')));
    expect(found).toEqual([]);
    await context.close();
  });
});
