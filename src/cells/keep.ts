// The reader's own work on a page: edits kept as they type (storage.ts), brought back on their
// next visit, told apart from the book's code when that changed under them; share links
// (link.ts, loaded when first needed) that show someone's edits without running them; and the
// page's actions, Share and Reset all edits, in a bar shown once the page holds any of it.
// Loaded with the cells' controller, which calls start() with the few things it needs.

import { SHARE_PREFIX } from './keys.ts';
import { CHANGED_EVENT, sharedWidgets } from './page-state.ts';
import { type KeptEdit, PageStore, hashCode, isKeptEdit } from './storage.ts';

/** What keep.ts needs of the cells (controller.ts gives it). */
export interface CellsHost {
  /** The book's code of the cell. */
  original(root: HTMLElement): string;
  /** The code the cell shows now (its editor's, if open). */
  code(root: HTMLElement): string;
  /** Shows code in the cell's editor (opening it, without moving focus); its output stays. */
  show(root: HTMLElement, code: string): Promise<void>;
  /** The cell's own Reset: the book's code and output. */
  reset(root: HTMLElement): void;
  /** Moves focus into the cell's editor. */
  focus(root: HTMLElement): void;
}

/** Typing pauses this long before the code is kept. */
const SAVE_DELAY_MS = 400;
/** An edit kept from before the book's code changed, until the reader restores or drops it. */
const STALE = 'stale';

let host: CellsHost;
let store: PageStore;
let bar: Bar | undefined;
const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
/** Cells whose code keep.ts itself is putting in (a kept edit, a link's): not the reader's typing. */
const applying = new Set<HTMLElement>();
/** What the page says about the reader's work beyond the counts: a failed write, a bad link, a share. */
let alert = '';
let storageProblem = '';
/** Set while the page shows a link's code. */
let fromLink: { missing: string[]; older: number; ownHidden: number } | undefined;
/** What Reset all edits took away, for Undo. */
let undo: { records: [kind: string, id: string, edit: KeptEdit][]; shown: [HTMLElement, string][]; linked: HTMLElement[]; hash: string; link: typeof fromLink } | undefined;
let started = false;

const cells = () => [...document.querySelectorAll<HTMLElement>('.cell[data-cell]')];
const cellById = (id: string) => cells().find((root) => root.dataset.cell === id);
const idOf = (root: HTMLElement) => root.dataset.cell ?? '';
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Starts keeping the page's edits; shows a link's code instead when the page opened from one. Once per page. */
export function start(cellsHost: CellsHost): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  host = cellsHost;
  store = new PageStore(location.pathname);
  // A page left (reload, another page, a closed tab) keeps what was typed within the last moments.
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  document.addEventListener(CHANGED_EVENT, render);
  document.addEventListener('click', onClick);
  addEventListener('hashchange', () => void (location.hash.startsWith(SHARE_PREFIX) && openLink()));
  return location.hash.startsWith(SHARE_PREFIX) ? openLink() : restore();
}

/** The reader changed a cell's code: kept once they pause typing. */
export function edited(root: HTMLElement): void {
  if (applying.has(root)) return;
  clearTimeout(timers.get(root));
  timers.set(root, setTimeout(() => save(root), SAVE_DELAY_MS));
}

/** The cell's Reset: its kept edit is dropped, and it no longer shows a link's code. */
export function cellReset(root: HTMLElement): void {
  clearTimeout(timers.get(root));
  timers.delete(root);
  store.dropEdit(idOf(root));
  root.removeAttribute('data-edited');
  root.removeAttribute('data-from-link');
  badge(root);
  if (fromLink && !cells().some((cell) => cell.hasAttribute('data-from-link'))) leaveLink();
  render();
}

function flush(): void {
  for (const [root, timer] of timers) {
    clearTimeout(timer);
    save(root);
  }
}

function save(root: HTMLElement): void {
  timers.delete(root);
  const code = host.code(root);
  const original = host.original(root);
  const result = store.saveEdit(idOf(root), original, code);
  root.toggleAttribute('data-edited', code !== original && result.ok);
  if (!result.ok) {
    storageProblem =
      result.reason === 'full'
        ? "This browser's storage for this site is full: your latest edits are not kept. Share a link to keep them, or reset edits you no longer need."
        : 'This browser does not let this site keep anything (storage is turned off): your edits last until you leave the page. Share a link to keep them.';
  } else if (code !== original) {
    storageProblem = '';
    undo = undefined; // new work since Reset all: Undo would overwrite it
  }
  badge(root);
  render();
}

/** Puts code in a cell as keep.ts's own doing, not kept as the reader's typing. */
async function show(root: HTMLElement, code: string): Promise<void> {
  applying.add(root);
  try {
    await host.show(root, code);
  } finally {
    applying.delete(root);
  }
}

/** The reader's kept edits back in their cells; one made on code that changed since is offered, not applied. */
async function restore(): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const [id, edit] of store.edits()) {
    const root = cellById(id);
    if (!root) continue; // a cell the page no longer has: the bar lists it
    if (edit.base === hashCode(host.original(root))) {
      pending.push(
        show(root, edit.code).then(() => {
          root.setAttribute('data-edited', '');
          badge(root);
          status(root, "Your edit, kept in this browser: the output is the book's until you Run.");
        }),
      );
    } else if (store.write(STALE, id, edit).ok) {
      store.dropEdit(id);
    }
  }
  for (const [id, edit] of store.list(STALE, isKeptEdit)) {
    const root = cellById(id);
    if (root) conflict(root, edit);
  }
  await Promise.allSettled(pending);
  render();
}

/** Tells the reader, in the cell, that the book's code changed under their kept edit; they choose. */
function conflict(root: HTMLElement, edit: KeptEdit): void {
  root.querySelector(':scope > .cell-kept')?.remove();
  const note = document.createElement('div');
  note.className = 'cell-kept not-content';
  note.setAttribute('role', 'group');
  note.setAttribute('aria-label', `Your earlier edit of cell ${idOf(root)}`);
  const when = new Date(edit.savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const text = document.createElement('p');
  text.textContent = `You edited this cell on ${when}, and the book's code has changed since. Your edit is kept, not applied: the cell shows the book's new code.`;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Your earlier edit';
  const pre = document.createElement('pre');
  pre.textContent = edit.code;
  details.append(summary, pre);
  const buttons = document.createElement('div');
  buttons.append(button('restore-edit', 'Use my earlier edit'), button('drop-edit', 'Drop it'));
  note.append(text, details, buttons);
  root.querySelector(':scope > .cell-controls')!.after(note);
  root.setAttribute('data-kept-conflict', '');
}

function button(action: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = text;
  return b;
}

function endConflict(root: HTMLElement): void {
  root.querySelector(':scope > .cell-kept')?.remove();
  root.removeAttribute('data-kept-conflict');
  store.remove(STALE, idOf(root));
}

async function onClick(event: MouseEvent): Promise<void> {
  const target = (event.target as Element | null)?.closest<HTMLElement>('.cell-kept [data-action], [data-page-work] [data-action]');
  if (!target) return;
  const root = target.closest<HTMLElement>('.cell');
  switch (target.dataset.action) {
    case 'restore-edit': {
      if (!root) return;
      const edit = store.read(STALE, idOf(root), isKeptEdit);
      endConflict(root);
      if (edit) {
        await show(root, edit.code);
        save(root); // the reader's choice: kept as their edit of the book's new code
        status(root, "Your earlier edit, on the book's new code: the output is the book's until you Run.");
      }
      host.focus(root);
      render();
      return;
    }
    case 'drop-edit':
      if (!root) return;
      endConflict(root);
      root.querySelector<HTMLElement>('.cell-controls [data-action="edit"]')?.focus();
      render();
      return;
    case 'share':
      return share();
    case 'reset-all':
      return resetAll();
    case 'undo-reset':
      return undoReset();
    case 'own-edits':
      return showOwnEdits();
    case 'drop-orphan':
      store.remove(target.dataset.kind ?? 'edit', target.dataset.id ?? '');
      render();
      bar?.element.querySelector<HTMLElement>('[data-action="share"]')?.focus();
      return;
  }
}

function badge(root: HTMLElement): void {
  const controls = root.querySelector(':scope > .cell-controls')!;
  let mark = controls.querySelector<HTMLElement>('.cell-badge');
  const linked = root.hasAttribute('data-from-link');
  const edited = root.hasAttribute('data-edited');
  const text = linked ? (edited ? 'From the link, edited' : 'From the link') : edited ? 'Edited' : '';
  if (!text) return mark?.remove();
  if (!mark) {
    mark = document.createElement('span');
    mark.className = 'cell-badge';
    controls.querySelector('.cell-status')!.before(mark);
  }
  mark.textContent = text;
}

function status(root: HTMLElement, text: string): void {
  const line = root.querySelector<HTMLElement>(':scope > .cell-controls .cell-status');
  if (line) line.textContent = text;
}

// ---- Share links -------------------------------------------------------------------------

async function share(): Promise<void> {
  flush();
  const { shareUrl } = await import('./link.ts');
  const shared = cells()
    .map((root) => ({ root, code: host.code(root), original: host.original(root) }))
    .filter(({ code, original }) => code !== original)
    .map(({ root, code, original }) => ({ id: idOf(root), base: hashCode(original), code }));
  const widgets: Record<string, unknown> = {};
  const parts: string[] = shared.length ? [`your ${plural(shared.length, 'edited cell')}`] : [];
  for (const widget of sharedWidgets()) {
    const state = widget.state();
    if (state === undefined) continue;
    widgets[widget.name] = state;
    parts.push(widget.summary());
  }
  const page = location.href.replace(/#.*$/, '');
  const made = await shareUrl(page, { cells: shared, widgets });
  const ui = ensureBar();
  if (!made.ok) {
    ui.url.value = '';
    ui.link.hidden = true;
    alert = made.error;
    return render();
  }
  alert = '';
  ui.url.value = made.url;
  ui.link.hidden = false;
  const what = parts.length ? `It carries ${parts.join(' and ')}` : "It carries nothing of yours: every cell shows the book's code";
  const size = `${made.url.length.toLocaleString('en-US')} characters`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(made.url);
    copied = true;
  } catch {
    // No clipboard (an insecure page, a refused permission): the link is in the field to copy.
  }
  ui.shared.textContent = copied ? `Link copied. ${what} (${size}).` : `Copy the link below. ${what} (${size}).`;
  if (!copied) ui.url.select();
  render();
}

/** Shows the code of the link in the page's address: nothing runs until the reader presses Run. */
async function openLink(): Promise<void> {
  const { decodeShare } = await import('./link.ts');
  flush();
  const decoded = await decodeShare(location.hash);
  if (!decoded.ok) {
    alert = `${decoded.error} The page shows the book's code and your own kept edits: nothing was lost.`;
    return restore();
  }
  // Whatever the page showed (the reader's own edits, an earlier link's code) gives way to the link's.
  await Promise.all(cells().filter((root) => host.code(root) !== host.original(root)).map((root) => show(root, host.original(root))));
  for (const root of cells()) {
    root.removeAttribute('data-edited');
    root.removeAttribute('data-from-link');
    root.querySelector(':scope > .cell-kept')?.remove();
    root.removeAttribute('data-kept-conflict');
  }
  const missing: string[] = [];
  let older = 0;
  await Promise.all(
    decoded.payload.cells.map(async (cell) => {
      const root = cellById(cell.id);
      if (!root) return void missing.push(cell.id);
      if (cell.base !== hashCode(host.original(root))) older++;
      await show(root, cell.code);
      root.setAttribute('data-from-link', '');
      status(root, "From the link: the output is the book's until you Run.");
    }),
  );
  cells().forEach(badge);
  const problems: string[] = [];
  for (const widget of sharedWidgets()) {
    const state = decoded.payload.widgets[widget.name];
    if (state === undefined) continue;
    const problem = await widget.apply(state);
    if (problem) problems.push(problem);
  }
  fromLink = { missing, older, ownHidden: store.edits().size };
  alert = problems.join(' ');
  render();
}

/** Leaves a link: the address loses its fragment, so a reload shows the reader's own page. */
function leaveLink(): void {
  fromLink = undefined;
  if (location.hash.startsWith(SHARE_PREFIX)) history.replaceState(history.state, '', location.pathname + location.search);
}

async function showOwnEdits(): Promise<void> {
  flush();
  for (const root of cells()) {
    if (!root.hasAttribute('data-from-link') && !root.hasAttribute('data-edited')) continue;
    await show(root, host.original(root));
    root.removeAttribute('data-from-link');
    root.removeAttribute('data-edited');
    status(root, '');
    badge(root);
  }
  leaveLink();
  alert = '';
  await restore();
  bar?.element.querySelector<HTMLElement>('[data-action="share"]')?.focus();
}

// ---- Reset all, and its undo -------------------------------------------------------------

async function resetAll(): Promise<void> {
  flush();
  const touched = cells().filter((root) => root.hasAttribute('data-edited') || root.hasAttribute('data-from-link') || host.code(root) !== host.original(root));
  undo = {
    records: [
      ...[...store.edits()].map(([id, edit]): [string, string, KeptEdit] => ['edit', id, edit]),
      ...[...store.list(STALE, isKeptEdit)].map(([id, edit]): [string, string, KeptEdit] => [STALE, id, edit]),
    ],
    shown: touched.map((root) => [root, host.code(root)]),
    linked: touched.filter((root) => root.hasAttribute('data-from-link')),
    hash: location.hash,
    link: fromLink,
  };
  for (const root of touched) host.reset(root);
  for (const root of cells()) {
    root.querySelector(':scope > .cell-kept')?.remove();
    root.removeAttribute('data-kept-conflict');
  }
  store.clear(['edit', STALE]);
  leaveLink();
  alert = '';
  render();
  const ui = ensureBar();
  ui.shared.textContent = `Every cell shows the book's code again (${plural(touched.length, 'cell')} reset).`;
  ui.undo.focus();
}

async function undoReset(): Promise<void> {
  const was = undo;
  if (!was) return;
  undo = undefined;
  for (const [kind, id, edit] of was.records) store.write(kind, id, edit);
  for (const [root, code] of was.shown) {
    await show(root, code);
    root.toggleAttribute('data-from-link', was.linked.includes(root));
  }
  if (was.hash.startsWith(SHARE_PREFIX)) history.replaceState(history.state, '', was.hash);
  fromLink = was.link;
  const kept = store.edits();
  for (const root of cells()) {
    const edit = kept.get(idOf(root));
    root.toggleAttribute('data-edited', edit !== undefined && edit.code === host.code(root));
    badge(root);
  }
  for (const [id, edit] of store.list(STALE, isKeptEdit)) {
    const root = cellById(id);
    if (root) conflict(root, edit);
  }
  const ui = ensureBar();
  ui.shared.textContent = 'Your edits are back.';
  render();
  ui.element.querySelector<HTMLElement>('[data-action="reset-all"]')?.focus();
}

// ---- The bar -----------------------------------------------------------------------------

interface Bar {
  element: HTMLElement;
  summary: HTMLElement;
  alert: HTMLElement;
  shared: HTMLElement;
  link: HTMLElement;
  url: HTMLInputElement;
  undo: HTMLButtonElement;
  orphans: HTMLElement;
}

function ensureBar(): Bar {
  if (bar) return bar;
  const element = document.createElement('section');
  element.className = 'page-work not-content';
  element.dataset.pageWork = '';
  element.setAttribute('aria-label', 'Your work on this page');
  element.innerHTML = `
    <p class="page-work-summary" role="status"></p>
    <div class="page-work-actions">
      <button type="button" data-action="share">Share a link</button>
      <button type="button" data-action="own-edits" hidden>Show my own edits</button>
      <button type="button" data-action="reset-all">Reset all edits on this page</button>
      <button type="button" data-action="undo-reset" hidden>Undo</button>
    </div>
    <p class="page-work-alert" role="alert"></p>
    <p class="page-work-shared" role="status"></p>
    <p class="page-work-link" hidden><label>Link to share <input type="text" readonly data-share-url spellcheck="false"></label></p>
    <div class="page-work-orphans"></div>`;
  const part = <T extends HTMLElement>(selector: string) => element.querySelector<T>(selector)!;
  bar = {
    element,
    summary: part('.page-work-summary'),
    alert: part('.page-work-alert'),
    shared: part('.page-work-shared'),
    link: part('.page-work-link'),
    url: part<HTMLInputElement>('[data-share-url]'),
    undo: part<HTMLButtonElement>('[data-action="undo-reset"]'),
    orphans: part('.page-work-orphans'),
  };
  bar.url.addEventListener('focus', () => bar?.url.select());
  // At the end of the page's text, held at the bottom of the window while the text goes on.
  (document.querySelector('.sl-markdown-content') ?? document.querySelector('main') ?? document.body).append(element);
  return bar;
}

/** The bar as the page's state is now: shown only once there is something of the reader's. */
function render(): void {
  const edited = cells().filter((root) => root.hasAttribute('data-edited'));
  const linked = cells().filter((root) => root.hasAttribute('data-from-link'));
  const conflicts = cells().filter((root) => root.hasAttribute('data-kept-conflict'));
  const kept = store.edits();
  const orphans = [
    ...[...kept].filter(([id]) => !cellById(id)).map(([id, edit]) => ({ kind: 'edit', id, edit })),
    ...[...store.list(STALE, isKeptEdit)].filter(([id]) => !cellById(id)).map(([id, edit]) => ({ kind: STALE, id, edit })),
  ];
  const widgets = sharedWidgets().filter((w) => w.state() !== undefined);
  const anything = edited.length + linked.length + conflicts.length + orphans.length + widgets.length > 0 || alert || storageProblem || undo || fromLink;
  if (!anything && !bar) return;
  const ui = ensureBar();
  ui.element.hidden = !anything;

  const sentences: string[] = [];
  if (fromLink) {
    sentences.push(
      linked.length
        ? `Code from a shared link in ${plural(linked.length, 'cell')}, marked "From the link". Nothing has run: Run runs it, in the sandbox.`
        : 'This page opened from a shared link.',
    );
    if (fromLink.older) sentences.push(`${plural(fromLink.older, 'cell')} of it ${fromLink.older === 1 ? 'was' : 'were'} written for an earlier version of the book's code.`);
    if (fromLink.missing.length) sentences.push(`The link also has code for ${plural(fromLink.missing.length, 'cell')} this page no longer has (${fromLink.missing.map((id) => `"${id}"`).join(', ')}).`);
    const own = [...kept.keys()].filter((id) => cellById(id)).length;
    if (own) sentences.push(`Your own edits to ${plural(own, 'cell')} are kept; they are not shown while you read the link.`);
    ui.element.querySelector<HTMLElement>('[data-action="own-edits"]')!.hidden = own === 0;
  } else {
    ui.element.querySelector<HTMLElement>('[data-action="own-edits"]')!.hidden = true;
    if (edited.length) sentences.push(`You edited ${plural(edited.length, 'cell')} on this page; ${edited.length === 1 ? 'it is' : 'they are'} kept in this browser.`);
  }
  if (conflicts.length) sentences.push(`${plural(conflicts.length, 'earlier edit')} of yours ${conflicts.length === 1 ? 'waits' : 'wait'} for your choice, where the book's code changed.`);
  for (const widget of widgets) sentences.push(`Yours to share: ${widget.summary()}.`);
  ui.summary.textContent = sentences.join(' ');
  ui.alert.textContent = [storageProblem, alert].filter(Boolean).join(' ');

  const resetAllButton = ui.element.querySelector<HTMLButtonElement>('[data-action="reset-all"]')!;
  resetAllButton.hidden = edited.length + linked.length + conflicts.length === 0 && !cells().some((root) => host.code(root) !== host.original(root));
  resetAllButton.textContent = fromLink ? "Back to the book's code" : 'Reset all edits on this page';
  ui.undo.hidden = !undo;

  ui.orphans.replaceChildren(
    ...orphans.map(({ kind, id, edit }) => {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `Your edit of cell "${id}", which this page no longer has`;
      const pre = document.createElement('pre');
      pre.textContent = edit.code;
      const drop = button('drop-orphan', 'Drop it');
      drop.dataset.kind = kind;
      drop.dataset.id = id;
      drop.setAttribute('aria-label', `Drop your edit of cell "${id}"`);
      details.append(summary, pre, drop);
      return details;
    }),
  );
}
