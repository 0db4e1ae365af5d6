// A cell's result as HTML: the one renderer for the build and for the browser.

import { type Display, escapeHtml } from './format.ts';
import { plotSvg } from './plot.ts';
import type { CellError, CellResult } from './session.ts';

/** Lays out DOT as SVG text (Graphviz, loaded by the caller: at build time or lazily in the page). */
export type DotToSvg = (dot: string) => string;

/**
 * Every field is escaped or coerced: in the browser the result comes from the sandbox. `cellName`
 * names an earlier cell of the page by its number from 1 (an error thrown in its code).
 */
export function renderResult(result: CellResult, dotToSvg: DotToSvg, cellName: (cell: number) => string = (n) => `cell ${n}`): string {
  const parts: string[] = [];
  if (!result || typeof result !== 'object') return '';
  const logs = (Array.isArray(result.logs) ? result.logs : []).filter((l) => l !== null && typeof l === 'object');
  if (logs.length > 0) {
    const lines = logs.map(({ level, text }) => {
      const line = escapeHtml(String(text));
      return level === 'warn' || level === 'error' ? `<span class="cell-${level}">${line}</span>` : line;
    });
    parts.push(`<pre class="cell-logs">${lines.join('\n')}</pre>`);
  }
  const dropped = Number(result.dropped) || 0;
  if (dropped > 0) {
    parts.push(`<p class="cell-dropped">${dropped.toLocaleString('en')} more console lines not shown (the limit is ${logs.length.toLocaleString('en')}).</p>`);
  }
  if (result.value) parts.push(renderDisplay(result.value, dotToSvg));
  if (result.error) {
    const { name, message } = result.error;
    parts.push(`<pre class="cell-error" role="alert">${escapeHtml(`${String(name)}: ${String(message)}${errorPlace(result.error, cellName)}`)}</pre>`);
  }
  return parts.join('');
}

/** " (line 3, column 1; thrown in cell 2, line 2, column 15)": what is known of where an error happened. */
export function errorPlace(error: CellError, cellName: (cell: number) => string = (n) => `cell ${n}`): string {
  const at = (line: unknown, column: unknown) => `line ${Number(line)}${column == null ? '' : `, column ${Number(column)}`}`;
  const parts: string[] = [];
  if (error.line != null) parts.push(at(error.line, error.column));
  const from = error.from;
  if (from && typeof from === 'object') parts.push(`thrown in ${cellName(Number(from.cell))}, ${at(from.line, from.column)}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function renderDisplay(display: Display, dotToSvg: DotToSvg): string {
  switch (display.kind) {
    case 'text':
      return `<pre class="cell-value">${escapeHtml(String(display.text))}</pre>`;
    case 'plot':
      return `<div class="cell-drawing">${plotSvg(display.xs, display.ys, display.title)}</div>`;
    case 'graph':
      return `<div class="cell-graph" tabindex="0" role="group" aria-label="Graph (scrolls)">${cleanGraphvizSvg(dotToSvg(String(display.dot)))}</div>`;
    default:
      return '';
  }
}

/**
 * Graphviz's SVG made fit to inline: no XML prolog, comments or internal node names; no ids, which would repeat
 * across the graphs of one page; and no links, which DOT from user code could aim anywhere.
 */
export function cleanGraphvizSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return svg
    .slice(start === -1 ? 0 : start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/\s(id|href|xlink:href|target|on\w+)="[^"]*"/g, '')
    .replace('<svg', '<svg role="img" aria-label="Graph"')
    .trim();
}
