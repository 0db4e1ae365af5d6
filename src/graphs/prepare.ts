// What every page with graphs runs as it loads (kept tiny: it is part of reading a chapter):
// shows each graph's controls, and marks a graph whose labels are too small to read at the
// column's width, so that its full-screen action stands out. Also keeps each graph as it was
// drawn, before the viewer changes it: the layout to reuse, and what a cell's Reset puts back.

/** Below this scale (drawn width / natural width) labels are too small to read. */
const SMALL = 0.55;

const pristine = new WeakMap<Element, string>();

/** Shows the controls of the graphs under root, and marks the small ones (data-small). */
export function prepareGraphs(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-graph]')) {
    const toolbar = figure.querySelector<HTMLElement>(':scope > .graph-toolbar');
    if (toolbar) toolbar.hidden = false;
    const svg = figure.querySelector('svg');
    const width = svg?.getAttribute('width') ?? '';
    const natural = parseFloat(width) * (width.endsWith('pt') ? 4 / 3 : 1);
    const drawn = svg?.getBoundingClientRect().width ?? 0;
    if (!figure.hasAttribute('data-fullscreen')) figure.toggleAttribute('data-small', drawn > 0 && natural > 0 && drawn / natural < SMALL);
  }
}

/** Keeps the graph as it is now, before the viewer's first change to it. */
export function keepPristine(figure: Element): void {
  if (!pristine.has(figure)) pristine.set(figure, figure.outerHTML);
}

/** The graph's SVG as it was drawn, before stepping or marks changed it: a layout to reuse. */
export function pristineSvg(figure: Element): string | undefined {
  const kept = pristine.get(figure);
  return kept ? /<svg[\s\S]*?<\/svg>/.exec(kept)?.[0] : figure.querySelector('svg')?.outerHTML;
}

/** A container's HTML with each graph in it as it was drawn (a cell's output, for its Reset). */
export function pristineHtml(container: Element): string {
  const copy = container.cloneNode(true) as Element;
  const live = [...container.querySelectorAll('[data-graph]')];
  copy.querySelectorAll('[data-graph]').forEach((figure, i) => {
    const kept = pristine.get(live[i]);
    if (kept) figure.outerHTML = kept;
  });
  return copy.innerHTML;
}
