// The Moons chapter's live demo in Chromium: training in its own worker to 100% within the hundred
// steps, through the demo's stable hooks (data-demo, data-step, data-accuracy, data-action).

import { load } from 'cheerio';
import type { Browser, ElementHandle, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STEPS, type TrainState, Training } from '../../src/moons/training.ts';
import { openPage } from '../../tools/browser.ts';

let browser: Browser;
let page: Page;
let demo: Locator;
let built: string;
let requested: string[];
let errors: string[];

/** The run Node makes of the same job, state by state. */
function expected(seed: number, lr: number): TrainState[] {
  const training = new Training(seed);
  const states = [training.state()];
  training.train(STEPS, lr, (s) => states.push(s));
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
  it('starts at step 0, the untrained model, without loading its worker', async () => {
    const start = expected(1337, 1)[0];
    expect(await attr('data-step')).toBe('0');
    expect(Number(await attr('data-accuracy'))).toBe(start.accuracy);
    expect(await demo.locator('[data-out="step"]').textContent()).toBe('0');
    expect(await demo.locator('canvas').isVisible()).toBe(true);
    expect(await demo.locator('[data-layer="points"] circle').count()).toBe(100);
    expect(requested.filter((url) => /\/_astro\/training-worker[.-]/.test(url))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('trains to 100% training accuracy within the 100 steps after Play, in its worker, in a second or two', async () => {
    const seen = await watch();
    const before = requested.length;
    const started = Date.now();
    await click('play');
    await waitForStep(STEPS);
    const ms = Date.now() - started;
    const shown = await seen();
    const firstPerfect = shown.find(([, accuracy]) => accuracy === 1);
    console.log(`100 live steps in ${ms} ms from the click (worker start included): ${await demo.locator('.moons-status').textContent()}; 100% first at step ${firstPerfect?.[0]}`);
    expect(firstPerfect?.[0]).toBeLessThanOrEqual(STEPS);
    expect(await attr('data-accuracy')).toBe('1');
    // Steps only go forward, and the page saw the run as it went, not only its end.
    const steps = shown.map(([step]) => step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBeGreaterThan(10);
    expect(ms).toBeLessThan(5000);
    // The page trained in its own worker, which holds lib and nothing of the cells' runner: no
    // sandbox frame, no transpiler.
    const loaded = requested.slice(before).map((url) => new URL(url).pathname);
    expect(loaded.filter((path) => /\/_astro\/training-worker[.-]/.test(path))).toHaveLength(1);
    expect(loaded.filter((path) => /runner-worker|sandbox|controller/.test(path))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
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

    // A new learning rate applies while Play goes on; a Pause in the same moment wins.
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

  it('says a new learning rate applies from the next step, and applies it there', async () => {
    await click('reset');
    await waitForStep(0);
    await click('step');
    await click('step');
    await waitForStep(2);
    await demo.locator('[data-control="lr"]').selectOption('3');
    expect(await demo.locator('.moons-status').textContent()).toBe('Learning rate ×3 from the next step: press Play or Step.');
    await click('step');
    await waitForStep(3);
    // Two steps at micrograd's rate, then one at three times it.
    const training = new Training(1337, undefined, expected(1337, 1)[2]);
    const third = training.train(1, 3, () => {});
    expect(await demo.locator('[data-out="loss"]').textContent()).toBe(third.loss.toFixed(4));
    expect(Number(await attr('data-accuracy'))).toBe(third.accuracy);
    await demo.locator('[data-control="lr"]').selectOption('1');
  });

  it('keeps its seed when given one that is not a seed, and says why next to the field', async () => {
    const seed = demo.locator('[data-control="seed"]');
    const note = demo.locator('[data-seed-note]');
    expect(await note.isVisible()).toBe(false);
    for (const typed of ['-5', '1.5', '', '4294967296']) {
      await seed.fill(typed);
      await seed.dispatchEvent('change');
      expect(await note.textContent()).toBe('A seed is a whole number from 0 to 4,294,967,295; still seed 1337.');
      expect(await seed.inputValue()).toBe('1337');
    }
    expect(await note.isVisible()).toBe(true);
    expect(await seed.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    expect(await attr('data-step')).toBe('3');
  });

  it('trains another seed and another learning rate as Node does', async () => {
    const seed = 7;
    const lr = 0.3;
    const run = expected(seed, lr);
    const firstPoint = () => demo.locator('[data-layer="points"] circle').first().getAttribute('cx');
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
    expect(await demo.locator('[data-seed-note]').textContent()).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('the moons demo when its worker fails', () => {
  let fresh: Page;
  let hangAt = 0;
  let fail = false;
  beforeAll(async () => {
    fresh = await (await browser.newContext()).newPage();
    // The worker script as served, but (while hangAt is set) stuck for good on its hangAt-th request,
    // or (while fail is set) not served at all. no-store: each new worker fetches it again.
    await fresh.route(/\/_astro\/training-worker[.-][\w-]*\.js$/, async (route) => {
      if (fail) return route.abort();
      const response = await route.fetch();
      const hang = hangAt ? `let requests = 0; addEventListener('message', () => { if (++requests === ${hangAt}) for (;;); });\n` : '';
      await route.fulfill({ response, body: hang + (await response.text()), headers: { ...response.headers(), 'cache-control': 'no-store' } });
    });
    await fresh.goto(`${inject('origin')}/moons/`, { waitUntil: 'networkidle' });
  });

  const on = (p: Page) => p.locator('[data-demo="moons"]');
  const stepTo = (step: number, timeout = 30_000) =>
    fresh.waitForFunction((s) => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === String(s), step, { timeout });

  it('says so when the worker cannot load', async () => {
    fail = true;
    await on(fresh).locator('button[data-action="play"]').click();
    await on(fresh).locator('.moons-status', { hasText: 'The training worker failed' }).waitFor();
    expect(await on(fresh).getAttribute('data-playing')).toBeNull();
    expect(await on(fresh).getAttribute('data-step')).toBe('0');
    fail = false;
  });

  it('ends a worker stuck past the time limit, and the next one carries on exactly where it stopped', async () => {
    const run = expected(1337, 1);
    // The next worker (the one that failed to load is gone) gets stuck on its third request: load, step, step.
    hangAt = 3;
    await on(fresh).locator('button[data-action="step"]').click();
    await stepTo(1);
    await on(fresh).locator('button[data-action="step"]').click();
    await on(fresh).locator('.moons-status', { hasText: 'Stopped' }).waitFor({ timeout: 20_000 });
    expect(await on(fresh).locator('.moons-status').textContent()).toBe('Stopped: a training step took longer than 5 s.');
    expect(await on(fresh).getAttribute('data-step')).toBe('1');
    // The page went on painting while the worker was stuck.
    expect(await fresh.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))))).toBe(true);
    hangAt = 0;
    await on(fresh).locator('button[data-action="step"]').click();
    await stepTo(2);
    expect(await on(fresh).locator('[data-out="loss"]').textContent()).toBe(run[2].loss.toFixed(4));
    await on(fresh).locator('button[data-action="play"]').click();
    await stepTo(STEPS);
    expect(await on(fresh).locator('[data-out="loss"]').textContent()).toBe(run[STEPS].loss.toFixed(4));
  });
});
