// What every page with graphs runs as it loads (kept tiny: it is part of reading a chapter):
// shows each graph's controls, and marks a graph whose labels are too small to read at the
// column's width, so that its full-screen action stands out.

/** Below this scale (drawn width / natural width) labels are too small to read. */
const SMALL = 0.55;

const pristine = new WeakMap<Element, string>();

/** Shows the controls of the graphs under root, and marks the small ones (data-small). */
export function prepareGraphs(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-graph]')) {
    const toolbar = figure.querySelector<HTMLElement>(':scope > .graph-toolbar');
    if (toolbar) toolbar.hidden = false;
    const svg = figure.querySelector('svg');
    const natural = parseFloat(svg?.getAttribute('width') ?? '') * (svg?.getAttribute('width')?.endsWith('pt') ? 4 / 3 : 1);
    const drawn = svg?.getBoundingClientRect().width ?? 0;
    figure.toggleAttribute('data-small', drawn > 0 && natural > 0 && drawn / natural < SMALL);
  }
}

/** The graph's SVG as it was drawn, before stepping or marks changed it: a layout to reuse. */
export function pristineSvg(figure: Element): string | undefined {
  return pristine.get(figure) ?? figure.querySelector('svg')?.outerHTML;
}

/** Keeps the drawing as it is now, before the first change to it. */
export function keepPristine(figure: Element): void {
  if (!pristine.has(figure)) {
    const svg = figure.querySelector('svg')?.outerHTML;
    if (svg) pristine.set(figure, svg);
  }
}
