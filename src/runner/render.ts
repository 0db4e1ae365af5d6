// A cell's result as HTML: the one renderer for the build and for the browser.

import { collapsedDot } from '../graphs/dot.ts';
import { type GraphViewOptions, graphView } from '../graphs/html.ts';
import { type Display, escapeHtml } from './format.ts';
import { plotSvg } from './plot.ts';
import type { GraphData } from './graph-data.ts';
import type { CellError, CellResult } from './session.ts';

/**
 * Lays out DOT as SVG text: Graphviz at build time; in the page, a layout already made for a
 * graph of the same shape, or Graphviz in a worker (src/graphs/layout.ts). Rejects when it cannot.
 */
export type Layout = (dot: string) => Promise<string>;

/**
/** How a result is shown: a drawn graph's view, and how an earlier cell is named in an error. */
export interface RenderOptions extends GraphViewOptions {
  /** Names an earlier cell of the page by its number from 1 (an error thrown in its code). */
  cellName?: (cell: number) => string;
}

/**
 * A cell's result as HTML. Every field is escaped or coerced: in the browser the result comes
 * from the sandbox. Rejects when a graph cannot be laid out.
 */
export async function renderResult(result: CellResult, layout: Layout, options?: RenderOptions): Promise<string> {
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
  if (result.value) parts.push(await renderDisplay(result.value, layout, options));
  if (result.error) parts.push(renderError(result.error, options?.cellName));
  return parts.join('');
}

/** A cell's error: its name, message and where it happened. */
export function renderError(error: CellError, cellName?: (cell: number) => string): string {
  const { name, message } = error;
  return `<pre class="cell-error" role="alert">${escapeHtml(`${String(name)}: ${String(message)}${errorPlace(error, cellName)}`)}</pre>`;
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

async function renderDisplay(display: Display, layout: Layout, options?: GraphViewOptions): Promise<string> {
  switch (display.kind) {
    case 'text':
      return `<pre class="cell-value">${escapeHtml(String(display.text))}</pre>`;
    case 'plot':
      return `<div class="cell-drawing" data-pagefind-ignore>${plotSvg(display.series, display.title, display.x, display.y)}</div>`;
    case 'graph': {
      const dot = String(display.dot);
      const svg = cleanGraphvizSvg(await layout(dot));
      // A big graph of neurons also gets a drawing with each neuron as one box.
      const groups = display.graph?.groups;
      const boxes = Array.isArray(groups) && groups.length > 0 ? collapsedDot(display.graph as GraphData, /rankdir=TB/.test(dot) ? 'TB' : 'LR') : undefined;
      const collapsed = boxes ? { dot: boxes, svg: cleanGraphvizSvg(await layout(boxes)) } : undefined;
      return graphView(dot, svg, display.graph, { ...options, description: display.description, collapsed });
    }
    default:
      return '';
  }
}

/**
 * Graphviz's SVG made fit to inline: no XML prolog, comments or titles; no ids, which would repeat
 * across the graphs of one page; and no links, which DOT from user code could aim anywhere. Each
 * node's group keeps its DOT name as data-node (drawDot's n0, n1_op, …), each edge's as data-edge.
 */
export function cleanGraphvizSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return svg
    .slice(start === -1 ? 0 : start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<g id="[^"]*" class="(node|edge)">\s*<title>([^<"]*)<\/title>/g, '<g class="$1" data-$1="$2">')
    .replace(/<title>[^<]*<\/title>/g, '')
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/\s(id|href|xlink:href|target|on\w+)="[^"]*"/g, '')
    .replace(/<svg\b(?![^>]*\srole=)/, '<svg role="img" aria-label="Graph"')
    .trim();
}
