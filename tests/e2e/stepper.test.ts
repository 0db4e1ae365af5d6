// The backward steppers of Gradients in Chromium, through their stable hooks: a root with
// data-stepper, buttons with data-action next/prev/reset, and an inline SVG graph.

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ browser, page, errors } = await openPage());
  await page.goto(`${inject('origin')}/gradients/`, { waitUntil: 'networkidle' });
});
afterAll(() => browser?.close());

/** Each value node's grad field as the SVG shows it, by label: its texts are label, data, grad. */
const grads = (stepper: Locator): Promise<Record<string, number>> =>
  stepper.locator('svg').evaluate((svg) => {
    const shown: Record<string, number> = {};
    for (const node of svg.querySelectorAll('g.node')) {
      const texts = [...node.querySelectorAll('text')].map((t) => t.textContent ?? '');
      if (texts.length === 3 && texts[2].startsWith('grad ')) shown[texts[0]] = Number(texts[2].slice(5));
    }
    return shown;
  });

const cases = [
  { name: 'L', root: 'L', leaves: { a: 6, b: -4, c: -2, f: 4 } },
  { name: 'neuron', root: 'o', leaves: { x1: -1.5, w1: 1, x2: 0.5, w2: 0 } },
];

describe.each(cases)('the stepper on $name', ({ name, root, leaves }) => {
  const stepper = () => page.locator(`[data-stepper="${name}"]`);
  const press = (action: string) => stepper().locator(`button[data-action="${action}"]`).click();

  it('starts with every grad at 0, and walks backward() to the leaves one node at a time', async () => {
    const start = await grads(stepper());
    expect(Object.values(start).every((g) => g === 0)).toBe(true);
    const steps = await stepper().locator('[data-steps] li').count();
    await press('next');
    expect((await grads(stepper()))[root]).toBe(1);
    let filled = 1;
    for (let i = 1; i < steps; i++) {
      await press('next');
      // A step fills in the nodes it works on, and they are the ones highlighted.
      const now = await grads(stepper());
      const highlighted = await stepper().locator('g.stepper-to').count();
      expect(highlighted).toBeGreaterThan(0);
      expect(Object.values(now).filter((g) => g !== 0).length).toBeGreaterThanOrEqual(filled);
      filled = Object.values(now).filter((g) => g !== 0).length;
      expect(await stepper().locator('[data-steps] li[aria-current="step"]').textContent()).toMatch(/^(Sum|Product|tanh): /);
    }
    const end = await grads(stepper());
    for (const [label, grad] of Object.entries(leaves)) expect(end[label], label).toBe(grad);
    // One click too many changes nothing.
    await press('next');
    expect(await grads(stepper())).toEqual(end);
    expect(await stepper().locator('[data-position]').textContent()).toBe(`Step ${steps} of ${steps}`);
  });

  it('goes back a step, and resets to the start', async () => {
    const steps = await stepper().locator('[data-steps] li').count();
    await press('prev');
    // The last step filled two leaves; one step back they are 0 again.
    expect(Object.values(await grads(stepper())).filter((g) => g === 0).length).toBeGreaterThanOrEqual(2);
    expect(await stepper().locator('[data-steps] li:visible').count()).toBe(steps - 1);
    await press('reset');
    expect(Object.values(await grads(stepper())).every((g) => g === 0)).toBe(true);
    expect(await stepper().locator('[data-steps] li:visible').count()).toBe(0);
  });

  it('steps from the keyboard', async () => {
    await stepper().locator('button[data-action="next"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    expect(await stepper().locator('[data-position]').textContent()).toMatch(/^Step 2 of /);
    await page.keyboard.press('ArrowLeft');
    expect(await stepper().locator('[data-position]').textContent()).toMatch(/^Step 1 of /);
    expect((await grads(stepper()))[root]).toBe(1);
    await page.keyboard.press('Home');
    expect(await stepper().locator('[data-position]').textContent()).toMatch(/^Step 0 of /);
    expect(errors).toEqual([]);
  });
});
