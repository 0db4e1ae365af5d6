// An <Exercise> block of a chapter, as written in MDX: its task (prose), its code blocks (start,
// check, solution, and likely wrong answers for the tests) and its hints. exerciseOf reads one;
// toComponent turns it into the Exercise component's element (src/components/Exercise.astro).
// cells.ts calls both in the chapter's order; tests/exercises/book.test.ts reads every exercise
// of the book with exerciseOf too.

import type { BlockContent, Code, DefinitionContent, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx';

export interface Exercise {
  /** Unique in the book: the page's storage keys progress by it, and tests find it by data-exercise. */
  id: string;
  title: string;
  /** What the editor starts with. */
  start: string;
  /** Code the reader does not see, run after theirs with `check` and `lib` in scope. */
  check: string;
  solution: string;
  /**
   * Names of the chapter's cells above that the exercise uses (`uses="f, xs"`). With none, a
   * Check runs the reader's code alone; with some, after the cells before the exercise. An
   * exercise that uses nothing can move to any chapter, and its Check does not rerun the page.
   */
  uses: string[];
  /** Likely wrong answers, never shown: each must fail, with a message containing `expect` if given. */
  wrong: { code: string; expect?: string }[];
  /** The line of <Exercise> in the chapter. */
  line?: number;
}

/** The code blocks an exercise has, by the word after `ts` in their info string. */
const ROLES = ['start', 'check', 'solution', 'wrong'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PHRASING = new Set(['text', 'emphasis', 'strong', 'inlineCode', 'inlineMath', 'link', 'break', 'delete', 'mdxJsxTextElement', 'mdxTextExpression']);

export function isExercise(node: { type: string; name?: string | null }): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === 'Exercise';
}

/**
 * Reads an <Exercise id="…" title="…" [uses="…"]> element: exactly one `ts start`, `ts check` and
 * `ts solution` block, any number of `ts wrong [expected text]` blocks and <Hint> elements,
 * and prose. Throws, naming the chapter and the exercise, when one is missing or doubled.
 */
export function exerciseOf(node: MdxJsxFlowElement, chapter: string): Exercise {
  const line = node.position?.start.line;
  const id = attribute(node, 'id');
  const where = `${chapter}: exercise ${id ? `"${id}"` : 'without an id'}${line ? ` (line ${line})` : ''}`;
  if (!id || !ID.test(id)) throw new Error(`${where}: give it an id of lowercase letters, digits and dashes, as <Exercise id="predict-slope" title="…">`);
  const title = attribute(node, 'title');
  if (!title) throw new Error(`${where}: give it a title, as <Exercise id="${id}" title="Predict the slope">`);
  const blocks = node.children.filter((c): c is Code => c.type === 'code' && c.lang === 'ts');
  const role = (c: Code) => ROLES.find((r) => new RegExp(`^${r}(?:\\s|$)`).test(c.meta ?? ''));
  for (const c of blocks) {
    if (!role(c)) throw new Error(`${where}: a ts block in an exercise is start, check, solution or wrong, not "${c.meta ?? ''}"`);
  }
  const one = (r: (typeof ROLES)[number]) => {
    const found = blocks.filter((c) => role(c) === r);
    if (found.length !== 1) throw new Error(`${where}: it needs exactly one \`\`\`ts ${r} block (it has ${found.length})`);
    return found[0].value;
  };
  const wrong = blocks.filter((c) => role(c) === 'wrong').map((c) => {
    const expect = (c.meta ?? '').replace(/^wrong\s*/, '').trim();
    return { code: c.value, ...(expect ? { expect } : {}) };
  });
  const uses = (attribute(node, 'uses') ?? '').split(/[\s,]+/).filter(Boolean);
  return { id, title, uses, start: one('start'), check: one('check'), solution: one('solution'), wrong, ...(line ? { line } : {}) };
}

/**
 * The element the page gets: the Exercise component with its code as attributes, its prose as
 * children, and each <Hint> as a hidden element of the component's `hints` slot. The check,
 * the solution and the wrong answers are out of the page's text.
 */
export function toComponent(node: MdxJsxFlowElement, exercise: Exercise): MdxJsxFlowElement {
  const attr = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });
  const task: RootContent[] = [];
  let hints = 0;
  for (const child of unravelHints(node.children as RootContent[])) {
    if (child.type === 'code' && child.lang === 'ts') continue;
    if (child.type === 'mdxJsxFlowElement' && child.name === 'Hint') {
      hints++;
      task.push({
        type: 'mdxJsxFlowElement',
        name: 'div',
        attributes: [attr('slot', 'hints'), attr('class', 'exercise-hint'), attr('data-hint', String(hints)), { type: 'mdxJsxAttribute', name: 'hidden', value: null }],
        children: withLead(child.children as RootContent[], `Hint ${hints}. `),
      } as MdxJsxFlowElement);
      continue;
    }
    task.push(child);
  }
  return {
    type: 'mdxJsxFlowElement',
    name: 'Exercise',
    attributes: [
      attr('id', exercise.id),
      attr('title', exercise.title),
      attr('start', exercise.start),
      attr('check', exercise.check),
      attr('solution', exercise.solution),
      attr('hintCount', String(hints)),
      ...(exercise.uses.length > 0 ? [attr('uses', exercise.uses.join(', '))] : []),
    ],
    children: task as (BlockContent | DefinitionContent)[],
    ...(node.position ? { position: node.position } : {}),
  };
}

/**
 * `<Hint>text</Hint>` on one line parses as a paragraph holding an inline element; MDX's own
 * compiler unravels such paragraphs into block elements before plugins run, other parsers (the
 * tests') do not. Either way, each hint here is a block element.
 */
function unravelHints(children: RootContent[]): RootContent[] {
  return children.flatMap((child): RootContent[] => {
    if (child.type !== 'paragraph') return [child];
    const parts = child.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (parts.length === 0 || !parts.every((c) => c.type === 'mdxJsxTextElement' && c.name === 'Hint')) return [child];
    return parts.map((c) => ({ ...(c as unknown as MdxJsxFlowElement), type: 'mdxJsxFlowElement' as const }));
  });
}

/** Content with a bold lead-in ("Hint 1. ") at the start of its first paragraph, or as a paragraph of its own. */
function withLead(children: RootContent[], lead: string): RootContent[] {
  const strong = { type: 'strong' as const, children: [{ type: 'text' as const, value: lead }] };
  const [first, ...rest] = children;
  if (first?.type === 'paragraph') return [{ ...first, children: [strong, ...first.children] }, ...rest];
  // <Hint>text on one line</Hint>: its children are inline content, one paragraph's worth.
  if (children.every((c) => PHRASING.has(c.type))) return [{ type: 'paragraph', children: [strong, ...(children as PhrasingContent[])] }];
  return [{ type: 'paragraph', children: [strong] }, ...children];
}

function attribute(node: MdxJsxFlowElement, name: string): string | undefined {
  const found = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}
