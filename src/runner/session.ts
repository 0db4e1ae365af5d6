// Runs a chapter's cells in order in one shared scope, like a Jupyter session, capturing each
// cell's console lines and the value of its last expression.

import { CellSyntaxError, compileCell } from './compile.ts';
import { type Display, display, formatInline, formatLogArgs } from './format.ts';
import { globals, libModules } from './scope.ts';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

export interface CellError {
  kind: 'syntax' | 'runtime';
  name: string;
  message: string;
  /** In the cell's own numbering, from 1. */
  line?: number;
  column?: number;
}

export interface CellResult {
  logs: LogLine[];
  /** Console lines past the cap, counted but not kept. */
  dropped: number;
  value: Display | null;
  error: CellError | null;
}

export const MAX_LOG_LINES = 1000;

type CellFunction = (scope: object) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => CellFunction;
const PRELUDE = 'with (__scope) {\n';

export class Session {
  readonly #scope: Record<string, unknown>;
  #logs: LogLine[] = [];
  #dropped = 0;
  readonly #maxLogLines: number;

  constructor(options?: { maxLogLines?: number }) {
    this.#maxLogLines = options?.maxLogLines ?? MAX_LOG_LINES;
    const log = (level: LogLine['level']) => (...args: unknown[]) => {
      if (this.#logs.length < this.#maxLogLines) this.#logs.push({ level, text: formatLogArgs(args) });
      else this.#dropped++;
    };
    const console = { log: log('log'), info: log('info'), debug: log('log'), warn: log('warn'), error: log('error') };
    this.#scope = Object.create({ ...globals, console, __lib: libModules });
  }

  /** Runs one cell; its variables stay for the cells after it. Never throws. */
  async run(source: string): Promise<CellResult> {
    this.#logs = [];
    this.#dropped = 0;
    try {
      const value = await this.#execute(source);
      return { logs: this.#logs, dropped: this.#dropped, value: display(value), error: null };
    } catch (e) {
      return { logs: this.#logs, dropped: this.#dropped, value: null, error: describeError(e) };
    }
  }

  /** The value of an expression in the session now, as inline text for prose. Throws on error. */
  async evaluate(expression: string): Promise<string> {
    return formatInline(await this.#execute(expression));
  }

  async #execute(source: string): Promise<unknown> {
    const { body, declared } = compileCell(source);
    for (const name of declared) if (!Object.hasOwn(this.#scope, name)) this.#scope[name] = undefined;
    const cell = new AsyncFunction('__scope', `${PRELUDE}${body}\n}`);
    return cell(this.#scope);
  }
}

/** Runs cells in order in a fresh session, stopping after the first that fails. */
export async function runCells(sources: string[]): Promise<CellResult[]> {
  const session = new Session();
  const results: CellResult[] = [];
  for (const source of sources) {
    const result = await session.run(source);
    results.push(result);
    if (result.error) break;
  }
  return results;
}

function describeError(e: unknown): CellError {
  if (e instanceof CellSyntaxError) {
    return { kind: 'syntax', name: 'SyntaxError', message: e.message, line: e.line, column: e.column };
  }
  if (e instanceof Error) {
    return { kind: 'runtime', name: e.name, message: e.message, line: cellLine(e) };
  }
  return { kind: 'runtime', name: 'Error', message: `uncaught ${formatInline(e)}` };
}

// Where line 1 of a cell falls in the source the engine reports for new AsyncFunction code:
// measured once rather than assumed, since engines wrap the body in a header of their own.
let lineOffset: number | undefined;

function cellLine(e: Error): number | undefined {
  lineOffset ??= (() => {
    try {
      new Function('__scope', `${PRELUDE}throw new Error();\n}`)({});
    } catch (probe) {
      const line = anonymousLine(probe as Error);
      return line === undefined ? undefined : line - 1;
    }
    return undefined;
  })();
  const line = anonymousLine(e);
  return line === undefined || lineOffset === undefined ? undefined : line - lineOffset;
}

function anonymousLine(e: Error): number | undefined {
  const match = /<anonymous>:(\d+):\d+/.exec(String(e.stack));
  return match ? Number(match[1]) : undefined;
}
