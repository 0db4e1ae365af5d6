// Compiles one cell's TypeScript into the body of a strict async function that runs it as the
// next part of the chapter's session. Pure: no DOM and no Node APIs, so the build and the
// browser's worker share it.
//
// The cell is parsed once, as written, as a module (so strict mode's syntax rules hold). Its types
// are erased in place (erase.ts), and every name the cell uses resolves as it would in one module
// holding all the session's cells: a name declared inside the cell (a parameter, a block's `let`)
// stays as written; JavaScript's own globals (Math, Number, undefined, …) stay as written, unless
// the session declared the name; every other name is the session's variable of that name, read
// and set as `$$session[i].v` (session.ts), which keeps `const` constant, `let` in its temporal
// dead zone until declared, and, for a name no cell has declared, is the global object's property
// or a ReferenceError, as an undeclared name is in strict code.

import { TS_EXPRESSIONS, TYPE_FIELDS, eraseTypes, isTypeOnly } from './erase.ts';
import { type Edit, type Node, applyEdits, identifierEnd, lineColumn, parse, raise } from './syntax.ts';

export { CellSyntaxError } from './syntax.ts';

export type BindingKind = 'let' | 'const' | 'var' | 'function' | 'class' | 'import';

/** A name the cell declares at its top level: a session variable from then on. */
export interface Declaration {
  name: string;
  kind: BindingKind;
  /** An import's lib module and export; `export: null` for `import * as name`. */
  from?: { module: string; export: string | null };
  /** Where it is declared, from 1. */
  line: number;
  column: number;
}

/** What the compiler needs to know of the session and of lib. */
export interface CompileContext {
  /** Whether the session has a variable of this name now. */
  has(name: string): boolean;
  /** Where the session keeps the variable of this name, declared or not yet: its index in the session's array. */
  slot(name: string): number;
  /** The lib module an import specifier names ('../lib/nn.ts' → 'nn'), or null. */
  libModule(specifier: string): string | null;
  /** A lib module's exports. */
  exportsOf(module: string): readonly string[];
  /** What a cell may import, for the error message (e.g. "lib/ (engine, nn)"). */
  importable: string;
}

export interface CompiledCell {
  /**
   * The function's body, and its parameters: the session's variables (an array) and its helpers.
   * The body returns the last expression's value as a one-element array, or nothing.
   */
  body: string;
  params: [variables: string, helpers: string];
  declarations: Declaration[];
  /** JavaScript's own globals the code reads directly (not through the session): see README. */
  natives: string[];
  /** Where a place in the body (line and column from 1) was written in the cell. */
  written(line: number, column: number): { line: number; column: number };
}

/**
 * JavaScript's standard globals, the same in Node and in browsers: read directly for speed, since
 * a cell's loops use them (Math, undefined). The session refuses to declare one of these names once
 * an earlier cell has read the global directly (session.ts).
 */
const JS_GLOBALS = new Set(
  (
    'globalThis Infinity NaN undefined isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI ' +
    'encodeURIComponent AggregateError Array ArrayBuffer BigInt BigInt64Array BigUint64Array Boolean DataView Date Error ' +
    'EvalError FinalizationRegistry Float32Array Float64Array Function Int8Array Int16Array Int32Array Map Number Object ' +
    'Promise Proxy RangeError ReferenceError RegExp Set String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray ' +
    'Uint16Array Uint32Array URIError WeakMap WeakRef WeakSet Atomics JSON Math Reflect Intl'
  ).split(' '),
);

/** Compiles a cell. Throws CellSyntaxError, with the line and column as written. */
export function compileCell(source: string, context: CompileContext): CompiledCell {
  const program = parse(source);
  const edits = eraseTypes(program, source);
  const compiler = new Compiler(source, context, edits);
  compiler.compileProgram(program);
  const { code, toSource } = applyEdits(source, edits);
  const codeLines = lineStarts(code);
  return {
    body: code,
    params: compiler.params,
    declarations: [...compiler.declarations.values()],
    natives: [...compiler.natives],
    written: (line, column) => lineColumn(source, toSource((codeLines[line - 1] ?? 0) + column - 1)),
  };
}

class Scope {
  readonly names = new Set<string>();
  readonly parent: Scope | null;
  /** A function's scope (or the cell's), where `var` declarations go. */
  readonly isFunction: boolean;
  constructor(parent: Scope | null, isFunction: boolean) {
    this.parent = parent;
    this.isFunction = isFunction;
  }
  find(name: string): Scope | null {
    for (let s: Scope | null = this; s; s = s.parent) if (s.names.has(name)) return s;
    return null;
  }
  functionScope(): Scope {
    let s: Scope = this;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  }
}

type Where = 'list' | 'statement' | 'for-init' | 'for-head';

class Compiler {
  readonly declarations = new Map<string, Declaration>();
  readonly natives = new Set<string>();
  readonly params: CompiledCell['params'];
  readonly #source: string;
  readonly #context: CompileContext;
  readonly #edits: Edit[];
  readonly #program = new Scope(null, true);
  /** Starts of statements in statement lists: text put there that starts with `(` gets a `;` first (ASI). */
  readonly #statementStarts = new Set<number>();

  constructor(source: string, context: CompileContext, edits: Edit[]) {
    this.#source = source;
    this.#context = context;
    this.#edits = edits;
    // Names no code of the cell can mean: a prefix that appears nowhere in it.
    let prefix = '$$';
    while (source.includes(prefix)) prefix += '_';
    this.params = [`${prefix}session`, `${prefix}helpers`];
  }

  /** The session's variable of this name: `$$session[3]`, read and set as `.v` (checked) or first set as `.value`. */
  #variable(name: string): string {
    return `${this.params[0]}[${this.#context.slot(name)}]`;
  }

  compileProgram(program: Node): void {
    const body = (program.body as Node[]).filter((s) => !isTypeOnly(s));
    this.#hoistVars(body, this.#program);
    this.#declareLexical(body, this.#program);
    for (const node of body) {
      if (node.type === 'ImportDeclaration') this.#import(node);
      else if (node.type.startsWith('Export') || node.type === 'TSExportAssignment') {
        this.#refuse(node, 'cells cannot export; their top-level names are shared with later cells already');
      }
    }
    const functions = [...this.declarations.values()].filter((d) => d.kind === 'function').map((d) => d.name);
    // First thing, before the cell's code: hoisted functions become session variables.
    this.#edits.unshift({ start: 0, end: 0, text: `"use strict"; ${functions.map((f) => `${this.#variable(f)}.value = ${f}; `).join('')}` });

    const last = body.filter((s) => s.type !== 'EmptyStatement').at(-1);
    for (const node of body) {
      if (node.type === 'ImportDeclaration') continue;
      if (node === last && node.type === 'ExpressionStatement' && unwrap(node.expression).type !== 'AssignmentExpression') {
        // The last expression is the cell's value, as in a notebook (an assignment shows nothing).
        // In an array, so that a promise is shown as a promise, not awaited.
        const end = this.#source[node.end - 1] === ';' ? node.end - 1 : node.end;
        this.#insert(node.start, 'return [');
        this.#visit(node.expression, this.#program);
        this.#insert(end, '];');
      } else {
        this.#statementStarts.add(node.start);
        this.#visit(node, this.#program, 'list');
      }
    }
  }

  #visit(node: Node, scope: Scope, where: Where = 'statement'): void {
    if (isTypeOnly(node)) return;
    switch (node.type) {
      case 'Identifier':
        return this.#reference(node, scope, 'read');
      case 'VariableDeclaration':
        return this.#variables(node, scope, where);
      case 'FunctionDeclaration':
        // Its name is declared with its scope's other names; at the cell's top level it stays a
        // declaration (hoisted), copied into the session by the prologue.
        return this.#function(node, scope);
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.#function(node, scope);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.#class(node, scope);
      case 'BlockStatement': {
        const inner = new Scope(scope, false);
        this.#declareLexical(node.body, inner);
        return this.#statements(node.body, inner);
      }
      case 'StaticBlock': {
        const inner = new Scope(scope, true);
        this.#hoistVars(node.body, inner);
        this.#declareLexical(node.body, inner);
        return this.#statements(node.body, inner);
      }
      case 'SwitchStatement': {
        this.#visit(node.discriminant, scope);
        const inner = new Scope(scope, false);
        this.#declareLexical(node.cases.flatMap((c: Node) => c.consequent), inner);
        for (const c of node.cases) {
          if (c.test) this.#visit(c.test, inner);
          this.#statements(c.consequent, inner);
        }
        return;
      }
      case 'ForStatement': {
        const inner = this.#loopScope(node.init, scope);
        if (node.init) this.#visit(node.init, inner, 'for-init');
        for (const part of [node.test, node.update, node.body]) if (part) this.#visit(part, inner);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner = this.#loopScope(node.left, scope);
        if (node.left.type === 'VariableDeclaration') this.#variables(node.left, inner, 'for-head');
        else this.#target(node.left, scope);
        this.#visit(node.right, scope);
        return this.#visit(node.body, inner);
      }
      case 'CatchClause': {
        const inner = new Scope(scope, false);
        if (node.param) {
          for (const name of patternNames(node.param)) inner.names.add(name);
          this.#binding(node.param, inner);
          // Engines name the expression that failed in some messages ("x.f is not a function"): the
          // caught error's message names it as written, not as compiled.
          if (node.param.type === 'Identifier') this.#insert(node.body.start + 1, ` ${this.params[1]}.clean(${node.param.name});`);
        }
        return this.#visit(node.body, inner);
      }
      case 'LabeledStatement':
        return this.#visit(node.body, scope);
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'MemberExpression':
        this.#visit(node.object, scope);
        if (node.computed) this.#visit(node.property, scope);
        return;
      case 'Property':
        if (node.computed) this.#visit(node.key, scope);
        if (node.shorthand && node.value.type === 'Identifier') return this.#reference(node.value, scope, 'read', true);
        return this.#visit(node.value, scope);
      case 'AssignmentExpression':
        this.#target(node.left, scope);
        if (node.left.type === 'Identifier' && ['=', '||=', '&&=', '??='].includes(node.operator)) return this.#named(node.left, node.right, scope);
        return this.#visit(node.right, scope);
      case 'UpdateExpression':
        return this.#target(node.argument, scope);
      case 'UnaryExpression':
        if (node.operator === 'typeof' && node.argument.type === 'Identifier') return this.#typeof(node, scope);
        return this.#visit(node.argument, scope);
      case 'CallExpression':
      case 'TaggedTemplateExpression': {
        const callee = node.type === 'CallExpression' ? node.callee : node.tag;
        const name = unwrap(callee);
        if (name.type === 'Identifier') {
          if (name.name === 'eval' && !scope.find('eval')) {
            this.#refuse(name, "cells do not run eval(…) directly: its code could not see the cell's variables");
          }
          this.#reference(name, scope, 'call');
        } else {
          this.#visit(callee, scope);
        }
        for (const arg of node.type === 'CallExpression' ? node.arguments : [node.quasi]) this.#visit(arg, scope);
        return;
      }
      case 'ImportExpression':
        this.#replace(node.start, node.start + 'import'.length, `${this.params[1]}.importModule`);
        return this.#children(node, scope);
      case 'MetaProperty':
        if (node.meta.name === 'import') this.#refuse(node, 'cells have no import.meta: they are not files');
        return;
      case 'ImportDeclaration':
        return; // at the top level only, done first
      default:
        if (TS_EXPRESSIONS.has(node.type)) return this.#visit(node.expression, scope);
        if (node.type.startsWith('TS')) return;
        return this.#children(node, scope);
    }
  }

  #children(node: Node, scope: Scope): void {
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'decorators' || TYPE_FIELDS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) this.#visit(child, scope);
      } else if (isNode(value)) {
        this.#visit(value, scope);
      }
    }
  }

  #statements(list: Node[], scope: Scope): void {
    for (const node of list) {
      this.#statementStarts.add(node.start);
      this.#visit(node, scope, 'list');
    }
  }

  /** A name read, assigned or called: left as written if local, else the session's (or a global). */
  #reference(node: Node, scope: Scope, mode: 'read' | 'write' | 'call', shorthand = false): void {
    const name: string = node.name;
    const found = scope.find(name);
    if (found && found !== this.#program) return;
    if (!found && JS_GLOBALS.has(name) && !this.#context.has(name)) {
      this.natives.add(name);
      return;
    }
    let text = `${this.#variable(name)}.v`;
    // A plain call: `this` in the function is undefined, not the session object.
    if (mode === 'call') text = `(0, ${text})`;
    if (shorthand) text = `${name}: ${text}`;
    this.#replace(node.start, identifierEnd(this.#source, node.start), text, mode === 'call');
  }

  /** `typeof x` of a name that may not exist: 'undefined' then, as JavaScript gives. */
  #typeof(node: Node, scope: Scope): void {
    const name: string = node.argument.name;
    const found = scope.find(name);
    if ((found && found !== this.#program) || (!found && JS_GLOBALS.has(name) && !this.#context.has(name))) return;
    this.#replace(node.start, node.end, `${this.#variable(name)}.typeOf()`);
  }

  /** The left side of an assignment, of `for (… of …)` or of `++`. */
  #target(node: Node, scope: Scope, shorthand = false): void {
    switch (node.type) {
      case 'Identifier':
        return this.#reference(node, scope, 'write', shorthand);
      case 'ObjectPattern':
        for (const prop of node.properties) {
          if (prop.type === 'RestElement') this.#target(prop.argument, scope);
          else {
            if (prop.computed) this.#visit(prop.key, scope);
            this.#target(prop.value, scope, prop.shorthand);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) this.#target(element, scope);
        return;
      case 'RestElement':
        return this.#target(node.argument, scope);
      case 'AssignmentPattern':
        this.#target(node.left, scope, shorthand);
        return this.#visit(node.right, scope);
      default:
        if (TS_EXPRESSIONS.has(node.type)) return this.#target(node.expression, scope);
        return this.#visit(node, scope);
    }
  }

  /**
   * A binding pattern (a parameter, a declaration's left side): its defaults and computed keys are
   * expressions. With `session`, its names are session variables, assigned.
   */
  #binding(node: Node, scope: Scope, session = false, shorthand = false): void {
    switch (node.type) {
      case 'Identifier':
        if (session) {
          const text = `${this.#variable(node.name)}.v`;
          this.#replace(node.start, identifierEnd(this.#source, node.start), shorthand ? `${node.name}: ${text}` : text);
        }
        return;
      case 'ObjectPattern':
        for (const prop of node.properties) {
          if (prop.type === 'RestElement') this.#binding(prop.argument, scope, session);
          else {
            if (prop.computed) this.#visit(prop.key, scope);
            this.#binding(prop.value, scope, session, prop.shorthand);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) this.#binding(element, scope, session);
        return;
      case 'RestElement':
        return this.#binding(node.argument, scope, session);
      case 'AssignmentPattern':
        this.#binding(node.left, scope, session, shorthand);
        return this.#visit(node.right, scope);
    }
  }

  /**
   * `let`, `const`, `var`. Inside a function or block they stay as written. At the cell's top level,
   * a `let` or `const` stays a declaration (so its errors and function names are JavaScript's own),
   * and each declarator is followed by one that declares nothing and gives the session's variables
   * (made before the cell ran, session.ts) their first values: `const a = 1, b = a;` runs as
   * `const a = 1, {} = ($$session[7].value = a, 0), b = $$session[7].v, {} = ($$session[8].value = b, 0);`.
   * The rest of the cell reads `$$session[7].v`. A top-level `var` (anywhere outside functions)
   * becomes an assignment to the session variable: `var i = 0` runs as `$$session[9].v = 0`.
   */
  #variables(node: Node, scope: Scope, where: Where): void {
    const declaredIn = node.kind === 'var' ? scope.functionScope() : scope;
    if (declaredIn !== this.#program || node.kind !== 'var') {
      for (const d of node.declarations) {
        this.#binding(d.id, scope);
        if (d.init) this.#visit(d.init, scope);
        if (declaredIn === this.#program) this.#insert(d.end, `, {} = (${this.#initializers(patternNames(d.id))}, 0)`);
      }
      return;
    }
    const keyword = node.kind.length;
    // A `(` that starts a statement would continue the one before it, if that lacks its `;`.
    this.#replace(node.start, node.start + keyword, where === 'list' ? `;${' '.repeat(keyword - 1)}` : ' '.repeat(keyword));
    if (where === 'for-head') return this.#binding(node.declarations[0].id, scope, true);
    for (const d of node.declarations) {
      if (!d.init) {
        // `var x;` keeps x's value: only its declaration (before the cell runs) could make it.
        this.#replace(d.id.start, identifierEnd(this.#source, d.id.start), 'void 0');
        continue;
      }
      this.#insert(d.start, '(');
      this.#binding(d.id, scope, true);
      if (d.id.type === 'Identifier') this.#named(d.id, d.init, scope);
      else this.#visit(d.init, scope);
      this.#insert(d.end, ')');
    }
    if (where === 'list' && this.#source[node.end - 1] !== ';') this.#insert(node.end, ';');
  }

  /** `$$session[7].value = a, $$session[8].value = b`: the session variables of these names get the values of the locals. */
  #initializers(names: string[]): string {
    return names.map((name) => `${this.#variable(name)}.value = ${name}`).join(', ');
  }

  /**
   * The value assigned to a name. `const f = () => …` names the function f; set through a session
   * property it would not be named, so an object literal's property names it: `{ f: () => … }.f`.
   */
  #named(id: Node, value: Node, scope: Scope): void {
    const inner = unwrap(value);
    const anonymous = inner.type === 'ArrowFunctionExpression' || ((inner.type === 'FunctionExpression' || inner.type === 'ClassExpression') && !inner.id);
    const found = scope.find(id.name);
    const local = (found && found !== this.#program) || (!found && JS_GLOBALS.has(id.name) && !this.#context.has(id.name));
    if (!anonymous || local || id.name === '__proto__') return this.#visit(value, scope);
    this.#insert(value.start, `{ ${id.name}: `);
    this.#visit(value, scope);
    this.#insert(value.end, ` }.${id.name}`);
  }

  #function(node: Node, scope: Scope): void {
    let outer = scope;
    if (node.type === 'FunctionExpression' && node.id) {
      outer = new Scope(scope, false);
      outer.names.add(node.id.name);
    }
    const inner = new Scope(outer, true);
    for (const param of node.params) for (const name of patternNames(param)) inner.names.add(name);
    if (node.type !== 'ArrowFunctionExpression') inner.names.add('arguments');
    for (const param of node.params) this.#binding(param, inner);
    if (node.body.type === 'BlockStatement') {
      this.#hoistVars(node.body.body, inner);
      this.#declareLexical(node.body.body, inner);
      this.#statements(node.body.body, inner);
    } else {
      this.#visit(node.body, inner);
    }
  }

  #class(node: Node, scope: Scope): void {
    let inner = scope;
    if (node.id) {
      inner = new Scope(scope, false);
      inner.names.add(node.id.name);
    }
    if (node.superClass) this.#visit(node.superClass, inner);
    for (const member of node.body.body) {
      if (isTypeOnly(member)) continue;
      if (member.computed) this.#visit(member.key, inner);
      if (member.type === 'MethodDefinition') this.#function(member.value, inner);
      else if (member.type === 'PropertyDefinition' && member.value) this.#visit(member.value, new Scope(inner, true));
      else if (member.type === 'StaticBlock') this.#visit(member, inner);
    }
    if (node.type === 'ClassDeclaration' && scope === this.#program) this.#insert(node.end, ` ${this.#initializers([node.id.name])};`);
  }

  /** A scope for a `for` loop's own `let`/`const`. */
  #loopScope(head: Node | null, scope: Scope): Scope {
    if (head?.type !== 'VariableDeclaration' || head.kind === 'var') return scope;
    const inner = new Scope(scope, false);
    for (const d of head.declarations) for (const name of patternNames(d.id)) inner.names.add(name);
    return inner;
  }

  /** `var` declarations anywhere in these statements (not in nested functions) belong to `scope`. */
  #hoistVars(statements: Node[], scope: Scope): void {
    const visit = (node: Node | null | undefined): void => {
      if (!node || isTypeOnly(node)) return;
      switch (node.type) {
        case 'VariableDeclaration':
          if (node.kind === 'var') for (const d of node.declarations) for (const name of patternNames(d.id)) this.#declare(scope, name, 'var', d.id);
          return;
        case 'IfStatement':
          return [node.consequent, node.alternate].forEach(visit);
        case 'ForStatement':
          return [node.init, node.body].forEach(visit);
        case 'ForInStatement':
        case 'ForOfStatement':
          return [node.left, node.body].forEach(visit);
        case 'WhileStatement':
        case 'DoWhileStatement':
        case 'LabeledStatement':
          return visit(node.body);
        case 'BlockStatement':
          return node.body.forEach(visit);
        case 'TryStatement':
          return [node.block, node.handler?.body, node.finalizer].forEach(visit);
        case 'SwitchStatement':
          return node.cases.forEach((c: Node) => c.consequent.forEach(visit));
      }
    };
    statements.forEach(visit);
  }

  /** The block-scoped declarations of a statement list (and its functions and imports). */
  #declareLexical(statements: Node[], scope: Scope): void {
    for (const node of statements) {
      if (isTypeOnly(node)) continue;
      if (node.type === 'VariableDeclaration' && node.kind !== 'var') {
        for (const d of node.declarations) for (const name of patternNames(d.id)) this.#declare(scope, name, node.kind, d.id);
      } else if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) {
        this.#declare(scope, node.id.name, node.type === 'FunctionDeclaration' ? 'function' : 'class', node.id);
      } else if (node.type === 'ImportDeclaration') {
        for (const s of node.specifiers) if (s.importKind !== 'type') this.#declare(scope, s.local.name, 'import', s.local);
      }
    }
  }

  #declare(scope: Scope, name: string, kind: string, at: Node): void {
    scope.names.add(name);
    if (scope !== this.#program) return;
    const existing = this.declarations.get(name);
    if (existing && !(existing.kind === 'var' && kind === 'function')) return;
    this.declarations.set(name, { name, kind: kind as BindingKind, ...lineColumn(this.#source, at.start) });
  }

  /** `import { MLP } from '../lib/nn.ts'`: lib's exports become session variables, like any other. */
  #import(node: Node): void {
    if (node.importKind === 'type') return;
    const specifier = String(node.source.value);
    const module = this.#context.libModule(specifier);
    if (!module) this.#refuse(node, `cells can import only ${this.#context.importable}, not '${specifier}'`);
    const exports = this.#context.exportsOf(module);
    for (const s of node.specifiers) {
      if (s.importKind === 'type') continue;
      if (s.type === 'ImportDefaultSpecifier') this.#refuse(s, `lib/${module} has no default export`);
      let name: string | null = null;
      if (s.type === 'ImportSpecifier') {
        const imported: string = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
        if (!exports.includes(imported)) this.#refuse(s, `lib/${module} has no export named '${imported}'`);
        name = imported;
      }
      this.declarations.get(s.local.name)!.from = { module, export: name };
    }
    this.#replace(node.start, node.end, this.#source.slice(node.start, node.end).replace(/[^\n\r\u2028\u2029]/g, ' '));
  }

  #refuse(node: Node, message: string): never {
    const { line, column } = lineColumn(this.#source, node.start);
    return raise(message, line, column);
  }

  #insert(at: number, text: string): void {
    this.#replace(at, at, text);
  }

  #replace(start: number, end: number, text: string, callee = false): void {
    const semicolon = text.startsWith('(') && this.#statementStarts.has(start) ? ';' : '';
    this.#edits.push({ start, end, text: semicolon + text, callee });
  }
}

/** The expression inside TypeScript's wrappers (`x as T`, `x!`, `<T>x`). */
function unwrap(node: Node): Node {
  while (TS_EXPRESSIONS.has(node.type)) node = node.expression;
  return node;
}

/** The names a binding pattern declares. */
function patternNames(node: Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ObjectPattern':
      return node.properties.flatMap((p: Node) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return node.elements.flatMap(patternNames);
    case 'RestElement':
      return patternNames(node.argument);
    case 'AssignmentPattern':
      return patternNames(node.left);
    default:
      return [];
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\u2028' || c === '\u2029' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}
