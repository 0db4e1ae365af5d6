// What the browser tests and the web benchmark share: the built site served from localhost, and
// Debian's Chromium driven by playwright-core (no browser downloads).

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { pages } from './built-site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server for dir on a free localhost port, as a plain host would serve dist/. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = dir;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      response.end(existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headless Chromium with a fresh profile and the flags that work on this machine. */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Chromium and one page, recording the page's uncaught errors and the URLs it requests. */
export async function openPage(): Promise<{ browser: Browser; page: Page; errors: string[]; requested: string[] }> {
  const browser = await launch();
  const page = await browser.newPage();
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requested.push(r.url()));
  return { browser, page, errors, requested };
}

/** Every built page with cells, by URL path, with its cells' ids in page order. */
export function pagesWithCells(dir: string): { path: string; cells: string[] }[] {
  return [...pages(dir)]
    .map(([path, html]) => ({ path, cells: [...html.matchAll(/<div class="cell" data-cell="([^"]+)"/g)].map((m) => m[1]) }))
    .filter((p) => p.cells.length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every built page with cells and exercises, by URL path, with their ids in page order. */
export function pagesWithExercises(dir: string): { path: string; cells: string[]; exercises: string[] }[] {
  const html = pages(dir);
  return pagesWithCells(dir)
    .map((p) => ({ ...p, exercises: [...(html.get(p.path) ?? '').matchAll(/<section class="exercise" data-exercise="([^"]+)"/g)].map((m) => m[1]) }))
    .filter((p) => p.exercises.length > 0);
}

/**
 * Presses Check (or does `start`) and waits for the check to end: data-checking appears on the
 * exercise's root and goes again (watched, not polled, so a fast check is seen too). Returns the
 * exercise's data-exercise-status.
 */
export async function checkExercise(exercise: Locator, start?: () => Promise<void>, timeout = 30_000): Promise<string | null> {
  const handle = await exercise.elementHandle();
  await exercise.evaluate((el) => {
    const seen: boolean[] = [];
    Object.assign(el, { checkingSeen: seen });
    new MutationObserver(() => seen.push(el.hasAttribute('data-checking'))).observe(el, { attributeFilter: ['data-checking'] });
  });
  await (start ? start() : exercise.locator('[data-action="check"]').click());
  await exercise.page().waitForFunction(
    (el) => {
      const seen = (el as unknown as { checkingSeen: boolean[] }).checkingSeen;
      const i = seen.indexOf(true);
      return i >= 0 && seen.slice(i + 1).includes(false);
    },
    handle,
    { timeout, polling: 20 },
  );
  return exercise.getAttribute('data-exercise-status');
}

/** Every built HTML page, by URL path. */
export function allPages(dir: string): string[] {
  return [...pages(dir).keys()].filter((path) => path.endsWith('/')).sort();
}

export const cellOf = (page: Page, id: string): Locator => page.locator(`.cell[data-cell="${id}"]`);

/**
 * Starts a run the way `start` does (a click by default) and waits for it to end: the cell's
 * data-status goes to running and then to something else, which it returns. Watching every change
 * (not polling) sees even runs faster than a poll.
 */
export async function run(cell: Locator, start?: () => Promise<void>, timeout = 30_000): Promise<string> {
  const handle = await cell.elementHandle();
  await cell.evaluate((el) => {
    const seen: string[] = [];
    Object.assign(el, { statusesSeen: seen });
    new MutationObserver(() => seen.push(el.getAttribute('data-status') ?? '')).observe(el, { attributeFilter: ['data-status'] });
  });
  await (start ? start() : cell.locator('[data-action="run"]').click());
  await cell.page().waitForFunction(
    (el) => {
      const seen = (el as unknown as { statusesSeen: string[] }).statusesSeen;
      const i = seen.indexOf('running');
      return i >= 0 && seen.slice(i + 1).some((s) => s !== 'running');
    },
    handle,
    { timeout, polling: 20 },
  );
  return (await cell.getAttribute('data-status')) ?? '';
}

/** Replaces the code in a cell's editor (opening it first) as a reader pasting would. */
export async function setCode(cell: Locator, code: string): Promise<void> {
  const content = cell.locator('.cm-content');
  if (!(await content.isVisible())) await cell.locator('[data-action="edit"]').click();
  await content.click();
  await cell.page().keyboard.press('ControlOrMeta+A');
  if (code) await cell.page().keyboard.insertText(code);
  else await cell.page().keyboard.press('Delete');
}

/** Types code into the cell's editor and runs it with Ctrl+Enter; returns the status. */
export async function runCode(cell: Locator, code: string, timeout?: number): Promise<string> {
  await setCode(cell, code);
  return run(cell, () => cell.page().keyboard.press('ControlOrMeta+Enter'), timeout);
}

export const output = (cell: Locator): Promise<string> => cell.locator('[data-output]').innerHTML();

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

/**
 * Whether two outputs are the same up to the last bits of floating point. Chromium's V8 and the
 * build's Node compute Math.exp, Math.tanh, Math.log, … with different libraries, which disagree
 * in the last bit for some inputs: text must be identical and every number equal to 1e-12.
 */
export function sameUpToRounding(a: string, b: string): boolean {
  if (a.replace(NUMBER, '#') !== b.replace(NUMBER, '#')) return false;
  const xs = a.match(NUMBER) ?? [];
  const ys = b.match(NUMBER) ?? [];
  return xs.every((x, i) => {
    if (x === ys[i]) return true;
    const [u, v] = [Number(x), Number(ys[i])];
    return Math.abs(u - v) <= 1e-12 * Math.max(Math.abs(u), Math.abs(v));
  });
}

/** Frames the page painted in 1 s, and the longest gap between two: a frozen page paints none. */
export function paintFor1s(p: Page): Promise<{ frames: number; longestGapMs: number }> {
  return p.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        let previous = start;
        let frames = 0;
        let longestGapMs = 0;
        const tick = (now: number) => {
          frames++;
          longestGapMs = Math.max(longestGapMs, now - previous);
          previous = now;
          if (now - start < 1000) requestAnimationFrame(tick);
          else resolve({ frames, longestGapMs });
        };
        requestAnimationFrame(tick);
      }),
  );
}
