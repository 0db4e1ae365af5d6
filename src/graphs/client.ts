// The graphs' script for reading: shows their controls, and loads the viewer (view.ts, with its
// pan-and-zoom library) only when a reader reaches for a graph: a control, a pointer or the keyboard on it.

import { prepareGraphs } from './prepare.ts';

type View = typeof import('./view.ts');
let loaded: View | undefined;
let loading: Promise<View> | undefined;
const view = (): Promise<View> => (loading ??= import('./view.ts').then((v) => (loaded = v)));

prepareGraphs(document);
addEventListener('resize', () => prepareGraphs(document));

const figureOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-graph]') : null);

// Controls act within the click once the viewer is loaded, a moment later the first time.
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>('[data-graph] .graph-toolbar [data-action]');
  const figure = figureOf(button ?? null);
  if (!button || !figure) return;
  if (loaded) loaded.act(figure, button.dataset.action ?? '');
  else void view().then((v) => v.act(figure, button.dataset.action ?? ''));
});

// Reaching for a graph loads the viewer, which then takes its pointer, wheel and keys itself.
for (const type of ['pointerover', 'focusin', 'touchstart'] as const) {
  document.addEventListener(type, (event) => {
    const figure = figureOf(event.target);
    if (figure && !loaded) void view().then((v) => v.enhance(figure));
  }, { passive: true });
}
