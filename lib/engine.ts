// A scalar reverse-mode autograd engine: micrograd's Value, in TypeScript.
// Copy this file as it is: it has no imports and uses only erasable TypeScript.

// #region op
/**
 * An operation, shared by every value it makes: its name for graphs, and its backward
 * rule, which adds out's gradient times the local derivative into each operand's grad.
 * One rule object per operation, not a closure per node, keeps a forward pass cheap.
 */
export interface Op {
  readonly name: string;
  readonly backward: (out: Value, a: Value, b: Value) => void;
}
// #endregion op

// #region value
export class Value {
  data: number;
  /** d(root)/d(this), filled in by root.backward(). */
  grad = 0;
  label: string;
  // How this value was made: the operation and its operands (none for a leaf).
  readonly #op: Op | null;
  readonly #a: Value | null;
  readonly #b: Value | null;
  // Which backward() pass last visited this node (see topologicalOrder).
  #visited = 0;

  /** Operations pass null options and the last three arguments; you leave them out. */
  constructor(
    data: number,
    options?: { label?: string } | null,
    op: Op | null = null,
    a: Value | null = null,
    b: Value | null = null,
  ) {
    if (typeof data !== 'number') throw new TypeError(`Value: data must be a number, got ${describe(data)}`);
    const label = options?.label ?? '';
    if (typeof label !== 'string') throw new TypeError(`Value: label must be a string, got ${describe(label)}`);
    this.data = data;
    this.label = label;
    this.#op = op;
    this.#a = a;
    this.#b = b;
  }

  /** The name of the operation that made this value; '' for a leaf. */
  get op(): string {
    return this.#op === null ? '' : this.#op.name;
  }

  /** The operands this value was computed from. */
  get children(): Value[] {
    if (this.#a === null) return [];
    return this.#b === null ? [this.#a] : [this.#a, this.#b];
  }

  toString(): string {
    return `Value(data=${this.data})`;
  }
  // #endregion value

  // #region to-primitive
  // Unchecked, JavaScript would turn `2 - x` into not-a-number and `x > 0` into false, cutting x
  // out of the graph without a word. As text a Value is its toString(); as a number, an error.
  [Symbol.toPrimitive](hint: string): string {
    if (hint !== 'number') return this.toString();
    throw new TypeError('Value: a Value is not a number; use x.data for its number, or methods (new Value(2).sub(x)) to compute with it');
  }
  // #endregion to-primitive

  // #region add
  add(other: Value | number): Value {
    const that = toValue(other);
    return new Value(this.data + that.data, null, Value.ADD, this, that);
  }
  // #endregion add

  // #region add-backward
  // A sum passes its gradient to both terms unchanged: d(a+b)/da = d(a+b)/db = 1.
  static readonly ADD: Op = {
    name: '+',
    backward(out, a, b) {
      a.grad += out.grad;
      b.grad += out.grad;
    },
  };
  // #endregion add-backward

  // #region mul
  mul(other: Value | number): Value {
    const that = toValue(other);
    return new Value(this.data * that.data, null, Value.MUL, this, that);
  }
  // #endregion mul

  // #region mul-backward
  // A product sends each factor the other factor's data: d(a·b)/da = b, d(a·b)/db = a.
  static readonly MUL: Op = {
    name: '*',
    backward(out, a, b) {
      a.grad += b.data * out.grad;
      b.grad += a.data * out.grad;
    },
  };
  // #endregion mul-backward

  // #region pow
  /** this ** other. With a Value exponent the graph is differentiable in the exponent too. */
  pow(other: Value | number): Value {
    const that = toValue(other);
    const op = other instanceof Value ? Value.POW : Value.POW_CONST;
    return new Value(this.data ** that.data, null, op, this, that);
  }
  // #endregion pow

  // #region pow-backward
  // d(aᵏ)/da = k·aᵏ⁻¹. A plain-number exponent is a constant: it gets no gradient.
  static readonly POW_CONST: Op = {
    name: '**',
    backward(out, a, k) {
      a.grad += k.data * a.data ** (k.data - 1) * out.grad;
    },
  };

  // d(aᵇ)/db = aᵇ·ln a. Where aᵇ is 0 (a = 0, b > 0) that slope is 0, not 0·(−∞).
  static readonly POW: Op = {
    name: '**',
    backward(out, a, b) {
      a.grad += b.data * a.data ** (b.data - 1) * out.grad;
      if (out.data !== 0) b.grad += out.data * Math.log(a.data) * out.grad;
    },
  };
  // #endregion pow-backward

  // #region sub
  sub(other: Value | number): Value {
    const that = toValue(other);
    return new Value(this.data - that.data, null, Value.SUB, this, that);
  }
  // #endregion sub

  // #region sub-backward
  static readonly SUB: Op = {
    name: '-',
    backward(out, a, b) {
      a.grad += out.grad;
      b.grad -= out.grad;
    },
  };
  // #endregion sub-backward

  // #region div
  div(other: Value | number): Value {
    const that = toValue(other);
    return new Value(this.data / that.data, null, Value.DIV, this, that);
  }
  // #endregion div

  // #region div-backward
  // d(a/b)/da = 1/b and d(a/b)/db = −a/b² = −(a/b)/b.
  static readonly DIV: Op = {
    name: '/',
    backward(out, a, b) {
      a.grad += out.grad / b.data;
      b.grad -= (out.data / b.data) * out.grad;
    },
  };
  // #endregion div-backward

  // #region neg
  neg(): Value {
    return new Value(-this.data, null, Value.NEG, this);
  }
  // #endregion neg

  // #region neg-backward
  static readonly NEG: Op = {
    name: 'neg',
    backward(out, a) {
      a.grad -= out.grad;
    },
  };
  // #endregion neg-backward

  // #region tanh
  // Math.tanh, not (e²ˣ − 1)/(e²ˣ + 1): that form is ∞/∞, not a number, from x ≈ 355 on.
  tanh(): Value {
    return new Value(Math.tanh(this.data), null, Value.TANH, this);
  }
  // #endregion tanh

  // #region tanh-backward
  // d(tanh a)/da = 1 − tanh²(a), and tanh(a) is already out.data.
  static readonly TANH: Op = {
    name: 'tanh',
    backward(out, a) {
      a.grad += (1 - out.data * out.data) * out.grad;
    },
  };
  // #endregion tanh-backward

  // #region exp
  exp(): Value {
    return new Value(Math.exp(this.data), null, Value.EXP, this);
  }
  // #endregion exp

  // #region exp-backward
  // eᵃ is its own derivative.
  static readonly EXP: Op = {
    name: 'exp',
    backward(out, a) {
      a.grad += out.data * out.grad;
    },
  };
  // #endregion exp-backward

  // #region log
  log(): Value {
    return new Value(Math.log(this.data), null, Value.LOG, this);
  }
  // #endregion log

  // #region log-backward
  static readonly LOG: Op = {
    name: 'log',
    backward(out, a) {
      a.grad += out.grad / a.data;
    },
  };
  // #endregion log-backward

  // #region relu
  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, null, Value.RELU, this);
  }
  // #endregion relu

  // #region relu-backward
  // The gradient flows through where the unit was active, and stops where it was clipped.
  static readonly RELU: Op = {
    name: 'ReLU',
    backward(out, a) {
      if (out.data > 0) a.grad += out.grad;
    },
  };
  // #endregion relu-backward

  // #region backward
  /** Fills in d(this)/d(v) as v.grad for every v this value depends on. */
  backward(): void {
    const order = this.topologicalOrder();
    this.grad = 1;
    // Reverse order: a node's grad is complete before it is passed on to its operands.
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }
  // #endregion backward

  // #region backward-step
  /**
   * One step of backward(), micrograd's `_backward()`: adds this value's grad, times each local
   * derivative, into its operands' grads, by its operation's rule. A leaf has nothing to pass on.
   */
  backwardStep(): void {
    // Unary operations ignore b, which is null for them.
    if (this.#op !== null) this.#op.backward(this, this.#a as Value, this.#b as Value);
  }
  // #endregion backward-step

  // #region topological-order
  /**
   * Every node this value depends on, each after its operands. A depth-first search with an
   * explicit stack instead of recursion, so a chain a million nodes deep cannot overflow the
   * call stack, and a visit stamp on each node instead of a Set of visited nodes.
   */
  topologicalOrder(): Value[] {
    const stamp = ++visits;
    const order: Value[] = [];
    const stack: Value[] = [this];
    this.#visited = stamp;
    while (stack.length > 0) {
      const node = stack[stack.length - 1];
      const a = node.#a;
      const b = node.#b;
      // Read both stamps before branching: the two loads can then miss the cache in parallel.
      const aNew = a !== null && a.#visited !== stamp;
      const bNew = b !== null && b.#visited !== stamp;
      // b first: in a sum like act + w·x it is the product made just before, next to its result
      // in memory, so the walk moves through memory in order rather than jumping back and forth.
      if (bNew) {
        b.#visited = stamp;
        stack.push(b);
      } else if (aNew) {
        a.#visited = stamp;
        stack.push(a);
      } else {
        // Both operands are placed: this node can follow them.
        stack.pop();
        order.push(node);
      }
    }
    return order;
  }
  // #endregion topological-order
}

// Counts topological sorts, so each one marks nodes with a stamp no earlier sort used.
let visits = 0;

// #region to-value
/** Lets every operation take a plain number too: it becomes a constant leaf. */
function toValue(x: Value | number): Value {
  if (x instanceof Value) return x;
  if (typeof x === 'number') return new Value(x);
  throw new TypeError(`Value: operand must be a number or a Value, got ${describe(x)}`);
}
// #endregion to-value

/** Names a bad argument in an error message: its type, and a short look at it. */
function describe(x: unknown): string {
  if (x == null) return String(x); // null or a missing argument
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  if (typeof x === 'bigint') return `the bigint ${x}n`;
  if (typeof x === 'object') return `an object (${x.constructor?.name ?? 'no prototype'})`;
  if (typeof x === 'function') return 'a function';
  return `a ${typeof x} (${String(x)})`;
}
