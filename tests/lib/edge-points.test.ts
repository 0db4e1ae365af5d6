// Every operation's backward at its edge points (0, negative bases, ±∞, NaN), each with the
// result PyTorch documents for it. The formulas, from pytorch/pytorch:
//
//   tools/autograd/derivatives.yaml
//     add.Tensor        self: grad                       other: grad
//     sub.Tensor        self: grad                       other: -grad
//     mul.Tensor        self: grad * other               other: grad * self
//     div.Tensor        self: grad / other               other: -grad * ((self / other) / other)
//                       (div_tensor_self_backward, div_tensor_other_backward in FunctionsManual.cpp)
//     neg               self: grad.neg()
//     tanh              self: tanh_backward(grad, result) = grad * (1 - result * result)
//     exp               self: grad * result
//     log               self: grad.div(self)
//     relu              self: threshold_backward(grad, result, 0): result <= 0 ? 0 : grad, so a
//                       NaN result passes grad; relu itself is clamp_min(self, 0), which keeps
//                       NaN (aten/src/ATen/native/Activation.cpp)
//     pow.Tensor_Scalar self: pow_backward(grad, self, exponent)
//     pow.Tensor_Tensor self: pow_backward_self(grad, self, exponent)
//                       exponent: pow_backward_exponent(grad, self, exponent, result)
//
//   torch/csrc/autograd/FunctionsManual.cpp
//     pow_backward:          exponent == 0 ? zeros_like(self) : grad * exponent * self.pow(exponent - 1)
//     pow_backward_self:     where(exponent == 0, 0, grad * exponent * self.pow(exponent - 1))
//     pow_backward_exponent: grad * where(self == 0 & exponent >= 0, 0, result * self.log())
//       "We define d(a^b)/db at a = 0 and b < 0 to be -inf … d(a^b)/db = 0 for a = 0 and b = 0
//        by continuity as d(a^b)/db = 0 for a > 0 and b -> +0."
//
// Reading of the rule: no gradient is NaN where the function is locally constant (x⁰, a ReLU
// that is off, tanh and exp far out) or where its slope is defined; NaN stays where the value
// itself is not a number, or where no real slope exists (a negative base's exponent).
import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';

const inf = Infinity;
const nan = NaN;

type Case = [name: string, build: (...leaves: Value[]) => Value, inputs: number[], data: number, grads: number[]];

const cases: Case[] = [
  ['∞ + (−∞)', (a, b) => a.add(b), [inf, -inf], nan, [1, 1]],
  ['NaN + 1', (a, b) => a.add(b), [nan, 1], nan, [1, 1]],
  ['∞ − ∞', (a, b) => a.sub(b), [inf, inf], nan, [1, -1]],
  ['0 · ∞', (a, b) => a.mul(b), [0, inf], nan, [inf, 0]],
  ['∞ · 2', (a, b) => a.mul(b), [inf, 2], inf, [2, inf]],
  ['NaN · 2', (a, b) => a.mul(b), [nan, 2], nan, [2, nan]],
  ['1 / 0', (a, b) => a.div(b), [1, 0], inf, [inf, -inf]],
  ['1 / −0', (a, b) => a.div(b), [1, -0], -inf, [-inf, -inf]],
  ['0 / 0', (a, b) => a.div(b), [0, 0], nan, [inf, nan]],
  ['1 / ∞', (a, b) => a.div(b), [1, inf], 0, [0, 0]],
  ['−NaN', (a) => a.neg(), [nan], nan, [-1]],
  ['−∞', (a) => a.neg(), [inf], -inf, [-1]],
  ['tanh 0', (a) => a.tanh(), [0], 0, [1]],
  ['tanh ∞', (a) => a.tanh(), [inf], 1, [0]],
  ['tanh −∞', (a) => a.tanh(), [-inf], -1, [0]],
  ['tanh NaN', (a) => a.tanh(), [nan], nan, [nan]],
  ['exp −∞', (a) => a.exp(), [-inf], 0, [0]],
  ['exp ∞', (a) => a.exp(), [inf], inf, [inf]],
  ['exp NaN', (a) => a.exp(), [nan], nan, [nan]],
  ['log 0', (a) => a.log(), [0], -inf, [inf]],
  ['log −0', (a) => a.log(), [-0], -inf, [-inf]],
  ['log −1', (a) => a.log(), [-1], nan, [-1]],
  ['log ∞', (a) => a.log(), [inf], inf, [0]],
  ['log NaN', (a) => a.log(), [nan], nan, [nan]],
  ['relu 0', (a) => a.relu(), [0], 0, [0]],
  ['relu −0', (a) => a.relu(), [-0], 0, [0]],
  ['relu −∞', (a) => a.relu(), [-inf], 0, [0]],
  ['relu ∞', (a) => a.relu(), [inf], inf, [1]],
  ['relu NaN', (a) => a.relu(), [nan], nan, [1]],
  // A plain-number exponent: pow.Tensor_Scalar, pow_backward.
  ['0 ** 0', (a) => a.pow(0), [0], 1, [0]],
  ['0 ** 1', (a) => a.pow(1), [0], 0, [1]],
  ['0 ** 2', (a) => a.pow(2), [0], 0, [0]],
  ['0 ** 0.5', (a) => a.pow(0.5), [0], 0, [inf]],
  ['0 ** −1', (a) => a.pow(-1), [0], inf, [-inf]],
  ['(−2) ** 2', (a) => a.pow(2), [-2], 4, [-4]],
  ['(−2) ** 3', (a) => a.pow(3), [-2], -8, [12]],
  ['(−2) ** −1', (a) => a.pow(-1), [-2], -0.5, [-0.25]],
  ['(−8) ** (1/3)', (a) => a.pow(1 / 3), [-8], nan, [nan]],
  ['∞ ** 2', (a) => a.pow(2), [inf], inf, [inf]],
  ['(−∞) ** 3', (a) => a.pow(3), [-inf], -inf, [inf]],
  ['∞ ** 0', (a) => a.pow(0), [inf], 1, [0]],
  ['NaN ** 0', (a) => a.pow(0), [nan], 1, [0]],
  ['NaN ** 2', (a) => a.pow(2), [nan], nan, [nan]],
  ['2 ** NaN', (a) => a.pow(nan), [2], nan, [nan]],
  // A Value exponent: pow.Tensor_Tensor, pow_backward_self and pow_backward_exponent.
  ['0 ** b, b = 0', (a, b) => a.pow(b), [0, 0], 1, [0, 0]],
  ['0 ** b, b = 2', (a, b) => a.pow(b), [0, 2], 0, [0, 0]],
  ['0 ** b, b = −1', (a, b) => a.pow(b), [0, -1], inf, [-inf, -inf]],
  ['0 ** b, b = NaN', (a, b) => a.pow(b), [0, nan], nan, [nan, nan]],
  ['2 ** b, b = 0', (a, b) => a.pow(b), [2, 0], 1, [0, Math.LN2]],
  ['2 ** b, b = −∞', (a, b) => a.pow(b), [2, -inf], 0, [nan, 0]],
  ['(−2) ** b, b = 2', (a, b) => a.pow(b), [-2, 2], 4, [-4, nan]],
  ['∞ ** b, b = 0', (a, b) => a.pow(b), [inf, 0], 1, [0, inf]],
  ['0.5 ** b, b = ∞', (a, b) => a.pow(b), [0.5, inf], 0, [nan, 0]],
  // The gradient arriving from above does not matter where PyTorch returns a plain zero.
  ['(x ** 0) · ∞', (a) => a.pow(0).mul(inf), [0], inf, [0]],
  ['relu(x) · ∞, x = −1', (a) => a.relu().mul(inf), [-1], nan, [0]],
];

/** Equal as numbers: NaN matches NaN, and 0 matches −0 (a sum's sign of zero is no gradient's). */
const same = (x: number, y: number) => (Number.isNaN(y) ? Number.isNaN(x) : x === y);

describe("each operation's backward at its edge points matches PyTorch", () => {
  it.each(cases)('%s', (_, build, inputs, data, grads) => {
    const leaves = inputs.map((x) => new Value(x));
    const out = build(...leaves);
    out.backward();
    expect(same(out.data, data), `data ${out.data}, want ${data}`).toBe(true);
    leaves.forEach((leaf, i) => {
      expect(same(leaf.grad, grads[i] ?? nan), `grad of operand ${i + 1}: ${leaf.grad}, want ${grads[i]}`).toBe(true);
    });
  });

  it("issue 8's case: x⁰ is the constant 1, so only 3x adds to x's gradient at x = 0", () => {
    const x = new Value(0);
    x.pow(0).add(x.mul(3)).backward();
    expect(x.grad).toBe(3);
  });
});
