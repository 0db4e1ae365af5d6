import { describe, expect, it } from 'vitest';
import { type Op, Value } from '../../lib/engine.ts';

describe('Value', () => {
  it('starts with grad 0, an empty op and no children', () => {
    const v = new Value(3, { label: 'v' });
    expect([v.data, v.grad, v.label, v.op, v.children]).toEqual([3, 0, 'v', '', []]);
    v.label = 'w';
    expect(v.label).toBe('w');
  });

  it('records the operation and operands of a result', () => {
    const a = new Value(2);
    const b = new Value(3);
    const c = a.mul(b);
    expect(c.op).toBe('*');
    expect(c.children).toEqual([a, b]);
    expect(a.tanh().children).toEqual([a]);
  });

  it.each([
    ['add', (a: Value, b: Value) => a.add(b), 5, [1, 1]],
    ['sub', (a: Value, b: Value) => a.sub(b), -1, [1, -1]],
    ['mul', (a: Value, b: Value) => a.mul(b), 6, [3, 2]],
    ['div', (a: Value, b: Value) => a.div(b), 2 / 3, [1 / 3, -2 / 9]],
    ['pow', (a: Value, b: Value) => a.pow(b), 8, [12, 8 * Math.log(2)]],
  ] as const)('%s computes the value and both local derivatives', (_, f, data, [da, db]) => {
    const a = new Value(2);
    const b = new Value(3);
    const out = f(a, b);
    out.backward();
    expect(out.data).toBeCloseTo(data, 12);
    expect(a.grad).toBeCloseTo(da, 12);
    expect(b.grad).toBeCloseTo(db, 12);
  });

  it.each([
    ['neg', (a: Value) => a.neg(), -0.5, -1],
    ['exp', (a: Value) => a.exp(), Math.exp(0.5), Math.exp(0.5)],
    ['log', (a: Value) => a.log(), Math.log(0.5), 2],
    ['tanh', (a: Value) => a.tanh(), Math.tanh(0.5), 1 - Math.tanh(0.5) ** 2],
    ['relu', (a: Value) => a.relu(), 0.5, 1],
  ] as const)('%s computes the value and its derivative', (_, f, data, da) => {
    const a = new Value(0.5);
    const out = f(a);
    out.backward();
    expect(out.data).toBeCloseTo(data, 12);
    expect(a.grad).toBeCloseTo(da, 12);
  });

  it('relu passes no gradient where it clips', () => {
    const a = new Value(-2);
    const out = a.relu();
    out.backward();
    expect([out.data, a.grad]).toEqual([0, 0]);
  });

  it('a plain-number exponent is a constant: only the base gets a gradient', () => {
    const x = new Value(-3);
    const y = x.pow(2);
    y.backward();
    expect(y.data).toBe(9);
    expect(x.grad).toBe(-6);
    const [, k] = y.children;
    expect(k.grad).toBe(0);
  });

  it('a Value exponent is differentiable: d(2^x)/dx = 2^x ln 2', () => {
    const x = new Value(3);
    const y = new Value(2).pow(x);
    y.backward();
    expect(y.data).toBe(8);
    expect(x.grad).toBeCloseTo(8 * Math.LN2, 12);
  });

  it("keeps the graph where the notes' reflected operators returned plain floats", () => {
    const x = new Value(2);
    const r = new Value(1).sub(x); // the notes' 1 - Value(2.0) was the float -1.0
    const q = new Value(10).div(x);
    const p = new Value(2).pow(x);
    for (const out of [r, q, p]) expect(out).toBeInstanceOf(Value);
    r.add(q).add(p).backward();
    expect(x.grad).toBeCloseTo(-1 - 10 / 4 + 4 * Math.LN2, 12);
  });

  describe('a node used more than once accumulates its gradient', () => {
    it('a + a', () => {
      const a = new Value(3);
      a.add(a).backward();
      expect(a.grad).toBe(2);
    });
    it('a * a', () => {
      const a = new Value(3);
      a.mul(a).backward();
      expect(a.grad).toBe(6);
    });
    it('b = a + a; c = b + b', () => {
      const a = new Value(3);
      const b = a.add(a);
      const c = b.add(b);
      c.backward();
      expect([c.data, b.grad, a.grad]).toEqual([12, 2, 4]);
    });
    it("the notes' d = a*b + c style reuse: f = (a*b) * (a + b)", () => {
      const a = new Value(-2);
      const b = new Value(3);
      const f = a.mul(b).mul(a.add(b));
      f.backward();
      // df/da = b(a+b) + ab = 3 - 6 = -3; df/db = a(a+b) + ab = -2 - 6 = -8
      expect([a.grad, b.grad]).toEqual([-3, -8]);
    });
  });

  it('backward() works through a chain a million nodes deep', () => {
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = y.add(1);
    y.backward();
    expect(y.data).toBe(1_000_001);
    expect(x.grad).toBe(1);
  });

  it('a second backward() from the same root adds the gradients again', () => {
    const a = new Value(2);
    const y = a.mul(3);
    y.backward();
    y.backward();
    expect(a.grad).toBe(6);
  });

  it('tanh does not overflow: tanh(±1000) is ±1 with gradient 0', () => {
    for (const x of [1000, -1000, 355, 1e308]) {
      const a = new Value(x);
      const t = a.tanh();
      t.backward();
      expect(t.data).toBe(Math.sign(x));
      expect(a.grad).toBe(0);
    }
  });

  it('refuses to become a number, so `2 - x` cannot silently leave the graph', () => {
    const x = new Value(2) as unknown as number;
    expect(() => 2 - x).toThrow(/a Value is not a number; use x.data/);
    expect(() => x > 0).toThrow(TypeError);
    expect(() => Math.max(x, 1)).toThrow(TypeError);
    expect(`${x}`).toBe('Value(data=2)');
    expect('loss ' + x).toBe('loss Value(data=2)');
  });

  it('NaN and ±Infinity follow IEEE arithmetic', () => {
    expect(new Value(Infinity).add(1).data).toBe(Infinity);
    expect(new Value(Infinity).sub(Infinity).data).toBeNaN();
    expect(new Value(1).div(0).data).toBe(Infinity);
    expect(new Value(NaN).mul(0).data).toBeNaN();
    expect(new Value(0).log().data).toBe(-Infinity);
  });

  describe('bad input throws a TypeError naming what it got', () => {
    const bad: [unknown, RegExp][] = [
      ['3', /got the string "3"/],
      [undefined, /got undefined/],
      [null, /got null/],
      [{ data: 3 }, /got an object \(Object\)/],
      [[1], /got an object \(Array\)/],
      [3n, /got a bigint \(3\)/],
      [() => 1, /got a function \(\(\) => 1\)/],
      [true, /got a boolean \(true\)/],
    ];
    it.each(bad)('as data: %s', (x, message) => {
      expect(() => new Value(x as number)).toThrow(TypeError);
      expect(() => new Value(x as number)).toThrow(message);
    });
    it.each(bad)('as an operand: %s', (x, message) => {
      for (const op of ['add', 'sub', 'mul', 'div', 'pow'] as const) {
        expect(() => new Value(1)[op](x as number)).toThrow(TypeError);
        expect(() => new Value(1)[op](x as number)).toThrow(message);
      }
    });
    it('as a label', () => {
      expect(() => new Value(1, { label: 7 as unknown as string })).toThrow(/label must be a string, got a number \(7\)/);
    });
  });
});

describe('backwardStep', () => {
  it('passes one node\'s grad to its operands; every node in reverse order is backward()', () => {
    const build = () => {
      const a = new Value(2);
      const b = new Value(-3);
      const e = a.mul(b);
      const s = e.add(a);
      const d = s.tanh();
      return { a, b, e, s, d };
    };
    const byHand = build();
    byHand.d.grad = 1;
    byHand.d.backwardStep();
    expect(byHand.s.grad).toBe(1 - Math.tanh(-4) ** 2);
    expect(byHand.e.grad).toBe(0); // the sum below d has not passed its grad on yet
    for (const node of byHand.d.topologicalOrder().reverse().slice(1)) node.backwardStep();
    const auto = build();
    auto.d.backward();
    expect([byHand.a.grad, byHand.b.grad]).toEqual([auto.a.grad, auto.b.grad]);
    expect(byHand.a.grad).not.toBe(0);
  });

  it('does nothing on a leaf', () => {
    const x = new Value(3);
    x.grad = 5;
    x.backwardStep();
    expect(x.grad).toBe(5);
  });
});

describe('Value.make: an operation of your own', () => {
  const SQUARE: Op = { name: 'sq', arity: 1, backward: (out, a) => void (a.grad += 2 * a.data * out.grad) };

  it('builds a node that backward() walks by its rule, drawn with its name', () => {
    const x = new Value(3);
    const y = Value.make(x.data ** 2, SQUARE, x).mul(2);
    y.backward();
    expect(x.grad).toBe(12);
    expect(y.children[0].op).toBe('sq');
  });

  it('refuses operands that do not fit the operation, and what is not an operation', () => {
    const x = new Value(1);
    expect(() => Value.make(1, SQUARE, x, x)).toThrow("Value.make: operation 'sq' takes one Value operand");
    expect(() => Value.make(1, Value.ADD, x)).toThrow("Value.make: operation '+' takes two Value operands");
    expect(() => Value.make(1, SQUARE, 3 as unknown as Value)).toThrow(TypeError);
    expect(() => Value.make(1, { name: 'x' } as unknown as Op, x)).toThrow('Value: op must be an Op, got an object (Object)');
    expect(() => Value.make('1' as unknown as number, SQUARE, x)).toThrow('Value: data must be a number');
  });
});
