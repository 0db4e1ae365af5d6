// The notes' neuron, by hand and through backward(), with tanh direct and written through exp.
import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';

function neuronInputs(b = 6.8813735870195432) {
  const x1 = new Value(2.0, { label: 'x1' });
  const x2 = new Value(0.0, { label: 'x2' });
  const w1 = new Value(-3.0, { label: 'w1' });
  const w2 = new Value(1.0, { label: 'w2' });
  const n = x1.mul(w1).add(x2.mul(w2)).add(new Value(b, { label: 'b' }));
  return { x1, x2, w1, w2, n };
}

function expectNeuronGrads(v: ReturnType<typeof neuronInputs>) {
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-12);
  close(v.x1.grad, -1.5);
  close(v.w1.grad, 1);
  close(v.x2.grad, 0.5);
  close(v.w2.grad, 0);
}

describe("the notes' neuron", () => {
  it('o = tanh(n) is 0.7071067811865476 and backward fills every gradient', () => {
    const v = neuronInputs();
    const o = v.n.tanh();
    o.backward();
    expect(Math.abs(o.data - 0.7071067811865476)).toBeLessThan(1e-12);
    expect(String(o)).toBe(`Value(data=${o.data})`);
    expectNeuronGrads(v);
  });

  it('gives the same value and gradients with tanh written through exp', () => {
    const v = neuronInputs();
    const e = v.n.mul(2).exp();
    const o = e.sub(1).div(e.add(1));
    o.backward();
    expect(Math.abs(o.data - 0.7071067811865476)).toBeLessThan(1e-12);
    expectNeuronGrads(v);
  });

  it("reproduces PyTorch's o when b is first rounded to float32", () => {
    const v = neuronInputs(Math.fround(6.8813735870195432));
    const o = v.n.tanh();
    o.backward();
    expect(o.data).toBe(0.7071066904050358);
    expect(v.x1.grad).toBeCloseTo(-1.5000003851533106, 14);
    expect(v.w1.grad).toBeCloseTo(1.0000002567688737, 14);
  });
});
