// The only script reading a page with cells loads: it shows the cells' buttons and loads the
// rest (sandbox, editor, Graphviz) on a reader's first click.

import type { Action } from './controller.ts';
import { KIND, SHARE_PREFIX, hasRecords } from './keys.ts';
import { CHANGED_EVENT } from './page-state.ts';

type Controller = typeof import('./controller.ts');

// Once loaded, clicks act at once (within the click), not a promise later.
let loaded: Controller | undefined;
const withController = (use: (c: Controller) => unknown) => {
  if (loaded) use(loaded);
  else void import('./controller.ts').then((c) => use((loaded = c)));
};

for (const controls of document.querySelectorAll<HTMLElement>('.cell-controls')) controls.hidden = false;

document.addEventListener('click', (event) => {
  // The cell's own buttons: a graph in its output has controls of its own (src/graphs/).
  const button = (event.target as Element | null)?.closest<HTMLElement>('.cell-controls [data-action]');
  const cell = button?.closest<HTMLElement>('.cell');
  if (!button || !cell || button.getAttribute('aria-disabled') === 'true') return;
  withController((c) => c.act(button.dataset.action as Action, cell));
});

// The reader's own work (keep.ts, loaded with the controller): edits kept from an earlier visit,
// a share link's code, a widget's state changed (the moons demo's points) that Share can carry.
const isLink = () => location.hash.startsWith(SHARE_PREFIX);
if (isLink() || hasRecords(() => localStorage, location.pathname, [KIND.edit, KIND.staleEdit])) withController(() => undefined);
addEventListener('hashchange', () => isLink() && withController(() => undefined));
document.addEventListener(CHANGED_EVENT, () => withController(() => undefined), { once: true });

// Cells marked editable (the Playground's) start in the editor.
for (const cell of document.querySelectorAll<HTMLElement>('.cell[data-editable]')) {
  withController((c) => c.openEditor(cell));
}
