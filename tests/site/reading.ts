// How a built chapter reads, measured in its HTML: its prose, the runs of code blocks between
// prose, and the lib regions it shows. Used by reading.test.ts; kept apart so that the same
// measures can be printed for a report (see the test's notes).
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** A code block as a reader meets it: a cell (code and output), a lib listing, or a plain one. */
const CODE_BLOCK = '.cell, [data-snippet], .expressive-code';

/** What is not prose inside a chapter's content: code, outputs, drawings, maths and scripts. */
const NOT_PROSE = `${CODE_BLOCK}, pre, figure, .katex, script, style, svg, .sl-anchor-link`;

/** The chapter's own content: Starlight's Markdown column, without the page's title and frame. */
export function content($: CheerioAPI): Cheerio<Element> {
  return $('main .sl-markdown-content').first();
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The words of the chapter's prose (text, headings, lists, tables, asides, "Under the hood"), not
 * of its code or maths, nor of its exercises' tasks: those are measured one by one (taskWords).
 */
export function proseWords($: CheerioAPI): number {
  const copy = content($).clone();
  copy.find(`${NOT_PROSE}, ${EXERCISE}`).remove();
  return words(copy.text());
}

/** An exercise (src/components/Exercise.astro). */
const EXERCISE = '[data-exercise]';

/** Each exercise's task, as words of prose (its code, maths and hints aside), by exercise id. */
export function taskWords($: CheerioAPI): Map<string, number> {
  return new Map(
    content($)
      .find(EXERCISE)
      .map((_, root) => {
        const task = $(root).find('.exercise-task').clone();
        task.find(NOT_PROSE).remove();
        return [[$(root).attr('data-exercise') ?? '', words(task.text())] as const];
      })
      .get(),
  );
}

/** Whether every exercise of the chapter comes after its last h2 (and there is at least one). */
export function exercisesAtEnd($: CheerioAPI): { last: string; exercises: number; after: number } {
  const all = content($).find(`h2, ${EXERCISE}`).toArray();
  const lastHeading = all.filter((el) => $(el).is('h2')).at(-1);
  const index = lastHeading ? all.indexOf(lastHeading) : -1;
  return {
    last: lastHeading ? $(lastHeading).text().trim() : '',
    exercises: all.filter((el) => $(el).is(EXERCISE)).length,
    after: all.slice(index + 1).length,
  };
}

/**
 * The longest run of code blocks with no prose between them, and where it ends. Prose is a
 * paragraph, list item, heading, table cell or summary with a word of text of its own (maths
 * aside); a code block's own output is part of it.
 */
export function longestCodeRun($: CheerioAPI): { length: number; ids: string[] } {
  let run: string[] = [];
  let longest: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type !== 'tag') return;
    const el = $(node);
    if (el.is(CODE_BLOCK)) {
      run.push(el.attr('data-cell') ?? el.attr('data-snippet') ?? el.find('.title').first().text() ?? 'code');
      if (run.length > longest.length) longest = [...run];
      return;
    }
    if (el.is('p, li, h2, h3, h4, td, th, summary')) {
      const own = el.clone();
      own.find(`${NOT_PROSE}, ul, ol, p`).remove();
      if (words(own.text()) > 0) run = [];
    }
    for (const child of node.children) visit(child);
  };
  for (const child of content($).get(0)?.children ?? []) visit(child);
  return { length: longest.length, ids: longest };
}

/** The lib regions the chapter shows, as `file#region`, in order. */
export function regionsShown($: CheerioAPI): string[] {
  return content($).find('[data-snippet]').map((_, el) => $(el).attr('data-snippet') ?? '').get();
}
