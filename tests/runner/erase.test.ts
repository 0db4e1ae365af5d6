import { Parser } from 'acorn';
import { describe, expect, it } from 'vitest';
import { eraseTypes } from '../../src/runner/erase.ts';
import { CellSyntaxError, applyEdits, parse } from '../../src/runner/syntax.ts';

const erase = (source: string) => applyEdits(source, eraseTypes(parse(source), source)).code;

// Each TypeScript form, and the JavaScript it erases to: the same text with the types as spaces,
// so that every token keeps its line and column.
const ERASED: [string, string][] = [
  ['let x: number = 1', 'let x         = 1'],
  ['let best: number | undefined;', 'let best                    ;'],
  ['let d!: number;', 'let d         ;'],
  ['function f(a: number, b?: string): void {}', 'function f(a        , b         )       {}'],
  ['function g(a?, b = 1) {}', 'function g(a , b = 1) {}'],
  ['function h(this: Window, a) {}', 'function h(              a) {}'],
  ['function k(this: Window) {}', 'function k(            ) {}'],
  ['const id = <T,>(a: T): T => a', 'const id =     (a   )    => a'],
  ['const v = (a: number)\n  : number => a', 'const v = (a         \n         ) => a'],
  ['f<string>(1); new M<number>(); g<T>', 'f        (1); new M        (); g   '],
  ['x as any', 'x       '],
  ['(x) as const', '(x)         '],
  ['x satisfies Y', 'x            '],
  ['a!.b!', 'a .b '],
  ['<number>y', '        y'],
  ['<T>(y)', '   (y)'],
  ['const a = b as T\n(c)', 'const a = b     ;\n(c)'],
  ['const a = b as T\n+ c', 'const a = b     \n+ c'],
  ['type T = number;\ninterface I { a: T }\nx', '                \n                    \nx'],
  ['declare const q: number; declare function r(): void;', '                                                    '],
  ['function o(a: number): number;\nfunction o(a) { return a }', '                              \nfunction o(a) { return a }'],
  ['namespace Types { export type T = 1 }', '                                     '],
  ['declare namespace N { const z: 1 }', '                                  '],
  ['enum_ = 1', 'enum_ = 1'],
  ["import type { V } from './v.ts';", '                                '],
  [
    'abstract class A<T> extends B<T> implements I, J<T> {\n  private readonly k: number = 2;\n  protected override m?(): void {}\n  declare z: string;\n  abstract n(): void;\n  [key: string]: unknown;\n  static s?: number;\n  w!: number;\n}',
    '         class A    extends B                       {\n                   k         = 2;\n                     m ()       {}\n                    \n                     \n                         \n  static s         ;\n  w         ;\n}',
  ],
];

describe('eraseTypes: TypeScript erased in place, every token at its written line and column', () => {
  for (const [typescript, javascript] of ERASED) {
    it(JSON.stringify(typescript), () => {
      expect(erase(typescript)).toBe(javascript);
    });
  }

  it('leaves JavaScript that parses as JavaScript', () => {
    for (const [typescript] of ERASED) {
      expect(() => Parser.parse(erase(typescript), { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    }
  });
});

// TypeScript with no erased form: refused at its line and column, naming the construct, as Node's
// type stripping refuses it.
const REFUSED: [string, RegExp, number, number][] = [
  ['enum Color { Red }', /^enums are TypeScript that does not erase/, 1, 1],
  ['const n = 1;\nconst enum E { A }', /^enums/, 2, 1],
  ['namespace Units {\n  export const scale = 3;\n}', /^namespaces that hold code/, 1, 1],
  ['class P {\n  constructor(public x: number) {}\n}', /^parameter properties \(constructor\(public x: number\)\)/, 2, 15],
  ["import fs = require('fs');", /^`import … = …` is TypeScript that does not erase/, 1, 1],
  ['@sealed class D {}', /^decorators are not run by JavaScript engines yet/, 1, 1],
  ['class Q { accessor x = 1 }', /^`accessor` fields/, 1, 11],
  ['using r = open();', /^`using` declarations/, 1, 1],
];

describe('eraseTypes: TypeScript that does not erase is refused', () => {
  for (const [source, message, line, column] of REFUSED) {
    it(JSON.stringify(source), () => {
      let error: unknown;
      try {
        eraseTypes(parse(source), source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CellSyntaxError);
      expect(error).toMatchObject({ line, column });
      expect((error as Error).message).toMatch(message);
    });
  }
});
