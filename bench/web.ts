// npm run bench:web: what a reader's browser downloads and waits for, in Chromium on the built
// site: JavaScript to read a chapter, on the first Run, first Edit and first graph; and the time
// from Run to output for the MLP cell once everything is loaded. Prints a table, then one JSON line.

import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { buildSite } from '../tools/built-site.ts';
import { cellOf, launch, pagesWithCells, run, serve } from '../tools/browser.ts';

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
let scripts: Script[] = [];
const pending: Promise<void>[] = [];
page.on('response', (response: Response) => {
  if (!response.url().endsWith('.js')) return;
  pending.push(
    response.body().then(
      (body) => void scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body).length }),
      () => undefined,
    ),
  );
});

/** The scripts fetched while `step` ran and the network settled after it. */
async function scriptsDuring(step: () => Promise<unknown>): Promise<Script[]> {
  scripts = [];
  await step();
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await Promise.all(pending.splice(0));
  return scripts;
}

const sum = (list: Script[]) => ({
  bytes: list.reduce((n, s) => n + s.bytes, 0),
  gzip: list.reduce((n, s) => n + s.gzip, 0),
  files: list.length,
});
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ours = (s: Script) => /\/(Cell\.astro_astro_type_script|controller|sandbox|editor|runner-worker|graphviz-worker)[.\w-]*\.js$/.test(s.url);

const read = await scriptsDuring(() => page.goto(server.origin + chapter.path));
const readCells = read.filter(ours);
const firstRun = await scriptsDuring(() => run(cellOf(page, CELL)));
const firstEdit = await scriptsDuring(() => cellOf(page, CELL).locator('[data-action="edit"]').click().then(() => cellOf(page, CELL).locator('.cm-content').waitFor()));
const firstGraph = await scriptsDuring(() => run(cellOf(page, graphCell)));

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
// Back to the cell's own code (the first Edit left it open but unchanged), then time it.
await cellOf(page, CELL).locator('[data-action="reset"]').click();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await runToOutput(page, CELL));
const status = await cellOf(page, CELL).getAttribute('data-status');
if (status !== 'ok') throw new Error(`the ${CELL} cell ended ${status}`);
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const worst = sorted.at(-1)!;

// The moons demo's first Play: the scripts it adds to those its chapter loaded, until step 100.
const moonsRead = await scriptsDuring(() => page.goto(`${server.origin}/moons/`));
const firstPlay = await scriptsDuring(async () => {
  await page.locator('[data-demo="moons"] button[data-action="play"]').click();
  await page.waitForFunction(() => document.querySelector('[data-demo="moons"]')?.getAttribute('data-step') === '100', undefined, { timeout: 120_000 });
});

await browser.close();
await server.close();

const row = (label: string, list: Script[]) => {
  const s = sum(list);
  console.log(`${label.padEnd(34)} ${kb(s.bytes).padStart(11)} ${kb(s.gzip).padStart(11)} gzip  (${list.map((x) => x.url.replace(/^\/_astro\//, '')).join(', ') || 'nothing'})`);
};
console.log(`${chapter.path} in Chromium, ${RUNS} runs of cell "${CELL}"`);
row('read: all JavaScript', read);
row('read: of which the cells', readCells);
row('read: Starlight and other widgets', read.filter((s) => !ours(s)));
row('first Run (no graph)', firstRun);
row('first Edit', firstEdit);
row(`first graph (cell "${graphCell}")`, firstGraph);
row('/moons/: read, all JavaScript', moonsRead);
row('/moons/: first Play', firstPlay);
console.log(`Run to output, cell "${CELL}" (cells 1…${chapter.cells.indexOf(CELL) + 1}): median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`);
console.log(
  JSON.stringify({
    page: chapter.path,
    readJs: sum(read),
    readCellsJs: sum(readCells),
    firstRunJs: sum(firstRun),
    firstEditJs: sum(firstEdit),
    firstGraphJs: sum(firstGraph),
    moonsFirstPlayJs: sum(firstPlay),
    runToOutputMs: { median, worst, runs: RUNS },
  }),
);
