// Graphs several test files build: the notes' expression L = (a·b + c)·f, labelled as Gradients labels it.
import { Value } from '../lib/engine.ts';

/** a = 2, b = −3, c = 10, e = a·b, d = e + c, f = −2, L = d·f (= −8). */
export function expressionL() {
  const a = new Value(2, { label: 'a' });
  const b = new Value(-3, { label: 'b' });
  const c = new Value(10, { label: 'c' });
  const e = a.mul(b);
  e.label = 'e';
  const d = e.add(c);
  d.label = 'd';
  const f = new Value(-2, { label: 'f' });
  const L = d.mul(f);
  L.label = 'L';
  return { a, b, c, d, e, f, L };
}
