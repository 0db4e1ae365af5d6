// micrograd's demo: two interleaving half-moons, and an MLP trained to tell
// them apart.

import { Value } from './engine.ts';
import { MLP } from './nn.ts';
import { Random } from './random.ts';

// #region make-moons
/**
 * Like scikit-learn's make_moons: n points on two half circles, plus
 * Gaussian noise of standard deviation `noise`; labels −1 and 1.
 */
export function makeMoons(
  n = 100,
  noise = 0.1,
  random: Random = new Random(),
): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  const outer = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const count = isOuter ? outer : n - outer;
    const t = (Math.PI * (isOuter ? i : i - outer)) / Math.max(1, count - 1);
    const [px, py] = isOuter
      ? [Math.cos(t), Math.sin(t)]
      : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    X.push([px + noise * random.gauss(), py + noise * random.gauss()]);
    y.push(isOuter ? -1 : 1);
  }
  return { X, y };
}
// #endregion make-moons

// #region moons-model
/** MLP(2, [16, 16, 1]): ReLU hidden layers, a linear output; 337 parameters. */
export function moonsModel(seed?: number): MLP {
  return new MLP(2, [16, 16, 1], {
    activation: 'relu',
    outputActivation: 'linear',
    seed,
  });
}
// #endregion moons-model

// #region moons-loss
/**
 * The max-margin loss mean(relu(1 − yᵢ·scoreᵢ)) plus 1e-4·Σp², and the
 * share of points classified right.
 */
export function moonsLoss(
  model: MLP,
  X: number[][],
  y: number[],
): { loss: Value; accuracy: number } {
  const scores = X.map((x) => model.forward(x) as Value);
  let data = new Value(0);
  let correct = 0;
  scores.forEach((score, i) => {
    const label = y[i]!;
    data = data.add(score.mul(-label).add(1).relu());
    if (score.data > 0 === label > 0) correct++;
  });
  let reg = new Value(0);
  for (const p of model.parameters()) reg = reg.add(p.mul(p));
  const loss = data.div(X.length).add(reg.mul(1e-4));
  return { loss, accuracy: correct / X.length };
}
// #endregion moons-loss

// #region moons-step
/**
 * One step k of `steps` of gradient descent on the whole batch (every point
 * in every step), with micrograd's decaying learning rate 1.0 − 0.9·k/steps
 * (times lr, 1 by default). Returns the loss and accuracy measured before
 * the update.
 */
export function moonsStep(
  model: MLP,
  X: number[][],
  y: number[],
  k: number,
  steps = 100,
  lr = 1.0,
): { loss: number; accuracy: number } {
  const { loss, accuracy } = moonsLoss(model, X, y);
  model.zeroGrad();
  loss.backward();
  const rate = lr * (1.0 - (0.9 * k) / steps);
  for (const p of model.parameters()) p.data -= rate * p.grad;
  return { loss: loss.data, accuracy };
}
// #endregion moons-step
