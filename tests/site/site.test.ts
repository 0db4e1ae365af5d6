// The built book: chapters, computed outputs, graphs, lib regions and links, checked in the HTML.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { libFiles, readLibFile, regionsOf } from '../../src/build/regions.ts';
import { layout } from '../../src/graphviz/node.ts';
import { renderResult } from '../../src/runner/render.ts';
import { runCells } from '../../src/runner/session.ts';
import { chapters, page, pages } from '../../tools/built-site.ts';

const dist = inject('dist');

/** A cell's code in a chapter's source: a ```ts fence whose meta names it a cell. */
const CELL_FENCE = /^```ts[ \t]+cell\b.*\n([\s\S]*?)^```/gm;

describe('the built book', () => {
  it('has the chapters of the notes, in order (Micrograd split where the notes turn to the network), and a landing page', () => {
    const slugs = chapters().map((c) => c.slug);
    expect(slugs.slice(0, 4)).toEqual(['gradients', 'micrograd', 'network', 'training']);
    for (const slug of slugs) expect(page(dist, slug)('main h1').text()).not.toBe('');
    // The landing page's contents name every chapter, in the order of the file names.
    const $ = load(pages(dist).get('/') ?? '');
    const linked = $('main a[href]').map((_, a) => $(a).attr('href')).get();
    expect([...new Set(linked.filter((href) => slugs.includes(href.replaceAll('/', ''))))]).toEqual(slugs.map((slug) => `/${slug}/`));
  });

  it.each(chapters().map((c) => [c.slug, c.source]))("%s shows every cell's code, and under it what that code gives run in order", async (slug, source) => {
    const $ = page(dist, slug);
    const cells = $('[data-cell]').toArray();
    const code = cells.map((cell) => JSON.parse($(cell).find('script[data-source]').text()) as string);
    expect(code).toEqual([...source.matchAll(CELL_FENCE)].map((m) => m[1].replace(/\n$/, '')));
    // As a reader's Run runs them: the chapter's cells afresh, in one session, rendered by the same renderer.
    const results = await runCells(code);
    for (const [k, cell] of cells.entries()) {
      const html = await renderResult(results[k], layout, { stepper: $(cell).is('[data-step-cell]') });
      expect($(cell).find('[data-output]').text(), `cell ${$(cell).attr('data-cell')}`).toBe(load(html).text());
    }
  });

  it('draws every graph as inline SVG, readable without JavaScript', () => {
    let graphs = 0;
    for (const { slug, source } of chapters()) {
      const $ = page(dist, slug);
      $('[data-output] [data-graph]').each((_, g) => {
        graphs++;
        expect($(g).find('svg g.node').length).toBeGreaterThan(0);
      });
      // Every cell whose last line draws shows a graph (an exercise's code draws only when checked).
      const drawing = [...source.matchAll(CELL_FENCE)].map((m) => m[1]).join('\n').match(/^drawDot\(/gm)?.length ?? 0;
      expect($('[data-output] [data-graph]').length).toBeGreaterThanOrEqual(drawing);
    }
    expect(graphs).toBeGreaterThan(5);
  });

  it("shows the notes' numbers, computed", () => {
    const text = (slug: string) => page(dist, slug)('main').text();
    expect(text('gradients')).toContain('14.0003');
    expect(text('micrograd')).toContain('0.7071');
    expect(text('micrograd')).toMatch(/[−-]1\.5\b/);
    expect(text('micrograd')).toContain('0.7071066904050358');
  });

  it('has no NaN, undefined or [object Object] in any page', () => {
    for (const [path, html] of pages(dist)) {
      const $ = load(html);
      // Listings of lib's source may name them (Number.isNaN); outputs and prose may not.
      $('script, style, [data-lib-file], [data-snippet]').remove();
      const text = $('body').text();
      for (const bad of ['NaN', 'undefined', '[object Object]']) {
        expect(text.includes(bad), `${bad} on ${path}`).toBe(false);
      }
    }
  });

  it('shows every lib region in a chapter, exactly as it is in lib/', () => {
    const shown = new Map<string, string[]>();
    for (const { slug } of chapters()) {
      const $ = page(dist, slug);
      $('[data-snippet]').each((_, el) => {
        const lines = $(el).find('.ec-line .code').map((__, line) => $(line).text()).get();
        shown.set($(el).attr('data-snippet') ?? '', lines);
      });
    }
    for (const file of libFiles()) {
      for (const [region, text] of regionsOf(readLibFile(file), file)) {
        const key = `${file}#${region}`;
        expect(shown.has(key), `region ${key} is shown in no chapter`).toBe(true);
        expect(shown.get(key)?.join('\n').replace(/\s+$/gm, '')).toBe(text.replace(/\s+$/gm, ''));
      }
    }
  });

  it('serves each lib file at /lib/<file> and on the Library page as it is, minus region markers', () => {
    const $ = page(dist, 'library');
    expect($('a[download]').length).toBe(libFiles().length);
    for (const file of libFiles()) {
      const source = readLibFile(file).split('\n');
      const clean = source.filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line)).join('\n');
      expect(clean.length, file).toBeLessThan(source.join('\n').length);
      expect(readFileSync(join(dist, 'lib', file), 'utf8'), file).toBe(clean);
      const shown = $(`[data-lib-file="${file}"]`);
      const lines = shown.find('.ec-line .code').map((_, line) => $(line).text()).get();
      expect(lines.join('\n').replace(/\s+$/gm, ''), file).toBe(clean.replace(/\s+$/gm, '').trimEnd());
      expect(shown.find('p').text(), file).toContain(`(${clean.trimEnd().split('\n').length} lines)`);
    }
  });

  it('has a 404 page that leads back into the book, and the favicon every page names', () => {
    const $ = load(readFileSync(join(dist, '404.html'), 'utf8'));
    expect($('main h1').text()).toBe('Not in the book');
    expect($('main a').first().attr('href')).toBe(`/${chapters()[0].slug}/`);
    for (const [path, html] of pages(dist)) {
      const icon = load(html)('link[rel~="icon"]').attr('href') ?? '';
      expect(existsSync(join(dist, icon)), `${path}: ${icon}`).toBe(true);
    }
  });

  it('has no broken internal links', () => {
    const all = pages(dist);
    const broken: string[] = [];
    for (const [path, html] of all) {
      const $ = load(html);
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href') ?? '';
        if (/^[a-z]+:|^\/\//i.test(href)) return;
        const url = new URL(href, `http://site${path}`);
        const target = all.get(url.pathname) ?? (existsSync(join(dist, url.pathname)) ? '' : undefined);
        if (target === undefined) broken.push(`${path} → ${href}`);
        else if (url.hash && target && load(target)(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).length === 0) {
          broken.push(`${path} → ${href} (no such anchor)`);
        }
      });
    }
    expect(broken).toEqual([]);
  });
});
