// What the cell compiler's parts share: the parser, the tree's node type, edits of the source
// text, positions, and the error for code that cannot run.

import { tsPlugin } from '@sveltejs/acorn-typescript';
import { Parser } from 'acorn';

/**
 * A node of the tree @sveltejs/acorn-typescript parses: ESTree plus TypeScript's nodes (TSAsExpression,
 * TSTypeAnnotation, …). Walked generically, so its fields are left untyped.
 */
export type Node = { type: string; start: number; end: number } & Record<string, any>;

/** Replace source[start, end) with text; start === end inserts. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** An insert that goes after every other insert at its position (a `;` ending a statement). */
  last?: boolean;
  /**
   * A callee rewritten as `(0, $$session.f)`: engines place an error in the call at the `(` of its
   * arguments, just after this text, where the written call `f()` has it at `f`.
   */
  callee?: boolean;
}

/** A cell that cannot run; line and column (from 1) in the code as written. */
export class CellSyntaxError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'SyntaxError';
    this.line = line;
    this.column = column;
  }
}

export const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Line and column, from 1, of an offset; columns count UTF-16 units, as engines and editors do. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || c === '\u2028' || c === '\u2029' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the next token at or after `from`: past white space, comments and any of `skip`'s characters. */
export function nextToken(text: string, from: number, skip = ''): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c) || skip.includes(c)) i++;
    else if (text.startsWith('//', i)) while (i < text.length && !LINE_BREAK.test(text[i])) i++;
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else break;
  }
  return i;
}

/** Where the identifier written at `start` ends (its name may be spelled with \u escapes). */
export function identifierEnd(text: string, start: number): number {
  const match = /^(?:[\p{ID_Continue}$\u200c\u200d]|\\u\{[0-9a-fA-F]+\}|\\u[0-9a-fA-F]{4})+/u.exec(text.slice(start, start + 1000));
  return start + (match ? match[0].length : 0);
}

const TypeScript = Parser.extend(tsPlugin());

/** Parses a cell as written: TypeScript, as a module. Throws CellSyntaxError. */
export function parse(source: string): Node {
  try {
    return TypeScript.parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, locations: true }) as unknown as Node;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '');
    return err.loc ? raise(message, err.loc.line, err.loc.column + 1) : raise(message);
  }
}

export function raise(message: string, line?: number, column?: number): never {
  throw new CellSyntaxError(message, line, column);
}

/**
 * The edited text, and a map from its offsets to the source's. Edits apply in order of position;
 * at one position, inserts come first, in the order they were made (outer opening before inner
 * opening, inner closing before outer closing), except those marked `last`.
 */
export function applyEdits(source: string, edits: Edit[]): { code: string; toSource: (offset: number) => number } {
  const rank = (e: Edit) => (e.end > e.start ? 2 : e.last ? 1 : 0);
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || rank(a) - rank(b) || a.i - b.i);
  const parts: string[] = [];
  // [offset in code, offset in source, whether the text there is the source's own]
  const anchors: [number, number, boolean][] = [];
  const callees = new Map<number, number>();
  let at = 0;
  let length = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`internal: overlapping edits at ${edit.start}`);
    anchors.push([length, at, true]);
    parts.push(source.slice(at, edit.start));
    length += edit.start - at;
    anchors.push([length, edit.start, false]);
    parts.push(edit.text);
    length += edit.text.length;
    if (edit.callee) callees.set(length, edit.start);
    at = edit.end;
  }
  anchors.push([length, at, true]);
  parts.push(source.slice(at));
  const toSource = (offset: number): number => {
    const callee = callees.get(offset);
    if (callee !== undefined) return callee;
    let lo = 0;
    for (let hi = anchors.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // The last anchor at or before the offset; inside inserted text, everything maps to where it was inserted.
    const [code, src, own] = anchors[lo];
    return own ? src + (offset - code) : src;
  };
  return { code: parts.join(''), toSource };
}
