// How the book reads (issue 11), measured in the built pages: chapters short enough to read, code
// broken up by prose, every lib region shown once, the topological order printed and drawn,
// Training beside the notes' numbers, every number in the prose computed, and search excerpts
// free of buttons, markers and repeated maths.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { Value } from '../../lib/engine.ts';
import { MLP } from '../../lib/nn.ts';
import { expressionL } from '../fixtures.ts';
import { formatValue } from '../../src/runner/format.ts';
import { chapters, page, pages } from '../../tools/built-site.ts';
import { content, exercisesAtEnd, longestCodeRun, proseWords, regionsShown, taskWords } from './reading.ts';
import { load } from 'cheerio';

const dist = inject('dist');

describe('each chapter reads one idea at a time', () => {
  it.each(chapters().map((c) => [c.slug]))('%s has at most 2,500 words of prose besides its exercises', (slug) => {
    expect(proseWords(page(dist, slug))).toBeLessThanOrEqual(2500);
  });

  it.each(chapters().map((c) => [c.slug]))('%s has at most two code blocks in a row without prose between them', (slug) => {
    const run = longestCodeRun(page(dist, slug));
    expect(run.length, run.ids.join(', ')).toBeLessThanOrEqual(2);
  });

  it.each(chapters().map((c) => [c.slug]))('%s ends with "What you can do now", holding its exercises', (slug) => {
    const end = exercisesAtEnd(page(dist, slug));
    expect(end.last).toBe('What you can do now');
    expect(end.exercises).toBeGreaterThan(0);
    expect(end.after).toBe(end.exercises);
  });

  it.each(chapters().map((c) => [c.slug]))("%s's exercises each state their task in at most 150 words", (slug) => {
    const long = [...taskWords(page(dist, slug))].filter(([, n]) => n > 150 || n < 20);
    expect(long).toEqual([]);
  });

  it('shows each lib region once in the whole book (a later chapter links back)', () => {
    const shown = chapters().flatMap(({ slug }) => regionsShown(page(dist, slug)));
    const twice = shown.filter((region, i) => shown.indexOf(region) !== i);
    expect(twice).toEqual([]);
    expect(shown.length).toBeGreaterThan(10);
  });
});

describe('the topological order, taught', () => {
  // The expression of Gradients and Micrograd: L = (a·b + c)·f.
  const expression = () => expressionL().L;
  const section = () => {
    const $ = page(dist, 'micrograd');
    const heading = $('h2').filter((_, h) => /^backward\(\): the rules, in the right order/.test($(h).text())).first();
    expect(heading.length).toBe(1);
    const start = heading.closest('.sl-heading-wrapper').length ? heading.closest('.sl-heading-wrapper') : heading;
    const nodes = start.nextUntil('h2, .sl-heading-wrapper.level-h2');
    return { $, nodes };
  };

  it("prints L's order, as lib computes it", () => {
    const { $, nodes } = section();
    const cell = nodes.filter('.cell').filter((_, el) => $(el).find('script[data-source]').text().includes('L.topologicalOrder().map((v) => v.label)'));
    expect(cell.length).toBe(1);
    const order = expression().topologicalOrder().map((v) => v.label);
    expect(cell.find('.cell-value').text()).toBe(formatValue(order));
  });

  it('draws L with every value numbered by its place in that order', () => {
    const { $, nodes } = section();
    const order = expression().topologicalOrder().map((v) => v.label);
    const numbered = nodes.find('[data-graph] svg').filter((_, svg) => {
      const boxes = $(svg).find('g.node[data-node]').filter((__, g) => /^n\d+$/.test($(g).attr('data-node') ?? ''));
      const places = boxes.map((__, g) => [$(g).find('text').map((___, t) => $(t).text()).get()]).get() as string[][];
      return places.length === order.length && order.every((label, i) => places.some((texts) => texts[0] === String(i + 1) && texts[1] === label));
    });
    expect(numbered.length).toBe(1);
  });
});

describe('Training beside the notes', () => {
  const xs = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]];
  const ys = [1, -1, -1, 1];
  const totalLoss = (n: MLP) =>
    xs.map((x, i) => (n.forward(x) as Value).sub(ys[i]).pow(2)).reduce((s, t) => s.add(t));
  /** From lib's seeded MLP: the loss after `steps` steps at `rate`, each measured before its update. */
  const run = (steps: number, rate: number) => {
    const n = new MLP(3, [4, 4, 1]);
    const losses: number[] = [];
    for (let k = 0; k < steps; k++) {
      const loss = totalLoss(n);
      n.zeroGrad();
      loss.backward();
      for (const p of n.parameters()) p.data -= rate * p.grad;
      losses.push(loss.data);
    }
    return { first: losses[0], final: totalLoss(n).data };
  };

  it("cites the notes' one step at 0.01 and 100 steps at 0.04 beside its own runs of them, and the video's 20 at 0.1", () => {
    const text = content(page(dist, 'training')).text().replace(/\s+/g, ' ');
    const step = run(1, 0.01);
    expect(text).toContain(`The loss went from ${step.first.toFixed(4)} to ${step.final.toFixed(4)}`);
    expect(text).toMatch(/saw 9\.475 go to 9\.195/);
    expect(text).toContain(`after the last one it is ${run(20, 0.1).final.toFixed(4)}`);
    expect(text).toContain(`Ours ends at ${run(100, 0.04).final.toFixed(4)}; the notes’ 0.0085`);
  });
});

describe('every number in the prose comes from code or from the notes', () => {
  const notes = ['OUTLINE.md', 'micrograd.org'].map((f) => readFileSync(join('/work/shared/notes', f), 'utf8')).join('\n');
  // A number as prose writes it: 0.25, 100,000, −1.5 (not the 2 of x2 or of x²).
  const NUMBER = /(?<![\w.$])-?\d[\d,_]*(?:\.\d+)?(?!\w)/g;
  const numbers = (text: string) =>
    [...text.replace(/−/g, '-').matchAll(NUMBER)].map((m) => [m[0], Number(m[0].replace(/[,_]/g, ''))] as const);
  const fromNotes = new Set(numbers(notes).map(([, n]) => n));
  // Facts of the world, not results of the book's code.
  const FACTS = new Map([
    [1000, "Python's default recursion limit, about 1,000 calls"],
    [32, 'a 32-bit float'],
    [64, 'a 64-bit float'],
  ]);

  it.each(chapters().map((c) => [c.slug, c.source]))('%s types no number that code computes', (_slug, source) => {
    const code = [...source.matchAll(/^```\w+[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]).join('\n');
    const inCode = new Set(numbers(code).map(([, n]) => n));
    const prose = source
      .replace(/^---[\s\S]*?^---/m, '')
      .replace(/^import .*$/gm, '')
      .replace(/^```[\s\S]*?^```/gm, '')
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .replace(/\$[^$\n]*\$/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/<[^>]*>/g, '');
    // Small whole numbers are counts and examples in words ("two inputs"); anything else the
    // prose states must be an input written in the chapter's code, a number the notes printed,
    // or a fact. What code computes is an inline `=expr`, removed above with the rest of the code.
    const typed = numbers(prose)
      .filter(([, n]) => !(Number.isInteger(n) && Math.abs(n) <= 10) && !inCode.has(n) && !fromNotes.has(n) && !FACTS.has(n))
      .map(([t]) => t);
    expect(typed).toEqual([]);
  });
});

describe('search excerpts', () => {
  /** The text Pagefind indexed for each page, by URL. */
  const indexed = () => {
    const dir = join(dist, 'pagefind', 'fragment');
    const found = new Map<string, string>();
    for (const file of readdirSync(dir)) {
      let data = readFileSync(join(dir, file));
      try {
        data = gunzipSync(data);
      } catch {
        // stored uncompressed
      }
      const text = data.toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      found.set(fragment.url, fragment.content);
    }
    return found;
  };

  it('index every page, with no button labels, region markers or TeX', () => {
    const all = indexed();
    for (const { slug } of chapters()) expect(all.has(`/${slug}/`), slug).toBe(true);
    for (const [url, text] of all) {
      expect(text, url).not.toMatch(/Run\s*Stop\s*Edit\s*Reset|Undo step|Step backward\(\)|Full screen|Play\s*Pause/);
      expect(text, url).not.toMatch(/#(end)?region\b/);
      expect(text, url).not.toMatch(/\\(frac|partial|tanh|lim|cdot|sum|text|mathrm)\b/);
    }
  });

  it('index each formula once, as it reads', () => {
    const gradients = indexed().get('/gradients/') ?? '';
    expect(gradients.split('f(x)=3x2−4x+5').length - 1).toBe(1);
    expect(gradients).not.toContain('⁡');
  });
});

describe('the landing page', () => {
  const $ = () => load(pages(dist).get('/') ?? '');

  it('shows the trained moons boundary with its points, computed at build', () => {
    const preview = $()('[data-moons-preview]');
    expect(preview.length).toBe(1);
    expect(preview.find('svg rect').length).toBeGreaterThan(40);
    expect(preview.find('svg circle').length).toBe(100);
    expect(Number(preview.attr('data-accuracy'))).toBe(1);
  });

  it("runs a three-line teaser that draws a neuron's graph with its gradients", () => {
    const teaser = $()('[data-cell]');
    expect(teaser.length).toBe(1);
    const code = JSON.parse(teaser.find('script[data-source]').text()) as string;
    expect(code.split('\n')).toHaveLength(3);
    const graph = teaser.find('[data-graph]');
    expect(graph.find('svg g.node').length).toBeGreaterThan(5);
    expect(graph.find('figcaption').text()).toMatch(/tanh/);
  });
});
