// Laying out a graph in the page, as cheaply as it can be: a drawing of the same shape as one
// already on the page (the build's, or an earlier run's) keeps that layout and changes only its
// texts (redraw.ts); only a new shape loads Graphviz (616 KB gzipped) and lays it out.

import { dotToSvg } from '../graphviz/page.ts';
import { cleanGraphvizSvg } from '../runner/render.ts';
import { shapeKey } from './dot.ts';
import { redraw } from './redraw.ts';
import { pristineSvg } from './prepare.ts';

const MAX_KEPT = 16;
/** Layouts made in this page, by shape: an edited graph drawn again keeps its new layout. */
const made = new Map<string, string>();

/** The layout of a graph of this shape already in the page, as it was drawn. */
function known(key: string): string | undefined {
  const kept = made.get(key);
  if (kept) return kept;
  for (const figure of document.querySelectorAll<HTMLElement>('[data-graph][data-shape]')) {
    if (figure.dataset.shape === key) return pristineSvg(figure);
  }
  return undefined;
}

/** DOT → cleaned SVG for the page; Graphviz (in its worker, with the time limit) only for a new shape. */
export async function pageLayout(dot: string, timeoutMs: number): Promise<string> {
  const key = shapeKey(dot);
  const layout = known(key);
  const reused = layout && redraw(layout, dot);
  if (reused) return reused;
  const svg = cleanGraphvizSvg(await dotToSvg(dot, timeoutMs));
  made.delete(key);
  made.set(key, svg);
  if (made.size > MAX_KEPT) made.delete(made.keys().next().value as string);
  return svg;
}
