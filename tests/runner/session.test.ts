import { describe, expect, it } from 'vitest';
import { renderResult } from '../../src/runner/render.ts';
import { type CellResult, CellFailure, Session, runCells } from '../../src/runner/session.ts';
import { CASES } from './cases.ts';

/** The output's text, as a reader sees it under the cell. */
async function shown(result: CellResult): Promise<string> {
  return (await renderResult(result, async () => ''))
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
}

describe('Session: cells run as the same TypeScript would (issue 8, and the rule in README)', () => {
  for (const { name, cells, shows } of CASES) {
    it(name, async () => {
      const results = await runCells(cells);
      expect(results).toHaveLength(cells.length);
      expect(await shown(results.at(-1)!)).toBe(shows);
    });
  }

  it('shows 1, then 4, for the two cells that look for the smallest value', async () => {
    const [first, second] = await runCells(CASES[1].cells);
    expect([await shown(first), await shown(second)]).toEqual(['1', '4']);
  });

  it('leaves no global behind for the next session: an undeclared assignment throws, and a made global stays in its realm', async () => {
    await runCells(CASES[2].cells);
    const [r] = await runCells(['typeof totl']);
    expect(await shown(r)).toBe('"undefined"');
  });
});

describe('Session: cells run in order in one scope, like a notebook', () => {
  it('shares variables between cells and shows the last expression', async () => {
    const s = new Session();
    expect((await s.run("const a = new Value(2, { label: 'a' });\nconst b: Value = a.mul(3);")).value).toBeNull();
    expect((await s.run('b')).value).toEqual({ kind: 'text', text: 'Value(data=6)' });
    expect(await s.evaluate('b.data.toFixed(2)')).toBe('6.00');
  });

  it('lets a later cell declare a name again, as the notes redefine x1 and o', async () => {
    const [, second] = await runCells(['const x1 = new Value(1);', 'const x1 = new Value(5);\nx1.data']);
    expect(second.value).toEqual({ kind: 'text', text: '5' });
  });

  it('keeps functions and classes for later cells', async () => {
    const results = await runCells(['function sq(v: number) { return v * v; }\nclass P { toString() { return "P!"; } }', 'sq(3)', 'new P()']);
    expect(results.map((r) => r.value)).toEqual([null, { kind: 'text', text: '9' }, { kind: 'text', text: 'P!' }]);
  });

  it('resolves imports of lib to the same lib', async () => {
    const [r] = await runCells(["import { MLP as M } from '../lib/nn.ts';\nimport * as engine from 'lib/engine';\nnew M(3, [4, 4, 1]).parameters().length + (engine.Value === Value ? 1000 : 0)"]);
    expect(r.value).toEqual({ kind: 'text', text: '1041' });
  });

  it('refuses imports from outside lib, naming the module', async () => {
    const [r] = await runCells(["import { readFileSync } from 'node:fs';\nreadFileSync"]);
    expect(r.error).toMatchObject({ kind: 'syntax', line: 1 });
    expect(r.error?.message).toMatch(/only lib\/.*not 'node:fs'/);
  });

  it('captures console output, formatted like the value display', async () => {
    const [r] = await runCells(["console.log('x', new Value(1.5), [1, 2], { a: 1 });\nconsole.warn('careful')"]);
    expect(r.logs).toEqual([
      { level: 'log', text: 'x Value(data=1.5) [1, 2] { a: 1 }' },
      { level: 'warn', text: 'careful' },
    ]);
  });

  it('caps a console flood and counts what it dropped', async () => {
    const [r] = await runCells(['for (let i = 0; i < 1500; i++) console.log(i)']);
    expect(r.logs).toHaveLength(1000);
    expect(r.dropped).toBe(500);
  });

  it('shows drawDot(...) as a graph and plot(...) as a plot', async () => {
    const [g, p] = await runCells(['drawDot(new Value(1))', 'plot([0, 1, 2], [0, 1, 4])']);
    expect(g.value?.kind).toBe('graph');
    expect(p.value).toEqual({
      kind: 'plot',
      series: [{ xs: [0, 1, 2], ys: [0, 1, 4], label: '', line: true, dashed: false, points: false }],
      title: 'Line plot',
      x: '',
      y: '',
    });
  });

  it('reports a syntax error with line and column in the cell numbering', async () => {
    const [r] = await runCells(['const a = 1;\nconst b = ;']);
    expect(r.error).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line: 2, column: 11 });
  });

  it('reports a runtime error with its message, line and column', async () => {
    const [r] = await runCells(["const ok: number = 1;\n\nnew Value('3')"]);
    expect(r.error).toMatchObject({ kind: 'runtime', name: 'TypeError', line: 3, column: 1 });
    expect(r.error?.message).toMatch(/got the string "3"/);
  });

  it('stops at the first failing cell', async () => {
    const results = await runCells(['1', 'throw new RangeError("no")', '3']);
    expect(results).toHaveLength(2);
    expect(results[1].error).toMatchObject({ name: 'RangeError', message: 'no', line: 1, column: 7 });
  });

  it('evaluate() throws a CellFailure, an Error that carries the CellError', async () => {
    const session = new Session();
    const failure = await session.evaluate('missing + 1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toBeInstanceOf(CellFailure);
    expect(failure).toMatchObject({ name: 'ReferenceError', message: 'missing is not defined', detail: { kind: 'runtime', line: 1, column: 1 } });
  });

  it('shows nothing for a last line that assigns, as Jupyter shows nothing for Python assignments', async () => {
    const [, r, shown] = await runCells(['const L = new Value(-8);', 'L.grad = 1.0;', 'L.grad += 1']);
    expect(r.value).toBeNull();
    expect(shown.value).toBeNull();
  });

  it('awaits top-level await', async () => {
    const [r] = await runCells(['await Promise.resolve(7)']);
    expect(r.value).toEqual({ kind: 'text', text: '7' });
  });
});

describe('Session: details a notebook user relies on', () => {
  it('hoists a function declaration within its cell, and keeps it for later cells', async () => {
    const [first, second] = await runCells(['const four = twice(2);\nfunction twice(v: number) { return 2 * v; }\nfour', 'twice(5)']);
    expect(first.value).toEqual({ kind: 'text', text: '4' });
    expect(second.value).toEqual({ kind: 'text', text: '10' });
  });

  it("reports the failing line of the cell that ran, not of an earlier cell's function", async () => {
    const results = await runCells(['function g() {\n  return null.x;\n}', '\n\ng()']);
    expect(results[1].error).toMatchObject({ name: 'TypeError', line: 3 });
  });
});
