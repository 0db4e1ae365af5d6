// An exercise's check, as the page shows it: one element per verdict (data-check-item,
// data-pass), with its message, what the reader's code gave (and what it should give, where the
// check reveals it), and its graph drawn in the graph view. Pure,
// and every field is escaped or coerced: the items come from the sandbox, where the reader's code
// ran and could have forged them.

import { graphView } from '../graphs/html.ts';
import { escapeHtml } from '../runner/format.ts';
import type { GraphData } from '../runner/graph-data.ts';
import { type Layout, cleanGraphvizSvg } from '../runner/render.ts';
import type { CheckItem } from './grade.ts';

/** More verdicts than any exercise makes: a check (or a forgery) that makes more is cut short. */
const MAX_ITEMS = 20;

export interface Feedback {
  pass: boolean;
  /** One line for the status: "All 3 checks pass." */
  summary: string;
  html: string;
  /**
   * Each node to mark wrong: in the graph of the item at that place in the list, or (item -1) in
   * the reader's own drawing of the same graph, shown above the feedback.
   */
  wrong: { item: number; node: number }[];
}

/**
 * The feedback for a check's items (null: the check did not run, and `reason` says why). An
 * item's graph that the reader's code drew too (`drawn`: the DOT of the reader's output) is not
 * drawn twice: its node is marked in the reader's drawing. A graph that cannot be laid out (too
 * big, Graphviz unavailable) is left out, saying so: the verdict stands without it.
 */
export async function renderFeedback(items: unknown, layout: Layout, reason = 'the check did not run', drawn?: string): Promise<Feedback> {
  const list = (Array.isArray(items) ? items : []).filter((i): i is CheckItem => i !== null && typeof i === 'object').slice(0, MAX_ITEMS);
  if (list.length === 0) {
    const html = `<ul class="exercise-items">${row({ name: 'your answer', pass: false, message: reason })}</ul>`;
    return { pass: false, summary: 'Not yet: the check did not run.', html, wrong: [] };
  }
  const rows: string[] = [];
  const wrong: Feedback['wrong'] = [];
  for (const [k, item] of list.entries()) {
    const above = typeof item.graph === 'string' && drawn !== undefined && sameGraph(item.graph, drawn);
    const graph = typeof item.graph === 'string' && !above ? await drawing(item.graph, item.data as GraphData | undefined, layout) : '';
    if ((graph.startsWith('<figure') || above) && Number.isInteger(item.node)) wrong.push({ item: above ? -1 : k, node: Number(item.node) });
    rows.push(row(item, graph, above && Number.isInteger(item.node) ? ' It is marked in your drawing above.' : ''));
  }
  const failed = list.filter((i) => i.pass !== true).length;
  const checks = (n: number) => `${n} ${n === 1 ? 'check' : 'checks'}`;
  const summary = failed === 0 ? `Right: ${list.length === 1 ? 'the check passes' : `all ${checks(list.length)} pass`}.` : `Not yet: ${failed} of ${checks(list.length)} ${failed === 1 ? 'fails' : 'fail'}.`;
  return { pass: failed === 0, summary, html: `<ul class="exercise-items">${rows.join('')}</ul>`, wrong };
}

/** Whether two drawDot texts draw the same graph, whichever way each is laid out (rankdir). */
function sameGraph(a: string, b: string): boolean {
  const graph = (dot: string) => dot.replace(/rankdir=(LR|TB)/, '');
  return graph(a) === graph(b);
}

async function drawing(dot: string, data: GraphData | undefined, layout: Layout): Promise<string> {
  let svg: string;
  try {
    svg = await layout(dot);
  } catch (e) {
    return `<p class="exercise-note">Its drawing could not be made: ${escapeHtml(e instanceof Error ? e.message : String(e))}.</p>`;
  }
  return graphView(dot, cleanGraphvizSvg(svg), data);
}

function row(item: CheckItem, graph = '', note = ''): string {
  const pass = item.pass === true;
  const values =
    !pass && ((item.reveal === true && item.expected !== undefined) || item.got !== undefined)
      ? `<dl class="exercise-values">${item.reveal === true && item.expected !== undefined ? `<dt>expected</dt><dd>${escapeHtml(String(item.expected))}</dd>` : ''}${item.got !== undefined ? `<dt>got</dt><dd>${escapeHtml(String(item.got))}</dd>` : ''}</dl>`
      : '';
  return (
    `<li class="exercise-item" data-check-item data-pass="${pass}">` +
    `<p><span class="exercise-mark" aria-hidden="true">${pass ? '✓' : '✗'}</span><span class="sr-only">${pass ? 'Right' : 'Wrong'}: </span>` +
    `<strong>${escapeHtml(String(item.name))}</strong>: ${escapeHtml(String(item.message))}${note}</p>${values}${graph}</li>`
  );
}
