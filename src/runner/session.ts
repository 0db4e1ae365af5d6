// Runs a chapter's cells in order in one shared scope, like a Jupyter session, capturing each
// cell's console lines and the value of its last expression.

import { CellSyntaxError, compileCell } from './compile.ts';
import { type Display, display, formatInline, formatLogArgs } from './format.ts';
import { drawnGraphs } from './graph-data.ts';
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

const MAX_LOG_LINES = 1000;

type CellFunction = (scope: object) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => CellFunction;
const PRELUDE = 'with (__scope) {\n';

export class Session {
  readonly #scope: Record<string, unknown>;
  #logs: LogLine[] = [];
  #dropped = 0;

  constructor() {
    const log = (level: LogLine['level']) => (...args: unknown[]) => {
      if (this.#logs.length < MAX_LOG_LINES) this.#logs.push({ level, text: formatLogArgs(args) });
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
      // A drawn graph's table and steps (graph-data.ts), for the drawing cells' drawDot remembered.
      return { logs: this.#logs, dropped: this.#dropped, value: drawnGraphs.display(display(value)), error: null };
    } catch (e) {
      return { logs: this.#logs, dropped: this.#dropped, value: null, error: describeError(e) };
    }
  }

  /** The value of an expression in the session now, as inline text for prose. Throws on error. */
  async evaluate(expression: string): Promise<string> {
    try {
      return formatInline(await this.#execute(expression));
    } catch (e) {
      throw e instanceof CellRuntimeError ? e.error : e;
    }
  }

  async #execute(source: string): Promise<unknown> {
    const { body, declared } = compileCell(source);
    for (const name of declared) if (!Object.hasOwn(this.#scope, name)) this.#scope[name] = undefined;
    const name = `cell-${++cellsCompiled}`;
    try {
      return await compile(body, name)(this.#scope);
    } catch (e) {
      if (e instanceof Error && !(e instanceof CellSyntaxError)) throw new CellRuntimeError(e, await cellLine(e, name));
      throw e;
    }
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

/** An error thrown by a cell's code, with the line of that cell it came from. */
class CellRuntimeError {
  readonly error: Error;
  readonly line?: number;
  constructor(error: Error, line?: number) {
    this.error = error;
    this.line = line;
  }
}

function describeError(e: unknown): CellError {
  if (e instanceof CellSyntaxError) {
    return { kind: 'syntax', name: 'SyntaxError', message: e.message, line: e.line, column: e.column };
  }
  if (e instanceof CellRuntimeError) {
    return { kind: 'runtime', name: e.error.name, message: e.error.message, line: e.line };
  }
  return { kind: 'runtime', name: 'Error', message: `uncaught ${formatInline(e)}` };
}

// Each cell's code is named in stack traces (sourceURL), so an error's line is looked up in the
// frame of the cell that ran, not in an earlier cell's function it called.
let cellsCompiled = 0;

function compile(body: string, name: string): CellFunction {
  return new AsyncFunction('__scope', `${PRELUDE}${body}\n}\n//# sourceURL=${name}`);
}

// Where line 1 of a cell falls in the lines the engine reports: measured once, with the very
// construction cells use, since engines put a header of their own before the body.
let lineOffset: Promise<number | undefined> | undefined;

async function cellLine(e: Error, name: string): Promise<number | undefined> {
  lineOffset ??= compile('throw new Error();', 'cell-probe')({}).then(
    () => undefined,
    (probe: Error) => {
      const line = lineIn(probe, 'cell-probe');
      return line === undefined ? undefined : line - 1;
    },
  );
  const offset = await lineOffset;
  const line = lineIn(e, name);
  return line === undefined || offset === undefined ? undefined : line - offset;
}

function lineIn(e: Error, name: string): number | undefined {
  const match = new RegExp(`${name}:(\\d+):\\d+`).exec(String(e.stack));
  return match ? Number(match[1]) : undefined;
}
