// Laying out a graph in the page, as cheaply as it can be: a drawing of the same shape as one
// already at hand (the cell's own build output first, then earlier layouts, then any graph on
// the page) keeps that layout and changes only its texts (redraw.ts); only a new shape loads
// Graphviz (616 KB gzipped) and lays it out.

import { dotToSvg } from '../graphviz/page.ts';
import { cleanGraphvizSvg } from '../runner/render.ts';
import { shapeKey } from './dot.ts';
import { pristineSvg } from './prepare.ts';
import { redraw } from './redraw.ts';

const MAX_KEPT = 16;
/** Layouts Graphviz made in this page, by shape: an edited graph drawn again keeps its new layout. */
const made = new Map<string, string>();

/** Layouts of this shape at hand, the likeliest match first. */
function layouts(key: string, own?: ParentNode): string[] {
  // Graph views, and their drawings with neurons as boxes (in a template).
  const drawn = (root: ParentNode, kept: (figure: Element) => string | undefined) =>
    [...root.querySelectorAll<HTMLElement>('[data-graph][data-shape], template[data-shape]')]
      .filter((el) => el.dataset.shape === key)
      .map((el) => (el instanceof HTMLTemplateElement ? el.content.querySelector('svg')?.outerHTML : kept(el)));
  const found = [...(own ? drawn(own, (f) => f.querySelector('svg')?.outerHTML) : []), made.get(key), ...drawn(document, pristineSvg)];
  return [...new Set(found.filter((svg): svg is string => svg !== undefined))];
}

/**
 * DOT → cleaned SVG for the page. Reuses a layout of the same shape when there is one (own: the
 * cell's output as built, tried first), preferring one whose texts fit without squeezing;
 * otherwise Graphviz, in its worker, within timeoutMs. Rejects with Graphviz's error.
 */
export async function pageLayout(dot: string, timeoutMs: number, own?: ParentNode): Promise<string> {
  const key = shapeKey(dot);
  const candidates = layouts(key, own);
  for (const layout of candidates) {
    const svg = redraw(layout, dot, { squeeze: false });
    if (svg) return svg;
  }
  const squeezed = candidates.length > 0 ? redraw(candidates[0], dot) : null;
  if (squeezed) return squeezed;
  const svg = cleanGraphvizSvg(await dotToSvg(dot, timeoutMs));
  made.delete(key);
  made.set(key, svg);
  if (made.size > MAX_KEPT) made.delete(made.keys().next().value as string);
  return svg;
}
