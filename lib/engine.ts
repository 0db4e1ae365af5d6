// micrograd's scalar autograd engine in TypeScript: copy this file as it is.

// #region op
/**
 * An operation, shared by every value it makes: its name for graphs, and its
 * backward rule, adding out.grad × ∂out/∂a to a.grad (and b's, if Binary).
 */
export type Op = { readonly name: string } & (
  | { readonly arity: 1; backward(out: Value, a: Value): void }
  | { readonly arity: 2; backward(out: Value, a: Value, b: Value): void }
);
export type Unary = Op & { readonly arity: 1 };
export type Binary = Op & { readonly arity: 2 };
const unary = (name: string, backward: Unary['backward']): Unary =>
  ({ name, arity: 1, backward });
const binary = (name: string, backward: Binary['backward']): Binary =>
  ({ name, arity: 2, backward });
// #endregion op

// #region value
export class Value {
  data: number;
  /** d(root)/d(this), filled in by root.backward(). */
  grad = 0;
  label: string;
  // How this value was made: the operation and its operands (none for a leaf).
  #op: Op | null = null;
  #a: Value | null = null;
  #b: Value | null = null;
  // Which topological sort last reached this value, and how many there were.
  #visited = 0;
  static #sorts = 0;

  /** A leaf: a number of yours, with a label for graphs if you like. */
  constructor(data: number, options?: { label?: string }) {
    if (typeof data !== 'number') throw invalid('data', 'a number', data);
    const label = options?.label ?? '';
    if (typeof label !== 'string') throw invalid('label', 'a string', label);
    this.data = data;
    this.label = label;
  }

  /**
   * An operation's result, as micrograd's Value(data, (a, b), op): how you
   * add an operation of your own, `Value.make(σ(x.data), SIGMOID, x)`.
   */
  static make(data: number, op: Op, a: Value, b?: Value): Value {
    if (typeof op?.backward !== 'function') throw invalid('op', 'an Op', op);
    if (!(a instanceof Value) || !(b === undefined || b instanceof Value)
      || (b === undefined ? 1 : 2) !== op.arity) {
      throw new TypeError(`Value.make: operation '${op.name}' takes `
        + (op.arity === 1 ? 'one Value operand' : 'two Value operands'));
    }
    return Value.#make(data, op, a, b ?? null);
  }

  static #make(data: number, op: Op, a: Value, b: Value | null = null): Value {
    const out = new Value(data);
    out.#op = op;
    out.#a = a;
    out.#b = b;
    return out;
  }

  /** The name of the operation that made this value; '' for a leaf. */
  get op(): string {
    return this.#op?.name ?? '';
  }

  /** The operands this value was computed from. */
  get children(): Value[] {
    return [this.#a, this.#b].filter((operand) => operand !== null);
  }

  toString(): string {
    return `Value(data=${this.data})`;
  }
  // #endregion value

  // #region to-primitive
  // Unchecked, `2 - x` would be NaN and `x > 0` false: x would silently
  // leave the graph. As text a Value is its toString(); as a number, an error.
  [Symbol.toPrimitive](hint: string): string {
    if (hint !== 'number') return this.toString();
    throw new TypeError('Value: a Value is not a number; use x.data for its '
      + 'number, or methods (new Value(2).sub(x)) to compute with it');
  }
  // #endregion to-primitive

  // #region add-mul
  add(other: Value | number): Value {
    const that = toValue(other);
    return Value.#make(this.data + that.data, Value.ADD, this, that);
  }
  // A sum passes its gradient to both terms: d(a+b)/da = d(a+b)/db = 1.
  static readonly ADD: Binary = binary('+', (out, a, b) => {
    a.grad += out.grad;
    b.grad += out.grad;
  });

  mul(other: Value | number): Value {
    const that = toValue(other);
    return Value.#make(this.data * that.data, Value.MUL, this, that);
  }
  // A product sends each factor the other's data: d(ab)/da = b, d(ab)/db = a.
  static readonly MUL: Binary = binary('*', (out, a, b) => {
    a.grad += b.data * out.grad;
    b.grad += a.data * out.grad;
  });
  // #endregion add-mul

  // #region pow
  /** this ** other. A Value exponent gets a gradient too; a number does not. */
  pow(other: Value | number): Value {
    const that = toValue(other);
    const op = other instanceof Value ? Value.POW : Value.POW_CONST;
    return Value.#make(this.data ** that.data, op, this, that);
  }
  // d(aᵏ)/da = k·aᵏ⁻¹, but a⁰ has slope 0 even at a = 0 (where k·aᵏ⁻¹ is 0·∞).
  static readonly POW_CONST: Binary = binary('**', (out, a, k) => {
    if (k.data !== 0) a.grad += k.data * a.data ** (k.data - 1) * out.grad;
  });
  // And d(aᵇ)/db = aᵇ·ln a, which PyTorch takes as 0 at a = 0 for b ≥ 0.
  static readonly POW: Binary = binary('**', (out, a, b) => {
    Value.POW_CONST.backward(out, a, b);
    const slope = a.data === 0 && b.data >= 0 ? 0 : out.data * Math.log(a.data);
    b.grad += slope * out.grad;
  });
  // #endregion pow

  // #region sub-div-neg
  sub(other: Value | number): Value {
    const that = toValue(other);
    return Value.#make(this.data - that.data, Value.SUB, this, that);
  }
  // d(a−b)/da = 1 and d(a−b)/db = −1.
  static readonly SUB: Binary = binary('-', (out, a, b) => {
    a.grad += out.grad;
    b.grad -= out.grad;
  });

  div(other: Value | number): Value {
    const that = toValue(other);
    return Value.#make(this.data / that.data, Value.DIV, this, that);
  }
  // d(a/b)/da = 1/b and d(a/b)/db = −a/b² = −(a/b)/b.
  static readonly DIV: Binary = binary('/', (out, a, b) => {
    a.grad += out.grad / b.data;
    b.grad -= (out.data / b.data) * out.grad;
  });

  neg(): Value {
    return Value.#make(-this.data, Value.NEG, this);
  }
  // d(−a)/da = −1.
  static readonly NEG: Unary = unary('neg', (out, a) => {
    a.grad -= out.grad;
  });
  // #endregion sub-div-neg

  // #region tanh-exp
  // Math.tanh, not (e²ˣ − 1)/(e²ˣ + 1), which is ∞/∞ from x ≈ 355 on.
  tanh(): Value {
    return Value.#make(Math.tanh(this.data), Value.TANH, this);
  }
  // d(tanh a)/da = 1 − tanh²(a), and tanh(a) is already out.data.
  static readonly TANH: Unary = unary('tanh', (out, a) => {
    a.grad += (1 - out.data * out.data) * out.grad;
  });

  exp(): Value {
    return Value.#make(Math.exp(this.data), Value.EXP, this);
  }
  // eᵃ is its own derivative.
  static readonly EXP: Unary = unary('exp', (out, a) => {
    a.grad += out.data * out.grad;
  });
  // #endregion tanh-exp

  // #region log-relu
  log(): Value {
    return Value.#make(Math.log(this.data), Value.LOG, this);
  }
  // d(ln a)/da = 1/a.
  static readonly LOG: Unary = unary('log', (out, a) => {
    a.grad += out.grad / a.data;
  });

  relu(): Value {
    return Value.#make(Math.max(this.data, 0), Value.RELU, this);
  }
  // The gradient passes where the unit is on; a NaN passes too, as in PyTorch.
  static readonly RELU: Unary = unary('ReLU', (out, a) => {
    if (out.data !== 0) a.grad += out.grad;
  });
  // #endregion log-relu

  // #region backward
  /** Fills in d(this)/d(v) as v.grad for every v this value depends on. */
  backward(): void {
    const order = this.topologicalOrder();
    this.grad = 1;
    // Last to first: a node's grad is complete before it passes it on.
    for (let i = order.length - 1; i >= 0; i--) order[i]!.backwardStep();
  }

  /**
   * One step of backward(), micrograd's `_backward()`: adds this value's grad
   * × each local derivative to its operands' grads, by its operation's rule.
   */
  backwardStep(): void {
    const op = this.#op, a = this.#a, b = this.#b;
    if (op === null || a === null) return;
    if (op.arity === 1) op.backward(this, a);
    else if (b !== null) op.backward(this, a, b);
  }

  /**
   * Every node this value depends on, each after its operands: a depth-first
   * search with its own stack, not recursion, and visit stamps, not a Set.
   */
  topologicalOrder(): Value[] {
    const stamp = ++Value.#sorts;
    const order: Value[] = [];
    const stack: Value[] = [this];
    this.#visited = stamp;
    while (stack.length > 0) {
      const node = stack[stack.length - 1]!;
      const a = node.#a, b = node.#b;
      // b before a only for speed: see "Benchmark" in the README.
      if (b !== null && b.#visited !== stamp) {
        b.#visited = stamp;
        stack.push(b);
      } else if (a !== null && a.#visited !== stamp) {
        a.#visited = stamp;
        stack.push(a);
      } else {
        order.push(node); // its operands are placed: the node can follow
        stack.pop();
      }
    }
    return order;
  }
  // #endregion backward
}

// #region to-value
/** Lets every operation take a plain number too: it becomes a constant leaf. */
function toValue(x: Value | number): Value {
  if (x instanceof Value) return x;
  if (typeof x === 'number') return new Value(x);
  throw invalid('operand', 'a number or a Value', x);
}
// #endregion to-value

/** A TypeError naming a bad argument: its type, and a short look at it. */
function invalid(what: string, want: string, x: unknown): TypeError {
  const got = x === null || x === undefined ? String(x)
    : typeof x === 'string' ? `the string ${JSON.stringify(x.slice(0, 40))}`
    : typeof x === 'object' ? `an object (${x.constructor?.name ?? 'null'})`
    : `a ${typeof x} (${String(x).slice(0, 40)})`;
  return new TypeError(`Value: ${what} must be ${want}, got ${got}`);
}
