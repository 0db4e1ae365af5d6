// <Exercise> blocks at build time: read from MDX, turned into the Exercise component's element
// (the check and the solution out of the page's text), and proved: the build fails, naming the
// chapter and the exercise, unless the start code runs and fails its check and the solution passes.

import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkCells from '../../src/remark/cells.ts';
import { exerciseOf } from '../../src/remark/exercises.ts';

const parse = (mdx: string) => unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(mdx) as Root;
const fence = (meta: string, code: string) => `\`\`\`ts ${meta}\n${code}\n\`\`\``;

/** An exercise block: its attributes, then its parts, blank lines between (as MDX wants them). */
function exercise(attributes: string, parts: string[]): string {
  return [`<Exercise ${attributes}>`, ...parts, '</Exercise>'].join('\n\n');
}

const ANSWER = [
  'Set `answer` to 42.',
  fence('start', 'const answer = 0;'),
  fence('check', "check.equal('answer', answer, 42, { message: 'think of the question' });"),
  fence('solution', 'const answer = 42;'),
  fence('wrong', 'const answer = 41;'),
  '<Hint>It is the answer to everything.</Hint>',
  '<Hint>\n\nSix times *seven*.\n\n</Hint>',
];

async function build(mdx: string, chapter = '01-test.mdx'): Promise<Root> {
  const tree = parse(mdx);
  await remarkCells()(tree, { path: `/x/${chapter}` });
  return tree;
}

const elementOf = (tree: Root) => tree.children.find((c): c is MdxJsxFlowElement => c.type === 'mdxJsxFlowElement' && c.name === 'Exercise')!;
const attributes = (el: MdxJsxFlowElement) => Object.fromEntries(el.attributes.map((a) => [(a as { name: string }).name, (a as { value: unknown }).value]));

describe('an <Exercise> in a chapter', () => {
  it('becomes the Exercise component: code as attributes, prose as children, hints hidden in the hints slot', async () => {
    const tree = await build(exercise('id="the-answer" title="The answer"', ANSWER));
    const el = elementOf(tree);
    expect(attributes(el)).toEqual({
      id: 'the-answer',
      title: 'The answer',
      start: 'const answer = 0;',
      check: "check.equal('answer', answer, 42, { message: 'think of the question' });",
      solution: 'const answer = 42;',
      hintCount: '2',
    });
    // No code block is left in the page's text: not the check, not the solution, not the wrong answer.
    expect(JSON.stringify(el.children)).not.toMatch(/"type":"code"/);
    const hints = el.children.filter((c) => c.type === 'mdxJsxFlowElement') as MdxJsxFlowElement[];
    expect(hints.map((h) => attributes(h))).toEqual([
      { slot: 'hints', class: 'exercise-hint', 'data-hint': '1', hidden: null },
      { slot: 'hints', class: 'exercise-hint', 'data-hint': '2', hidden: null },
    ]);
    // Each hint leads with its number, in its first paragraph.
    expect(JSON.stringify(hints[0].children[0])).toMatch(/^\{"type":"paragraph","children":\[\{"type":"strong","children":\[\{"type":"text","value":"Hint 1\. "\}\]\},\{"type":"text","value":"It is the answer/);
    expect(JSON.stringify(hints[1].children[0])).toMatch(/"Hint 2\. "\}\]\},\{"type":"text","value":"Six times "/);
    expect(tree.children[0]).toMatchObject({ type: 'mdxjsEsm', value: expect.stringMatching(/^import Exercise from ".*\/src\/components\/Exercise\.astro";$/) });
  });

  it('fails the build when its check passes on the start code', async () => {
    const parts = [...ANSWER];
    parts[1] = fence('start', 'const answer = 42;');
    await expect(build(exercise('id="too-easy" title="Too easy"', parts), '02-x.mdx')).rejects.toThrow(
      '02-x.mdx: exercise "too-easy" (line 1): its check passes on the start code, so a reader who changes nothing would pass',
    );
  });

  it('fails the build when its solution does not pass, quoting the failing verdict', async () => {
    const parts = [...ANSWER];
    parts[3] = fence('solution', 'const answer = 43;');
    await expect(build(exercise('id="wrong-solution" title="Wrong"', parts), '02-x.mdx')).rejects.toThrow(
      '02-x.mdx: exercise "wrong-solution" (line 1): its solution does not pass its check: answer: think of the question',
    );
  });

  it('fails the build when its start code throws', async () => {
    const parts = [...ANSWER];
    parts[1] = fence('start', 'const answer = missing;');
    await expect(build(exercise('id="broken" title="Broken"', parts))).rejects.toThrow(
      /exercise "broken" \(line 1\): its start code failed to run: its code threw ReferenceError: missing is not defined \(line 1, column 16\)$/,
    );
  });

  it('runs alone unless it says which names of the cells above it uses', async () => {
    const cells = [fence('cell', 'const target = 42;'), ''];
    const parts = ['Match the target.', fence('start', 'const guess = 0;'), fence('check', "check.equal('guess', guess, target);"), fence('solution', 'const guess = target;')];
    await expect(build([...cells, exercise('id="alone" title="Alone"', parts)].join('\n\n'))).rejects.toThrow(
      '01-test.mdx: exercise "alone" (line 7): its solution failed to run: its code threw ReferenceError: target is not defined (line 1, column 15)',
    );
    const tree = await build([...cells, exercise('id="after" title="After" uses="target"', parts)].join('\n\n'));
    expect(attributes(elementOf(tree)).uses).toBe('target');
  });

  it("never runs in the chapter's session: what its code does, later cells do not see", async () => {
    const mdx = [
      fence('cell', 'const a = new Value(1);'),
      exercise('id="meddle" title="Meddle" uses="a"', ['Change a.', fence('start', 'a.data = 99;\nconst b = 0;'), fence('check', "check.ok('b', b === 1, 'b should be 1');"), fence('solution', 'a.data = 99;\nconst b = 1;')]),
      fence('cell=after', '[a.data, typeof b]'),
    ].join('\n\n');
    const tree = await build(mdx);
    const cell = tree.children.find((c) => c.type === 'mdxJsxFlowElement' && c.name === 'Cell' && attributes(c).id === 'after') as MdxJsxFlowElement;
    expect(JSON.parse(attributes(cell).result as string).value).toEqual({ kind: 'text', text: '[1, "undefined"]' });
  });

  it('is refused, naming chapter and exercise, without an id, a title, or one of its three blocks', () => {
    const element = (mdx: string) => parse(mdx).children[0] as MdxJsxFlowElement;
    expect(() => exerciseOf(element(exercise('title="No id"', ANSWER)), '01-a.mdx')).toThrow('01-a.mdx: exercise without an id (line 1): give it an id');
    expect(() => exerciseOf(element(exercise('id="Bad Id" title="t"', ANSWER)), '01-a.mdx')).toThrow('lowercase letters, digits and dashes');
    expect(() => exerciseOf(element(exercise('id="untitled"', ANSWER)), '01-a.mdx')).toThrow('01-a.mdx: exercise "untitled" (line 1): give it a title');
    expect(() => exerciseOf(element(exercise('id="no-check" title="t"', ANSWER.filter((p) => !p.includes('ts check')))), '01-a.mdx')).toThrow(
      '01-a.mdx: exercise "no-check" (line 1): it needs exactly one ```ts check block (it has 0)',
    );
    expect(() => exerciseOf(element(exercise('id="a-cell" title="t"', [...ANSWER, fence('cell', '1')])), '01-a.mdx')).toThrow('a ts block in an exercise is start, check, solution or wrong, not "cell"');
  });

  it('reads its likely wrong answers, with the text their failure must say', () => {
    const el = parse(exercise('id="w" title="t"', [...ANSWER, fence('wrong overwritten (=) instead', 'const answer = 1;')])).children[0] as MdxJsxFlowElement;
    expect(exerciseOf(el, '01-a.mdx').wrong).toEqual([{ code: 'const answer = 41;' }, { code: 'const answer = 1;', expect: 'overwritten (=) instead' }]);
  });

  it('fails the build on two exercises of one id', async () => {
    await expect(build([exercise('id="twice" title="t"', ANSWER), exercise('id="twice" title="t"', ANSWER)].join('\n\n'))).rejects.toThrow('01-test.mdx: two exercises are named "twice"');
  });
});
