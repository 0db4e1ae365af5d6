// The graph view's HTML: one for every drawn graph (a cell's output, at build time and in the
// page, and any figure). The drawing, its controls (shown by the page's script), a one-line
// description, a table of its values and the data of its backward steps. Pure: render.ts calls
// it at build time and in the page, so both give the same markup. src/graphs/view.ts makes it live.

import { jsonForScript } from '../build/json-script.ts';
import { escapeHtml } from '../runner/format.ts';
import type { GraphData } from '../runner/graph-data.ts';
import { shapeKey } from './dot.ts';

export interface GraphViewOptions {
  /** Shown as a stepper: the list of backward()'s steps under the drawing (a cell's `step` meta). */
  stepper?: boolean;
  /** What the drawing shows, where it has no graph data (drawNetwork's). */
  description?: string;
  /** The drawing with each neuron as one box (dot.ts's collapsedDot), and its layout. */
  collapsed?: { dot: string; svg: string };
}

/** What the page's script needs to step through backward(): the steps and the grad before them. */
export interface StepsData {
  zero: string;
  steps: GraphData['steps'];
}

/** The view of a graph drawn from `dot`, laid out as `svg` (cleaned by cleanGraphvizSvg). Escapes all it is given. */
export function graphView(dot: string, svg: string, graph: GraphData | undefined, options: GraphViewOptions = {}): string {
  const description = graph ? String(graph.description) : options.description ? String(options.description) : 'A drawing made by Graphviz from DOT text.';
  const steps = graph && Array.isArray(graph.steps) && graph.steps.length > 0 ? graph.steps : undefined;
  const values = graph && Array.isArray(graph.values) ? graph.values : [];
  const stepper = Boolean(options.stepper && steps);
  const label = escapeHtml(description);
  const parts = [
    `<figure class="graph not-content" data-graph data-pagefind-ignore data-shape="${escapeHtml(shapeKey(dot))}"${stepper ? ' data-stepper' : ''}>`,
    toolbar(Boolean(steps), Boolean(options.collapsed)),
    // The drawing scales to the column's width by CSS alone, so it is whole on first paint.
    `<div class="graph-viewport" tabindex="0" role="group" aria-label="Drawing: drag or use the arrow keys to move, + and − to zoom, 0 to fit"><div class="graph-stage">`,
    svg.replace(/^<svg role="img" aria-label="[^"]*"/, `<svg role="img" aria-label="${label}"`),
    `</div></div>`,
    `<figcaption class="graph-description">${label}</figcaption>`,
  ];
  if (steps) {
    parts.push(`<p class="graph-step" data-graph-step aria-live="polite"></p>`);
    if (stepper) parts.push(`<ol class="graph-steps" data-graph-steps>${steps.map((s) => `<li>${escapeHtml(String(s.text))}</li>`).join('')}</ol>`);
    parts.push(`<script type="application/json" data-graph-steps-data>${jsonForScript({ zero: String(graph?.zero), steps } satisfies StepsData)}</script>`);
  } else if (graph?.stepError) {
    parts.push(`<p class="graph-step">Cannot step through backward(): ${escapeHtml(String(graph.stepError))}.</p>`);
  }
  if (options.collapsed) {
    // Shown in the drawing's place by the Neurons as boxes control.
    const { dot: boxes, svg: drawn } = options.collapsed;
    parts.push(`<template data-graph-collapsed data-shape="${escapeHtml(shapeKey(boxes))}">${drawn.replace(/^<svg role="img" aria-label="[^"]*"/, `<svg role="img" aria-label="${label} Each neuron is drawn as one box."`)}</template>`);
  }
  if (values.length > 0) parts.push(table(values));
  parts.push('</figure>');
  return parts.join('');
}

function toolbar(steps: boolean, collapsible: boolean): string {
  const button = (action: string, text: string, title: string, extra = '') =>
    `<button type="button" data-action="${action}" title="${title}"${extra}>${text}</button>`;
  return [
    `<div class="graph-toolbar" role="group" aria-label="Graph controls" hidden>`,
    button('zoom-in', '+', 'Zoom in (+)', ' aria-label="Zoom in"'),
    button('zoom-out', '−', 'Zoom out (−)', ' aria-label="Zoom out"'),
    button('fit', 'Fit', 'Fit the whole graph (0)'),
    button('fullscreen', 'Full screen', 'Full screen (Escape closes)', ' aria-pressed="false"'),
    collapsible ? button('collapse', 'Neurons as boxes', 'Draw each neuron as one box', ' aria-pressed="false"') : '',
    steps ? button('step-back', '<span aria-hidden="true">◀ </span>Undo step', 'Undo the last step of backward() (or ← on this button)') : '',
    steps ? button('step-forward', 'Step backward()<span aria-hidden="true"> ▶</span>', 'Run backward() one more node (or → on this button)') : '',
    `</div>`,
  ].join('');
}

function table(values: GraphData['values']): string {
  const name = new Map(values.map((v) => [v.node, String(v.name)]));
  const rows = values.map(
    (v) =>
      `<tr data-node="n${Number(v.node)}"><th scope="row">${escapeHtml(String(v.name))}</th><td>${escapeHtml(v.op ? String(v.op) : 'leaf')}</td>` +
      `<td>${escapeHtml(String(v.data))}</td><td data-grad>${escapeHtml(String(v.grad))}</td>` +
      `<td>${escapeHtml((Array.isArray(v.inputs) ? v.inputs : []).map((i) => name.get(i) ?? '?').join(', '))}</td></tr>`,
  );
  return (
    `<details class="graph-table"><summary data-action="table">Table of the ${values.length} values</summary>` +
    `<div class="graph-table-scroll" tabindex="0" role="region" aria-label="Table of values">` +
    `<table data-graph-table><thead><tr><th scope="col">label</th><th scope="col">operation</th><th scope="col">data</th><th scope="col">grad</th><th scope="col">inputs</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div></details>`
  );
}
