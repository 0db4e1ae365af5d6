// The check's verdicts as the page shows them: one element per item with its hooks, escaped
// (the items come from the sandbox, where the reader's code could forge them), graphs drawn once.

import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { Checks } from '../../src/exercises/grade.ts';
import { renderFeedback } from '../../src/exercises/feedback.ts';
import { layout } from '../../src/graphviz/node.ts';

function graded() {
  const a = new Value(3, { label: 'a' });
  const twice = a.add(a);
  twice.label = 'twice';
  twice.backward();
  a.grad = 1;
  const check = new Checks();
  check.gradients(twice);
  check.close('answer', 42, 42);
  return { twice, items: check.items };
}

describe('renderFeedback', () => {
  it('gives one element per verdict, with data-check-item and data-pass, its message, expected and got', async () => {
    const { items } = graded();
    const feedback = await renderFeedback(items, layout);
    const $ = load(feedback.html);
    expect($('[data-check-item]').map((_, li) => $(li).attr('data-pass')).get()).toEqual(['false', 'true']);
    expect($('[data-check-item]').first().find('p').text()).toMatch(/^✗Wrong: gradients: a\.grad is 1, but it should be 2\. a feeds 2 operations/);
    expect($('[data-check-item]').first().find('dl').text()).toBe('expected2got1');
    expect($('[data-check-item]').last().find('dl').length).toBe(0); // a right answer needs no comparison
    expect($('[data-check-item]').first().find('[data-graph] svg g.node').length).toBeGreaterThan(0);
    expect(feedback).toMatchObject({ pass: false, summary: 'Not yet: 1 of 2 checks fails.', wrong: [{ item: 0, node: items[0].node }] });
  });

  it("marks the node in the reader's own drawing when the check grades the graph they drew", async () => {
    const { twice, items } = graded();
    const { drawDot } = await import('../../lib/graph.ts');
    const feedback = await renderFeedback(items, layout, undefined, drawDot(twice));
    const $ = load(feedback.html);
    expect($('[data-graph]').length).toBe(0);
    expect($('[data-check-item]').first().find('p').text()).toMatch(/It is marked in your drawing above\.$/);
    expect(feedback.wrong).toEqual([{ item: -1, node: items[0].node }]);
  });

  it('knows the graph the reader drew top to bottom is the one the check grades, and not another', async () => {
    const { twice, items } = graded();
    const { drawDot } = await import('../../lib/graph.ts');
    const topToBottom = await renderFeedback(items, layout, undefined, drawDot(twice, { rankdir: 'TB' }));
    expect(topToBottom.wrong).toEqual([{ item: -1, node: items[0].node }]);
    const other = await renderFeedback(items, layout, undefined, drawDot(new Value(1, { label: 'other' })));
    expect(other.wrong).toEqual([{ item: 0, node: items[0].node }]);
  });

  it('escapes every field of forged items, and cuts a flood short', async () => {
    const forged = [{ name: '<img src=x onerror=alert(1)>', pass: 'yes', message: '</p><script>alert(2)</script>', expected: '<b>', reveal: true, got: { toString: () => '<i>' } }];
    const feedback = await renderFeedback([...forged, ...Array.from({ length: 100 }, () => ({ name: 'n', pass: true, message: 'm' })), null, 7], layout);
    const $ = load(feedback.html);
    expect($('img, script, b, i').length).toBe(0);
    expect($('[data-check-item]').first().attr('data-pass')).toBe('false'); // only `true` passes
    expect($('[data-check-item]').length).toBe(20);
    expect(feedback.pass).toBe(false);
  });

  it('shows what the reader\'s code gave, and what it should give only where the check reveals it', async () => {
    const check = new Checks();
    check.close('slope', 44, -22);
    check.close('slope', 44, -22, { reveal: true });
    const $ = load((await renderFeedback(check.items, layout)).html);
    expect($('[data-check-item] dl').map((_, dl) => $(dl).text()).get()).toEqual(['got44', 'expected-22got44']);
  });

  it('says why when the check did not run', async () => {
    const feedback = await renderFeedback(null, layout, 'your code threw <TypeError>');
    expect(feedback).toMatchObject({ pass: false, summary: 'Not yet: the check did not run.', wrong: [] });
    expect(load(feedback.html)('[data-check-item][data-pass="false"]').text()).toBe('✗Wrong: your answer: your code threw <TypeError>');
  });

  it('sums up a pass', async () => {
    const check = new Checks();
    check.close('a', 1, 1);
    expect((await renderFeedback(check.items, layout)).summary).toBe('Right: the check passes.');
    check.close('b', 2, 2);
    expect((await renderFeedback(check.items, layout)).summary).toBe('Right: all 2 checks pass.');
  });
});

describe('renderFeedback without Graphviz', () => {
  it('keeps the verdict and says why its drawing is missing', async () => {
    const { items } = graded();
    const feedback = await renderFeedback(items, () => Promise.reject(new Error('Graphviz could not load')));
    const $ = load(feedback.html);
    expect($('[data-graph]').length).toBe(0);
    expect($('[data-check-item]').first().find('.exercise-note').text()).toBe('Its drawing could not be made: Graphviz could not load.');
    expect(feedback).toMatchObject({ pass: false, wrong: [] });
  });
});
