// One formatter for how any value looks, in a cell's output and in console lines.

import type { GraphData } from './graph-data.ts';

/** What a cell shows for its last expression. */
// Plain data only: in the browser a result crosses from the sandbox to the page, which renders
// it itself and never takes markup from user code.
export type Display =
  | { kind: 'text'; text: string }
  | { kind: 'graph'; dot: string; graph?: GraphData; description?: string }
  | { kind: 'plot'; series: PlotSeries[]; title: string; x: string; y: string };

/** One series of a plot, as data: its points and how they are drawn (src/runner/plot.ts). */
export interface PlotSeries {
  xs: number[];
  ys: number[];
  label: string;
  line: boolean;
  dashed: boolean;
  points: boolean;
}

/** What plot() returns: the data of a line plot, drawn when shown. */
export class Plot {
  readonly series: PlotSeries[];
  readonly title: string;
  /** The axes' names ('' for none). */
  readonly x: string;
  readonly y: string;
  constructor(series: PlotSeries[], title = 'Line plot', x = '', y = '') {
    this.series = series;
    this.title = title;
    this.x = x;
    this.y = y;
  }
}

const MAX_ITEMS = 100;

/** A cell's last value as something to show; undefined shows nothing, as None does in Jupyter. */
export function display(value: unknown): Display | null {
  if (value === undefined) return null;
  if (value instanceof Plot) return { kind: 'plot', series: value.series, title: value.title, x: value.x, y: value.y };
  if (isDot(value)) return { kind: 'graph', dot: value };
  return { kind: 'text', text: formatValue(value) };
}

/** A string of Graphviz DOT, as drawDot returns: shown drawn. */
export function isDot(value: unknown): value is string {
  return typeof value === 'string' && /^\s*(strict\s+)?(di)?graph\s*[^\s{]*\s*\{[\s\S]*\}\s*$/.test(value);
}

/** Like console.log: strings as they are, everything else formatted. */
export function formatLogArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ');
}

/** Inline numbers in prose: strings as they are. */
export function formatInline(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

export function formatValue(value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
    case 'symbol':
      return value.toString();
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  if (value instanceof Plot) return `Plot(${value.series.map((s) => s.xs.length).join(' + ')} points)`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Array.isArray(value)) {
    if (depth > 2) return '[…]';
    return `[${items(value, (v) => formatValue(v, depth + 1))}]`;
  }
  if (ArrayBuffer.isView(value) && 'length' in value) {
    return `${value.constructor.name}(${value.length}) [${items(Array.from(value as unknown as ArrayLike<number>), String)}]`;
  }
  if (value instanceof Map) {
    return `Map(${value.size}) {${items([...value], ([k, v]) => `${formatValue(k, depth + 1)} => ${formatValue(v, depth + 1)}`)}}`;
  }
  if (value instanceof Set) return `Set(${value.size}) {${items([...value], (v) => formatValue(v, depth + 1))}}`;
  // A class with its own toString (Value, MLP…) prints as it chooses.
  const obj = value as object;
  if (typeof (obj as { toString?: unknown }).toString === 'function' && obj.toString !== Object.prototype.toString) {
    return String(obj);
  }
  if (depth > 2) return '{…}';
  const entries = Object.entries(obj);
  const name = Object.getPrototypeOf(obj)?.constructor?.name;
  const prefix = name && name !== 'Object' ? `${name} ` : '';
  if (entries.length === 0) return `${prefix}{}`;
  return `${prefix}{ ${items(entries, ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue(v, depth + 1)}`)} }`;
}

/** Text made safe to place in HTML or SVG, as content or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function items<T>(xs: T[], show: (x: T) => string): string {
  const shown = xs.slice(0, MAX_ITEMS).map(show);
  if (xs.length > MAX_ITEMS) shown.push(`… ${xs.length - MAX_ITEMS} more`);
  return shown.join(', ');
}
