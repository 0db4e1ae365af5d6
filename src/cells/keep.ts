// The reader's own work on a page: their code in cells and in exercises' editors, kept as they
// type (storage.ts), brought back on their next visit, told apart from the book's code when that
// changed under them; share links (link.ts, loaded when first needed) that show someone's code
// without running it; and the page's actions, Share and Reset all edits, in a bar shown once the
// page holds any of it. One path for both: cells and exercises are each a WorkHost, given by their
// controller (cells/controller.ts, exercises/controller.ts), which calls start() as it loads.

import { KIND, SHARE_PREFIX } from './keys.ts';
import type { Decoded, SharedCell, SharePayload } from './link.ts';
import { CHANGED_EVENT, sharedWidgets } from './page-state.ts';
import { type EditKind, type KeptEdit, PageStore, hashCode, isKeptEdit } from './storage.ts';

/** What the page says about one kind of thing keep.ts keeps, in its words. */
export interface WorkWords {
  /** What one is called: "cell", "exercise". */
  thing: string;
  /** What the reader did to one: "edited", "answered". */
  did: string;
  /** What the reader's code in one is: "edit", "answer". */
  work: string;
  /** How the reader's code relates to its thing: "edit of cell x", "answer to exercise x". */
  of: string;
  /** The mark beside a kept one ("Edited"). */
  badge: string;
  /** Status lines: kept code back from an earlier visit; an earlier one restored on new code; a link's. */
  kept: string;
  restored: string;
  linked: string;
  /** The note when the book's code changed under a kept one made on `when` (a date). */
  changed(when: string): string;
}

/** What keep.ts needs of one kind of editable thing on the page (cells, exercises): its controller gives it. */
export interface WorkHost {
  /** The records' kind for the reader's code ('edit', 'answer'), and for one the book's code changed under. */
  readonly kind: EditKind;
  readonly staleKind: string;
  /** Matches the roots, one per thing. */
  readonly selector: string;
  readonly words: WorkWords;
  /** Its id: the cell's or exercise's (a record's id). */
  id(root: HTMLElement): string;
  /** The book's code: a cell's, an exercise's start code. */
  original(root: HTMLElement): string;
  /** The code it shows now (its editor's, if open). */
  code(root: HTMLElement): string;
  /** Shows code in its editor (opening it, without moving focus); what it shows below stays. */
  show(root: HTMLElement, code: string): Promise<void>;
  /** Back to the book's code, and below it what the book shows (Reset all; an exercise's status stays). */
  reset(root: HTMLElement): void;
  /** Moves focus into its editor. */
  focus(root: HTMLElement): void;
  /** Its row of buttons (a kept one's conflict note goes after it), and in it the status line (the badge goes before it). */
  controls(root: HTMLElement): HTMLElement;
  statusLine(root: HTMLElement): HTMLElement;
}

/** Typing pauses this long before the code is kept. */
const SAVE_DELAY_MS = 400;

const hosts: WorkHost[] = [];
let store: PageStore;
let bar: Bar | undefined;
const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
/** Roots whose code keep.ts itself is putting in (kept code, a link's): not the reader's typing. */
const applying = new Set<HTMLElement>();
/** What the page says about the reader's work beyond the counts: a failed write, a bad link, a share. */
let alert = '';
let storageProblem = '';
/** Set while the page shows a link's code: the link's fragment, what it carries that the page has not, how much was written for older code. */
let fromLink: { hash: string; missing: [WorkHost, string][]; older: WorkHost[] } | undefined;
/** The link whose shared code was last scrolled into view. */
let scrolledTo: string | undefined;
/** The link being read, once per fragment (cells and exercises each show their part of it). */
let reading: { hash: string; decoded: Promise<Decoded>; widgets?: Promise<void> } | undefined;
/** What Reset all edits took away, for Undo. */
let undo: { records: [kind: string, id: string, edit: KeptEdit][]; shown: [HTMLElement, string][]; linked: HTMLElement[]; hash: string; link: typeof fromLink } | undefined;

const rootsOf = (host: WorkHost) => [...document.querySelectorAll<HTMLElement>(host.selector)];
const roots = () => hosts.flatMap(rootsOf);
const find = (host: WorkHost, id: string) => rootsOf(host).find((root) => host.id(root) === id);
const hostOf = (root: HTMLElement) => hosts.find((host) => root.matches(host.selector))!;
const idOf = (root: HTMLElement) => hostOf(root).id(root);
const changed = (root: HTMLElement) => hostOf(root).code(root) !== hostOf(root).original(root);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const isLink = () => location.hash.startsWith(SHARE_PREFIX);
/** "2 cells and 1 exercise": a count of things per host, those with none left out. */
const counted = (count: (host: WorkHost) => number, noun = (h: WorkHost) => h.words.thing) =>
  hosts
    .map((host) => [host, count(host)] as const)
    .filter(([, n]) => n > 0)
    .map(([host, n]) => plural(n, noun(host)))
    .join(' and ');

/**
 * Starts keeping one kind of thing's code on the page (once per host); shows a link's code instead
 * when the page opened from one.
 */
export function start(host: WorkHost): Promise<void> {
  if (hosts.includes(host)) return Promise.resolve();
  if (hosts.length === 0) {
    store = new PageStore(location.pathname);
    // A page left (reload, another page, a closed tab) keeps what was typed within the last moments.
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    document.addEventListener(CHANGED_EVENT, render);
    document.addEventListener('click', onClick);
    addEventListener('hashchange', () => void (isLink() && openLink(hosts)));
  }
  hosts.push(host);
  return isLink() ? openLink([host]) : restore(host);
}

/** The reader changed a thing's code: kept once they pause typing. */
export function edited(root: HTMLElement): void {
  if (applying.has(root)) return;
  clearTimeout(timers.get(root));
  timers.set(root, setTimeout(() => save(root), SAVE_DELAY_MS));
}

/** A thing's own Reset: its kept code is dropped, and it no longer shows a link's code. */
export function wasReset(root: HTMLElement): void {
  clearTimeout(timers.get(root));
  timers.delete(root);
  const host = hostOf(root);
  store.dropEdit(host.id(root), host.kind);
  root.removeAttribute('data-edited');
  root.removeAttribute('data-from-link');
  badge(root);
  if (fromLink && !roots().some((r) => r.hasAttribute('data-from-link'))) leaveLink();
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
  const host = hostOf(root);
  const code = host.code(root);
  const original = host.original(root);
  const result = store.saveEdit(host.id(root), original, code, Date.now(), host.kind);
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

/** Puts code in a thing as keep.ts's own doing, not kept as the reader's typing. */
async function show(root: HTMLElement, code: string): Promise<void> {
  applying.add(root);
  try {
    await hostOf(root).show(root, code);
  } finally {
    applying.delete(root);
  }
}

/** The reader's kept code back in its things; code made on book's code that changed since is offered, not applied. */
async function restore(host: WorkHost): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const [id, edit] of store.edits(host.kind)) {
    const root = find(host, id);
    if (!root) continue; // a thing the page no longer has: the bar lists it
    if (edit.base === hashCode(host.original(root))) {
      pending.push(
        show(root, edit.code).then(() => {
          root.setAttribute('data-edited', '');
          badge(root);
          status(root, host.words.kept);
        }),
      );
    } else if (store.write(host.staleKind, id, edit).ok) {
      store.dropEdit(id, host.kind);
    }
  }
  conflicts(host);
  await Promise.allSettled(pending);
  render();
}

/** Every kept code of the host waiting for the reader's choice is told, in its thing. */
function conflicts(host: WorkHost): void {
  for (const [id, edit] of store.list(host.staleKind, isKeptEdit)) {
    const root = find(host, id);
    if (root) conflict(root, edit);
  }
}

/** Tells the reader, in the thing, that the book's code changed under their kept code; they choose. */
function conflict(root: HTMLElement, edit: KeptEdit): void {
  const host = hostOf(root);
  const { work, thing, of } = host.words;
  root.querySelector(':scope > .cell-kept')?.remove();
  const note = document.createElement('div');
  note.className = 'cell-kept not-content';
  note.setAttribute('role', 'group');
  note.setAttribute('aria-label', `Your earlier ${work} ${of} ${thing} ${host.id(root)}`);
  const when = new Date(edit.savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const text = document.createElement('p');
  text.textContent = host.words.changed(when);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `Your earlier ${work}`;
  const pre = document.createElement('pre');
  pre.textContent = edit.code;
  details.append(summary, pre);
  const buttons = document.createElement('div');
  buttons.append(button('restore-edit', `Use my earlier ${work}`), button('drop-edit', 'Drop it'));
  note.append(text, details, buttons);
  host.controls(root).after(note);
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
  store.remove(hostOf(root).staleKind, idOf(root));
}

async function onClick(event: MouseEvent): Promise<void> {
  const target = (event.target as Element | null)?.closest<HTMLElement>('.cell-kept [data-action], [data-page-work] [data-action]');
  if (!target) return;
  const root = target.closest<HTMLElement>(hosts.map((h) => h.selector).join(', '));
  switch (target.dataset.action) {
    case 'restore-edit': {
      if (!root) return;
      const host = hostOf(root);
      const edit = store.read(host.staleKind, host.id(root), isKeptEdit);
      endConflict(root);
      if (edit) {
        await show(root, edit.code);
        save(root); // the reader's choice: kept as their code on the book's new code
        status(root, host.words.restored);
      }
      host.focus(root);
      render();
      return;
    }
    case 'drop-edit':
      if (!root) return;
      endConflict(root);
      hostOf(root).controls(root).querySelector<HTMLElement>('[data-action="edit"]')?.focus();
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
      store.remove(target.dataset.kind ?? KIND.edit, target.dataset.id ?? '');
      render();
      bar?.element.querySelector<HTMLElement>('[data-action="share"]')?.focus();
      return;
  }
}

function badge(root: HTMLElement): void {
  const host = hostOf(root);
  const controls = host.controls(root);
  let mark = controls.querySelector<HTMLElement>('.cell-badge');
  const linked = root.hasAttribute('data-from-link');
  const edited = root.hasAttribute('data-edited');
  const text = linked ? (edited ? 'From the link, edited' : 'From the link') : edited ? host.words.badge : '';
  if (!text) return mark?.remove();
  if (!mark) {
    mark = document.createElement('span');
    mark.className = 'cell-badge';
    host.statusLine(root).before(mark);
  }
  mark.textContent = text;
}

function status(root: HTMLElement, text: string): void {
  hostOf(root).statusLine(root).textContent = text;
}

// ---- Share links -------------------------------------------------------------------------

/** Where a host's things are in a link: cells' code under `cells`, exercises' answers under `answers`. */
const partOf = (host: WorkHost): 'cells' | 'answers' => (host.kind === KIND.edit ? 'cells' : 'answers');

async function share(): Promise<void> {
  flush();
  const { shareUrl } = await import('./link.ts');
  const sharedOf = (part: 'cells' | 'answers'): SharedCell[] =>
    hosts
      .filter((host) => partOf(host) === part)
      .flatMap((host) => rootsOf(host).filter(changed).map((root) => ({ id: host.id(root), base: hashCode(host.original(root)), code: host.code(root) })));
  const payload: SharePayload = { cells: sharedOf('cells'), answers: sharedOf('answers'), widgets: {} };
  const parts: string[] = [];
  if (payload.cells.length) parts.push(`your ${plural(payload.cells.length, 'edited cell')}`);
  if (payload.answers.length) parts.push(`your ${payload.answers.length === 1 ? 'answer' : 'answers'} to ${plural(payload.answers.length, 'exercise')}`);
  for (const widget of sharedWidgets()) {
    const state = widget.state();
    if (state === undefined) continue;
    payload.widgets[widget.name] = state;
    parts.push(widget.summary());
  }
  const page = location.href.replace(/#.*$/, '');
  const made = await shareUrl(page, payload);
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

/**
 * Shows the code of the link in the page's address, in the things of these hosts (cells and
 * exercises each show their part as their controller starts): nothing runs, and nothing is checked,
 * until the reader presses Run or Check.
 */
async function openLink(forHosts: WorkHost[]): Promise<void> {
  const hash = location.hash;
  if (reading?.hash !== hash) reading = { hash, decoded: import('./link.ts').then(({ decodeShare }) => decodeShare(hash)) };
  const link = reading;
  flush();
  const decoded = await link.decoded;
  if (!decoded.ok) {
    alert = `${decoded.error} The page shows the book's code and your own kept edits: nothing was lost.`;
    await Promise.all(forHosts.map(restore));
    return;
  }
  if (fromLink?.hash !== hash) fromLink = { hash, missing: [], older: [] };
  const shown = fromLink;
  for (const host of forHosts) {
    // Whatever the page showed (the reader's own code, an earlier link's) gives way to the link's.
    await Promise.all(rootsOf(host).filter(changed).map((root) => show(root, host.original(root))));
    for (const root of rootsOf(host)) {
      root.removeAttribute('data-edited');
      root.removeAttribute('data-from-link');
      root.querySelector(':scope > .cell-kept')?.remove();
      root.removeAttribute('data-kept-conflict');
    }
    await Promise.all(
      decoded.payload[partOf(host)].map(async (shared) => {
        const root = find(host, shared.id);
        if (!root) return void shown.missing.push([host, shared.id]);
        if (shared.base !== hashCode(host.original(root))) shown.older.push(host);
        await show(root, shared.code);
        root.setAttribute('data-from-link', '');
        status(root, host.words.linked);
      }),
    );
    rootsOf(host).forEach(badge);
  }
  link.widgets ??= applyWidgets(decoded.payload.widgets);
  await link.widgets;
  render();
  // The reader came for what was shared: bring its first part into view, once per link.
  const first = document.querySelector('[data-from-link]');
  if (first && scrolledTo !== hash) {
    scrolledTo = hash;
    first.scrollIntoView({ block: 'center' });
  }
}

/** Each widget shows its part of a link; what they say is wrong with it goes in the bar. */
async function applyWidgets(states: Record<string, unknown>): Promise<void> {
  const problems: string[] = [];
  for (const widget of sharedWidgets()) {
    const state = states[widget.name];
    if (state === undefined) continue;
    const problem = await widget.apply(state);
    if (problem) problems.push(problem);
  }
  alert = problems.join(' ');
}

/** Leaves a link: the address loses its fragment, so a reload shows the reader's own page. */
function leaveLink(): void {
  fromLink = undefined;
  reading = undefined;
  if (isLink()) history.replaceState(history.state, '', location.pathname + location.search);
}

async function showOwnEdits(): Promise<void> {
  flush();
  for (const root of roots()) {
    if (!root.hasAttribute('data-from-link') && !root.hasAttribute('data-edited')) continue;
    await show(root, hostOf(root).original(root));
    root.removeAttribute('data-from-link');
    root.removeAttribute('data-edited');
    status(root, '');
    badge(root);
  }
  leaveLink();
  alert = '';
  for (const host of hosts) await restore(host);
  bar?.element.querySelector<HTMLElement>('[data-action="share"]')?.focus();
}

// ---- Reset all, and its undo -------------------------------------------------------------

async function resetAll(): Promise<void> {
  flush();
  const touched = roots().filter((root) => root.hasAttribute('data-edited') || root.hasAttribute('data-from-link') || changed(root));
  const records = (kind: string): [string, string, KeptEdit][] => [...store.list(kind, isKeptEdit)].map(([id, edit]) => [kind, id, edit]);
  undo = {
    records: hosts.flatMap((host) => [...records(host.kind), ...records(host.staleKind)]),
    shown: touched.map((root) => [root, hostOf(root).code(root)]),
    linked: touched.filter((root) => root.hasAttribute('data-from-link')),
    hash: location.hash,
    link: fromLink,
  };
  for (const root of touched) hostOf(root).reset(root);
  for (const root of roots()) {
    root.querySelector(':scope > .cell-kept')?.remove();
    root.removeAttribute('data-kept-conflict');
  }
  store.clear(hosts.flatMap((host) => [host.kind, host.staleKind]));
  leaveLink();
  alert = '';
  render();
  const ui = ensureBar();
  const reset = (host: WorkHost) => touched.filter((root) => hostOf(root) === host).length;
  const things = hosts.filter((host, i) => i === 0 || reset(host) > 0).map((host) => host.words.thing);
  ui.shared.textContent = `Every ${things.join(' and ')} shows the book's code again (${counted(reset) || plural(0, hosts[0].words.thing)} reset).`;
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
  for (const host of hosts) {
    const kept = store.edits(host.kind);
    for (const root of rootsOf(host)) {
      const edit = kept.get(host.id(root));
      root.toggleAttribute('data-edited', edit !== undefined && edit.code === host.code(root));
      badge(root);
    }
    conflicts(host);
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
  const all = roots();
  const marked = (attribute: string) => all.filter((root) => root.hasAttribute(attribute));
  const [edited, linked, conflicted] = [marked('data-edited'), marked('data-from-link'), marked('data-kept-conflict')];
  const ofHost = (list: HTMLElement[]) => (host: WorkHost) => list.filter((root) => hostOf(root) === host).length;
  const orphans = hosts.flatMap((host) =>
    [host.kind, host.staleKind].flatMap((kind) => [...store.list(kind, isKeptEdit)].filter(([id]) => !find(host, id)).map(([id, edit]) => ({ host, kind, id, edit }))),
  );
  const widgets = sharedWidgets().filter((w) => w.state() !== undefined);
  const anything = edited.length + linked.length + conflicted.length + orphans.length + widgets.length > 0 || alert || storageProblem || undo || fromLink;
  if (!anything && !bar) return;
  const ui = ensureBar();
  ui.element.hidden = !anything;

  const sentences: string[] = [];
  const ownEdits = ui.element.querySelector<HTMLElement>('[data-action="own-edits"]')!;
  if (fromLink) {
    const link = fromLink;
    const answers = linked.some((root) => hostOf(root).kind === KIND.answer);
    sentences.push(
      linked.length
        ? `Code from a shared link in ${counted(ofHost(linked))}, marked "From the link". ${answers ? 'Nothing has run or been checked: Run runs a cell, Check checks an answer, in the sandbox.' : 'Nothing has run: Run runs it, in the sandbox.'}`
        : 'This page opened from a shared link.',
    );
    if (link.older.length) sentences.push(`${counted((host) => link.older.filter((h) => h === host).length)} of it ${link.older.length === 1 ? 'was' : 'were'} written for an earlier version of the book's code.`);
    if (link.missing.length) {
      const names = link.missing.map(([, id]) => `"${id}"`).join(', ');
      sentences.push(`The link also has code for ${counted((host) => link.missing.filter(([h]) => h === host).length)} this page no longer has (${names}).`);
    }
    const own = (host: WorkHost) => [...store.edits(host.kind).keys()].filter((id) => find(host, id)).length;
    const owned = counted(own);
    if (owned) sentences.push(`Your own edits to ${owned} are kept; they are not shown while you read the link.`);
    ownEdits.hidden = !owned;
  } else {
    ownEdits.hidden = true;
    if (edited.length) {
      const did = hosts.filter((host) => ofHost(edited)(host) > 0).map((host) => `${host.words.did} ${plural(ofHost(edited)(host), host.words.thing)}`);
      sentences.push(`You ${did.join(' and ')} on this page; ${edited.length === 1 ? 'it is' : 'they are'} kept in this browser.`);
    }
  }
  if (conflicted.length) sentences.push(`${plural(conflicted.length, 'earlier edit')} of yours ${conflicted.length === 1 ? 'waits' : 'wait'} for your choice, where the book's code changed.`);
  for (const widget of widgets) sentences.push(`Yours to share: ${widget.summary()}.`);
  ui.summary.textContent = sentences.join(' ');
  ui.alert.textContent = [storageProblem, alert].filter(Boolean).join(' ');

  const resetAllButton = ui.element.querySelector<HTMLButtonElement>('[data-action="reset-all"]')!;
  resetAllButton.hidden = edited.length + linked.length + conflicted.length === 0 && !all.some(changed);
  resetAllButton.textContent = fromLink ? "Back to the book's code" : 'Reset all edits on this page';
  ui.undo.hidden = !undo;

  ui.orphans.replaceChildren(
    ...orphans.map(({ host, kind, id, edit }) => {
      const { work, of, thing } = host.words;
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `Your ${work} ${of} ${thing} "${id}", which this page no longer has`;
      const pre = document.createElement('pre');
      pre.textContent = edit.code;
      const drop = button('drop-orphan', 'Drop it');
      drop.dataset.kind = kind;
      drop.dataset.id = id;
      drop.setAttribute('aria-label', `Drop your ${work} ${of} ${thing} "${id}"`);
      details.append(summary, pre, drop);
      return details;
    }),
  );
}
