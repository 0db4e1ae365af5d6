// Every exercise of the book, read from the chapters' MDX with the parser MDX uses, as the remark
// plugin reads them (exercises.ts), each with the code of the cells before it: what the sidebar's
// manifest counts, and what the tests check. Node only (build and tests).

import { readFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { chapterFiles } from '../build/chapters.ts';
import { type Exercise, exerciseOf, isExercise } from '../remark/exercises.ts';

const CELL_META = /(?:^|\s)cell(?:=[\w-]+)?(?:\s|$)/;

export interface BookExercise {
  /** The chapter's file name (02-micrograd.mdx) and slug (micrograd). */
  chapter: string;
  slug: string;
  exercise: Exercise;
  /** What a Check runs before the reader's code: the chapter's cells before the exercise, if it uses them. */
  cells: string[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

/** The exercises of one chapter's MDX text, in page order. */
export function exercisesIn(source: string, chapter: string, slug: string): BookExercise[] {
  const tree = parser.parse(source) as Root;
  const found: BookExercise[] = [];
  const cells: string[] = [];
  visit(tree, (node) => {
    if (isExercise(node)) {
      const exercise = exerciseOf(node, chapter);
      found.push({ chapter, slug, exercise, cells: exercise.uses.length > 0 ? [...cells] : [] });
    }
    else if (node.type === 'code' && (node as Code).lang === 'ts' && CELL_META.test((node as Code).meta ?? '')) cells.push((node as Code).value);
  });
  return found;
}

/** Every exercise of the book, chapter by chapter in reading order. */
export function bookExercises(contentDir = 'content'): BookExercise[] {
  return chapterFiles(contentDir).flatMap(({ file, slug }) => exercisesIn(readFileSync(file, 'utf8'), file.split('/').at(-1) as string, slug));
}
