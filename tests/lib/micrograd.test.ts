// karpathy/micrograd's own engine tests (test/test_engine.py), with PyTorch's answers written in.
import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';

describe("micrograd's test_engine.py", () => {
  it('sanity check: y = -20 and dy/dx = 46 exactly', () => {
    const x = new Value(-4.0);
    const z = x.mul(2).add(2).add(x);
    const q = z.relu().add(z.mul(x));
    const h = z.mul(z).relu();
    const y = h.add(q).add(q.mul(x));
    y.backward();
    expect(y.data).toBe(-20);
    expect(x.grad).toBe(46);
  });

  it('more ops: g, a.grad and b.grad match PyTorch within 1e-6', () => {
    const a = new Value(-4.0);
    const b = new Value(2.0);
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(new Value(1).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(new Value(3).mul(d).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2.0);
    g = g.add(new Value(10.0).div(f));
    g.backward();
    expect(Math.abs(g.data - 24.70408163265306)).toBeLessThan(1e-6);
    expect(Math.abs(a.grad - 138.83381924198252)).toBeLessThan(1e-6);
    expect(Math.abs(b.grad - 645.5772594752186)).toBeLessThan(1e-6);
  });
});
