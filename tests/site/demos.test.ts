// The moons chapter and the graph views as built: their numbers are lib's, and without
// JavaScript they show a finished run and a finished walk.
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { makeMoons, moonsLoss, moonsModel, moonsStep } from '../../lib/moons.ts';
import { chapters, page } from '../../tools/built-site.ts';

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

describe('the graphs of Gradients, as steppers on their own cells', () => {
  it.each([
    ['expression-grads', 'L', { a: '6.0000', b: '-4.0000', c: '-2.0000', f: '4.0000', L: '1.0000' }],
    ['neuron-grads-draw', 'o', { x1: '-1.5000', w1: '1.0000', x2: '0.5000', w2: '0.0000', o: '1.0000' }],
  ])('%s: lists every step of backward() on the graph it draws, with drawDot\'s numbers', (cell, output, leaves) => {
    const figure = gradients(`[data-cell="${cell}"] [data-graph][data-stepper]`);
    expect(figure.length).toBe(1);
    const shown = Object.fromEntries(
      figure.find('svg g.node[data-node]').map((_, g) => [gradients(g).find('text').map((__, t) => gradients(t).text()).get()]).get()
        .filter((texts) => texts.length === 3)
        .map(([label, , grad]) => [label, grad]),
    );
    for (const [label, grad] of Object.entries(leaves)) expect(shown[label]).toBe(`grad ${grad}`);
    const operations = figure.find('svg g.node[data-node$="_op"]').length;
    const steps = figure.find('[data-graph-steps] li');
    expect(steps.length).toBe(operations + 1);
    expect(steps.first().text()).toBe(`${output}.grad = 1.0000: the output changes one for one with itself.`);
    // The data the page steps with: the same steps, and every number written as drawDot writes it.
    const data = JSON.parse(figure.find('script[data-graph-steps-data]').text());
    expect(data.steps.map((s: { text: string }) => s.text)).toEqual(steps.map((_, li) => gradients(li).text()).get());
    for (const step of data.steps) for (const [, grad] of step.grads) expect(grad).toMatch(/^-?\d+\.\d{4}$/);
    expect(figure.find('.graph-toolbar').attr('hidden')).toBeDefined();
  });
});

describe('every drawn graph of every chapter', () => {
  it('has a description, and a table with a row for each value of its drawing, with the same numbers', () => {
    let tables = 0;
    for (const { slug } of chapters()) {
      const $ = page(inject('dist'), slug);
      $('[data-graph]').each((_, figure) => {
        expect($(figure).find('figcaption.graph-description').text()).not.toBe('');
        const table = $(figure).find('table[data-graph-table]');
        if (table.length === 0) return;
        tables++;
        const rows = new Map<string | undefined, string[]>();
        table.find('tbody tr').each((__, tr) => void rows.set($(tr).attr('data-node'), $(tr).find('th, td').map((___, c) => $(c).text()).get()));
        const values = $(figure).find('.graph-viewport svg g.node[data-node]').filter((__, g) => /^n\d+$/.test($(g).attr('data-node') ?? ''));
        expect(rows.size).toBe(values.length);
        values.each((__, g) => {
          const drawn = $(g).find('text').map((___, t) => $(t).text()).get();
          // drawDot(root, { numbered: true }) puts each value's place in its order first.
          const texts = drawn.length === 4 ? drawn.slice(1) : drawn;
          const [name, , data, grad] = rows.get($(g).attr('data-node')) ?? [];
          expect(`data ${data}`).toBe(texts.at(-2));
          expect(`grad ${grad}`).toBe(texts.at(-1));
          // A value without a label is drawn with an empty field and named by its row in the table.
          if (texts[0] === ' ') expect(name).toMatch(/^#\d+$/);
          else expect(name).toBe(texts[0]);
        });
      });
    }
    expect(tables).toBeGreaterThan(8);
  });
});
