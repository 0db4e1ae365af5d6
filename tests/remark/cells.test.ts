import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkCells from '../../src/remark/cells.ts';

const cell = (value: string, meta = 'cell') => ({ type: 'code' as const, lang: 'ts', meta, value, position: { start: { line: 7, column: 1 }, end: { line: 9, column: 1 } } });

describe('remarkCells', () => {
  it('runs cells in order and replaces inline =expressions with their values', async () => {
    const tree = {
      type: 'root',
      children: [cell('const a = new Value(-1.5);'), { type: 'paragraph', children: [{ type: 'inlineCode', value: '=a.data' }] }],
    } as Root;
    await remarkCells()(tree, { path: '/x/01-gradients.mdx' });
    expect(tree.children[0].type).toBe('mdxjsEsm');
    expect(tree.children[1]).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Cell' });
    expect(tree.children[2]).toMatchObject({ children: [{ type: 'text', value: '−1.5' }] });
  });

  it('fails the build on a cell that throws, naming chapter and cell', async () => {
    const tree = { type: 'root', children: [cell('1'), cell('const x = 1;\nx.nope()', 'cell=broken')] } as Root;
    await expect(remarkCells()(tree, { path: '/x/02-micrograd.mdx' })).rejects.toThrow(
      /02-micrograd\.mdx: cell 2 \("broken", line 7\) failed: TypeError: x\.nope is not a function \(cell line 2\)/,
    );
  });

  it('fails on an inline expression that throws', async () => {
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: '=missing.data' }] }] } as Root;
    await expect(remarkCells()(tree, { path: '/x/03-training.mdx' })).rejects.toThrow(/03-training\.mdx:.*=missing\.data.*not defined/);
  });
});
