// The moons chapter and the backward steppers as built: their numbers are lib's, and without
// JavaScript they show a finished run and a finished walk.
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { trace } from '../../lib/graph.ts';
import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import { GRAPHS } from '../../src/stepper/graphs.ts';
import { page } from '../../tools/built-site.ts';

let moons: CheerioAPI;
let gradients: CheerioAPI;
beforeAll(() => {
  moons = page(inject('dist'), 'moons');
  gradients = page(inject('dist'), 'gradients');
});

// What npm run bench runs: micrograd's demo on lib/moons.ts.
const { X, y } = makeMoons(100, 0.1);
const model = moonsModel();
const history = Array.from({ length: 100 }, (_, k) => moonsStep(model, X, y, k));
const final = moonsLoss(model, X, y);
const percent = (a: number) => `${Math.round(a * 100)}%`;

describe('the Moons chapter', () => {
  it("prints lib's training run in its cells", () => {
    const logs = moons('[data-cell="train"] .cell-logs').text().split('\n');
    expect(logs[0]).toBe(`step 0 loss ${history[0].loss.toFixed(4)}, accuracy ${percent(history[0].accuracy)}`);
    expect(logs.at(-1)).toBe(`after 100 steps: loss ${final.loss.data.toFixed(4)}, accuracy ${percent(final.accuracy)}`);
  });

  it("states lib's numbers in its prose, beside micrograd's", () => {
    const text = moons('main').text().replace(/\s+/g, ' ');
    const firstPerfect = history.findIndex((h) => h.accuracy === 1);
    const lastMiss = history.map((h) => h.accuracy < 1).lastIndexOf(true);
    expect(firstPerfect).toBeGreaterThanOrEqual(0);
    expect(final.accuracy).toBe(1);
    expect(text).toContain(`starts at a loss of ${history[0].loss.toFixed(3)} with ${percent(history[0].accuracy)} of the points right`);
    expect(text).toContain(`first classifies every point correctly at step ${firstPerfect}, and does so at every step from ${lastMiss + 1} on`);
    expect(text).toContain(`the loss is ${final.loss.data.toFixed(4)} and the accuracy ${percent(final.accuracy)}`);
    expect(text).toMatch(/a loss of 0\.896 at 50% accuracy at step 0, 100% from step 40 on, and a final loss of 0\.011/);
    expect(text).toContain(`${model.parameters().length} parameters in all`);
  });

  it('shows the demo without JavaScript: the final boundary, the points and both curves, from the same run', () => {
    const demo = moons('[data-demo="moons"]');
    expect(demo.attr('data-step')).toBe('100');
    expect(Number(demo.attr('data-accuracy'))).toBe(final.accuracy);
    expect(demo.find('[data-out="loss"]').text()).toBe(final.loss.data.toFixed(4));
    expect(demo.find('[data-layer="cells"] rect').length).toBeGreaterThan(40);
    expect(demo.find('[data-layer="points"] circle').length).toBe(X.length);
    expect(demo.find('[data-curve="loss"] polyline, [data-curve="accuracy"] polyline').length).toBe(2);
    expect(demo.find('.moons-controls').attr('hidden')).toBeDefined();
    for (const action of ['play', 'pause', 'step', 'reset']) expect(demo.find(`button[data-action="${action}"]`).text()).not.toBe('');
    // Where the live demo starts: the untrained model of the same run.
    const start = JSON.parse(demo.find('script[data-start]').text());
    expect(start).toMatchObject({ step: 0, loss: history[0].loss, accuracy: history[0].accuracy });
  });
});

describe('the backward steppers of Gradients', () => {
  it.each([
    ['L', 'expression-grads'],
    ['neuron', 'neuron-grads-draw'],
  ])("%s: draws the chapter's own graph, as its cell %s draws it after the backward pass", (name, cell) => {
    const fields = (svg: ReturnType<CheerioAPI>) =>
      svg.find('g.node').map((_, g) => gradients(g).find('text').map((__, t) => gradients(t).text()).get().join(' | ')).get().sort();
    const drawn = fields(gradients(`[data-cell="${cell}"] [data-output] svg`));
    expect(drawn.length).toBeGreaterThan(5);
    expect(fields(gradients(`[data-stepper="${name}"] svg`))).toEqual(drawn);
  });

  it.each([
    ['L', { a: '6.0000', b: '-4.0000', c: '-2.0000', f: '4.0000', L: '1.0000' }],
    ['neuron', { x1: '-1.5000', w1: '1.0000', x2: '0.5000', w2: '0.0000', o: '1.0000' }],
  ])('%s: the graph with every grad filled in, and every step listed', (name, leaves) => {
    const stepper = gradients(`[data-stepper="${name}"]`);
    expect(stepper.length).toBe(1);
    const grads = Object.fromEntries(
      stepper.find('svg g.node[data-node]').map((_, g) => [[gradients(g).find('text').first().text(), gradients(g).find('[data-grad]').text()]]).get(),
    );
    for (const [label, grad] of Object.entries(leaves)) expect(grads[label]).toBe(`grad ${grad}`);
    const operations = trace(GRAPHS[name]()).nodes.filter((n) => n.op).length;
    expect(stepper.find('[data-steps] li').length).toBe(operations + 1);
    expect(stepper.find('[data-steps] li').first().text()).toMatch(/^Root: /);
    expect(stepper.find('.stepper-controls').attr('hidden')).toBeDefined();
    for (const action of ['prev', 'next', 'reset']) expect(stepper.find(`button[data-action="${action}"]`).text()).not.toBe('');
  });
});
