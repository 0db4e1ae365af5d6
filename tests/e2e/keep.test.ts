// The reader's own work in Chromium: edits kept across visits (and told apart when the book's code
// changed under them), Reset and Reset all edits, share links opened in a fresh browser (nothing
// runs until Run), malformed and too-long links, a browser that keeps nothing; exercises' answers
// kept, told, reset and shared the same way, and a page with statuses only loading no editor; axe
// on each.

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellOf, checkExercise, launch, output, pagesWithCells, pagesWithExercises, run, sameUpToRounding, setCode } from '../../tools/browser.ts';

const chapter = pagesWithCells(inject('dist')).find((p) => p.cells.length >= 4)!;
const url = () => inject('origin') + chapter.path;
const source = (cell: Locator) => cell.locator('script[data-source]').textContent().then((json) => JSON.parse(json ?? '""') as string);
const editorText = (cell: Locator) => cell.locator('.cm-content').innerText();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A fresh browser context (its own storage) and a page in it, recording errors and requests. */
async function fresh(): Promise<{ context: BrowserContext; page: Page; errors: string[]; requested: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requested.push(r.url()));
  return { context, page, errors, requested };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('edits kept across visits', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await fresh());
    await page.goto(url(), { waitUntil: 'networkidle' });
  });

  it('an edited cell is back after a reload, marked, with the build’s output until Run, and runs', async () => {
    const cell = cellOf(page, chapter.cells[1]);
    const built = await output(cell);
    const edit = `${await source(cell)}\nconsole.log('kept across a reload');`;
    await setCode(cell, edit);
    await page.locator('[data-page-work]').waitFor();
    expect(await cell.getAttribute('data-edited')).toBe('');
    await page.reload({ waitUntil: 'networkidle' });

    await cell.locator('.cm-content').waitFor();
    expect(await editorText(cell)).toBe(edit);
    expect(await cell.getAttribute('data-edited')).toBe('');
    expect(await cell.locator('.cell-badge').innerText()).toBe('Edited');
    expect(await output(cell)).toBe(built);
    expect(await cell.getAttribute('data-status')).toBe('idle');
    expect(await page.locator('[data-page-work] .page-work-summary').innerText()).toBe('You edited 1 cell on this page; it is kept in this browser.');
    expect(await page.locator('iframe').count()).toBe(0); // nothing ran to show it

    expect(await run(cell)).toBe('ok');
    expect(await cell.locator('[data-output] .cell-logs').innerText()).toMatch(/kept across a reload$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Reset drops a cell’s edit; Reset all edits drops them all, and Undo brings them back', async () => {
    const [a, b, c] = [1, 2, 3].map((i) => cellOf(page, chapter.cells[i]));
    await setCode(b, '"edit of b"');
    await setCode(c, '"edit of c"');
    await expect.poll(() => page.locator('.cell[data-edited]').count()).toBe(3);

    await c.locator('[data-action="reset"]').click();
    expect(await c.getAttribute('data-edited')).toBeNull();
    expect(await page.locator('.cell[data-edited]').count()).toBe(2);

    await page.locator('[data-action="reset-all"]').click();
    expect(await page.locator('.cell[data-edited]').count()).toBe(0);
    for (const cell of [a, b]) expect(await editorText(cell)).toBe(await source(cell));
    expect(await page.locator('[data-page-work] .page-work-shared').innerText()).toBe("Every cell shows the book's code again (2 cells reset).");
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('undo-reset');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cell[data-edited]').count()).toBe(2);
    expect(await editorText(b)).toBe('"edit of b"');
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.cell[data-edited]').count()).toBe(2);

    await page.locator('[data-action="reset-all"]').click();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.cell[data-edited]').count()).toBe(0);
    expect(await page.locator('.cm-content').count()).toBe(0); // nothing kept: no editor loads
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('micrograd-ts/')))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('tells the reader when the book’s code changed under a saved edit, and lets them restore or drop it', async () => {
    const { page: p, errors: errs } = await fresh();
    const cell = cellOf(p, chapter.cells[2]);
    await p.goto(url(), { waitUntil: 'networkidle' });
    const original = await source(cell);
    await setCode(cell, `${original}\n// my note`);
    await expect.poll(() => cell.getAttribute('data-edited')).toBe('');
    // The book's code of that cell changes (a new version of the site).
    const changed = `${original}\n// the book, revised`;
    await p.route(url(), async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        new RegExp(`(data-cell="${chapter.cells[2]}"[\\s\\S]*?<script type="application/json" data-source>)[\\s\\S]*?(</script>)`),
        (_, before: string, after: string) => before + JSON.stringify(changed).replace(/</g, '\\u003c') + after,
      );
      await route.fulfill({ response, body: html });
    });
    await p.reload({ waitUntil: 'networkidle' });
    await cell.locator('.cell-kept').waitFor();
    expect(await cell.getAttribute('data-kept-conflict')).toBe('');
    expect(await cell.getAttribute('data-edited')).toBeNull();
    expect(await cell.locator('.cell-kept p').innerText()).toMatch(/^You edited this cell on .+, and the book's code has changed since\. Your edit is kept, not applied/);
    expect(await cell.locator('.cell-kept pre').textContent()).toBe(`${original}\n// my note`);
    expect(await p.locator('[data-page-work] .page-work-summary').innerText()).toContain("1 earlier edit of yours waits for your choice, where the book's code changed.");
    expect(await seriousViolations(p)).toEqual([]);

    // Still told after another reload, until the reader chooses.
    await p.reload({ waitUntil: 'networkidle' });
    await cell.locator('.cell-kept').waitFor();
    await cell.locator('[data-action="restore-edit"]').click();
    await expect.poll(() => cell.getAttribute('data-edited')).toBe('');
    expect(await editorText(cell)).toBe(`${original}\n// my note`);
    expect(await cell.locator('.cell-kept').count()).toBe(0);
    await p.reload({ waitUntil: 'networkidle' });
    await cell.locator('.cm-content').waitFor();
    expect(await cell.locator('.cell-kept').count()).toBe(0);
    expect(await editorText(cell)).toBe(`${original}\n// my note`);

    // Dropping it: the book's code, and nothing kept.
    await p.unroute(url());
    await p.reload({ waitUntil: 'networkidle' });
    await cell.locator('[data-action="drop-edit"]').click();
    expect(await cell.locator('.cell-kept').count()).toBe(0);
    await p.reload({ waitUntil: 'networkidle' });
    expect(await cell.locator('.cell-kept').count()).toBe(0);
    expect(await cell.getAttribute('data-edited')).toBeNull();
    expect(errs).toEqual([]);
  });

  it('keeps the Playground’s code', async () => {
    const { page: p } = await fresh();
    await p.goto(`${inject('origin')}/playground/`, { waitUntil: 'networkidle' });
    const cell = p.locator('.cell[data-cell]').first();
    await setCode(cell, 'const kept = 6 * 7;\nkept');
    await expect.poll(() => cell.getAttribute('data-edited')).toBe('');
    await p.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => cell.locator('.cm-content').innerText().catch(() => '')).toBe('const kept = 6 * 7;\nkept');
    expect(await run(cell)).toBe('ok');
    expect(await cell.locator('[data-output]').innerText()).toBe('42');
  });

  it('says so when the browser’s storage is full, and the page works on', async () => {
    const { context, page: p, errors: errs } = await fresh();
    // A storage with no room for the book's records (as a full one, or Safari's private mode of old).
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('micrograd-ts/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await p.goto(url(), { waitUntil: 'networkidle' });
    const cell = cellOf(p, chapter.cells[0]);
    await setCode(cell, '"not kept"');
    await p.locator('[data-page-work] .page-work-alert', { hasText: "This browser's storage for this site is full: your latest edits are not kept." }).waitFor();
    expect(await cell.getAttribute('data-edited')).toBeNull();
    expect(await run(cell)).toBe('ok');
    expect(await cell.locator('[data-output]').innerText()).toBe('"not kept"');
    expect(errs).toEqual([]);
  });
});

describe('share links', () => {
  let link: string;
  let sharerOutput: string;
  let sharer: Page;
  const later = () => chapter.cells[3];

  beforeAll(async () => {
    ({ page: sharer } = await fresh());
    await sharer.goto(url(), { waitUntil: 'networkidle' });
  });

  it('carry a page’s two edited cells, and say so', async () => {
    const [first, second] = [cellOf(sharer, chapter.cells[0]), cellOf(sharer, chapter.cells[1])];
    await setCode(first, `const fromTheLink = 'shared';\n${await source(first)}`);
    await setCode(second, `${await source(second)}\nconsole.log(fromTheLink);`);
    expect(await run(cellOf(sharer, chapter.cells[1]))).toBe('ok');
    sharerOutput = await output(cellOf(sharer, chapter.cells[1]));
    await sharer.locator('[data-action="share"]').click();
    await sharer.locator('[data-share-url]').waitFor();
    link = await sharer.locator('[data-share-url]').inputValue();
    expect(link.startsWith(`${url()}#share=`)).toBe(true);
    expect(await sharer.locator('.page-work-shared').innerText()).toMatch(/It carries your 2 edited cells \([\d,]+ characters\)\.$/);
  });

  it('open in a fresh browser with the edits shown, marked, and nothing run; Run gives the sharer’s output', async () => {
    const { page, errors, requested } = await fresh();
    await page.goto(link, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.cell[data-from-link]').count()).toBe(2);
    const [first, second] = [cellOf(page, chapter.cells[0]), cellOf(page, chapter.cells[1])];
    expect(await editorText(first)).toBe(`const fromTheLink = 'shared';\n${await source(first)}`);
    expect(await second.locator('.cell-badge').innerText()).toBe('From the link');
    // Nothing ran: no sandbox, no runner, every cell idle with the build's output.
    expect(requested.filter((u) => /runner-worker/.test(u))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.locator('.cell[data-status="idle"]').count()).toBe(chapter.cells.length);
    expect(await page.locator('.page-work-summary').innerText()).toBe('Code from a shared link in 2 cells, marked "From the link". Nothing has run: Run runs it, in the sandbox.');
    // Nothing of the link is kept until the reader edits.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('micrograd-ts/')))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await run(second)).toBe('ok');
    expect(sameUpToRounding(await output(second), sharerOutput)).toBe(true);
    expect(await second.locator('.cell-logs').innerText()).toMatch(/shared$/);

    // One action returns to the book's code, and the address to the page's own.
    await page.locator('[data-action="reset-all"]', { hasText: "Back to the book's code" }).click();
    expect(await page.locator('.cell[data-from-link]').count()).toBe(0);
    expect(await editorText(first)).toBe(await source(first));
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
    // A reload shows the book's page.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.cell[data-from-link]').count()).toBe(0);
    expect(await page.locator('.cm-content').count()).toBe(0);
  });

  it('leave a reader’s own kept edits as they were, to show again', async () => {
    const { page } = await fresh();
    await page.goto(url(), { waitUntil: 'networkidle' });
    const own = cellOf(page, later());
    await setCode(own, '"my own"');
    await expect.poll(() => own.getAttribute('data-edited')).toBe('');
    await page.goto(link, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.cell[data-from-link]').count()).toBe(2);
    expect(await own.getAttribute('data-edited')).toBeNull();
    expect(await page.locator('.page-work-summary').innerText()).toContain('Your own edits to 1 cell are kept; they are not shown while you read the link.');
    await page.locator('[data-action="own-edits"]').click();
    await expect.poll(() => own.getAttribute('data-edited')).toBe('');
    expect(await editorText(own)).toBe('"my own"');
    expect(await page.locator('.cell[data-from-link]').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
  });

  it('that are malformed get a clear message, and lose nothing', async () => {
    const { page, errors } = await fresh();
    await page.goto(url(), { waitUntil: 'networkidle' });
    const own = cellOf(page, later());
    await setCode(own, '"still mine"');
    await expect.poll(() => own.getAttribute('data-edited')).toBe('');
    await page.goto(link.slice(0, -12), { waitUntil: 'networkidle' });
    await page.locator('.page-work-alert', { hasText: "This page's link could not be read" }).waitFor();
    expect(await page.locator('.page-work-alert').innerText()).toMatch(/cut short .*The page shows the book's code and your own kept edits: nothing was lost\.$/);
    await expect.poll(() => own.getAttribute('data-edited')).toBe('');
    expect(await editorText(own)).toBe('"still mine"');
    expect(await page.locator('.cell[data-from-link]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('too long for a link say so instead of breaking', async () => {
    const { page } = await fresh();
    await page.goto(url(), { waitUntil: 'networkidle' });
    // Code that does not compress: 60,000 pseudo-random digits.
    const digits = await page.evaluate(() => {
      let seed = 7;
      return Array.from({ length: 60_000 }, () => ((seed = (seed * 16807) % 2147483647) % 10).toString()).join('');
    });
    await setCode(cellOf(page, chapter.cells[0]), `// ${digits}`);
    await page.locator('[data-action="share"]').click();
    await page.locator('.page-work-alert', { hasText: 'characters long, more than the 32,000 a link can safely carry' }).waitFor();
    expect(await page.locator('.page-work-link').isVisible()).toBe(false);
  });
});

describe('exercise answers, kept as cell edits are', () => {
  // A chapter with cells and at least one exercise; its first exercise.
  const where = pagesWithExercises(inject('dist'))[0];
  const exUrl = () => inject('origin') + where.path;
  const exerciseOf = (page: Page) => page.locator(`[data-exercise="${where.exercises[0]}"]`);
  const codeOf = async (exercise: Locator, part: 'start' | 'solution') =>
    (JSON.parse((await exercise.locator('script[data-exercise-code]').textContent()) ?? '{}') as Record<string, string>)[part];
  /** The editor's text, line by line (innerText would count an empty line's <br> as a second newline). */
  const answerText = (exercise: Locator) => exercise.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
  /** The answer kept in the page's storage, if any. */
  const keptAnswer = (page: Page) =>
    page.evaluate(([path, id]) => (JSON.parse(localStorage.getItem(`micrograd-ts/1/answer/${path}${id}`) ?? 'null') as { code: string } | null)?.code, [where.path, where.exercises[0]]);
  const bookKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('micrograd-ts/')).sort());

  it('an answer is kept as the reader types: back after a reload, marked, with its kept status; Check grades it; Solution is kept too', async () => {
    const { page, errors } = await fresh();
    await page.goto(exUrl(), { waitUntil: 'networkidle' });
    const exercise = exerciseOf(page);
    const mine = `${await codeOf(exercise, 'start')}\n// my first try`;
    await setCode(exercise, mine);
    await expect.poll(() => exercise.getAttribute('data-edited')).toBe('');
    expect(await keptAnswer(page)).toBe(mine);
    expect(await checkExercise(exercise)).toBe('fail'); // the start code fails its check (proved at build)

    await page.reload({ waitUntil: 'networkidle' });
    await exercise.locator('.cm-content').waitFor();
    expect(await answerText(exercise)).toBe(mine);
    expect(await exercise.getAttribute('data-edited')).toBe('');
    expect(await exercise.locator('.cell-badge').innerText()).toBe('Saved');
    expect(await exercise.getAttribute('data-exercise-status')).toBe('fail');
    expect(await exercise.locator('[data-exercise-badge]').innerText()).toBe('Not yet');
    expect(await exercise.locator('.exercise-status').innerText()).toBe('Your answer, kept in this browser: Check checks it.');
    expect(await exercise.locator('[data-feedback] [data-check-item]').count()).toBe(0); // nothing was checked to show it
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.locator('[data-page-work] .page-work-summary').innerText()).toBe('You answered 1 exercise on this page; it is kept in this browser.');
    expect(await seriousViolations(page)).toEqual([]);

    expect(await checkExercise(exercise)).toBe('fail');
    expect(await exercise.locator('[data-feedback] [data-check-item][data-pass="false"]').count()).toBeGreaterThan(0);
    await exercise.locator('[data-action="solution"]').click();
    const solution = await codeOf(exercise, 'solution');
    await expect.poll(() => keptAnswer(page)).toBe(solution);
    expect(await checkExercise(exercise)).toBe('pass');
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => exercise.locator('.cm-content').count()).toBe(1);
    expect(await answerText(exercise)).toBe(solution);
    expect(await exercise.getAttribute('data-exercise-status')).toBe('pass');

    // Reset: the start code, nothing kept of the answer, and the status back to todo.
    await exercise.locator('[data-action="reset"]').click();
    expect(await answerText(exercise)).toBe(await codeOf(exercise, 'start'));
    expect(await exercise.getAttribute('data-edited')).toBeNull();
    expect(await exercise.getAttribute('data-exercise-status')).toBe('todo');
    expect(await bookKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page whose only records are statuses loads no editor and no controller: the status shows from the reading script', async () => {
    const { page, requested } = await fresh();
    await page.goto(exUrl(), { waitUntil: 'networkidle' });
    const exercise = exerciseOf(page);
    expect(await checkExercise(exercise)).toBe('fail'); // the start code, untouched: a status, no answer
    expect(await bookKeys(page)).toEqual([`micrograd-ts/1/status/${where.path}${where.exercises[0]}`]);
    requested.length = 0;
    await page.reload({ waitUntil: 'networkidle' });
    expect(await exercise.getAttribute('data-exercise-status')).toBe('fail');
    expect(await exercise.locator('[data-exercise-badge]').innerText()).toBe('Not yet');
    expect(requested.filter((u) => /\/_astro\/(controller|editor|link)[.-][\w-]+\.js$/.test(u))).toEqual([]);
    expect(await page.locator('.cm-content').count()).toBe(0);
    expect(await page.locator('[data-page-work]').count()).toBe(0);
  });

  it('statuses follow another tab: a check there moves this tab’s sidebar marks, and Clear progress there clears them here', async () => {
    const { context, page } = await fresh();
    const other = await context.newPage();
    other.on('dialog', (dialog) => void dialog.accept());
    await page.goto(exUrl(), { waitUntil: 'networkidle' });
    await other.goto(`${inject('origin')}/playground/`, { waitUntil: 'networkidle' });
    const markIn = (p: Page) => p.locator(`#starlight__sidebar a[href="${where.path}"] .exercise-marks [aria-hidden]`).innerText();
    const total = (await markIn(other)).split('/')[1];
    expect(await markIn(other)).toBe(`0/${total}`);
    const exercise = exerciseOf(page);
    await exercise.locator('[data-action="solution"]').click();
    expect(await checkExercise(exercise)).toBe('pass');
    await expect.poll(() => markIn(other)).toBe(`1/${total}`);
    expect(await other.locator('[data-exercise-progress]').isVisible()).toBe(true);
    await other.locator('[data-action="clear-progress"]').click();
    await expect.poll(() => exercise.getAttribute('data-exercise-status')).toBe('todo');
    expect(await markIn(page)).toBe(`0/${total}`);
  });

  it('a changed start code under a kept answer is told, not applied; the reader restores it or drops it', async () => {
    const { page, errors } = await fresh();
    await page.goto(exUrl(), { waitUntil: 'networkidle' });
    const exercise = exerciseOf(page);
    const start = await codeOf(exercise, 'start');
    const mine = `${start}\n// my answer`;
    await setCode(exercise, mine);
    await expect.poll(() => keptAnswer(page)).toBe(mine);
    // The exercise's start code changes (a new version of the site).
    const revised = `// revised\n${start}`;
    await page.route(exUrl(), async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        new RegExp(`(data-exercise="${where.exercises[0]}"[\\s\\S]*?<script type="application/json" data-exercise-code>)([\\s\\S]*?)(</script>)`),
        (_, before: string, json: string, after: string) => before + JSON.stringify({ ...(JSON.parse(json) as object), start: revised }).replace(/</g, '\\u003c') + after,
      );
      await route.fulfill({ response, body: html });
    });
    await page.reload({ waitUntil: 'networkidle' });
    await exercise.locator('.cell-kept').waitFor();
    expect(await exercise.getAttribute('data-kept-conflict')).toBe('');
    expect(await exercise.getAttribute('data-edited')).toBeNull();
    expect(await exercise.locator('.cell-kept p').innerText()).toMatch(/^You answered this exercise on .+, and its start code has changed since\. Your answer is kept, not applied/);
    expect(await exercise.locator('.cell-kept pre').textContent()).toBe(mine);
    expect(await page.locator('[data-page-work] .page-work-summary').innerText()).toContain("1 earlier edit of yours waits for your choice, where the book's code changed.");
    expect(await seriousViolations(page)).toEqual([]);

    await exercise.locator('[data-action="restore-edit"]').click();
    await expect.poll(() => exercise.getAttribute('data-edited')).toBe('');
    expect(await answerText(exercise)).toBe(mine);
    expect(await exercise.locator('.cell-kept').count()).toBe(0);
    await page.reload({ waitUntil: 'networkidle' });
    await exercise.locator('.cm-content').waitFor();
    expect(await answerText(exercise)).toBe(mine); // now kept on the revised start code
    expect(await exercise.locator('.cell-kept').count()).toBe(0);

    // Back to the book as built: the answer was made on the revised start, so it is told again; dropped.
    await page.unroute(exUrl());
    await page.reload({ waitUntil: 'networkidle' });
    await exercise.locator('[data-action="drop-edit"]').click();
    expect(await exercise.locator('.cell-kept').count()).toBe(0);
    expect(await exercise.getAttribute('data-kept-conflict')).toBeNull();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await exercise.locator('.cell-kept').count()).toBe(0);
    expect(await bookKeys(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Reset all edits drops the page’s answers with its cells’ edits, and Undo brings them back; statuses stay', async () => {
    const { page, errors } = await fresh();
    await page.goto(exUrl(), { waitUntil: 'networkidle' });
    const exercise = exerciseOf(page);
    const cell = cellOf(page, where.cells[0]);
    const mine = `${await codeOf(exercise, 'start')}\n// kept until reset`;
    await setCode(cell, `${await source(cell)}\n// a cell edit`);
    await setCode(exercise, mine);
    expect(await checkExercise(exercise)).toBe('fail');
    await expect.poll(() => page.locator('[data-edited]').count()).toBe(2);
    expect(await page.locator('[data-page-work] .page-work-summary').innerText()).toBe('You edited 1 cell and answered 1 exercise on this page; they are kept in this browser.');

    await page.locator('[data-action="reset-all"]').click();
    expect(await page.locator('[data-edited]').count()).toBe(0);
    expect(await answerText(exercise)).toBe(await codeOf(exercise, 'start'));
    expect(await keptAnswer(page)).toBeUndefined();
    expect(await exercise.getAttribute('data-exercise-status')).toBe('fail');
    expect(await page.locator('[data-page-work] .page-work-shared').innerText()).toBe("Every cell and exercise shows the book's code again (1 cell and 1 exercise reset).");

    await page.locator('[data-action="undo-reset"]').click();
    await expect.poll(() => page.locator('[data-edited]').count()).toBe(2);
    expect(await answerText(exercise)).toBe(mine);
    expect(await keptAnswer(page)).toBe(mine);
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => exercise.locator('.cm-content').count()).toBe(1);
    expect(await answerText(exercise)).toBe(mine);
    expect(await exercise.getAttribute('data-edited')).toBe('');
    expect(errors).toEqual([]);
  });

  it('a share link carries the page’s answers: a fresh browser shows them in place, marked, unchecked, until Check', async () => {
    const { page: sharer } = await fresh();
    await sharer.goto(exUrl(), { waitUntil: 'networkidle' });
    const mine = exerciseOf(sharer);
    const solution = await codeOf(mine, 'solution');
    await mine.locator('[data-action="solution"]').click();
    expect(await checkExercise(mine)).toBe('pass');
    await sharer.locator('[data-action="share"]').click();
    await sharer.locator('[data-share-url]').waitFor();
    const link = await sharer.locator('[data-share-url]').inputValue();
    expect(await sharer.locator('.page-work-shared').innerText()).toMatch(/It carries your answer to 1 exercise \([\d,]+ characters\)\.$/);

    const { page, errors, requested } = await fresh();
    await page.goto(link, { waitUntil: 'networkidle' });
    const exercise = exerciseOf(page);
    await expect.poll(() => exercise.getAttribute('data-from-link')).toBe('');
    expect(await answerText(exercise)).toBe(solution);
    expect(await exercise.locator('.cell-badge').innerText()).toBe('From the link');
    // Nothing ran, nothing was checked: no sandbox, no runner, the status the reader's own (todo).
    expect(await exercise.getAttribute('data-exercise-status')).toBe('todo');
    expect(await exercise.locator('[data-feedback] [data-check-item]').count()).toBe(0);
    expect(requested.filter((u) => /runner-worker/.test(u))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(await page.locator('.page-work-summary').innerText()).toBe(
      'Code from a shared link in 1 exercise, marked "From the link". Nothing has run or been checked: Run runs a cell, Check checks an answer, in the sandbox.',
    );
    expect(await bookKeys(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await checkExercise(exercise)).toBe('pass');
    expect(await bookKeys(page)).toEqual([`micrograd-ts/1/status/${where.path}${where.exercises[0]}`]);
    await page.locator('[data-action="reset-all"]', { hasText: "Back to the book's code" }).click();
    expect(await exercise.getAttribute('data-from-link')).toBeNull();
    expect(await answerText(exercise)).toBe(await codeOf(exercise, 'start'));
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
  });
});
