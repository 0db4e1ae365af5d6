// The graphs of Gradients (content/01-gradients.mdx) that a backward stepper walks, built as the
// chapter builds them, labels and all.

import { Value } from '../../lib/engine.ts';

const named = (v: Value, label: string) => ((v.label = label), v);

export const GRAPHS: Record<string, () => Value> = {
  /** L = (a·b + c)·f. */
  L: () => {
    const a = new Value(2.0, { label: 'a' });
    const b = new Value(-3.0, { label: 'b' });
    const c = new Value(10.0, { label: 'c' });
    const e = named(a.mul(b), 'e');
    const d = named(e.add(c), 'd');
    const f = new Value(-2.0, { label: 'f' });
    return named(d.mul(f), 'L');
  },
  /** The neuron o = tanh(x1·w1 + x2·w2 + b). */
  neuron: () => {
    const x1 = new Value(2.0, { label: 'x1' });
    const x2 = new Value(0.0, { label: 'x2' });
    const w1 = new Value(-3.0, { label: 'w1' });
    const w2 = new Value(1.0, { label: 'w2' });
    const b = new Value(6.8813735870195432, { label: 'b' });
    const x1w1 = named(x1.mul(w1), 'x1*w1');
    const x2w2 = named(x2.mul(w2), 'x2*w2');
    const x1w1x2w2 = named(x1w1.add(x2w2), 'x1*w1 + x2*w2');
    const n = named(x1w1x2w2.add(b), 'n');
    return named(n.tanh(), 'o');
  },
};
