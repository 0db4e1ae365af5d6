// Erases a cell's TypeScript in place: every type annotation, type declaration and TypeScript-only
// keyword becomes spaces, so the JavaScript left has each token at its written line and column (the
// approach of Node's type stripping and ts-blank-space). TypeScript that has no erased form (enums,
// namespaces with code, parameter properties, `import x = require()`, decorators) is refused at its
// line, as Node's type stripping refuses it, never compiled into something else.

import { CellSyntaxError, type Edit, LINE_BREAK, type Node, identifierEnd, lineColumn, nextToken } from './syntax.ts';

/** Fields of a node that hold types only. */
export const TYPE_FIELDS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeParameters', 'superTypeArguments']);

/** TypeScript expressions around a JavaScript one: `x as T`, `x satisfies T`, `x!`, `<T>x`, `f<T>`. */
export const TS_EXPRESSIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

/** Whether a statement or class member exists for the type checker only, and is erased whole. */
export function isTypeOnly(node: Node): boolean {
  switch (node.type) {
    case 'TSTypeAliasDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSDeclareFunction':
    case 'TSIndexSignature':
      return true;
    case 'TSModuleDeclaration':
      return node.declare || moduleIsTypeOnly(node);
    case 'TSEnumDeclaration':
      return Boolean(node.declare);
    case 'TSImportEqualsDeclaration':
    case 'ImportDeclaration':
      return node.importKind === 'type';
    case 'ExportNamedDeclaration':
      return node.exportKind === 'type' || (node.declaration != null && isTypeOnly(node.declaration));
    case 'MethodDefinition':
      return node.value.type === 'TSDeclareMethod'; // an overload's signature, or an abstract method
    case 'PropertyDefinition':
      return Boolean(node.declare || node.abstract);
    default:
      return Boolean(node.declare);
  }
}

function moduleIsTypeOnly(node: Node): boolean {
  const body = node.body;
  if (!body) return true;
  if (body.type === 'TSModuleDeclaration') return isTypeOnly(body); // namespace A.B { … }
  return (body.body as Node[]).every(isTypeOnly);
}

/** What a cell cannot run, with what to write instead. */
const REFUSED: Record<string, string> = {
  TSEnumDeclaration: 'enums are TypeScript that does not erase to JavaScript, so cells do not run them: use an object instead (const Color = { Red: 0, Green: 1 } as const)',
  TSModuleDeclaration: 'namespaces that hold code are TypeScript that does not erase to JavaScript, so cells do not run them: use an object or top-level names instead',
  TSParameterProperty: 'parameter properties (constructor(public x: number)) are TypeScript that does not erase to JavaScript, so cells do not run them: declare the field and assign it in the constructor',
  TSImportEqualsDeclaration: "`import … = …` is TypeScript that does not erase to JavaScript, so cells do not run it: use `import { … } from '…'`",
  TSExportAssignment: 'cells cannot export; their top-level names are shared with later cells already',
  Decorator: 'decorators are not run by JavaScript engines yet, so cells do not run them',
};

/**
 * The edits that erase a parsed cell's TypeScript. Throws CellSyntaxError, at the construct's line
 * and column, for TypeScript with no erased form.
 */
export function eraseTypes(program: Node, source: string): Edit[] {
  const edits: Edit[] = [];
  const blank = (start: number, end: number) => {
    if (end > start) edits.push({ start, end, text: source.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, ' ') });
  };
  const refuse = (node: Node, message: string): never => {
    const { line, column } = lineColumn(source, node.start);
    throw new CellSyntaxError(message, line, column);
  };
  /** Blanks the given TypeScript-only words found in source[from, to) (modifiers before a member's name). */
  const blankWords = (from: number, to: number, words: RegExp) => {
    for (const m of source.slice(from, to).matchAll(words)) blank(from + m.index, from + m.index + m[0].length);
  };

  function visit(node: Node): void {
    if (isTypeOnly(node)) return blank(node.start, node.end);
    if (node.type in REFUSED) refuse(node, REFUSED[node.type]);
    if (node.decorators?.length) refuse(node.decorators[0], REFUSED.Decorator);
    switch (node.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression': {
        visit(node.expression);
        // From the keyword on: `(x) as T` has its parenthesis between the expression and `as`.
        blank(nextToken(source, node.expression.end, ')'), node.end);
        // `x as T` ending a line before `(`, `[` or a template ended its statement in TypeScript
        // (nothing can call or index an `as` expression); erased, the next line would continue it.
        const next = nextToken(source, node.end);
        if (/[([`]/.test(source[next] ?? '') && LINE_BREAK.test(source.slice(node.end, next))) edits.push({ start: node.end, end: node.end, text: ';', last: true });
        return;
      }
      case 'TSNonNullExpression':
        visit(node.expression);
        return blank(node.end - 1, node.end);
      case 'TSTypeAssertion': {
        // `<T>x`: the type and its brackets go; `x` may be parenthesised.
        const close = nextToken(source, node.typeAnnotation.end, ')');
        blank(node.start, close + 1);
        return visit(node.expression);
      }
      case 'TSInstantiationExpression':
        visit(node.expression);
        return blank(node.typeArguments.start, node.typeArguments.end);
      case 'VariableDeclaration':
        if (node.kind !== 'var' && node.kind !== 'let' && node.kind !== 'const') {
          refuse(node, `\`${node.kind}\` declarations are not run by every JavaScript engine yet, so cells do not run them`);
        }
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.abstract) blankWords(node.start, (node.id ?? node.superClass ?? node.body).start, /\babstract\b/g);
        if (node.implements?.length) {
          const keyword = source.lastIndexOf('implements', node.implements[0].start);
          blank(keyword, node.implements.at(-1).end);
        }
        break;
      case 'PropertyDefinition':
      case 'MethodDefinition':
        if (node.accessor) refuse(node, '`accessor` fields are not run by JavaScript engines yet, so cells do not run them');
        if (node.accessibility || node.readonly || node.override) {
          blankWords(node.start, node.key.start, /\b(?:public|private|protected|readonly|override)\b/g);
        }
        if (node.optional || node.definite) {
          const mark = nextToken(source, node.key.end, ']');
          blank(mark, mark + 1);
        }
        break;
      case 'Identifier': {
        // A parameter `a?: T`, a declaration `let x!: T`: the mark between the name and its type.
        const nameEnd = identifierEnd(source, node.start);
        if (node.typeAnnotation) blank(nameEnd, node.typeAnnotation.start);
        else if (node.optional) blank(nextToken(source, nameEnd), nextToken(source, nameEnd) + 1);
        break;
      }
      case 'ArrowFunctionExpression':
        if (node.returnType) {
          // `(a)\n: T => a`: with the type erased, `=>` would start a line, which JavaScript forbids;
          // the parenthesis that closes the parameters moves to just before it.
          const arrow = nextToken(source, node.returnType.end);
          const close = source.lastIndexOf(')', node.returnType.start);
          if (LINE_BREAK.test(source.slice(close, arrow))) {
            blank(close, close + 1);
            blank(node.returnType.start, node.returnType.end - 1);
            edits.push({ start: node.returnType.end - 1, end: node.returnType.end, text: ')' });
            visitChildren(node, new Set(['returnType']));
            return;
          }
        }
        break;
    }
    if (node.params) eraseThisParameter(node.params);
    visitChildren(node);
  }

  function visitChildren(node: Node, skip?: Set<string>): void {
    for (const key of Object.keys(node)) {
      // A class's `implements` list is erased with its keyword, above.
      if (key === 'loc' || key === 'decorators' || key === 'implements' || skip?.has(key)) continue;
      const value = node[key];
      if (TYPE_FIELDS.has(key)) {
        for (const part of Array.isArray(value) ? value : [value]) if (isNode(part)) blank(part.start, part.end);
      } else if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  }

  /** `function f(this: T, a)`: the `this` parameter is a type; it goes, with its comma, from the text and the tree. */
  function eraseThisParameter(params: Node[]): void {
    const first = params[0];
    if (first?.type !== 'Identifier' || first.name !== 'this') return;
    const next = nextToken(source, first.end);
    blank(first.start, params[1] ? params[1].start : source[next] === ',' ? next + 1 : first.end);
    params.shift();
  }

  visit(program);
  return edits;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}
