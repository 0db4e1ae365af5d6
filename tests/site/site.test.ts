// The built book: chapters, computed outputs, graphs, lib regions and links, checked in the HTML.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { libFiles, readLibFile, regionsOf } from '../../src/build/regions.ts';
import { buildSeconds, buildSite, chapters, page, pages } from '../../tools/built-site.ts';
import './demos.ts';

let dist: string;
beforeAll(() => {
  dist = buildSite();
  console.log(`site built in ${buildSeconds.toFixed(1)} s`);
}, 300_000);

const CELL_FENCE = /^```ts\s+cell\b/gm;

describe('the built book', () => {
  it('has the three chapters of the notes, in order, and a landing page', () => {
    const slugs = chapters().map((c) => c.slug);
    expect(slugs.slice(0, 3)).toEqual(['gradients', 'micrograd', 'training']);
    for (const slug of slugs) expect(page(dist, slug)('main h1').text()).not.toBe('');
    const $ = load(pages(dist).get('/') ?? '');
    expect($('a[href="/gradients/"]').length).toBeGreaterThan(0);
  });

  it.each(chapters().map((c) => [c.slug, c.source]))('%s shows every cell with its build-time output', (slug, source) => {
    const $ = page(dist, slug);
    const cells = $('[data-cell]');
    expect(cells.length).toBe(source.match(CELL_FENCE)?.length ?? 0);
    cells.each((_, cell) => {
      expect($(cell).attr('data-status')).toBe('idle');
      expect($(cell).find('[data-output] .cell-error').length).toBe(0);
      expect(JSON.parse($(cell).find('script[data-source]').text())).toEqual(expect.any(String));
    });
  });

  it('draws every graph as inline SVG, readable without JavaScript', () => {
    let graphs = 0;
    for (const { slug, source } of chapters()) {
      const $ = page(dist, slug);
      $('[data-output] .cell-graph').each((_, g) => {
        graphs++;
        expect($(g).find('svg g.node').length).toBeGreaterThan(0);
      });
      // Every cell whose last line draws shows a graph.
      const drawing = source.match(/^drawDot\(/gm)?.length ?? 0;
      expect($('[data-output] .cell-graph').length).toBeGreaterThanOrEqual(drawing);
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
