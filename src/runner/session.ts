// Runs a chapter's cells in order in one session, like a notebook's, capturing each cell's console
// lines and the value of its last expression. The cells behave as consecutive top-level parts of one
// strict-mode module, except that a later cell may declare a name again and the last expression's
// value is shown (README, "The rule cells follow").
//
// Each cell runs as a strict async function (compile.ts). The session's variables are objects in
// one array, which compiled code of every cell reads and sets by index (`$$session[3].v`): a `const`
// throws on assignment, a `let` or `class` throws until its declaration has run (the temporal dead
// zone), and code of any cell reads the current value (live bindings). A declaration in a later
// cell puts a new variable in the name's place, so earlier cells' functions see it too, as in
// Jupyter and the browser's console.

import { type BindingKind, CellSyntaxError, type CompileContext, type Declaration, compileCell } from './compile.ts';
import { type Display, display, formatInline, formatLogArgs } from './format.ts';
import { drawnGraphs } from './graph-data.ts';
import { cellGlobals, importable, libModuleOf, libModules } from './scope.ts';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

export interface CellError {
  kind: 'syntax' | 'runtime';
  name: string;
  message: string;
  /**
   * Where, in the cell's code as written (before types are erased), from 1. For a runtime error,
   * the place in this cell that was running when it was thrown.
   */
  line?: number;
  column?: number;
  /** A runtime error thrown in code an earlier cell wrote (a function it declared): that cell, from 1, and where in it. */
  from?: { cell: number; line: number; column: number };
}

export interface CellResult {
  logs: LogLine[];
  /** Console lines past the cap, counted but not kept. */
  dropped: number;
  value: Display | null;
  error: CellError | null;
}

/** A cell or inline expression that failed: an Error carrying the CellError that describes it. */
export class CellFailure extends Error {
  readonly detail: CellError;
  constructor(detail: CellError) {
    super(detail.message);
    this.name = detail.name;
    this.detail = detail;
  }
}

const MAX_LOG_LINES = 1000;

type CellFunction = (...args: unknown[]) => Promise<unknown[] | undefined>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => CellFunction;

/** A `let`, `const` or `class` before its declaration has run. */
const UNINITIALIZED = Symbol('uninitialized');

/** A variable the session declared: compiled code reads and sets `v`, and gives the first value to `value`. */
class Variable {
  value: unknown;
  readonly name: string;
  readonly kind: BindingKind;
  constructor(name: string, kind: BindingKind, value: unknown) {
    this.name = name;
    this.kind = kind;
    this.value = value;
  }
  get v(): unknown {
    if (this.value === UNINITIALIZED) uninitialized(this.name);
    return this.value;
  }
  set v(value: unknown) {
    if (this.value === UNINITIALIZED) uninitialized(this.name);
    if (this.kind === 'const' || this.kind === 'import') throw new TypeError('Assignment to constant variable.');
    this.value = value;
  }
  typeOf(): string {
    return typeof this.v;
  }
}

/** A name code uses that no cell has declared (yet): the global object's property, or a ReferenceError, as in strict code. */
class GlobalName {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  get v(): unknown {
    if (!(this.name in globalThis)) throw new ReferenceError(`${this.name} is not defined`);
    return Reflect.get(globalThis, this.name);
  }
  set v(value: unknown) {
    if (!(this.name in globalThis)) throw new ReferenceError(`${this.name} is not defined`);
    if (!Reflect.set(globalThis, this.name, value)) throw new TypeError(`Cannot assign to read only property '${this.name}' of object '#<Object>'`);
  }
  typeOf(): string {
    return this.name in globalThis ? typeof Reflect.get(globalThis, this.name) : 'undefined';
  }
}

// Each compiled cell is named in stack traces (sourceURL), so a runtime error's place is found in
// the frames of the cells, whichever cell's code threw it.
let cellsCompiled = 0;

export class Session {
  /** The session's variables, by the index compiled code uses; a name keeps its index for the session. */
  readonly #variables: (Variable | GlobalName)[] = [];
  readonly #slots = new Map<string, number>();
  /** JavaScript globals that compiled code reads directly: a session variable may not take their names. */
  readonly #natives = new Set<string>();
  /** Compiled cells by their name in stack traces. */
  readonly #compiled = new Map<string, { cell: number; written: (line: number, column: number) => { line: number; column: number } }>();
  readonly #context: CompileContext = {
    has: (name) => this.#variables[this.#slots.get(name) ?? -1] instanceof Variable,
    slot: (name) => this.#slot(name),
    libModule: libModuleOf,
    exportsOf: (module) => Object.keys(libModules[module]),
    importable,
  };
  #cells = 0;
  #logs: LogLine[] = [];
  #dropped = 0;

  constructor() {
    const log = (level: LogLine['level']) => (...args: unknown[]) => {
      if (this.#logs.length < MAX_LOG_LINES) this.#logs.push({ level, text: formatLogArgs(args) });
      else this.#dropped++;
    };
    const console = { log: log('log'), info: log('info'), debug: log('log'), warn: log('warn'), error: log('error') };
    for (const [name, value] of Object.entries(cellGlobals)) this.#variables[this.#slot(name)] = new Variable(name, 'import', value);
    this.#variables[this.#slot('console')] = new Variable('console', 'var', console);
  }

  /** Runs the next cell; its variables stay for the cells after it. Never throws. */
  async run(source: string): Promise<CellResult> {
    this.#logs = [];
    this.#dropped = 0;
    try {
      const { value } = await this.#execute(source, ++this.#cells);
      // A drawn graph's table and steps (graph-data.ts), for the drawing cells' drawDot remembered.
      return { logs: this.#logs, dropped: this.#dropped, value: drawnGraphs.display(display(value)), error: null };
    } catch (e) {
      return { logs: this.#logs, dropped: this.#dropped, value: null, error: e instanceof CellFailure ? e.detail : describe(e) };
    }
  }

  /**
   * Puts names in the session as constants, as a cell's `const` would, for the code that runs
   * next: an exercise's check gets `check` and `lib` this way (src/exercises/run.ts).
   */
  provide(names: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(names)) this.#variables[this.#slot(name)] = new Variable(name, 'const', value);
  }

  /** The value of an expression in the session now, as inline text for prose. Throws CellFailure. */
  async evaluate(expression: string): Promise<string> {
    return formatInline((await this.#execute(expression, 0)).value);
  }

  /** Compiles and runs code as cell number `cell` (0: an inline expression); the value is boxed, so a promise stays one. */
  async #execute(source: string, cell: number): Promise<{ value: unknown }> {
    const name = `cell-${++cellsCompiled}`;
    let run: CellFunction;
    let compiled;
    try {
      compiled = compileCell(source, this.#context);
      for (const d of compiled.declarations) {
        if (this.#natives.has(d.name)) {
          throw new CellSyntaxError(`earlier cells use JavaScript's own ${d.name}, and would not see a variable of that name: name it differently`, d.line, d.column);
        }
      }
      run = new AsyncFunction(...compiled.params, `${compiled.body}\n//# sourceURL=${name}`);
    } catch (e) {
      // The engine may refuse what the parser took (syntax it does not run yet): no place is known then.
      throw new CellFailure(e instanceof CellSyntaxError ? describe(e) : { kind: 'syntax', name: 'SyntaxError', message: (e as Error).message });
    }
    for (const native of compiled.natives) this.#natives.add(native);
    this.#compiled.set(name, { cell, written: compiled.written });
    for (const d of compiled.declarations) this.#declare(d);
    try {
      const result = await run(this.#variables, this.#helpers);
      return { value: result?.[0] };
    } catch (e) {
      const error = describe(e);
      throw new CellFailure({ ...error, message: this.#written(error.message), ...(await this.#place(e, name)) });
    }
  }

  #slot(name: string): number {
    let slot = this.#slots.get(name);
    if (slot === undefined) {
      slot = this.#variables.push(new GlobalName(name)) - 1;
      this.#slots.set(name, slot);
    }
    return slot;
  }

  /** A declaration of the cell about to run: the variable is made (or made again) now, as hoisting does. */
  #declare(d: Declaration): void {
    const slot = this.#slot(d.name);
    const existing = this.#variables[slot];
    if (d.kind === 'var' && existing instanceof Variable && existing.kind === 'var') return; // `var x;` again keeps x
    let value: unknown = UNINITIALIZED;
    if (d.kind === 'var' || d.kind === 'function') value = undefined; // a function is set first thing in the cell
    if (d.kind === 'import') value = d.from!.export === null ? libModules[d.from!.module] : libModules[d.from!.module][d.from!.export];
    this.#variables[slot] = new Variable(d.name, d.kind, value);
  }

  /** What compiled code calls (compile.ts). */
  readonly #helpers = {
    /** `import('../lib/nn.ts')`: lib's modules only, as for `import … from`. */
    importModule: async (specifier: unknown): Promise<unknown> => {
      const module = libModuleOf(String(specifier));
      if (module === null) throw new TypeError(`cells can import only ${importable}, not '${String(specifier)}'`);
      return libModules[module];
    },
    /** A caught error's message as written: see #written. */
    clean: (e: unknown): void => {
      if (e instanceof Error) e.message = this.#written(e.message);
    },
  };

  /**
   * Engines name the failing expression in some messages, as compiled: "$$session[3].v.f is not a
   * function", "(0 , $$session[4].v) is not a function". This puts back the names the cell wrote.
   */
  #written(message: string): string {
    const name = (slot: string) => this.#variables[Number(slot)]?.name ?? slot;
    return message.replace(/\(0 , \$\$_*session\[(\d+)\]\.v\)/g, (_, slot) => name(slot)).replace(/\$\$_*session\[(\d+)\]\.v/g, (_, slot) => name(slot));
  }

  /** Where a runtime error was thrown, from the cells' frames in its stack. */
  async #place(e: unknown, name: string): Promise<Pick<CellError, 'line' | 'column' | 'from'>> {
    const offset = await lineOffset();
    if (!(e instanceof Error) || offset === undefined) return {};
    const place: Pick<CellError, 'line' | 'column' | 'from'> = {};
    let first = true;
    for (const [, id, line, column] of String(e.stack).matchAll(/\b(cell-\d+):(\d+):(\d+)/g)) {
      const compiled = this.#compiled.get(id);
      if (!compiled) continue;
      const at = compiled.written(Number(line) - offset, Number(column));
      if (first && id !== name) place.from = { cell: compiled.cell, ...at };
      first = false;
      if (id === name) return { ...place, ...at };
    }
    return place;
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

function uninitialized(name: string): never {
  throw new ReferenceError(`Cannot access '${name}' before initialization`);
}

function describe(e: unknown): CellError {
  if (e instanceof CellSyntaxError) return { kind: 'syntax', name: 'SyntaxError', message: e.message, line: e.line, column: e.column };
  if (e instanceof Error) return { kind: 'runtime', name: e.name, message: e.message };
  return { kind: 'runtime', name: 'Error', message: `uncaught ${formatInline(e)}` };
}

// Where line 1 of a cell's body falls in the lines the engine reports: measured once, with the
// construction cells use, since engines put a header of their own before the body.
let probed: Promise<number | undefined> | undefined;

function lineOffset(): Promise<number | undefined> {
  probed ??= new AsyncFunction('throw new Error();\n//# sourceURL=cell-probe')().then(
    () => undefined,
    (probe: Error) => {
      const line = /cell-probe:(\d+):\d+/.exec(String(probe.stack))?.[1];
      return line === undefined ? undefined : Number(line) - 1;
    },
  );
  return probed;
}
