// The exercises' one script for reading, on every page (Sidebar.astro loads it): the sidebar's
// done marks (beside each chapter's link, how many of its exercises the reader has passed, "2/3",
// from the statuses kept in the page's storage; under the chapters the total and a button that
// clears them), and on a page with exercises their buttons and their kept status. The rest
// (controller.ts: editor, sandbox, feedback, the reader's kept answers) loads on a reader's first
// click, or at once on a page with a kept answer or opened from a share link. Kept tiny: every
// page loads it.

import { KIND, SHARE_PREFIX, hasRecords, isStatusRecord, pageKey, parseKey, recordsOfKind, removeKind } from '../cells/keys.ts';
import type { Action } from './controller.ts';
import { PROGRESS_EVENT, showStatus } from './status.ts';

type Controller = typeof import('./controller.ts');

// Once loaded, clicks act at once (within the click), not a promise later.
let loaded: Controller | undefined;
const withController = (use: (c: Controller) => unknown) => {
  if (loaded) use(loaded);
  else void import('./controller.ts').then((c) => use((loaded = c)));
};

const storage = () => localStorage;
const box = document.querySelector<HTMLElement>('[data-exercise-progress]');
const manifest = JSON.parse(box?.querySelector('[data-exercise-manifest]')?.textContent ?? '{}') as Record<string, string[]>;
const exercises = document.querySelectorAll<HTMLElement>('[data-exercise]');
const here = pageKey(location.pathname);
/** A chapter's page, as records name it. */
const chapterPage = (slug: string) => `${pageKey(import.meta.env.BASE_URL)}${slug}/`;

/** Every kept status (none is todo), by page and exercise id: `${page}#${id}`. */
const statuses = () => new Map(recordsOfKind(storage, KIND.status).flatMap(({ page, id, value }) => (isStatusRecord(value) ? [[`${page}#${id}`, value.status] as const] : [])));

/** Each exercise of this page shows its kept status. */
function drawStatuses(): void {
  const kept = statuses();
  for (const root of exercises) showStatus(root, kept.get(`${here}#${root.dataset.exercise}`) ?? 'todo');
}

/** The sidebar's marks and total, from the kept statuses. */
function drawMarks(): void {
  if (!box) return;
  const kept = statuses();
  let done = 0;
  let total = 0;
  for (const [slug, ids] of Object.entries(manifest)) {
    const passed = ids.filter((id) => kept.get(`${chapterPage(slug)}#${id}`) === 'pass').length;
    done += passed;
    total += ids.length;
    for (const link of document.querySelectorAll(`#starlight__sidebar a[href$="/${slug}/"]`)) {
      let mark = link.querySelector('.exercise-marks');
      if (!mark) link.append((mark = document.createElement('span')));
      mark.className = `exercise-marks${passed === ids.length ? ' exercise-marks-all' : ''}`;
      mark.innerHTML = `<span aria-hidden="true">${passed}/${ids.length}</span><span class="sr-only">, ${passed} of ${ids.length} exercises done</span>`;
    }
  }
  box.hidden = kept.size === 0;
  box.querySelector('p')!.textContent = `Exercises done: ${done} of ${total}.`;
}

const drawAll = () => (drawStatuses(), drawMarks());
for (const root of exercises) root.querySelector<HTMLElement>('.exercise-actions')!.hidden = false;
drawAll();
// Another tab checked or cleared: this one follows. A check on this page moves only the marks: the
// exercise shows its own verdict, even where the storage refuses to keep it.
addEventListener('storage', (event) => (event.key === null || parseKey(event.key)?.kind === KIND.status) && drawAll());
document.addEventListener(PROGRESS_EVENT, (event) => ((event as CustomEvent<{ cleared?: boolean }>).detail?.cleared ? drawAll() : drawMarks()));

box?.querySelector('button')?.addEventListener('click', () => {
  if (!confirm('Clear your progress in every exercise of the book?')) return;
  removeKind(storage, KIND.status);
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { cleared: true } }));
});

// The reader's kept answers (an exercise the page no longer has is listed in the page's bar), or a
// share link's: the controller shows them in the exercises' editors. A page whose only records are
// statuses loads nothing more: they are drawn above.
const isLink = () => exercises.length > 0 && location.hash.startsWith(SHARE_PREFIX);
if (isLink() || hasRecords(storage, here, [KIND.answer, KIND.staleAnswer])) withController(() => undefined);
addEventListener('hashchange', () => isLink() && withController(() => undefined));

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const button = target?.closest<HTMLElement>('.exercise-actions [data-action]');
  // A click on the start code (not a selection of it) opens the editor, as Edit does.
  const code = button ? null : target?.closest('.exercise-code');
  const root = (button ?? code)?.closest<HTMLElement>('[data-exercise]');
  if (!root || button?.getAttribute('aria-disabled') === 'true' || (code && !getSelection()?.isCollapsed)) return;
  withController((c) => c.act((button?.dataset.action ?? 'edit') as Action, root));
});
