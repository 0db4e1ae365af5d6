// Reading DOT text for a cheap redraw: a graph's shape (its DOT with the texts of its node
// labels set aside), and the texts Graphviz draws for each node. Two drawings of the same shape
// share a layout: only their texts differ. Pure: the build and the page both use it.

import { hashCode } from '../hash.ts';

/** The texts of each node's label, by node name, as Graphviz draws them: one per non-empty line of each field. */
export type NodeTexts = Map<string, string[]>;

interface Parsed {
  shape: string;
  texts: NodeTexts;
}

// One statement per line, as drawDot writes: `name [attributes];`. Anything else is kept whole.
const NODE_STATEMENT = /^(\s*)([A-Za-z_][\w]*)(\s*\[)(.*)(\]\s*;?\s*)$/;
const LABEL = /\blabel\s*=\s*"((?:[^"\\]|\\.)*)"/;
const SHAPE = /\bshape\s*=\s*"?(\w+)"?/;
// Graphviz's own escapes (\N for the node's name, …) draw text that is not in the label.
const GRAPHVIZ_ESCAPE = /\\[NGETHL]/;

function parse(dot: string): Parsed {
  const texts: NodeTexts = new Map();
  let defaultShape = 'ellipse';
  const lines = dot.split('\n').map((line) => {
    const m = NODE_STATEMENT.exec(line);
    if (!m || /->|--/.test(line)) return line;
    const [, indent, name, open, attributes, close] = m;
    const shape = SHAPE.exec(attributes)?.[1] ?? defaultShape;
    if (name === 'node' || name === 'graph' || name === 'edge') {
      if (name === 'node') defaultShape = shape;
      return line;
    }
    const label = LABEL.exec(attributes);
    if (!label || GRAPHVIZ_ESCAPE.test(label[1])) return line;
    const { skeleton, texts: drawn } = readLabel(label[1], shape === 'record' || shape === 'Mrecord');
    texts.set(name, drawn);
    return `${indent}${name}${open}${attributes.replace(LABEL, `label="${skeleton}"`)}${close}`;
  });
  return { shape: lines.join('\n'), texts };
}

/**
 * A label's texts as Graphviz draws them, and its skeleton (what of it shapes the layout). A
 * record label is fields split by | and grouped by { }; a field draws its lines, escapes undone,
 * runs of spaces made one and the ends trimmed, and an empty field draws one space.
 */
function readLabel(text: string, record: boolean): { skeleton: string; texts: string[] } {
  let skeleton = '';
  const texts: string[] = [];
  let lines: string[] = [];
  let line = '';
  // After a }, the field was the group: no text field follows until the next separator.
  let afterGroup = false;
  const endLine = () => {
    lines.push(record ? line.replace(/ +/g, ' ').trim() : line);
    line = '';
  };
  const endField = () => {
    endLine();
    const drawn = lines.filter((l) => l !== '');
    if (record && drawn.length === 0) drawn.push(' ');
    texts.push(...drawn);
    skeleton += lines.map((l) => (l === '' ? '_' : 'T')).join('');
    lines = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i];
      if (next === 'n' || next === 'l' || next === 'r') endLine();
      else line += next;
    } else if (record && c === '{') {
      lines = [];
      line = '';
      skeleton += c;
      afterGroup = false;
    } else if (record && (c === '|' || c === '}')) {
      if (!afterGroup) endField();
      skeleton += c;
      afterGroup = c === '}';
    } else if (record && c === '<') {
      // A port name: it names the field, it is not drawn.
      const end = text.indexOf('>', i);
      skeleton += text.slice(i, end === -1 ? text.length : end + 1);
      i = end === -1 ? text.length : end;
    } else {
      line += c;
    }
  }
  if (!afterGroup) endField();
  return { skeleton, texts };
}

/** The DOT text with the texts of node labels set aside: equal for drawings that share a layout. */
export function dotShape(dot: string): string {
  return parse(dot).shape;
}

/** A short name for a shape (its length and a 53-bit hash, cyrb53): a page carries it for each graph it shows. */
export function shapeKey(dot: string): string {
  const shape = dotShape(dot);
  return `${shape.length.toString(36)}-${hashCode(shape)}`;
}

/** Each node's texts as Graphviz draws them from this DOT, for nodes whose label it can follow. */
export function nodeTexts(dot: string): NodeTexts {
  return parse(dot).texts;
}

/** What collapsedDot needs of a graph's data (graph-data.ts's GraphData). */
interface Collapsible {
  values: { node: number; name: string; label: string; op: string; data: string; grad: string; inputs: number[] }[];
  groups?: { output: number; nodes: number[]; name: string; summary: string }[];
}

/**
 * The graph with each neuron drawn as one box (its name, activation, inputs and output), in
 * drawDot's style: what a big graph (an MLP's, a loss over a batch) is made of, at a size to
 * read. The values only neurons read (their parameters and inputs) are inside their boxes; the
 * rest are drawn as drawDot draws them. Node names are drawDot's (n3) or the neuron's (g0, g1, …).
 */
export function collapsedDot(graph: Collapsible, rankdir = 'LR'): string {
  const groups = Array.isArray(graph.groups) ? graph.groups : [];
  const groupOf = new Map<number, number>();
  groups.forEach((g, i) => g.nodes.forEach((n) => groupOf.set(Number(n), i)));
  const byNode = new Map(graph.values.map((v) => [Number(v.node), v]));
  // Who reads each value: a neuron (by its box) or an operation outside every neuron.
  const readers = new Map<number, Set<string>>();
  for (const v of graph.values) {
    const reader = groupOf.has(Number(v.node)) ? `g${groupOf.get(Number(v.node))}` : `n${Number(v.node)}_op`;
    for (const input of v.inputs) {
      const source = groupOf.get(Number(input));
      // A neuron's own nodes reading each other stay inside its box.
      if (source !== undefined && `g${source}` === reader) continue;
      if (!readers.has(Number(input))) readers.set(Number(input), new Set());
      readers.get(Number(input))?.add(reader);
    }
  }
  const quote = (text: string) => text.replace(/[\\"{}|<>]/g, (c) => `\\${c}`);
  const lines = ['digraph {', `  graph [rankdir=${rankdir === 'TB' ? 'TB' : 'LR'}];`, '  node [fontname="Courier"];'];
  groups.forEach((g, i) => {
    const out = byNode.get(Number(g.output));
    lines.push(`  g${i} [shape=Mrecord, label="{ ${quote(String(g.name))} | ${quote(String(g.summary))} | grad ${quote(String(out?.grad))} }"];`);
  });
  const edges = new Set<string>();
  for (const v of graph.values) {
    const n = Number(v.node);
    const source = groupOf.get(n);
    const targets = readers.get(n) ?? new Set<string>();
    if (source !== undefined) {
      for (const t of targets) edges.add(`  g${source} -> ${t};`);
      continue;
    }
    // A leaf only neurons read (a parameter, an input) is inside their boxes.
    if (!v.op && targets.size > 0 && [...targets].every((t) => t.startsWith('g'))) continue;
    lines.push(`  n${n} [shape=record, label="{ ${quote(String(v.label))} | data ${quote(String(v.data))} | grad ${quote(String(v.grad))} }"];`);
    if (v.op) {
      lines.push(`  n${n}_op [label="${quote(String(v.op))}"];`);
      lines.push(`  n${n}_op -> n${n};`);
    }
    for (const t of targets) edges.add(`  n${n} -> ${t};`);
  }
  lines.push(...edges, '}');
  return lines.join('\n');
}
