// A cell's result as HTML: the one renderer for the build and for the browser.

import type { Display } from './format.ts';
import type { CellResult } from './session.ts';

/** Lays out DOT as SVG text (Graphviz, loaded by the caller: at build time or lazily in the page). */
export type DotToSvg = (dot: string) => string;

export function renderResult(result: CellResult, dotToSvg: DotToSvg): string {
  const parts: string[] = [];
  if (result.logs.length > 0) {
    const lines = result.logs.map((l) => (l.level === 'log' || l.level === 'info' ? escapeHtml(l.text) : `<span class="cell-${l.level}">${escapeHtml(l.text)}</span>`));
    parts.push(`<pre class="cell-logs">${lines.join('\n')}</pre>`);
  }
  if (result.dropped > 0) {
    parts.push(`<p class="cell-dropped">${result.dropped.toLocaleString('en')} more console lines not shown (the limit is ${result.logs.length.toLocaleString('en')}).</p>`);
  }
  if (result.value) parts.push(renderDisplay(result.value, dotToSvg));
  if (result.error) {
    const { name, message, line, column } = result.error;
    const where = line === undefined ? '' : column === undefined ? ` (line ${line})` : ` (line ${line}, column ${column})`;
    parts.push(`<pre class="cell-error" role="alert">${escapeHtml(`${name}: ${message}${where}`)}</pre>`);
  }
  return parts.join('');
}

export function renderDisplay(display: Display, dotToSvg: DotToSvg): string {
  switch (display.kind) {
    case 'text':
      return `<pre class="cell-value">${escapeHtml(display.text)}</pre>`;
    case 'svg':
      return `<div class="cell-drawing">${display.svg}</div>`;
    case 'graph':
      return `<div class="graph" tabindex="0" role="group" aria-label="Computation graph (scrolls)">${cleanGraphvizSvg(dotToSvg(display.dot))}</div>`;
  }
}

/**
 * Graphviz's SVG made fit to inline: no XML prolog or comments, and no ids, which would
 * repeat across the graphs of one page.
 */
export function cleanGraphvizSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return svg
    .slice(start === -1 ? 0 : start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\sid="[^"]*"/g, '')
    .replace('<svg', '<svg role="img" aria-label="Graph"')
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
