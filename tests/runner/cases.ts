// Code as readers write it, with what the page must show under its last cell: issue 8's table (the
// rows the runner owns) and the rule cells follow (README). Run in Node (session.test.ts) and in
// Chromium through the sandbox (tests/e2e/rules.test.ts).

export interface Case {
  /** What it shows. */
  name: string;
  /** The cells, run in order in one session. */
  cells: string[];
  /** The output under the last cell, as text: its value, or its error with the place in the code as written. */
  shows: string;
}

export const CASES: Case[] = [
  {
    name: 'a const stays constant',
    cells: ['const k = 1\nk = 2\nk'],
    shows: 'TypeError: Assignment to constant variable. (line 2, column 3)',
  },
  {
    name: '`let x;` is undefined whatever an earlier cell held',
    cells: [
      'let best: number | undefined; for (const v of [3, 1, 2]) if (best === undefined || v < best) best = v; best',
      'let best: number | undefined; for (const v of [5, 4]) if (best === undefined || v < best) best = v; best',
    ],
    shows: '4',
  },
  {
    name: 'an assignment to an undeclared name is a ReferenceError (strict mode)',
    cells: ['let total = 0\nfor (const v of [1, 2]) totl = total + v\ntotal'],
    shows: 'ReferenceError: totl is not defined (line 2, column 30)',
  },
  {
    name: 'writing a frozen object throws (strict mode)',
    cells: ['const v = Object.freeze({ d: 1 }); v.d = 2; v.d'],
    shows: "TypeError: Cannot assign to read only property 'd' of object '#<Object>' (line 1, column 40)",
  },
  { name: 'a parenthesised object literal is shown', cells: ['({ a: 1 })'], shows: '{ a: 1 }' },
  { name: 'a parenthesised expression is shown', cells: ['(1 + 2)'], shows: '3' },
  { name: 'a parenthesised name after a declaration is shown', cells: ['const x = 3;\n(x);'], shows: '3' },
  {
    name: 'a syntax error is placed in the code as written, types included',
    cells: ['let total: number = 0, count: number = 0; let count = 1'],
    shows: "SyntaxError: Identifier 'count' has already been declared (line 1, column 47)",
  },
  {
    name: 'an enum is refused at its line, naming it',
    cells: ['enum MAIN { MAIN = 1 }\nMAIN.MAIN'],
    shows:
      'SyntaxError: enums are TypeScript that does not erase to JavaScript, so cells do not run them: use an object instead (const Color = { Red: 0, Green: 1 } as const) (line 1, column 1)',
  },
  {
    name: 'a namespace is refused at its line, naming it',
    cells: ['namespace Units { export const scale = 3 }\nUnits.scale'],
    shows:
      'SyntaxError: namespaces that hold code are TypeScript that does not erase to JavaScript, so cells do not run them: use an object or top-level names instead (line 1, column 1)',
  },
  { name: '`this` at the top level is undefined', cells: ['typeof this'], shows: '"undefined"' },
  {
    name: 'a function of an earlier cell reads the value a later cell assigned',
    cells: ['let rate = 0.1;\nfunction step() { return rate; }', 'rate = 0.01;', 'step()'],
    shows: '0.01',
  },
  {
    name: 'a function of an earlier cell reads a name a later cell declared again',
    cells: ['let rate = 0.1;\nfunction step() { return rate; }', 'const rate = 0.5;\nstep()'],
    shows: '0.5',
  },
  {
    name: 'a const declared again in a later cell is constant again',
    cells: ['let n = 1;', 'const n = 2;\nn++'],
    shows: 'TypeError: Assignment to constant variable. (line 2, column 2)',
  },
  {
    name: 'a name used before its declaration in the cell is in its temporal dead zone',
    cells: ['const early = 1;', 'early + 1;\nconst early = 2;'],
    shows: "ReferenceError: Cannot access 'early' before initialization (line 1, column 1)",
  },
  { name: 'the last expression is shown when a comment follows it', cells: ['6 * 7 // the answer'], shows: '42' },
  { name: 'an awaited last expression is shown', cells: ['await Promise.resolve(7)'], shows: '7' },
  { name: 'a template as the last expression is shown', cells: ['const who = "cells";\n`hello, ${who}`'], shows: '"hello, cells"' },
  { name: 'a tagged template as the last expression is shown', cells: ['String.raw`a\\nb`'], shows: '"a\\\\nb"' },
  { name: 'an assignment as the last line shows nothing', cells: ['let a = 1;\na = 2'], shows: '' },
  {
    name: 'an error thrown in an earlier cell\'s function names both places',
    cells: ['function first(xs: number[]) {\n  return xs[0].toFixed(2);\n}', '\nfirst([])'],
    shows: "TypeError: Cannot read properties of undefined (reading 'toFixed') (line 2, column 1; thrown in cell 1, line 2, column 16)",
  },
];
