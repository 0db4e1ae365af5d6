// lib/ type-checks wherever a programmer pastes it: under tsc with the strictest settings in
// common use (the README lists them), not only under this project's own tsconfig.
import { readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const libDir = new URL('../../lib/', import.meta.url).pathname;

/** The settings, by name as in a tsconfig.json. */
const STRICTEST = {
  strict: true,
  noImplicitOverride: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  isolatedDeclarations: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
};

describe('lib/ under tsc', () => {
  it(`has no errors with ${Object.keys(STRICTEST).join(', ')}`, () => {
    const files = readdirSync(libDir).filter((f) => f.endsWith('.ts')).map((f) => libDir + f);
    const program = ts.createProgram(files, {
      ...STRICTEST,
      // What the settings above need around them: declarations (for isolatedDeclarations),
      // .ts import specifiers kept as written, and a runtime library without the DOM.
      declaration: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      const at = d.file && where ? `${d.file.fileName.replace(libDir, 'lib/')}:${where.line + 1}` : '';
      return `${at} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(program.getRootFileNames()).toHaveLength(5);
    expect(errors).toEqual([]);
  });
});
