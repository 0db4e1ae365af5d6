import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { Layer, MLP, Module, Neuron } from '../../lib/nn.ts';
import { DEFAULT_SEED, Random } from '../../lib/random.ts';

const weights = (m: Module) => m.parameters().map((p) => p.data);

describe('Neuron, Layer and MLP', () => {
  it('count parameters as the notes do: MLP(3, [4, 4, 1]) has 41, MLP(2, [16, 16, 1]) 337', () => {
    expect(new Neuron(2).parameters()).toHaveLength(3);
    expect(new Layer(2, 3).parameters()).toHaveLength(9);
    expect(new MLP(3, [4, 4, 1]).parameters()).toHaveLength(41);
    expect(new MLP(2, [16, 16, 1]).parameters()).toHaveLength(337);
  });

  it('draw weights and biases uniformly from (-1, 1)', () => {
    const ps = weights(new MLP(2, [16, 16, 1]));
    expect(Math.min(...ps)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...ps)).toBeLessThan(1);
    expect(new Set(ps).size).toBe(ps.length);
  });

  it('are identical for the same seed, different for another, and alike by default', () => {
    expect(weights(new MLP(3, [4, 4, 1], { seed: 7 }))).toEqual(weights(new MLP(3, [4, 4, 1], { seed: 7 })));
    expect(weights(new MLP(3, [4, 4, 1], { seed: 7 }))).not.toEqual(weights(new MLP(3, [4, 4, 1], { seed: 8 })));
    expect(weights(new MLP(3, [4, 4, 1]))).toEqual(weights(new MLP(3, [4, 4, 1], { seed: DEFAULT_SEED })));
    expect(weights(new Neuron(2))).toEqual(weights(new Neuron(2)));
  });

  it('share one generator when given one, so consecutive models differ', () => {
    const random = new Random(1);
    expect(weights(new Neuron(2, { random }))).not.toEqual(weights(new Neuron(2, { random })));
  });

  it('a neuron computes tanh(w·x + b) by default', () => {
    const n = new Neuron(2);
    const [w0, w1, b] = weights(n);
    const out = n.forward([2, 3]);
    expect(out.data).toBeCloseTo(Math.tanh(w0 * 2 + w1 * 3 + b), 14);
    expect(out.op).toBe('tanh');
  });

  it('relu and linear activations are options', () => {
    const relu = new Neuron(2, { activation: 'relu' });
    const linear = new Neuron(2, { activation: 'linear' });
    const [w0, w1, b] = weights(linear);
    expect(linear.forward([2, -1]).data).toBeCloseTo(w0 * 2 - w1 + b, 14);
    expect(relu.forward([2, -1]).data).toBe(Math.max(0, linear.forward([2, -1]).data));
  });

  it('a layer returns one Value per neuron, and a single Value for one neuron', () => {
    const three = new Layer(2, 3).forward([2, 3]);
    expect(Array.isArray(three) && three.length).toBe(3);
    expect(new Layer(2, 1).forward([2, 3])).toBeInstanceOf(Value);
  });

  it("an MLP chains its layers, and micrograd's demo uses relu hidden layers and a linear output", () => {
    const mlp = new MLP(2, [16, 16, 1], { activation: 'relu', outputActivation: 'linear' });
    expect(mlp.layers.map((l) => l.neurons[0].activation)).toEqual(['relu', 'relu', 'linear']);
    const out = mlp.forward([0.5, -0.5]) as Value;
    let x: number[] = [0.5, -0.5];
    for (const layer of mlp.layers) {
      x = layer.neurons.map((n) => {
        const s = n.b.data + n.w.reduce((acc, w, i) => acc + w.data * x[i], 0);
        return n.activation === 'relu' ? Math.max(0, s) : s;
      });
    }
    expect(out.data).toBeCloseTo(x[0], 12);
  });

  it('zeroGrad clears every parameter gradient', () => {
    const mlp = new MLP(3, [4, 4, 1]);
    (mlp.forward([2, 3, -1]) as Value).backward();
    expect(mlp.parameters().some((p) => p.grad !== 0)).toBe(true);
    mlp.zeroGrad();
    expect(mlp.parameters().every((p) => p.grad === 0)).toBe(true);
  });

  it('reject bad sizes, inputs and options with a clear error', () => {
    expect(() => new Neuron(0)).toThrow(/nin must be a positive whole number, got 0/);
    expect(() => new Layer(2, 1.5)).toThrow(/nout must be a positive whole number, got 1.5/);
    expect(() => new MLP(3, [])).toThrow(/nouts must be a non-empty array/);
    expect(() => new Neuron(2).forward([1])).toThrow(/expected 2 inputs, got 1/);
    expect(() => new Neuron(2).forward([1, 'x' as unknown as number])).toThrow(/got the string "x"/);
    expect(() => new Neuron(2, { activation: 'sigmoid' as 'tanh' })).toThrow(/activation must be one of/);
    expect(() => new Random(NaN)).toThrow(/seed must be a finite number/);
  });
});

describe('Random', () => {
  it('is reproducible and roughly uniform and normal', () => {
    const a = new Random(3);
    const b = new Random(3);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 10_000 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const g = new Random(4);
    const gs = Array.from({ length: 10_000 }, () => g.gauss());
    const gmean = gs.reduce((s, x) => s + x, 0) / gs.length;
    const gvar = gs.reduce((s, x) => s + (x - gmean) ** 2, 0) / gs.length;
    expect(Math.abs(gmean)).toBeLessThan(0.05);
    expect(Math.abs(gvar - 1)).toBeLessThan(0.05);
  });
});

describe('printing', () => {
  it('names the architecture, as micrograd does', () => {
    expect(String(new MLP(2, [2, 1], { activation: 'relu', outputActivation: 'linear' }))).toBe(
      'MLP of [Layer of [Neuron(2, relu), Neuron(2, relu)], Layer of [Neuron(2, linear)]]',
    );
  });
});
