// Turns one cell's TypeScript into the body of a function that runs inside the session's scope.
// Pure: no DOM and no Node APIs, so the build and the browser worker share it.

import { parse, type Node, type Pattern, type Program } from 'acorn';
import { transform } from 'sucrase';

/** A cell whose code cannot be compiled; line and column are in the cell's own numbering. */
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

export interface CompiledCell {
  /** JavaScript for the body of `with (scope) { … }`; line n is the cell's line n. */
  body: string;
  /** Names the cell declares at its top level: they become session variables. */
  declared: string[];
}

/** Module names a cell may import lib from, e.g. '../lib/engine.ts', 'lib/nn', 'micrograd/graph'. */
const LIB_IMPORT = /^(?:\.{1,2}\/)*(?:lib|micrograd)\/(engine|nn|graph|random|moons)(?:\.ts|\.js)?$/;

export function compileCell(source: string): CompiledCell {
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (e) {
    throw syntaxError(e);
  }
  let program: Program;
  try {
    program = parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      locations: true,
    });
  } catch (e) {
    throw syntaxError(e, true);
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const declared: string[] = [];
  const statements = program.body;
  statements.forEach((node, i) => {
    const last = i === statements.length - 1;
    switch (node.type) {
      case 'ImportDeclaration': {
        const from = String(node.source.value);
        const lib = LIB_IMPORT.exec(from);
        if (!lib) {
          const line = node.loc?.start.line;
          throw new CellSyntaxError(`cells can import only lib/ (engine, nn, graph, random, moons), not '${from}'`, line);
        }
        const parts = node.specifiers.map((s) => {
          if (s.type === 'ImportNamespaceSpecifier') return `${s.local.name} = __lib.${lib[1]}`;
          if (s.type === 'ImportDefaultSpecifier') throw new CellSyntaxError(`lib/${lib[1]} has no default export`, node.loc?.start.line);
          const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          return `${s.local.name} = __lib.${lib[1]}[${JSON.stringify(imported)}]`;
        });
        for (const s of node.specifiers) declared.push(s.local.name);
        edits.push({ start: node.start, end: node.end, text: parts.length ? `var ${parts.join(', ')};` : '' });
        break;
      }
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw new CellSyntaxError('cells cannot export; their top-level names are shared with later cells already', node.loc?.start.line);
      case 'VariableDeclaration':
        // var, not let/const: the name lives in the session scope and a later cell may declare it again.
        for (const d of node.declarations) declared.push(...patternNames(d.id));
        edits.push({ start: node.start, end: node.start + node.kind.length, text: 'var' });
        break;
      case 'FunctionDeclaration':
        if (node.id) {
          // The declaration stays (hoisted, as usual) and is copied into the session scope first thing.
          declared.push(node.id.name);
          edits.push({ start: 0, end: 0, text: `__scope.${node.id.name} = ${node.id.name}; ` });
        }
        break;
      case 'ClassDeclaration':
        if (node.id) {
          // `var C = class C…;` assigns into the session scope, where a declaration would not.
          declared.push(node.id.name);
          edits.push({ start: node.start, end: node.start, text: `var ${node.id.name} = ` });
          edits.push({ start: node.end, end: node.end, text: ';' });
        }
        break;
      case 'ExpressionStatement':
        // An assignment is a statement in the notes' Python, so as there it shows nothing.
        if (last && node.expression.type !== 'AssignmentExpression') {
          // The last expression is the cell's value, as in a notebook.
          edits.push({ start: node.start, end: node.start, text: 'return (' });
          edits.push({ start: node.expression.end, end: node.end, text: ');' });
        }
        break;
    }
  });

  let body = js;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  }
  return { body, declared: [...new Set(declared)] };
}

function patternNames(p: Pattern | Node): string[] {
  const node = p as Pattern;
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ObjectPattern':
      return node.properties.flatMap((prop) => patternNames(prop.type === 'Property' ? prop.value : prop.argument));
    case 'ArrayPattern':
      return node.elements.flatMap((e) => (e ? patternNames(e) : []));
    case 'RestElement':
      return patternNames(node.argument);
    case 'AssignmentPattern':
      return patternNames(node.left);
    default:
      return [];
  }
}

/** sucrase and acorn both report "message (line:column)"; keep the message, carry the place. */
function syntaxError(e: unknown, zeroBasedColumn = false): CellSyntaxError {
  const err = e as { message?: string; loc?: { line: number; column: number } };
  const message = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '');
  const line = err.loc?.line;
  const column = err.loc ? err.loc.column + (zeroBasedColumn ? 1 : 0) : undefined;
  return new CellSyntaxError(message, line, column);
}
