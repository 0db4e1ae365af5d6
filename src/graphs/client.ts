// The graphs' script for reading: shows their controls, fetches the viewer (view.ts, with its
// pan-and-zoom library) when a pointer comes near a graph, and hands a graph to it only when a
// reader acts on it (a control, a press or the keyboard): until then the page is as built.

import { prepareGraphs } from './prepare.ts';

type View = typeof import('./view.ts');
let loaded: View | undefined;
let loading: Promise<View> | undefined;
const view = (): Promise<View> => (loading ??= import('./view.ts').then((v) => (loaded = v)));
/** Runs use(view) at once if the viewer is here (so it can take this very event), else once it is. */
const withView = (use: (v: View) => void) => (loaded ? use(loaded) : void view().then(use));

prepareGraphs(document);
addEventListener('resize', () => prepareGraphs(document));

const figureOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-graph]') : null);

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-graph] .graph-toolbar [data-action]');
  const figure = figureOf(button ?? null);
  if (button && figure) withView((v) => v.act(figure, button.dataset.action ?? ''));
});

// A press on the drawing, or focus on it or its controls: the viewer takes over (in the capture phase, so that the
// pan-and-zoom library it binds still sees this press when the viewer is already loaded).
for (const type of ['pointerdown', 'focusin'] as const) {
  document.addEventListener(type, (event) => {
    const part = (event.target as Element | null)?.closest?.('[data-graph] :is(.graph-viewport, .graph-toolbar)');
    const figure = figureOf(part ?? null);
    if (figure) withView((v) => v.enhance(figure));
  }, { capture: true, passive: true });
}
document.addEventListener('pointerover', (event) => void (figureOf(event.target) && view()), { passive: true });
