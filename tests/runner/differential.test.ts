// The differential test of the rule cells follow: thousands of small generated cell programs
// (declarations, reassignments, functions reading session variables, errors) run through the
// runner and, joined as one real strict module, through Node. Values, console lines, error kinds
// and the place each error was thrown (cell, line, column) must agree.
//
// The module is the notebook's program with its two exceptions made by design, not filtered out:
// - A name declared again in a later cell is a new binding: in the module it is renamed (a0 → a1 →
//   a2, the same length, so columns agree), and every use after it, in that cell from its start,
//   names the new one. Functions read the name they were written with, so the generator never
//   declares again a name that a function reads (a function of an earlier cell sees a later
//   declaration in a notebook, and tests/runner/cases.ts tests that on its own).
// - The last expression statement's value is shown: in the module it is recorded, on lines of its
//   own around the statement's line, so that lines and columns agree.
// A module also hoists a `var` or a function to its start, where a notebook cell cannot see what a
// later cell declares: the generator uses a `var` or a function only where it is declared already
// (in an earlier cell or in this one). Types (`: any`) appear in the cells and are blanked in the
// module, which checks that their erasure keeps every column.

import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCells } from '../../src/runner/session.ts';

const LEXICAL = ['a', 'b', 'c']; // let and const, declared again across cells
const VAR = 'v';
const FUNCTION = 'f';
const UNDECLARED = 'zz';

type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'read'; n: number }
  | { t: 'call' }
  | { t: 'add'; l: Expr; r: Expr }
  | { t: 'typeof'; n: number }
  | { t: 'arrow'; e: Expr }
  | { t: 'await'; e: Expr }
  | { t: 'this' };

type Op =
  | { t: 'decl'; kind: 'let' | 'const' | 'let-bare' | 'var' | 'var-bare'; n: number; e: Expr; typed: boolean }
  | { t: 'fn'; e: Expr; assigns: number | null }
  | { t: 'assign'; n: number; op: '=' | '+='; e: Expr }
  | { t: 'expr'; e: Expr }
  | { t: 'log'; e: Expr }
  | { t: 'fail'; how: number };

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('num' as const), v: fc.integer({ min: -3, max: 9 }) }),
    fc.record({ t: fc.constant('str' as const), v: fc.constantFrom('x', 'yz') }),
    fc.record({ t: fc.constant('read' as const), n: fc.nat(20) }),
    fc.record({ t: fc.constant('call' as const) }),
    fc.record({ t: fc.constant('add' as const), l: tie('expr'), r: tie('expr') }),
    fc.record({ t: fc.constant('typeof' as const), n: fc.nat(20) }),
    fc.record({ t: fc.constant('arrow' as const), e: tie('expr') }),
    fc.record({ t: fc.constant('await' as const), e: tie('expr') }),
    fc.record({ t: fc.constant('this' as const) }),
  ),
}));

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('decl' as const), kind: fc.constantFrom('let', 'const', 'let-bare', 'var', 'var-bare'), n: fc.nat(5), e: expr, typed: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fn' as const), e: expr, assigns: fc.option(fc.nat(2)) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('assign' as const), n: fc.nat(20), op: fc.constantFrom('=', '+=') as fc.Arbitrary<'=' | '+='>, e: expr }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('expr' as const), e: expr }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('log' as const), e: expr }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('fail' as const), how: fc.nat(4) }) },
);

const programs = fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** One statement: its text in the cell, and in the module (the same length). */
interface Line {
  cell: string;
  module: string;
  shows: boolean;
}

/** A generated program, as cells and as one module with a map of its lines back to the cells'. */
interface Program {
  cells: string[];
  module: string;
  /** Module line (from 1) → cell (from 1) and line in it. */
  lines: Map<number, { cell: number; line: number }>;
}

/** Builds a program from the ops, keeping the notebook's exceptions by design (see the top). */
function build(opsByCell: Op[][]): Program {
  const version = new Map<string, number>(); // the version of each renamed name in use (0: none declared yet)
  const kind = new Map<string, 'let' | 'const' | 'var' | 'function'>();
  const captured = new Set<string>(); // names a function reads or writes: never declared again
  const cells: string[] = [];
  const moduleLines = ['const console = globalThis.__diff.console; const __done = globalThis.__diff.done;'];
  const lines = new Map<number, { cell: number; line: number }>();

  opsByCell.forEach((ops, c) => {
    // Pass 1: what this cell declares (a name declared again starts a new binding for the whole cell).
    const declaredHere = new Map<string, 'let' | 'const' | 'var' | 'function'>();
    const accepted: Op[] = [];
    for (const o of ops) {
      if (o.t === 'decl') {
        const isVar = o.kind === 'var' || o.kind === 'var-bare';
        const name = isVar ? VAR : LEXICAL[o.n % LEXICAL.length];
        const again = (version.get(name) ?? 0) > 0;
        if (declaredHere.has(name) || (!isVar && again && captured.has(name)) || (version.get(name) ?? 0) >= 9) {
          accepted.push({ t: 'expr', e: o.e });
          continue;
        }
        declaredHere.set(name, isVar ? 'var' : o.kind === 'const' ? 'const' : 'let');
      } else if (o.t === 'fn') {
        if (declaredHere.has(FUNCTION) || (version.get(FUNCTION) ?? 0) >= 9) {
          accepted.push({ t: 'expr', e: o.e });
          continue;
        }
        declaredHere.set(FUNCTION, 'function');
      }
      accepted.push(o);
    }
    const bumped = new Map(version);
    for (const [name] of declaredHere) if (name !== VAR) bumped.set(name, (version.get(name) ?? 0) + 1);
    const visibleKind = (name: string) => declaredHere.get(name) ?? kind.get(name);
    /** The name in the cell, and in the module (its version in use here). */
    const spell = (name: string): [string, string] => {
      if (name === VAR || name === UNDECLARED) return [name === VAR ? 'v0' : name, name === VAR ? 'v0' : name];
      return [`${name}0`, `${name}${Math.max(1, bumped.get(name) ?? 0)}`];
    };

    const render = (e: Expr, inFunction: boolean, inArrow = false): [string, string] => {
      const same = (s: string): [string, string] => [s, s];
      switch (e.t) {
        case 'num':
          return same(e.v < 0 ? `(${e.v})` : String(e.v));
        case 'str':
          return same(JSON.stringify(e.v));
        case 'read':
        case 'typeof': {
          // Mostly names declared already (an error ends the program), sometimes one that is not.
          const declared = [...LEXICAL, VAR].filter((n) => visibleKind(n) && !(inFunction && n === VAR));
          const risky = [...LEXICAL, VAR, UNDECLARED];
          if (e.n % 4 !== 0 && declared.length === 0) return same(String(e.n));
          let name = e.n % 4 === 0 ? risky[(e.n / 4) % risky.length] : declared[e.n % declared.length];
          // A var only where declared (a module would hoist it); in a function, no var at all.
          if (name === VAR && (inFunction || !visibleKind(VAR))) name = UNDECLARED;
          // typeof of a name a later cell declares is a TDZ error in the module, 'undefined' in a notebook.
          if (e.t === 'typeof' && name !== UNDECLARED && !visibleKind(name)) name = UNDECLARED;
          if (inFunction && name !== UNDECLARED) captured.add(name);
          const [inCell, inModule] = spell(name);
          return e.t === 'read' ? [inCell, inModule] : [`typeof ${inCell}`, `typeof ${inModule}`];
        }
        case 'call': {
          if (inFunction || visibleKind(FUNCTION) !== 'function') return same('1');
          const [inCell, inModule] = spell(FUNCTION);
          return [`${inCell}()`, `${inModule}()`];
        }
        case 'add': {
          const [l1, l2] = render(e.l, inFunction, inArrow);
          const [r1, r2] = render(e.r, inFunction, inArrow);
          return [`(${l1} + ${r1})`, `(${l2} + ${r2})`];
        }
        case 'arrow': {
          const [a, b] = render(e.e, inFunction, true);
          return [`(() => ${a})()`, `(() => ${b})()`];
        }
        case 'await': {
          if (inFunction || inArrow) return render(e.e, inFunction, inArrow);
          const [a, b] = render(e.e, inFunction);
          return [`(await ${a})`, `(await ${b})`];
        }
        case 'this':
          return same('this');
      }
    };

    const cellLines: Line[] = [];
    accepted.forEach((o, i) => {
      const last = i === accepted.length - 1;
      const line = (cell: string, module: string, shows = false) => cellLines.push({ cell, module, shows });
      switch (o.t) {
        case 'decl': {
          const isVar = o.kind === 'var' || o.kind === 'var-bare';
          const name = isVar ? VAR : LEXICAL[o.n % LEXICAL.length];
          const keyword = isVar ? 'var' : o.kind === 'const' ? 'const' : 'let';
          const [inCell, inModule] = spell(name);
          const type = o.typed ? ': any' : '';
          const blank = ' '.repeat(type.length);
          if (o.kind === 'let-bare' || o.kind === 'var-bare') line(`${keyword} ${inCell}${type};`, `${keyword} ${inModule}${blank};`);
          else {
            const [a, b] = render(o.e, false);
            line(`${keyword} ${inCell}${type} = ${a};`, `${keyword} ${inModule}${blank} = ${b};`);
          }
          break;
        }
        case 'fn': {
          const [inCell, inModule] = spell(FUNCTION);
          const [a, b] = render(o.e, true);
          if (o.assigns === null) line(`function ${inCell}() { return ${a}; }`, `function ${inModule}() { return ${b}; }`);
          else {
            const target = LEXICAL[o.assigns % LEXICAL.length];
            captured.add(target);
            const [t1, t2] = spell(target);
            line(`function ${inCell}() { ${t1} = ${a}; return ${t1}; }`, `function ${inModule}() { ${t2} = ${b}; return ${t2}; }`);
          }
          break;
        }
        case 'assign': {
          const declared = [...LEXICAL, VAR].filter((n) => visibleKind(n));
          const risky = [...LEXICAL, VAR, FUNCTION, UNDECLARED];
          let name = o.n % 4 === 0 || declared.length === 0 ? risky[Math.floor(o.n / 4) % risky.length] : declared[o.n % declared.length];
          if ((name === VAR || name === FUNCTION) && !visibleKind(name)) name = UNDECLARED;
          const [inCell, inModule] = spell(name);
          const [a, b] = render(o.e, false);
          line(`${inCell} ${o.op} ${a};`, `${inModule} ${o.op} ${b};`);
          break;
        }
        case 'expr': {
          const [a, b] = render(o.e, false);
          line(`${a};`, `${b};`, last);
          break;
        }
        case 'log': {
          const [a, b] = render(o.e, false);
          line(`console.log(${a});`, `console.log(${b});`, last);
          break;
        }
        case 'fail': {
          const failure = ['throw new RangeError("no");', 'Object.freeze({ d: 1 }).d = 2;', 'this.x;', 'null.x;', `${UNDECLARED}();`][o.how % 5];
          line(failure, failure);
          break;
        }
      }
    });

    cells.push(cellLines.map((l) => l.cell).join('\n'));
    cellLines.forEach((l, i) => {
      if (l.shows) {
        moduleLines.push(`__done(${c + 1}, [`);
        lines.set(moduleLines.push(l.module.replace(/;$/, '')), { cell: c + 1, line: i + 1 });
        moduleLines.push(']);');
      } else {
        lines.set(moduleLines.push(l.module), { cell: c + 1, line: i + 1 });
      }
    });
    if (!cellLines.at(-1)!.shows) moduleLines.push(`__done(${c + 1}, null);`);
    for (const [name, k] of declaredHere) {
      kind.set(name, k);
      if (name !== VAR) version.set(name, bumped.get(name)!);
    }
  });
  return { cells, module: moduleLines.join('\n'), lines };
}

/**
 * What a program did: each finished cell's display, the console lines, and the error, placed in
 * the cells. The column is left out for the errors the session's variables throw (a name not
 * defined or not yet initialized, an assignment to a constant): V8 places those at the operation
 * or the statement (in `a + 0`, at `+`; in `a = this`, at `a`, in `a = 2`, at `=`), the runner where
 * the session's variable is read or set.
 */
interface Outcome {
  shown: unknown[];
  logs: string[];
  error: { name: string; cell: number; line: number; column?: number } | null;
}

function placed(name: string, message: string, cell: number, line: number, column: number): NonNullable<Outcome['error']> {
  return name === 'ReferenceError' || message === 'Assignment to constant variable.' ? { name, cell, line } : { name, cell, line, column };
}

async function throughRunner(program: Program): Promise<Outcome> {
  const results = await runCells(program.cells);
  const failed = results.at(-1)!.error;
  const outcome: Outcome = { shown: [], logs: results.flatMap((r) => r.logs.map((l) => l.text)), error: null };
  for (const r of failed ? results.slice(0, -1) : results) outcome.shown.push(r.value);
  if (failed) {
    if (failed.kind === 'syntax') throw new Error(`the generator made a syntax error: ${failed.message}\n${program.cells.join('\n---\n')}`);
    const at = failed.from ?? { cell: results.length, line: failed.line!, column: failed.column! };
    outcome.error = placed(failed.name, failed.message, at.cell, at.line, at.column);
  }
  return outcome;
}

// Node runs the modules in a worker of its own (Node's loader, not the test runner's), importing
// each as a data: URL; the worker formats values with the runner's own formatter.
const MODULE_RUNNER = `
const { parentPort } = require('node:worker_threads');
let format;
parentPort.on('message', async ({ id, text, formatUrl }) => {
  format ??= await import(formatUrl);
  const outcome = { shown: [], logs: [], error: null };
  globalThis.__diff = {
    console: { log: (...args) => void outcome.logs.push(format.formatLogArgs(args)) },
    done: (cell, box) => void outcome.shown.push(box === null ? null : format.display(box[0])),
  };
  try {
    await import('data:text/javascript,' + encodeURIComponent(text + '\\n// ' + id));
  } catch (e) {
    const at = /data:text\\/javascript,\\S*:(\\d+):(\\d+)/.exec(String(e?.stack));
    outcome.error = { name: e?.name, message: e?.message, line: at ? Number(at[1]) : 0, column: at ? Number(at[2]) : 0 };
  }
  parentPort.postMessage({ id, outcome });
});
`;

let worker: Worker;
let requests = 0;

function throughNode(program: Program): Promise<Outcome> {
  const id = ++requests;
  return new Promise((resolve) => {
    const listen = ({ id: answered, outcome }: { id: number; outcome: Omit<Outcome, 'error'> & { error: { name: string; message: string; line: number; column: number } | null } }) => {
      if (answered !== id) return;
      worker.off('message', listen);
      const { error } = outcome;
      const place = error ? program.lines.get(error.line) : undefined;
      resolve({ ...outcome, error: error && placed(error.name, error.message, place?.cell ?? -1, place?.line ?? -1, error.column) });
    };
    worker.on('message', listen);
    worker.postMessage({ id, text: program.module, formatUrl: new URL('../../src/runner/format.ts', import.meta.url).href });
  });
}

beforeAll(() => {
  worker = new Worker(MODULE_RUNNER, { eval: true });
});
afterAll(() => worker?.terminate());

describe('differential: generated cell programs agree with one strict module in Node', () => {
  it('the builder keeps a module and its cells in step (a fixed example)', async () => {
    const program = build([
      [{ t: 'decl', kind: 'let', n: 0, e: { t: 'num', v: 1 }, typed: true }, { t: 'fn', e: { t: 'read', n: 0 }, assigns: null }],
      [{ t: 'decl', kind: 'const', n: 1, e: { t: 'call' }, typed: false }, { t: 'assign', n: 0, op: '+=', e: { t: 'num', v: 2 } }, { t: 'expr', e: { t: 'call' } }],
      [{ t: 'decl', kind: 'const', n: 1, e: { t: 'num', v: 5 }, typed: false }, { t: 'assign', n: 1, op: '=', e: { t: 'num', v: 6 } }],
    ]);
    expect(program.cells).toEqual(['let a0: any = 1;\nfunction f0() { return a0; }', 'const b0 = f0();\na0 += 2;\nf0();', 'const b0 = 5;\nb0 = 6;']);
    expect(program.module.split('\n').slice(1)).toEqual([
      'let a1      = 1;', 'function f1() { return a1; }', '__done(1, null);',
      'const b1 = f1();', 'a1 += 2;', '__done(2, [', 'f1()', ']);',
      'const b2 = 5;', 'b2 = 6;', '__done(3, null);',
    ]);
    const expected: Outcome = { shown: [null, { kind: 'text', text: '3' }], logs: [], error: { name: 'TypeError', cell: 3, line: 2 } };
    expect(await throughRunner(program)).toEqual(expected);
    expect(await throughNode(program)).toEqual(expected);
  });

  // DIFF_RUNS=30000 npx vitest run tests/runner/differential.test.ts searches further.
  it('agrees on 3,000 generated programs, among them every kind of outcome', async () => {
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(programs, async (ops) => {
        const program = build(ops);
        const [runner, node] = [await throughRunner(program), await throughNode(program)];
        expect({ runner, cells: program.cells }).toEqual({ runner: node, cells: program.cells });
        count(runner.error ? runner.error.name : 'no error');
        if (runner.shown.some((s) => s !== null)) count('a value shown');
        if (runner.logs.length) count('console lines');
        if (/^(let|const) (\w+)[^]*\n---\n[^]*^(let|const) \2\b/m.test(program.cells.join('\n---\n'))) count('a name declared again');
        if (/^function f\d\(\) \{[^}]*\b[abc]\d\b[^]*^(?!function).*\bf\d\(\)/m.test(program.module)) count('a function of the session called, that uses a session variable');
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 3000) },
    );
    for (const what of ['no error', 'TypeError', 'ReferenceError', 'RangeError', 'a value shown', 'console lines', 'a name declared again', 'a function of the session called, that uses a session variable']) {
      expect(seen.get(what) ?? 0, what).toBeGreaterThan(20);
    }
  }, 600_000);
});
