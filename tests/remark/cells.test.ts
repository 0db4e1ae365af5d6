import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkCells from '../../src/remark/cells.ts';

const cell = (value: string, meta = 'cell') => ({ type: 'code' as const, lang: 'ts', meta, value, position: { start: { line: 7, column: 1 }, end: { line: 9, column: 1 } } });
const inline = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'inlineCode' as const, value }] });
const outputOf = (tree: Root, i: number) => JSON.parse((tree.children[i] as unknown as { attributes: { name: string; value: string }[] }).attributes.find((a) => a.name === 'result')!.value);

describe('remarkCells', () => {
  it('runs cells in order and replaces inline =expressions with their values', async () => {
    const tree = { type: 'root', children: [cell('const a = new Value(-1.5);'), inline('=a.data')] } as Root;
    await remarkCells()(tree, { path: '/x/01-gradients.mdx' });
    expect(tree.children[0].type).toBe('mdxjsEsm');
    expect(tree.children[1]).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Cell' });
    expect(tree.children[2]).toMatchObject({ children: [{ type: 'text', value: '−1.5' }] });
  });

  it('fails the build on a cell that throws, naming chapter and cell, and the line and column in it', async () => {
    const tree = { type: 'root', children: [cell('1'), cell('const x = 1;\nx.nope()', 'cell=broken')] } as Root;
    await expect(remarkCells()(tree, { path: '/x/02-micrograd.mdx' })).rejects.toThrow(
      /02-micrograd\.mdx: cell 2 \("broken", line 7\) failed: TypeError: x\.nope is not a function \(cell line 2, column 3\)$/,
    );
  });

  it('says which earlier cell the code that threw came from', async () => {
    const tree = { type: 'root', children: [cell('function f(o: any) {\n  return o.x;\n}'), cell('f(null)', 'cell=calls')] } as Root;
    await expect(remarkCells()(tree, { path: '/x/02-micrograd.mdx' })).rejects.toThrow(
      /cell 2 \("calls", line 7\) failed: TypeError: Cannot read properties of null \(reading 'x'\) \(cell line 1, column 1; thrown in cell 1, line 2, column 12\)$/,
    );
  });

  it('fails on an inline expression that throws', async () => {
    const tree = { type: 'root', children: [inline('=missing.data')] } as Root;
    await expect(remarkCells()(tree, { path: '/x/03-training.mdx' })).rejects.toThrow(/03-training\.mdx:.*=missing\.data.*not defined/);
  });

  it('runs each chapter in a realm of its own: a global one chapter makes, another does not see', async () => {
    const first = { type: 'root', children: [cell('globalThis.leaked = 42; Math.max = () => 0; leaked')] } as Root;
    const second = { type: 'root', children: [cell('[typeof leaked, Math.max(1, 2)]')] } as Root;
    await Promise.all([remarkCells()(first, { path: '/x/01-a.mdx' }), remarkCells()(second, { path: '/x/02-b.mdx' })]);
    expect(outputOf(first, 1).value).toEqual({ kind: 'text', text: '42' });
    expect(outputOf(second, 1).value).toEqual({ kind: 'text', text: '["undefined", 2]' });
  });

  it('fails the build, rather than hanging it, on a cell that never ends', async () => {
    const tree = { type: 'root', children: [cell('1'), cell('while (true) {}', 'cell=forever'), cell('2')] } as Root;
    await expect(remarkCells({ timeLimitMs: 1000 })(tree, { path: '/x/04-moons.mdx' })).rejects.toThrow(
      /04-moons\.mdx: cell 2 \("forever", line 7\) did not finish in 1 s \(an endless loop\?\)/,
    );
  });
});
