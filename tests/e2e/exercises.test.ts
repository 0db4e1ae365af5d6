// Exercises in Chromium, through their stable hooks: the root's data-exercise and
// data-exercise-status (todo, pass, fail); actions data-action = check, hint, solution, reset;
// the feedback [data-feedback] with one [data-check-item] per verdict (data-pass); a wrong node's
// SVG group marked data-wrong; the editor's .cm-content. Exercises come from the built site.

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chapterFiles } from '../../src/build/chapters.ts';
import { cellOf, checkExercise, launch, paintFor1s, run, setCode } from '../../tools/browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const origin = () => inject('origin');

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Clearing progress asks first.
  page.on('dialog', (dialog) => void dialog.accept());
});
afterAll(() => browser?.close());

const exerciseOf = (id: string): Locator => page.locator(`[data-exercise="${id}"]`);
const feedbackItems = (exercise: Locator) => exercise.locator('[data-feedback] [data-check-item]');
const status = (exercise: Locator) => exercise.getAttribute('data-exercise-status');
/** The editor's text, line by line (innerText would count an empty line's <br> as a second newline). */
const editorText = (exercise: Locator) => exercise.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
const codeOf = async (exercise: Locator, part: 'start' | 'solution') =>
  (JSON.parse((await exercise.locator('script[data-exercise-code]').textContent()) ?? '{}') as Record<string, string>)[part];

const check = checkExercise;

/** A chapter's done mark in the sidebar, as shown ("2/3"); its words for screen readers are beside it. */
const mark = (slug: string) => page.locator(`#starlight__sidebar a[href="/${slug}/"] .exercise-marks [aria-hidden]`).innerText();

const verdicts = (exercise: Locator) =>
  feedbackItems(exercise).evaluateAll((items) => items.map((li) => [li.getAttribute('data-pass'), li.querySelector('p')?.textContent ?? '']));

async function seriousViolations(): Promise<string[]> {
  // The exercises and the sidebar's marks (a11y.test.ts checks whole pages).
  const { violations } = await new AxeBuilder({ page }).include('[data-exercise]').include('#starlight__sidebar').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('an exercise, read without JavaScript', () => {
  it('shows its task and start code and says that checking needs JavaScript; the solution is not in its text', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const reader = await plain.newPage();
    await reader.goto(`${origin()}/micrograd/`);
    const exercise = reader.locator('[data-exercise="sigmoid-rule"]');
    const text = await exercise.innerText();
    expect(text).toMatch(/^EXERCISE\s+Write a backward rule: the sigmoid/);
    expect(text).toContain('Checking your answer, the hints and the solution need JavaScript.');
    expect(text).toContain('// your rule: add out.grad × dσ/da to a.grad');
    expect(text).not.toContain('a.grad += out.data * (1 - out.data) * out.grad');
    expect(text).not.toContain('Hint 1');
    expect(await exercise.locator('.exercise-actions').isVisible()).toBe(false);
    await plain.close();
  });
});

describe('exercises in Micrograd', () => {
  beforeAll(async () => {
    await page.goto(`${origin()}/micrograd/`, { waitUntil: 'networkidle' });
  });

  it('start as todo, with their buttons, and a sidebar mark per chapter', async () => {
    const all = page.locator('[data-exercise]');
    expect(await all.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-exercise][data-exercise-status="todo"]').count()).toBe(await all.count());
    for (const action of ['edit', 'check', 'hint', 'solution', 'reset']) expect(await exerciseOf('sigmoid-rule').locator(`[data-action="${action}"]`).isVisible()).toBe(true);
    // One mark per chapter with exercises, as the sidebar's list of them says.
    const manifest = JSON.parse((await page.locator('[data-exercise-manifest]').textContent()) ?? '{}') as Record<string, string[]>;
    expect(Object.keys(manifest)).toEqual(chapterFiles('content').map((c) => c.slug));
    expect(manifest.micrograd.length).toBe(await all.count());
    expect(await page.locator('#starlight__sidebar a .exercise-marks').count()).toBe(Object.keys(manifest).length);
    expect(await mark('micrograd')).toMatch(/^0\/\d+$/);
    expect(await page.locator('#starlight__sidebar a[href="/micrograd/"] .sr-only').innerText()).toMatch(/^, 0 of \d+ exercises done$/);
    expect(await page.locator('[data-exercise-progress]').isVisible()).toBe(false);
  });

  it('a sigmoid rule written with = passes on σ(x) alone, and fails on s + s·x, naming x and marking it', async () => {
    const exercise = exerciseOf('sigmoid-rule');
    const start = await codeOf(exercise, 'start');
    await setCode(exercise, start.replace('// your rule: add out.grad × dσ/da to a.grad, with σ(a) = out.data', 'a.grad = out.data * (1 - out.data) * out.grad;'));
    expect(await check(exercise)).toBe('fail');
    const [alone, twice] = await verdicts(exercise);
    expect(alone).toEqual(['true', expect.stringMatching(/^✓Right: s = σ\(x\): /)]);
    expect(twice[0]).toBe('false');
    expect(twice[1]).toMatch(/^✗Wrong: y = s \+ s·x: x\.grad is [\d.]+, but it should be [\d.]+\. x feeds 2 operations, .*it was overwritten \(=\) instead of added to \(\+=\)/);
    const item = feedbackItems(exercise).nth(1);
    expect(await item.locator('dl').innerText()).toMatch(/^expected\s+1\.0451\s+got\s+0\.376912$/);
    // The reused node is marked in the drawing, and in its table row: its label is x.
    const wrong = item.locator('svg g[data-wrong]');
    expect(await wrong.count()).toBe(1);
    expect((await wrong.locator('text').allTextContents())[0]).toBe('x');
    expect(await item.locator('tr[data-wrong] th').textContent()).toBe('x'); // in the table, closed until asked for
    expect(await exercise.locator('.exercise-status').innerText()).toBe('Not yet: 1 of 2 checks fails.');
    expect(await exercise.locator('[data-exercise-badge]').innerText()).toBe('Not yet');
  });

  it('the solution passes; its status and the sidebar mark survive a reload', async () => {
    const exercise = exerciseOf('sigmoid-rule');
    await exercise.locator('[data-action="solution"]').click();
    expect(await editorText(exercise)).toBe(await codeOf(exercise, 'solution'));
    expect(await check(exercise)).toBe('pass');
    expect((await verdicts(exercise)).map(([pass]) => pass)).toEqual(['true', 'true']);
    expect(await exercise.locator('[data-exercise-output] [data-graph]').count()).toBe(1); // the reader's own drawDot(s)
    expect(await exercise.locator('.exercise-status').innerText()).toBe('Right: all 2 checks pass.');
    expect(await mark('micrograd')).toMatch(/^1\/\d+$/);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await status(exerciseOf('sigmoid-rule'))).toBe('pass');
    expect(await exerciseOf('sigmoid-rule').locator('[data-exercise-badge]').innerText()).toBe('✓ Done');
    expect(await mark('micrograd')).toMatch(/^1\/\d+$/);
    expect(await page.locator('[data-exercise-progress]').innerText()).toMatch(/Exercises done: 1 of \d+\./);
  });

  it('marks a bug shown live: backward() twice marks the node right under the output', async () => {
    const exercise = exerciseOf('break-backward-twice');
    expect(await check(exercise)).toBe('fail');
    const first = feedbackItems(exercise).first();
    expect(await first.getAttribute('data-pass')).toBe('false');
    expect((await first.locator('svg g[data-wrong] text').allTextContents())[0]).toBe('xy');
  });

  it('is axe-clean in every state, in both themes', async () => {
    const states: string[] = [];
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      // todo with a hint shown and the editor open; fail, with a marked graph; pass (sigmoid-rule, from the reload)
      await exerciseOf('topological-order').locator('[data-action="hint"]').click();
      await exerciseOf('break-draw-early').locator('[data-action="edit"]').click();
      await exerciseOf('break-draw-early').locator('.cm-content').waitFor();
      expect(await check(exerciseOf('topological-order'))).toBe('fail');
      states.push(...(await seriousViolations()).map((v) => `${theme}: ${v}`));
    }
    expect(states).toEqual([]);
  });
});

describe('exercises in A neural network', () => {
  beforeAll(async () => {
    await page.goto(`${origin()}/network/`, { waitUntil: 'networkidle' });
  });

  it('shows hints one at a time; Solution replaces the text in one step that Undo takes back; Reset', async () => {
    const exercise = exerciseOf('count-parameters');
    const hint = exercise.locator('[data-action="hint"]');
    expect(await exercise.locator('.exercise-hint:visible').count()).toBe(0);
    await hint.click();
    // The first click on a fresh page loads the exercises' controller, which then shows the hint.
    await exercise.locator('.exercise-hint:visible').first().waitFor();
    expect(await exercise.locator('.exercise-hint:visible').count()).toBe(1);
    expect(await exercise.locator('.exercise-hint:visible').innerText()).toMatch(/^Hint 1\. A neuron with/);
    expect(await hint.innerText()).toBe('Hint (2 of 2)');
    await hint.click();
    expect(await exercise.locator('.exercise-hint:visible').count()).toBe(2);
    expect(await hint.getAttribute('aria-disabled')).toBe('true');
    await hint.click({ force: true }); // aria-disabled: a click does nothing more
    expect(await exercise.locator('.exercise-hint:visible').count()).toBe(2);

    const mine = 'function count(nin: number, nouts: number[]): number {\n  return 41;\n}\nconst moonsParameters = 337;';
    await setCode(exercise, mine);
    await exercise.locator('[data-action="solution"]').click();
    expect(await editorText(exercise)).toBe(await codeOf(exercise, 'solution'));
    await exercise.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+z');
    expect(await editorText(exercise)).toBe(mine);

    expect(await check(exercise)).toBe('fail');
    expect(await verdicts(exercise)).toEqual([
      ['false', expect.stringMatching(/^✗Wrong: count: count\(2, \[16, 16, 1\]\) is 41, but that network has 337 parameters: /)],
      ['true', expect.stringMatching(/^✓Right: moonsParameters: /)],
    ]);
    await exercise.locator('[data-action="reset"]').click();
    expect(await editorText(exercise)).toBe(await codeOf(exercise, 'start'));
    expect(await feedbackItems(exercise).count()).toBe(0);
    await exercise.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+z');
    expect(await editorText(exercise)).toBe(mine);
  });

  it('stops a runaway loop in an answer at the time limit; the page and the other exercises work on', async () => {
    const exercise = exerciseOf('count-parameters');
    await setCode(exercise, 'function count(nin: number, nouts: number[]): number {\n  while (true) {}\n}\nconst moonsParameters = 337;');
    // The loop is in the check's call of count(): the check is stopped at the time limit too.
    const ended = check(exercise, undefined, 20_000);
    const painting = await paintFor1s(page);
    expect(painting.frames).toBeGreaterThan(20);
    expect(await ended).toBe('fail');
    expect(await verdicts(exercise)).toEqual([['false', expect.stringMatching(/did not finish within 5 s: is there a loop that never ends\?$/)]]);
    expect(await exercise.locator('[data-exercise-output]').innerText()).toMatch(/^Timeout: stopped after 5 s/);
    await exercise.locator('[data-action="solution"]').click();
    expect(await check(exercise)).toBe('pass');
    expect(await run(cellOf(page, 'mlp'))).toBe('ok');
    expect(errors).toEqual([]);
  });
});

describe('exercises in Gradients', () => {
  beforeAll(async () => {
    await page.goto(`${origin()}/gradients/`, { waitUntil: 'networkidle' });
  });

  it('a wrong answer fails with the failing item, saying why', async () => {
    const exercise = exerciseOf('predict-slope');
    await setCode(exercise, 'const slopeAtMinus3 = 44;\nconst flatAt = 2 / 3;');
    expect(await check(exercise)).toBe('fail');
    expect(await verdicts(exercise)).toEqual([
      ['false', "✗Wrong: slopeAtMinus3: 44 is f(-3), the curve's height there; the slope is how fast the height changes as x moves"],
      ['true', expect.stringMatching(/^✓Right: flatAt: the bottom of the parabola/)],
    ]);
    expect(await exercise.locator('[data-feedback] dl').innerText()).toMatch(/^got\s+44$/);
  });

  it("marks the first wrong gradient in the reader's own drawing when the check grades that graph", async () => {
    const exercise = exerciseOf('backprop-by-hand');
    expect(await check(exercise)).toBe('fail');
    expect(await verdicts(exercise)).toEqual([['false', '✗Wrong: gradients: d.grad is 0, but it should be 2. d feeds L = d * f, so d.grad = L.grad × ∂L/∂d = 1 × 2. It is marked in your drawing above.']]);
    expect(await exercise.locator('[data-feedback] [data-graph]').count()).toBe(0);
    expect((await exercise.locator('[data-exercise-output] svg g[data-wrong] text').allTextContents())[0]).toBe('d');
  });

  it("never feeds the chapter's cells: a broken answer leaves the next cell running as built", async () => {
    const exercise = exerciseOf('predict-slope');
    await setCode(exercise, 'const slopeAtMinus3 = ;');
    expect(await check(exercise)).toBe('fail');
    expect(await exercise.locator('[data-exercise-output]').innerText()).toMatch(/^SyntaxError: .* \(line 1, column 23\)$/);
    expect(await run(cellOf(page, 'abc'))).toBe('ok');
    expect(await cellOf(page, 'abc').locator('[data-output]').innerText()).toBe('4');
  });

  it('runs after the cells above when it uses their names, and says which cell failed', async () => {
    // No exercise of the book uses the cells above today (each stands alone, so it can move):
    // this one is made to, as <Exercise uses="f"> would make it.
    const exercise = exerciseOf('predict-slope');
    await exercise.evaluate((root) => (root.dataset.uses = 'f'));
    await setCode(exercise, 'const slopeAtMinus3 = f.data * 0 - 22;\nconst flatAt = 4 / 6;');
    expect(await check(exercise)).toBe('pass');
    await setCode(cellOf(page, 'f'), 'throw new RangeError("broken f");');
    const before = await status(exercise);
    expect(await check(exercise)).toBe(before); // not judged: the answer never ran
    expect(await verdicts(exercise)).toEqual([['false', expect.stringMatching(/^✗Wrong: your answer: the cell "f" above failed \(RangeError: broken f.*\), so your answer could not run\. Fix that cell, or Reset it\.$/)]]);
    await cellOf(page, 'f').locator('[data-action="reset"]').click();
    expect(await check(exercise)).toBe('pass');
  });

  it('keeps progress per chapter in the sidebar, and clears it', async () => {
    expect(await mark('gradients')).toBe('1/4');
    expect(await mark('micrograd')).toMatch(/^1\/\d+$/);
    expect(await mark('network')).toBe('1/1');
    for (const id of ['fastest-input', 'backprop-by-hand', 'neuron-change-input']) {
      await exerciseOf(id).locator('[data-action="solution"]').click();
      expect(await check(exerciseOf(id)), id).toBe('pass');
    }
    expect(await mark('gradients')).toBe('4/4');
    expect(await page.locator('#starlight__sidebar a[href="/gradients/"] .exercise-marks-all').count()).toBe(1);
    await page.locator('[data-exercise-progress] [data-action="clear-progress"]').click();
    expect(await page.locator('[data-exercise][data-exercise-status="todo"]').count()).toBe(4);
    expect(await mark('gradients')).toBe('0/4');
    expect(await page.locator('[data-exercise-progress]').isVisible()).toBe(false);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('[data-exercise][data-exercise-status="todo"]').count()).toBe(4);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('micrograd-ts/1/status/')))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
