// The Moons chapter's live demo in Chromium: training in the sandbox's worker to 100% within the
// hundred steps, through the demo's stable hooks (data-demo, data-step, data-accuracy, data-action).

import { load } from 'cheerio';
import type { Browser, ElementHandle, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STEPS, type TrainState, train } from '../../src/moons/train.ts';
import { openPage } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let demo: Locator;
let built: string;
let requested: string[];
let errors: string[];

/** The run Node makes of the same job, state by state. */
function expected(seed: number, lr: number): TrainState[] {
  const states: TrainState[] = [];
  train({ seed, lr, from: 0, to: STEPS }, (s) => states.push(s));
  return states;
}

beforeAll(async () => {
  ({ browser, page, errors, requested } = await openPage());
  built = await (await fetch(`${inject('origin')}/moons/`)).text();
  await page.goto(`${inject('origin')}/moons/`, { waitUntil: 'networkidle' });
  demo = page.locator('[data-demo="moons"]');
});
afterAll(() => browser?.close());

const attr = async (name: string) => (await demo.getAttribute(name)) ?? '';
const click = (action: string) => demo.locator(`button[data-action="${action}"]`).click();
const waitForStep = (step: number, timeout = 30_000) =>
  page.waitForFunction((s) => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === String(s), step, { timeout });

/** Records every (step, accuracy) the root shows from now on, as the attributes change. */
async function watch(): Promise<() => Promise<[number, number][]>> {
  const handle = (await demo.elementHandle()) as ElementHandle<HTMLElement>;
  await handle.evaluate((el) => {
    const seen: [number, number][] = [];
    Object.assign(el, { seen });
    new MutationObserver(() => seen.push([Number(el.dataset.step), Number(el.dataset.accuracy)])).observe(el, {
      attributeFilter: ['data-step', 'data-accuracy'],
    });
  });
  return () => handle.evaluate((el) => (el as unknown as { seen: [number, number][] }).seen);
}

describe('the live moons demo', () => {
  it('starts at step 0, the untrained model, without loading the sandbox', async () => {
    const start = expected(1337, 1)[0];
    expect(await attr('data-step')).toBe('0');
    expect(Number(await attr('data-accuracy'))).toBe(start.accuracy);
    expect(await demo.locator('[data-out="step"]').textContent()).toBe('0');
    expect(await demo.locator('canvas').isVisible()).toBe(true);
    expect(await demo.locator('[data-points] circle').count()).toBe(100);
    expect(requested.filter((url) => /\/_astro\/runner-worker[.-]/.test(url))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('trains to 100% training accuracy within the 100 steps after Play, in the sandbox, in a second or two', async () => {
    const seen = await watch();
    const started = Date.now();
    await click('play');
    await waitForStep(STEPS);
    const ms = Date.now() - started;
    const shown = await seen();
    const firstPerfect = shown.find(([, accuracy]) => accuracy === 1);
    console.log(`100 live steps in ${ms} ms from the click (sandbox start included): ${await demo.locator('.moons-status').textContent()}; 100% first at step ${firstPerfect?.[0]}`);
    expect(firstPerfect?.[0]).toBeLessThanOrEqual(STEPS);
    expect(await attr('data-accuracy')).toBe('1');
    // Steps only go forward, and the page saw the run as it went, not only its end.
    const steps = shown.map(([step]) => step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBeGreaterThan(10);
    expect(ms).toBeLessThan(5000);
    // The page trained in an opaque-origin frame's worker.
    expect(await page.locator('iframe[sandbox="allow-scripts"]').count()).toBe(1);
    expect(requested.some((url) => /\/_astro\/runner-worker[.-]/.test(url))).toBe(true);
  });

  it('ends where the build and Node end: same loss, same accuracy', async () => {
    const final = expected(1337, 1)[STEPS];
    const $ = load(built);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe($('[data-demo="moons"] [data-out="loss"]').text());
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(final.loss.toFixed(4));
    expect(Number(await attr('data-accuracy'))).toBe(final.accuracy);
  });

  it('steps one at a time, pauses, resumes exactly, and resets', async () => {
    const run = expected(1337, 1);
    await click('reset');
    await waitForStep(0);
    // Clicks faster than the steps: each one still takes its step, in turn.
    await click('step');
    await click('step');
    await click('step');
    await waitForStep(3);
    await page.waitForTimeout(300);
    expect(await attr('data-step')).toBe('3');
    expect(Number(await attr('data-accuracy'))).toBe(run[3].accuracy);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(run[3].loss.toFixed(4));

    await click('play');
    await page.waitForFunction(() => Number(document.querySelector('[data-demo="moons"]')?.getAttribute('data-step')) >= 5);
    await click('pause');
    await demo.locator('.moons-status', { hasText: 'Paused at step' }).waitFor();
    const paused = await attr('data-step');
    await page.waitForTimeout(300);
    expect(await attr('data-step')).toBe(paused);
    expect(await demo.locator('.moons-status').textContent()).toBe(`Paused at step ${paused}.`);
    expect(Number(await attr('data-accuracy'))).toBe(run[Number(paused)].accuracy);

    // Resumed from the state it paused at, the run ends exactly where an unbroken one does.
    await click('play');
    await waitForStep(STEPS);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(run[STEPS].loss.toFixed(4));

    await click('reset');
    await waitForStep(0);
    expect(Number(await attr('data-accuracy'))).toBe(run[0].accuracy);
  });

  it('Pause wins over a Play still waiting its turn', async () => {
    const clickAll = (actions: string[]) =>
      page.evaluate((as) => {
        for (const a of as) document.querySelector<HTMLElement>(`[data-demo="moons"] button[data-action="${a}"]`)!.click();
      }, actions);
    // Play waits for the step asked for before it; Pause, in the same moment, cancels it.
    await clickAll(['step', 'play', 'pause']);
    await waitForStep(1);
    await page.waitForTimeout(500);
    expect(await attr('data-step')).toBe('1');

    // A new learning rate restarts Play at once; a Pause in the same moment wins.
    await click('play');
    await page.waitForFunction(() => Number(document.querySelector('[data-demo="moons"]')?.getAttribute('data-step')) >= 3);
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-demo="moons"] [data-control="lr"]')!;
      select.value = '3';
      select.dispatchEvent(new Event('change'));
      document.querySelector<HTMLElement>('[data-demo="moons"] button[data-action="pause"]')!.click();
    });
    await demo.locator('.moons-status', { hasText: 'Paused at step' }).waitFor();
    const paused = await attr('data-step');
    await page.waitForTimeout(500);
    expect(await attr('data-step')).toBe(paused);
    expect(await demo.locator('.moons-status').textContent()).toBe(`Paused at step ${paused}.`);
    expect(await demo.getAttribute('data-playing')).toBeNull();
    await demo.locator('[data-control="lr"]').selectOption('1');
  });

  it('trains another seed and another learning rate as Node does', async () => {
    const seed = 7;
    const lr = 0.3;
    const run = expected(seed, lr);
    const firstPoint = () => demo.locator('[data-points] circle').first().getAttribute('cx');
    const before = await firstPoint();
    await demo.locator('[data-control="lr"]').selectOption(String(lr));
    await demo.locator('[data-control="seed"]').fill(String(seed));
    await demo.locator('[data-control="seed"]').dispatchEvent('change');
    await page.waitForFunction((a) => document.querySelector('[data-demo="moons"]')?.getAttribute('data-accuracy') === String(a), run[0].accuracy);
    expect(await attr('data-step')).toBe('0');
    expect(await firstPoint()).not.toBe(before);
    await click('play');
    await waitForStep(STEPS);
    expect(Number(await attr('data-accuracy'))).toBe(run[STEPS].accuracy);
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(run[STEPS].loss.toFixed(4));
    expect(errors).toEqual([]);
  });
});
