import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellGlobals, importable, libModuleOf, libModules } from '../../src/runner/scope.ts';
import { runCells } from '../../src/runner/session.ts';

const authoring = readFileSync(new URL('../../content/_AUTHORING.md', import.meta.url), 'utf8').replace(/\n/g, ' ');
const codeNames = (text: string) => [...text.matchAll(/`(\w+)`/g)].map((m) => m[1]);

describe('what a cell sees: one list (src/runner/scope.ts)', () => {
  it('every name in it is in scope in a cell, as lib exports it', async () => {
    const names = Object.keys(cellGlobals);
    const [r] = await runCells([`[${names.join(', ')}].map((x) => typeof x)`]);
    expect(r.error).toBeNull();
    expect(r.value).toEqual({ kind: 'text', text: `[${names.map((n) => JSON.stringify(typeof cellGlobals[n])).join(', ')}]` });
    for (const [module, exports] of Object.entries(libModules)) {
      for (const [name, value] of Object.entries(exports)) expect(cellGlobals[name], `${module}.${name}`).toBe(value);
    }
  });

  it('names the modules a cell may import, in any of the spellings the book uses', () => {
    for (const module of Object.keys(libModules)) {
      for (const spelling of [`../lib/${module}.ts`, `./lib/${module}.ts`, `lib/${module}`, `./micrograd/${module}.ts`, `micrograd/${module}.js`]) {
        expect(libModuleOf(spelling), spelling).toBe(module);
      }
    }
    expect(libModuleOf('../lib/fs.ts')).toBeNull();
    expect(libModuleOf('node:fs')).toBeNull();
    expect(importable).toBe(`lib/ (${Object.keys(libModules).join(', ')})`);
  });

  it('_AUTHORING.md lists exactly those names, and those modules', () => {
    const names = /In scope without an import: (.*?) \(every export/.exec(authoring)?.[1] ?? '';
    expect(codeNames(names).sort()).toEqual(Object.keys(cellGlobals).sort());
    const modules = /from lib's modules (.*?): `import/.exec(authoring)?.[1] ?? '';
    expect(codeNames(modules)).toEqual(Object.keys(libModules));
  });
});
