// Exercises in the built pages, as read without JavaScript: every exercise of the book is there,
// with its task, its start code and a note that checking needs JavaScript; its hints are hidden and
// its solution is out of the page's text (JSON for the page's script only), as is its check.

import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { bookExercises } from '../../src/exercises/book.ts';
import { page } from '../../tools/built-site.ts';

const dist = inject('dist');

describe.each(bookExercises().map((e) => [`${e.slug} › ${e.exercise.id}`, e] as const))('%s', (_, { slug, exercise }) => {
  it('reads without JavaScript: task and start code, a note, hidden hints; no solution or check in the text', () => {
    const $ = page(dist, slug);
    const root = $(`[data-exercise="${exercise.id}"]`);
    expect(root.length).toBe(1);
    expect(root.attr('data-exercise-status')).toBe('todo');
    expect(root.find('.exercise-title').text()).toBe(`Exercise ${exercise.title}`);
    expect(root.find('.exercise-task').text().trim().length).toBeGreaterThan(40);
    expect(root.find('.exercise-code .ec-line').map((__, line) => $(line).text()).get().join('\n').replace(/\s+$/gm, '')).toBe(exercise.start.replace(/\s+$/gm, ''));
    expect(load(root.find('noscript').text())('p').text()).toBe('Checking your answer, the hints and the solution need JavaScript.');
    expect(root.find('.exercise-actions').attr('hidden')).toBeDefined();
    expect(root.find('.exercise-hint').toArray().every((hint) => $(hint).attr('hidden') !== undefined)).toBe(true);
    expect(JSON.parse(root.find('script[data-exercise-code]').text())).toEqual({ start: exercise.start, check: exercise.check, solution: exercise.solution });
    // The solution's own lines (those the start code does not have, comments aside) are nowhere in the text.
    const text = root.clone().find('script').remove().end().text();
    const lines = (code: string) => code.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim());
    const start = new Set(lines(exercise.start));
    const own = lines(exercise.solution).filter((l) => l.length > 8 && !start.has(l));
    expect(own.length).toBeGreaterThan(0);
    for (const line of own) expect(text.includes(line), line).toBe(false);
  });
});
