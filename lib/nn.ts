// A tiny neural-network library on top of Value: neurons, layers and
// multi-layer perceptrons.

import { Value } from './engine.ts';
import { Random } from './random.ts';

// #region module
/** Anything with trainable parameters. */
export abstract class Module {
  abstract parameters(): Value[];

  /** Gradients accumulate (+=), so clear them before each backward pass. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }
}
// #endregion module

// #region options
/** What a neuron does to its weighted sum. */
export type Activation = 'tanh' | 'relu' | 'linear';
const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'linear'];

export interface NeuronOptions {
  /** Default 'tanh', as in the notes. */
  activation?: Activation | undefined;
  /** Seeds a new generator for the weights; by default every run is alike. */
  seed?: number | undefined;
  /** Draw the weights from this generator instead (layers share one). */
  random?: Random | undefined;
}

function generator(options?: NeuronOptions): Random {
  return options?.random ?? new Random(options?.seed);
}

function checkCount(what: string, n: unknown): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new TypeError(
      `${what} must be a positive whole number, got ${String(n)}`);
  }
}
// #endregion options

// #region neuron
/** out = activation(w · x + b), with w and b drawn uniformly from (−1, 1). */
export class Neuron extends Module {
  readonly w: Value[];
  readonly b: Value;
  readonly activation: Activation;

  constructor(nin: number, options?: NeuronOptions) {
    super();
    checkCount('Neuron: nin', nin);
    const random = generator(options);
    const weight = () => new Value(random.uniform(-1, 1));
    this.w = Array.from({ length: nin }, weight);
    this.b = weight();
    this.activation = options?.activation ?? 'tanh';
    if (!ACTIVATIONS.includes(this.activation)) {
      throw new TypeError(`Neuron: activation must be one of ` +
        `${ACTIVATIONS.join(', ')}, got ${String(this.activation)}`);
    }
  }

  forward(x: (number | Value)[]): Value {
    if (x.length !== this.w.length) {
      throw new RangeError(
        `Neuron: expected ${this.w.length} inputs, got ${x.length}`);
    }
    let act = this.b;
    for (let i = 0; i < x.length; i++) act = act.add(this.w[i]!.mul(x[i]!));
    if (this.activation === 'tanh') return act.tanh();
    if (this.activation === 'relu') return act.relu();
    return act;
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }

  override toString(): string {
    return `Neuron(${this.w.length}, ${this.activation})`;
  }
}
// #endregion neuron

// #region layer
/** nout neurons, each seeing the same inputs. */
export class Layer extends Module {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, options?: NeuronOptions) {
    super();
    checkCount('Layer: nout', nout);
    const random = generator(options);
    this.neurons = Array.from(
      { length: nout },
      () => new Neuron(nin, { ...options, random }),
    );
  }

  /** One output per neuron; a single Value when the layer has one neuron. */
  forward(x: (number | Value)[]): Value | Value[] {
    const outs = this.neurons.map((n) => n.forward(x));
    return outs.length === 1 ? outs[0]! : outs;
  }

  parameters(): Value[] {
    return this.neurons.flatMap((n) => n.parameters());
  }

  override toString(): string {
    return `Layer of [${this.neurons.join(', ')}]`;
  }
}
// #endregion layer

// #region mlp
export interface MLPOptions extends NeuronOptions {
  /**
   * The last layer's activation; defaults to `activation`. For regression
   * (a score of any size) use 'linear', as micrograd's demo does.
   */
  outputActivation?: Activation | undefined;
}

/** A multi-layer perceptron: layers of sizes nouts, each feeding the next. */
export class MLP extends Module {
  readonly layers: Layer[];

  constructor(nin: number, nouts: number[], options?: MLPOptions) {
    super();
    if (!Array.isArray(nouts) || nouts.length === 0) {
      throw new TypeError('MLP: nouts must be a non-empty array of layer ' +
        `sizes, got ${String(nouts)}`);
    }
    const random = generator(options);
    const last = nouts.length - 1;
    this.layers = nouts.map((nout, i) => {
      const activation = i === last
        ? (options?.outputActivation ?? options?.activation)
        : options?.activation;
      const fanIn = i === 0 ? nin : nouts[i - 1]!;
      return new Layer(fanIn, nout, { activation, random });
    });
  }

  forward(x: (number | Value)[]): Value | Value[] {
    let out: Value | Value[] = x.map((xi) =>
      xi instanceof Value ? xi : new Value(xi));
    for (const layer of this.layers) {
      out = layer.forward(Array.isArray(out) ? out : [out]);
    }
    return out;
  }

  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }

  override toString(): string {
    return `MLP of [${this.layers.join(', ')}]`;
  }
}
// #endregion mlp
