// The only script a page with exercises loads to be read: shows each exercise's buttons, puts
// back its status from the page's storage, and loads the rest (controller.ts: editor, sandbox,
// feedback) on a reader's first click.

import type { Action } from './controller.ts';
import { PROGRESS_EVENT, showStatus } from './status.ts';
import { onProgressChange, statuses } from './storage.ts';

type Controller = typeof import('./controller.ts');

// Once loaded, clicks act at once (within the click), not a promise later.
let loaded: Controller | undefined;
const withController = (use: (c: Controller) => unknown) => {
  if (loaded) use(loaded);
  else void import('./controller.ts').then((c) => use((loaded = c)));
};

const exercises = () => document.querySelectorAll<HTMLElement>('[data-exercise]');

function restore(): void {
  const kept = statuses();
  for (const root of exercises()) showStatus(root, kept[`${root.dataset.chapter}/${root.dataset.exercise}`] ?? 'todo');
}

for (const root of exercises()) root.querySelector<HTMLElement>('.exercise-actions')!.hidden = false;
restore();
onProgressChange(restore);

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const button = target?.closest<HTMLElement>('.exercise-actions [data-action]');
  // A click on the start code (not a selection of it) opens the editor, as Edit does.
  const code = button ? null : target?.closest('.exercise-code');
  const root = (button ?? code)?.closest<HTMLElement>('[data-exercise]');
  if (!root || button?.getAttribute('aria-disabled') === 'true' || (code && !getSelection()?.isCollapsed)) return;
  withController((c) => c.act((button?.dataset.action ?? 'edit') as Action, root));
});
// Progress cleared in the sidebar: every exercise here is todo again.
document.addEventListener(PROGRESS_EVENT, (event) => (event as CustomEvent<{ cleared?: boolean }>).detail?.cleared && restore());
