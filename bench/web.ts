// npm run bench:web: what a reader's browser downloads and waits for, in Chromium on the built
// site: JavaScript to read a chapter, on the first Run, first Edit and first graph, on a visit
// with a kept edit and on opening a share link; the time
// from Run to output for the MLP cell once everything is loaded; and a graph redrawn after an
// edit that keeps its shape (Gradients' expression cell: no Graphviz, under 150 ms); an
// exercise's reading script, its first Check and the time from Check to verdict. Prints a table,
// then one JSON line.

import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { buildSite } from '../tools/built-site.ts';
import { cellOf, launch, pagesWithCells, run, serve, setCode } from '../tools/browser.ts';

const CELL = process.argv[2] ?? 'mlp';
const RUNS = 15;

const dist = buildSite();
const chapter = pagesWithCells(dist).find((p) => p.cells.includes(CELL));
if (!chapter) throw new Error(`no page has a cell "${CELL}"`);
const graphCell = chapter.cells.find((id) => id.includes('graph')) ?? chapter.cells.at(-1)!;

const server = await serve(dist);
const browser = await launch();
const page = await (await browser.newContext()).newPage();

interface Script {
  url: string;
  bytes: number;
  gzip: number;
}

/** Records the scripts a page fetches; scriptsDuring(step) gives those fetched while step ran and the network settled. */
function recorder(p: Page) {
  let scripts: Script[] = [];
  const pending: Promise<void>[] = [];
  p.on('response', (response: Response) => {
    if (!response.url().endsWith('.js')) return;
    pending.push(
      response.body().then(
        (body) => void scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body).length }),
        () => undefined,
      ),
    );
  });
  return async (step: () => Promise<unknown>): Promise<Script[]> => {
    scripts = [];
    await step();
    await p.waitForLoadState('networkidle', { timeout: 120_000 });
    await Promise.all(pending.splice(0));
    return [...scripts];
  };
}
const scriptsDuring = recorder(page);

const sum = (list: Script[]) => ({
  bytes: list.reduce((n, s) => n + s.bytes, 0),
  gzip: list.reduce((n, s) => n + s.gzip, 0),
  files: list.length,
});
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ours = (s: Script) => /\/(Cell\.astro_astro_type_script|controller|sandbox|editor|runner-worker|graphviz-worker|view|panzoom|page-state|link)[.\w-]*\.js$/.test(s.url);
// The exercises' reading script comes with the sidebar, on every page (src/exercises/reading.ts).
const exercisesScript = (s: Script) => /\/Sidebar\.astro_astro_type_script[.\w-]*\.js$/.test(s.url);
// What both reading scripts share: the storage's key names and the questions they ask (src/cells/keys.ts).
const keysScript = (s: Script) => /\/keys[.\w-]*\.js$/.test(s.url);

const read = await scriptsDuring(() => page.goto(server.origin + chapter.path));
const readCells = read.filter(ours);
const firstRun = await scriptsDuring(() => run(cellOf(page, CELL)));
const firstEdit = await scriptsDuring(() => cellOf(page, CELL).locator('[data-action="edit"]').click().then(() => cellOf(page, CELL).locator('.cm-content').waitFor()));
// A graph of a shape the page has not drawn (one of the same shape reuses its layout: no Graphviz).
const firstGraph = await scriptsDuring(async () => {
  await setCode(cellOf(page, graphCell), "drawDot(new Value(1, { label: 'a new shape' }).tanh())");
  return run(cellOf(page, graphCell));
});

/** Milliseconds from the Run click to the output, measured in the page itself. */
async function runToOutput(p: Page, id: string): Promise<number> {
  return p.evaluate(
    (cellId) =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector<HTMLElement>(`.cell[data-cell="${cellId}"]`)!;
        let started = 0;
        new MutationObserver((_, observer) => {
          if (cell.dataset.status === 'running') return;
          observer.disconnect();
          resolve(performance.now() - started);
        }).observe(cell, { attributeFilter: ['data-status'] });
        started = performance.now();
        cell.querySelector<HTMLElement>('[data-action="run"]')!.click();
      }),
    id,
  );
}
// Back to the cells' own code (the first Edit left it open but unchanged), then time it.
await cellOf(page, graphCell).locator('[data-action="reset"]').click();
await cellOf(page, CELL).locator('[data-action="reset"]').click();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await runToOutput(page, CELL));
const status = await cellOf(page, CELL).getAttribute('data-status');
if (status !== 'ok') throw new Error(`the ${CELL} cell ended ${status}`);
const median = medianOf(times);
const worst = Math.max(...times);

function medianOf(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The graph viewer's own JavaScript, loaded when a reader first reaches for a graph.
const viewer = await scriptsDuring(() => page.locator('[data-graph] [data-action="zoom-in"]').first().click());

// Gradients, in a fresh browser context (nothing cached): the first Run loads the runner; then
// each Run after an edit of one number in the expression cell redraws expression-grads' graph.
const gradients = await (await browser.newContext()).newPage();
const gradientsScripts = recorder(gradients);
await gradients.goto(`${server.origin}/gradients/`);
const expression = cellOf(gradients, 'expression');
const source = JSON.parse((await expression.locator('script[data-source]').textContent()) ?? '""') as string;
if (!source.includes("new Value(2.0, { label: 'a' })")) throw new Error("Gradients' expression cell no longer says new Value(2.0, { label: 'a' })");
const firstLoad = await gradientsScripts(() => run(cellOf(gradients, 'expression-grads')));
const redraws: number[] = [];
const redrawScripts = await gradientsScripts(async () => {
  for (let i = 0; i < RUNS; i++) {
    await setCode(expression, source.replace("new Value(2.0, { label: 'a' })", `new Value(${(3 + i / 8).toFixed(3)}, { label: 'a' })`));
    redraws.push(await runToOutput(gradients, 'expression-grads'));
  }
});
const redrawGraphviz = redrawScripts.filter((s) => s.url.includes('graphviz'));
const redrawStatus = await cellOf(gradients, 'expression-grads').getAttribute('data-status');
if (redrawStatus !== 'ok') throw new Error(`expression-grads ended ${redrawStatus}`);

// The moons demo's first Play: the scripts it adds to those its chapter loaded, until step 100.
const moonsRead = await scriptsDuring(() => page.goto(`${server.origin}/moons/`));
const firstPlay = await scriptsDuring(async () => {
  await page.locator('[data-demo="moons"] button[data-action="play"]').click();
  await page.waitForFunction(() => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === '100', undefined, { timeout: 120_000 });
});

// An exercise (Micrograd's sigmoid rule), in a fresh context: what its first Check loads, then the
// time from Check to verdict with the solution (the reader's graph redrawn, the check's graphs too).
const exercisePage = await (await browser.newContext()).newPage();
const exerciseScripts = recorder(exercisePage);
await exercisePage.goto(`${server.origin}/micrograd/`);
const exercise = exercisePage.locator('[data-exercise="sigmoid-rule"]');
/** Milliseconds from the Check click to the verdict in place (data-checking gone), measured in the page. */
const checkToVerdict = () =>
  exercise.evaluate(
    (root) =>
      new Promise<number>((resolve) => {
        let started = 0;
        new MutationObserver((_, observer) => {
          if (root.hasAttribute('data-checking')) return;
          observer.disconnect();
          resolve(performance.now() - started);
        }).observe(root, { attributeFilter: ['data-checking'] });
        started = performance.now();
        root.querySelector<HTMLElement>('[data-action="check"]')!.click();
      }),
  );
// A copy: the recorder keeps adding to the list it returned until its next step.
const firstCheck = [...(await exerciseScripts(() => checkToVerdict()))];
await exercise.locator('[data-action="solution"]').click();
await checkToVerdict();
const checks: number[] = [];
for (let i = 0; i < RUNS; i++) checks.push(await checkToVerdict());
const exerciseStatus = await exercise.getAttribute('data-exercise-status');
if (exerciseStatus !== 'pass') throw new Error(`the sigmoid-rule exercise ended ${exerciseStatus}`);

// The reader's own work: a visit to a page with a kept edit (the editor loads to show it), and a
// share link opened in a fresh browser (nothing runs: no runner is fetched).
const keeper = await (await browser.newContext()).newPage();
const keeperScripts = recorder(keeper);
await keeper.goto(server.origin + chapter.path, { waitUntil: 'networkidle' });
await setCode(cellOf(keeper, CELL), '// kept across a visit\n1 + 1');
await keeper.locator('.cell[data-edited]').waitFor();
/** What a page loads beyond what reading it loads. */
const beyondReading = (list: Script[]) => list.filter((s) => !read.some((r) => r.url === s.url));
const keptVisit = beyondReading(await keeperScripts(() => keeper.reload()));
await keeper.locator('[data-action="share"]').click();
await keeper.locator('[data-share-url]').waitFor();
const shareLink = await keeper.locator('[data-share-url]').inputValue();
const recipient = await (await browser.newContext()).newPage();
const linkOpened = beyondReading(await recorder(recipient)(() => recipient.goto(shareLink)));
await recipient.locator('.cell[data-from-link]').waitFor();
const moonsDemo = moonsRead.filter((s) => /MoonsDemo|\/line\./.test(s.url));
if (linkOpened.some((s) => s.url.includes('runner-worker'))) throw new Error('opening a share link fetched the runner');

await browser.close();
await server.close();

const row = (label: string, list: Script[]) => {
  const s = sum(list);
  console.log(`${label.padEnd(34)} ${kb(s.bytes).padStart(11)} ${kb(s.gzip).padStart(11)} gzip  (${list.map((x) => x.url.replace(/^\/_astro\//, '')).join(', ') || 'nothing'})`);
};
console.log(`${chapter.path} in Chromium, ${RUNS} runs of cell "${CELL}"`);
row('read: all JavaScript', read);
row('read: of which the cells', readCells);
row('read: exercises and sidebar marks', read.filter(exercisesScript));
row('read: keys.ts, shared by both', read.filter(keysScript));
row('read: Starlight and other widgets', read.filter((s) => !ours(s) && !exercisesScript(s) && !keysScript(s)));
row('first Run (no graph)', firstRun);
row('first Edit', firstEdit);
row(`first graph of a new shape ("${graphCell}")`, firstGraph);
row('first reach for a graph (the viewer)', viewer);
row('/moons/: read, all JavaScript', moonsRead);
row('/moons/: first Play', firstPlay);
row('/moons/: of which the demo', moonsDemo);
row('a visit with a kept edit, beyond reading', keptVisit);
row(`a share link opened (${shareLink.length} characters), beyond reading`, linkOpened);
console.log(`Run to output, cell "${CELL}" (cells 1…${chapter.cells.indexOf(CELL) + 1}): median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`);
row('Gradients: first Run of expression-grads', firstLoad);
row(`Gradients: ${RUNS} edited redraws`, redrawScripts);
console.log(`Edit a number in Gradients' expression cell and Run expression-grads: Graphviz ${redrawGraphviz.reduce((n, s) => n + s.bytes, 0)} bytes; output drawn in median ${medianOf(redraws).toFixed(0)} ms, worst ${Math.max(...redraws).toFixed(0)} ms`);
row('/micrograd/: first Check (sigmoid-rule)', firstCheck);
console.log(`Check to verdict, sigmoid-rule's solution: median ${medianOf(checks).toFixed(0)} ms, worst ${Math.max(...checks).toFixed(0)} ms`);
console.log(
  JSON.stringify({
    page: chapter.path,
    readJs: sum(read),
    readCellsJs: sum(readCells),
    firstRunJs: sum(firstRun),
    firstEditJs: sum(firstEdit),
    firstGraphJs: sum(firstGraph),
    moonsFirstPlayJs: sum(firstPlay),
    moonsReadJs: sum(moonsRead),
    moonsDemoJs: sum(moonsDemo),
    keptVisitJs: sum(keptVisit),
    shareLinkOpenedJs: sum(linkOpened),
    runToOutputMs: { median, worst, runs: RUNS },
    viewerJs: sum(viewer),
    readExercisesJs: sum(read.filter(exercisesScript)),
    readKeysJs: sum(read.filter(keysScript)),
    firstCheckJs: sum(firstCheck),
    checkToVerdictMs: { median: medianOf(checks), worst: Math.max(...checks), runs: RUNS },
    sameShapeRedraw: { graphvizBytes: redrawGraphviz.reduce((n, s) => n + s.bytes, 0), medianMs: medianOf(redraws), worstMs: Math.max(...redraws), runs: RUNS },
  }),
);
