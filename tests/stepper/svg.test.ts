import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { drawDot, trace } from '../../lib/graph.ts';
import { GRAPHS } from '../../src/stepper/graphs.ts';
import { stepperSvg } from '../../src/stepper/svg.ts';

describe('stepperSvg', () => {
  it('names every value and operation node and tags each grad field, keeping no ids or titles', async () => {
    const graphviz = await Graphviz.load();
    const o = GRAPHS.neuron();
    const svg = stepperSvg(graphviz.dot(drawDot(o)));
    const $ = load(svg, { xml: true });
    trace(o).nodes.forEach((n, i) => {
      const group = $(`[data-node="n${i}"]`);
      expect(group.find('text').first().text()).toBe(n.label);
      expect(group.find('[data-grad]').text()).toBe('grad 0.0000');
      expect($(`[data-node="n${i}_op"]`).length).toBe(n.op ? 1 : 0);
    });
    expect($('[data-grad]').length).toBe(trace(o).nodes.length);
    expect(svg).not.toMatch(/\sid=|<title>/);
  });
});
