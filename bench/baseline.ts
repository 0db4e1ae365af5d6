// The floor for the moons workload: the same MLP(2, [16, 16, 1]), loss and SGD step as
// lib/moons.ts, written by hand on Float64Arrays with no graph at all.

import type { MLP } from '../lib/nn.ts';

export interface DenseLayer {
  nin: number;
  nout: number;
  relu: boolean;
  w: Float64Array; // nout × nin, row-major
  b: Float64Array;
  gw: Float64Array;
  gb: Float64Array;
}

/** Copies an engine MLP's weights, so both start from the same point. */
export function fromMLP(model: MLP): DenseLayer[] {
  return model.layers.map((layer) => {
    const nout = layer.neurons.length;
    const nin = layer.neurons[0].w.length;
    const w = new Float64Array(nout * nin);
    const b = new Float64Array(nout);
    layer.neurons.forEach((n, j) => {
      n.w.forEach((wi, i) => (w[j * nin + i] = wi.data));
      b[j] = n.b.data;
    });
    const relu = layer.neurons[0].activation === 'relu';
    return { nin, nout, relu, w, b, gw: new Float64Array(nout * nin), gb: new Float64Array(nout) };
  });
}

/** One step, exactly as moonsStep: loss and accuracy before the update. */
export function baselineStep(layers: DenseLayer[], X: number[][], y: number[], k: number, steps = 100) {
  const n = X.length;
  for (const l of layers) {
    l.gw.fill(0);
    l.gb.fill(0);
  }
  let dataLoss = 0;
  let correct = 0;
  const acts: Float64Array[] = [];
  const grads: Float64Array[] = [];
  for (let s = 0; s < n; s++) {
    // Forward, keeping each layer's output.
    acts[0] = Float64Array.from(X[s]);
    for (let li = 0; li < layers.length; li++) {
      const { nin, nout, relu, w, b } = layers[li];
      const input = acts[li];
      const out = (acts[li + 1] ??= new Float64Array(nout));
      for (let j = 0; j < nout; j++) {
        let sum = b[j];
        for (let i = 0; i < nin; i++) sum += w[j * nin + i] * input[i];
        out[j] = relu && sum < 0 ? 0 : sum;
      }
    }
    const score = acts[layers.length][0];
    const margin = 1 - y[s] * score;
    if (margin > 0) dataLoss += margin;
    if (score > 0 === y[s] > 0) correct++;
    // Backward: d(loss)/d(score), then through each layer.
    let upstream = (grads[layers.length] ??= new Float64Array(1));
    upstream[0] = margin > 0 ? -y[s] / n : 0;
    for (let li = layers.length - 1; li >= 0; li--) {
      const { nin, nout, relu, w, gw, gb } = layers[li];
      const input = acts[li];
      const output = acts[li + 1];
      const down = (grads[li] ??= new Float64Array(nin));
      down.fill(0);
      for (let j = 0; j < nout; j++) {
        const g = relu && output[j] <= 0 ? 0 : upstream[j];
        if (g === 0) continue;
        gb[j] += g;
        for (let i = 0; i < nin; i++) {
          gw[j * nin + i] += g * input[i];
          down[i] += g * w[j * nin + i];
        }
      }
      upstream = down;
    }
  }
  let reg = 0;
  for (const l of layers) {
    for (const p of [l.w, l.b]) for (let i = 0; i < p.length; i++) reg += p[i] * p[i];
  }
  const rate = 1.0 - (0.9 * k) / steps;
  for (const l of layers) {
    for (const [p, g] of [[l.w, l.gw], [l.b, l.gb]] as const) {
      for (let i = 0; i < p.length; i++) p[i] -= rate * (g[i] + 2e-4 * p[i]);
    }
  }
  return { loss: dataLoss / n + 1e-4 * reg, accuracy: correct / n };
}
