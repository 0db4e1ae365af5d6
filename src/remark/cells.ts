// Remark plugin: runs a chapter's cells at build time, in order, in one session (in a worker
// thread of its own: chapter-session.ts), and puts each cell's output in the page; inline code
// `=expr` becomes the expression's value. Each <Exercise> becomes the Exercise component, and is
// proved: its start code must fail its check and its solution pass it (exercise-proof.ts).

import { parse } from 'acorn';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, InlineCode, Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxjsEsm } from 'mdast-util-mdx';
import { SKIP, visit } from 'unist-util-visit';
import { errorPlace } from '../runner/render.ts';
import { ChapterSession } from './chapter-session.ts';
import { ExerciseProofs } from './exercise-proof.ts';
import { exerciseOf, isExercise, toComponent } from './exercises.ts';

const CELL_COMPONENT = fileURLToPath(new URL('../components/Cell.astro', import.meta.url));
const EXERCISE_COMPONENT = fileURLToPath(new URL('../components/Exercise.astro', import.meta.url));
const CELL_META = /(?:^|\s)cell(?:=([\w-]+))?(?:\s|$)/;
const EDITABLE_META = /(?:^|\s)editable(?:\s|$)/;
// `step`: the cell's graph is shown as a stepper through backward() (src/graphs/).
const STEP_META = /(?:^|\s)step(?:\s|$)/;

type Parent = { children: RootContent[] };
type Item =
  | { kind: 'cell'; node: Code; index: number; parent: Parent }
  | { kind: 'inline'; node: InlineCode }
  | { kind: 'exercise'; node: MdxJsxFlowElement; index: number; parent: Parent };

/** `timeLimitMs`: how long one cell or inline expression may run before the build fails (an endless loop). */
export default function remarkCells(options: { timeLimitMs?: number } = {}) {
  return async (tree: Root, file: { path?: string }) => {
    const chapter = basename(file.path ?? 'chapter');
    const items: Item[] = [];
    visit(tree, (node, index, parent) => {
      // An exercise's prose may hold inline numbers: the walk goes on into it.
      if (isExercise(node) && parent && index !== undefined) items.push({ kind: 'exercise', node, index, parent: parent as Parent });
      if (node.type === 'code' && node.lang === 'ts' && CELL_META.test(node.meta ?? '') && parent && index !== undefined) {
        items.push({ kind: 'cell', node, index, parent: parent as Parent });
        return SKIP;
      }
      if (node.type === 'inlineCode' && node.value.startsWith('=')) items.push({ kind: 'inline', node });
    });
    if (items.length === 0) return;

    const session = new ChapterSession(options.timeLimitMs);
    const proofs = new ExerciseProofs(chapter, options.timeLimitMs);
    try {
      await runItems(items, session, proofs, chapter);
      await proofs.done();
    } finally {
      await Promise.all([session.close(), proofs.close()]);
    }
    if (items.some((item) => item.kind === 'cell')) tree.children.unshift(importComponent('Cell', CELL_COMPONENT));
    if (items.some((item) => item.kind === 'exercise')) tree.children.unshift(importComponent('Exercise', EXERCISE_COMPONENT));
  };
}

async function runItems(items: Item[], session: ChapterSession, proofs: ExerciseProofs, chapter: string): Promise<void> {
  const ids = new Set<string>();
  const exerciseIds = new Set<string>();
  /** The chapter's cells so far: what a Check runs before the reader's code, for an exercise that uses them. */
  const cells: string[] = [];
  let count = 0;
  for (const item of items) {
    const line = item.node.position?.start.line;
    if (item.kind === 'exercise') {
      const exercise = exerciseOf(item.node, chapter);
      if (exerciseIds.has(exercise.id)) throw new Error(`${chapter}: two exercises are named "${exercise.id}"`);
      exerciseIds.add(exercise.id);
      proofs.prove(exercise, exercise.uses.length > 0 ? [...cells] : []);
      item.parent.children[item.index] = toComponent(item.node, exercise);
      continue;
    }
    if (item.kind === 'inline') {
      const expression = item.node.value.slice(1).trim();
      let text: string;
      try {
        text = await session.evaluate(expression);
      } catch (e) {
        throw new Error(`${chapter}:${line}: inline \`=${expression}\` failed: ${(e as Error).message ?? e}`);
      }
      // Prose sets negative numbers with a true minus sign, as the maths does.
      Object.assign(item.node, { type: 'text', value: text.replace(/(^|[\s(])-(?=\d)/g, '$1−') } satisfies Text);
      continue;
    }
    count++;
    cells.push(item.node.value);
    const id = CELL_META.exec(item.node.meta ?? '')?.[1] ?? `cell-${count}`;
    if (ids.has(id)) throw new Error(`${chapter}:${line}: two cells are named "${id}"`);
    ids.add(id);
    let result;
    try {
      result = await session.run(item.node.value);
    } catch (e) {
      throw new Error(`${chapter}: cell ${count} ("${id}", line ${line}) ${(e as Error).message}`);
    }
    if (result.error) {
      throw new Error(`${chapter}: cell ${count} ("${id}", line ${line}) failed: ${result.error.name}: ${result.error.message}${errorPlace(result.error).replace(' (line ', ' (cell line ')}`);
    }
    const step = STEP_META.test(item.node.meta ?? '');
    if (step && !(result.value?.kind === 'graph' && result.value.graph?.steps.length)) {
      throw new Error(`${chapter}: cell ${count} ("${id}", line ${line}) is marked step, but its value is not a graph drawn with drawDot that backward() can step through`);
    }
    const element: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'Cell',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'id', value: id },
        { type: 'mdxJsxAttribute', name: 'code', value: item.node.value },
        { type: 'mdxJsxAttribute', name: 'result', value: JSON.stringify(result) },
        ...(EDITABLE_META.test(item.node.meta ?? '') ? [{ type: 'mdxJsxAttribute' as const, name: 'editable', value: null }] : []),
        ...(step ? [{ type: 'mdxJsxAttribute' as const, name: 'step', value: null }] : []),
      ],
      children: [],
    };
    item.parent.children[item.index] = element;
  }
}

/** `import Cell from '…/Cell.astro'`, as the ESM node MDX expects (with its estree). */
function importComponent(name: string, file: string): MdxjsEsm {
  const value = `import ${name} from ${JSON.stringify(file)};`;
  return {
    type: 'mdxjsEsm',
    value,
    data: { estree: parse(value, { ecmaVersion: 'latest', sourceType: 'module' }) as never },
  };
}
