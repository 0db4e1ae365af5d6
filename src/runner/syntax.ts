// What the cell compiler's parts share: the parsed tree's node type, edits of the source text,
// positions, and the error for code that cannot run.

/**
 * A node of the tree @sveltejs/acorn-typescript parses: ESTree plus TypeScript's nodes (TSAsExpression,
 * TSTypeAnnotation, …). Walked generically, so its fields are left untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
