// Property test: on random expression graphs, every leaf's gradient from backward() agrees with
// a central finite difference of the forward computation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';

// An expression over leaves x0…x3, as a tree of operations; leaves may repeat (shared nodes).
type Expr =
  | { kind: 'leaf'; index: number }
  | { kind: 'const'; value: number }
  | { kind: 'unary'; op: 'neg' | 'tanh' | 'exp' | 'log' | 'relu' | 'square'; arg: Expr }
  | { kind: 'binary'; op: 'add' | 'sub' | 'mul' | 'div' | 'pow'; left: Expr; right: Expr };

const LEAVES = 4;

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('leaf' as const), index: fc.integer({ min: 0, max: LEAVES - 1 }) }),
    fc.record({ kind: fc.constant('const' as const), value: fc.double({ min: -2, max: 2, noNaN: true }) }),
    fc.record({
      kind: fc.constant('unary' as const),
      op: fc.constantFrom('neg', 'tanh', 'exp', 'log', 'relu', 'square'),
      arg: tie('expr'),
    }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom('add', 'sub', 'mul', 'div', 'pow'),
      left: tie('expr'),
      right: tie('expr'),
    }),
  ),
}));

// Keeps every operation inside its smooth domain, so finite differences are meaningful:
// log, division and non-integer powers see arguments bounded away from 0 and kinks.
function build(e: Expr, leaves: Value[]): Value {
  switch (e.kind) {
    case 'leaf':
      return leaves[e.index];
    case 'const':
      return new Value(e.value);
    case 'unary': {
      const a = build(e.arg, leaves);
      if (e.op === 'neg') return a.neg();
      if (e.op === 'tanh') return a.tanh();
      if (e.op === 'exp') return a.tanh().exp();
      if (e.op === 'log') return a.tanh().add(2).log();
      if (e.op === 'square') return a.tanh().pow(2);
      return a.add(a.tanh().add(3)).relu(); // always > 0: relu is smooth here
    }
    case 'binary': {
      const a = build(e.left, leaves);
      const b = build(e.right, leaves);
      if (e.op === 'add') return a.add(b);
      if (e.op === 'sub') return a.sub(b);
      if (e.op === 'mul') return a.mul(b);
      if (e.op === 'div') return a.div(b.tanh().add(2));
      return a.tanh().add(2).pow(b.tanh()); // base in (1, 3), exponent in (-1, 1): both differentiable
    }
  }
}

function evaluate(e: Expr, xs: number[]): number {
  return build(e, xs.map((x) => new Value(x))).data;
}

describe('gradients against central finite differences', () => {
  it('hold for every leaf of random expression graphs', () => {
    fc.assert(
      fc.property(
        expr,
        fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: LEAVES, maxLength: LEAVES }),
        (e, xs) => {
          const leaves = xs.map((x) => new Value(x));
          const out = build(e, leaves);
          fc.pre(Number.isFinite(out.data) && Math.abs(out.data) < 1e6);
          out.backward();
          const h = 1e-6;
          leaves.forEach((leaf, i) => {
            const up = xs.map((x, j) => (j === i ? x + h : x));
            const down = xs.map((x, j) => (j === i ? x - h : x));
            const numeric = (evaluate(e, up) - evaluate(e, down)) / (2 * h);
            const scale = Math.max(1, Math.abs(numeric), Math.abs(leaf.grad));
            expect(Math.abs(leaf.grad - numeric) / scale).toBeLessThan(1e-4);
          });
        },
      ),
      { numRuns: 500, seed: 42 },
    );
  });
});
