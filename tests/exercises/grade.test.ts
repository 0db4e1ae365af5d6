// The exercises' grader: right answers pass, and each common mistake is named at its node.
import { describe, expect, it } from 'vitest';
import { type Op, Value } from '../../lib/engine.ts';
import { trace } from '../../lib/graph.ts';
import { Checks, gradeGradients } from '../../src/exercises/grade.ts';
import { expressionL } from '../fixtures.ts';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const forward = { σ: sigma };

/** A reader's sigmoid operation with the given backward rule: s = σ(x). */
function sigmoidWith(backward: (out: Value, a: Value) => void) {
  const SIGMOID: Op = { name: 'σ', arity: 1, backward };
  return (x: Value, label: string) => Object.assign(Value.make(sigma(x.data), SIGMOID, x), { label });
}

describe('gradeGradients', () => {
  it('passes the gradients backward() leaves', () => {
    const { L } = expressionL();
    L.backward();
    const item = gradeGradients(L);
    expect(item).toMatchObject({ pass: true, message: 'all 7 gradients are right' });
  });

  it('says that backward() has not run when every grad is 0', () => {
    const { L } = expressionL();
    const item = gradeGradients(L);
    expect(item.pass).toBe(false);
    expect(item.message).toMatch(/every grad is 0/);
  });

  it('names the first wrong node in backward() order, with expected and got, and its id in the graph', () => {
    const { L, d, e, a, b, c, f } = expressionL();
    L.grad = 1;
    d.grad = -2;
    f.grad = 4;
    c.grad = -2;
    e.grad = 2; // wrong: should be −2 (a sign slip), and a and b inherit it
    a.grad = 2 * b.data;
    b.grad = 2 * a.data;
    const item = gradeGradients(L);
    expect(item.pass).toBe(false);
    expect(item.message).toBe('e.grad is 2, but it should be -2: the right size with the wrong sign');
    expect([item.got, item.expected]).toEqual(['2', '-2']);
    expect(trace(L).nodes[item.node as number]).toBe(e);
    expect(item.graph).toContain(`n${item.node} [shape=record, label="{ e |`);
  });

  it('recognises grads doubled by a second backward()', () => {
    const { L } = expressionL();
    L.backward();
    L.backward();
    expect(gradeGradients(L).message).toMatch(/^d\.grad is -4, but it should be -2: exactly twice/);
  });

  it('names a reused node whose gradient was overwritten instead of added to: a + a with `=`', () => {
    const a = new Value(3, { label: 'a' });
    const twice = a.add(a);
    twice.label = 'twice';
    twice.backward();
    expect(gradeGradients(twice).pass).toBe(true);
    a.grad = 1; // what `a.grad = out.grad` in the rule leaves
    const item = gradeGradients(twice);
    expect(item.message).toMatch(/^a\.grad is 1, but it should be 2\. a feeds 2 operations/);
    expect(item.message).toMatch(/overwritten \(=\) instead of added to \(\+=\)/);
  });

  it('accepts any slope between the one-sided ones at a kink (ReLU at 0)', () => {
    for (const grad of [0, 0.5, 1]) {
      const x = new Value(0, { label: 'x' });
      const y = x.relu();
      y.grad = 1;
      x.grad = grad;
      expect(gradeGradients(y).pass).toBe(true);
    }
  });

  it("grades a reader's own operation, given its forward function, and refuses one without", () => {
    const right = sigmoidWith((out, a) => {
      a.grad += out.data * (1 - out.data) * out.grad;
    });
    const x = new Value(0.7, { label: 'x' });
    const s = right(x, 's');
    s.backward();
    expect(() => gradeGradients(s)).toThrow("gradients(): no forward function for the operation 'σ'");
    expect(gradeGradients(s, { forward }).pass).toBe(true);
  });

  it('catches a sigmoid rule with = where x feeds two operations (s + s·x), and names x', () => {
    const overwriting = sigmoidWith((out, a) => {
      a.grad = out.data * (1 - out.data) * out.grad;
    });
    const alone = new Value(0.7, { label: 'x' });
    const s1 = overwriting(alone, 's');
    s1.backward();
    expect(gradeGradients(s1, { forward }).pass).toBe(true);

    const x = new Value(0.7, { label: 'x' });
    const s = overwriting(x, 's');
    const y = s.add(s.mul(x));
    y.label = 'y';
    y.backward();
    const item = gradeGradients(y, { forward });
    expect(item.pass).toBe(false);
    expect(item.message).toMatch(/^x\.grad is [-\d.]+, but it should be [-\d.]+\. x feeds 2 operations, and its gradient holds the share of only one: it was overwritten \(=\) instead of added to \(\+=\)$/);
    expect(trace(y).nodes[item.node as number]).toBe(x);
  });

  it('notices a value changed after it was computed', () => {
    const { L, d } = expressionL();
    L.backward();
    d.data = 5;
    expect(gradeGradients(L).message).toMatch(/^d\.data is 5, but its operation '\+' gives 4/);
  });
});

describe('Checks', () => {
  it('collects close, equal and ok verdicts as plain data', () => {
    const check = new Checks();
    expect(check.close('slope', 14.0003, 14, { tolerance: 1e-4 })).toBe(true);
    expect(check.close('slope', 13, 14)).toBe(false);
    expect(check.close('slope', '14', 14)).toBe(false);
    expect(check.equal('order', ['a', 'b'], ['a', 'b'])).toBe(true);
    expect(check.ok('count', false, 'count the bias too')).toBe(false);
    expect(check.items.map((i) => [i.pass, i.message])).toEqual([
      [true, 'right'],
      [false, 'slope is 13, but it should be 14'],
      [false, 'slope should be a number, but it is "14"'],
      [true, 'right'],
      [false, 'count the bias too'],
    ]);
    expect(JSON.parse(JSON.stringify(check.items))).toEqual(check.items);
  });
});
