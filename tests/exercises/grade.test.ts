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
    expect(item.message).toBe('e.grad is 2, but it should be -2: the right size with the wrong sign. e feeds d = e + c, so e.grad = d.grad × ∂d/∂e = -2 × 1.');
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
    expect(item.message).toMatch(/^x\.grad is [-\d.]+, but it should be [-\d.]+\. x feeds 2 operations, and its gradient holds the share of only one, the last rule to run \(s = σ\(x\)\): it was overwritten \(=\) instead of added to \(\+=\)\. /);
    // The right value as the chain rule gives it: each operation's grad × its local derivative, added.
    expect(item.message).toMatch(/\. The shares add up: x\.grad = #3\.grad × ∂#3\/∂x \+ s\.grad × ∂s\/∂x = 1 × 0\.668188 \+ 1\.7 × 0\.221713\.$/);
    expect(trace(y).nodes[item.node as number]).toBe(x);
    expect(item.data?.values.find((v) => v.node === item.node)?.name).toBe('x');
  });

  it('tells a share that never arrived (a rule that passed nothing) from one overwritten', () => {
    const silent = sigmoidWith(() => {});
    const x = new Value(0.7, { label: 'x' });
    const s = silent(x, 's');
    const y = s.add(s.mul(x));
    y.backward();
    const item = gradeGradients(y, { forward });
    expect(item.message).toMatch(/^x\.grad is 0\.668188, but it should be 1\.0451\. x feeds 2 operations, but its gradient holds the share of only one: the share through s = σ\(x\) never arrived \(did that rule pass x nothing\?\)\./);
    expect(item.message).not.toMatch(/overwritten/);
  });

  it('says the output itself should be 1, and names an unlabeled node by its row in the table', () => {
    const { L } = expressionL();
    L.backward();
    L.grad = 2;
    expect(gradeGradients(L).message).toBe("L.grad is 2, but it should be 1: the output's gradient with respect to itself is always 1");
    const a = new Value(2, { label: 'a' });
    const product = a.mul(3);
    const out = product.tanh();
    out.label = 'out';
    out.backward();
    product.grad = 0;
    const item = gradeGradients(out);
    expect(item.message).toMatch(/^#3\.grad is 0, but it should be 0\.0000245765\. #3 feeds out = tanh\(#3\)/);
    expect(trace(out).nodes[item.node as number]).toBe(product);
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
    expect(check.equal('input', 'c', 'a', { message: 'c moves d one for one', right: 'a moves it fastest' })).toBe(false);
    expect(check.items.map((i) => [i.pass, i.message])).toEqual([
      [true, 'right'],
      [false, 'slope is 13: not yet right'],
      [false, 'slope should be a number, but it is "14"'],
      [true, 'right'],
      [false, 'count the bias too'],
      [false, 'c moves d one for one'],
    ]);
    expect(check.items.at(-1)).toMatchObject({ expected: '"a"', got: '"c"', reveal: false });
    expect(JSON.parse(JSON.stringify(check.items))).toEqual(check.items);
  });

  it('keeps the expected value out of sight unless told to reveal it (a prediction\'s expected value is its answer)', () => {
    const check = new Checks();
    check.close('slope', 13, 14);
    check.close('slope', 13, 14, { reveal: true });
    check.equal('input', 'c', 'a', { reveal: true });
    expect(check.items.map((i) => [i.message, i.reveal])).toEqual([
      ['slope is 13: not yet right', false],
      ['slope is 13, but it should be 14', true],
      ['input is "c", but it should be "a"', true],
    ]);
  });

  it('compares tiny numbers relatively when asked: 9e-8 is not "close" to 0 then', () => {
    const check = new Checks();
    expect(check.close('delta', 0, -9.08e-8, { tolerance: 0.01 })).toBe(true);
    expect(check.close('delta', 0, -9.08e-8, { tolerance: 0.01, relative: true })).toBe(false);
    expect(check.close('delta', -9.1e-8, -9.08e-8, { tolerance: 0.01, relative: true })).toBe(true);
  });

  it('draws a graph with an item, marking the node asked for or the first wrong gradient', () => {
    const check = new Checks();
    const { L, e } = expressionL();
    L.backward();
    check.ok('shown', true, '', { graph: L, wrong: e, right: 'see e' });
    expect(check.items[0]).toMatchObject({ pass: true, message: 'see e', node: trace(L).nodes.indexOf(e) });
    expect(check.items[0].graph).toContain('digraph');
    expect(check.items[0].data?.values).toHaveLength(7);
    L.backward(); // every grad under L now accumulated twice
    check.ok('twice', true, '', { graph: L, wrong: 'gradient' });
    expect(trace(L).nodes[check.items[1].node as number].label).toBe('d');
    expect(JSON.parse(JSON.stringify(check.items))).toEqual(check.items);
  });

  it('grades several graphs as one item, naming the first that is wrong', () => {
    const overwriting = sigmoidWith((out, a) => {
      a.grad = out.data * (1 - out.data) * out.grad;
    });
    const check = new Checks();
    const graphs = [0.5, -1].map((at) => {
      const s = overwriting(new Value(at, { label: 'x' }), 's');
      s.backward();
      return s;
    });
    expect(check.gradients(graphs, { forward, name: 's = σ(x)' })).toBe(true);
    expect(check.items[0].message).toBe('all gradients of the 2 graphs are right');
    const x = new Value(0.7, { label: 'x' });
    const s = overwriting(x, 's');
    const y = s.add(s.mul(x));
    y.backward();
    expect(check.gradients([graphs[0], y], { forward, name: 'σ twice' })).toBe(false);
    expect(check.items[1]).toMatchObject({ name: 'σ twice', pass: false });
    expect(check.items[1].message).toMatch(/^x\.grad is/);
  });
});
