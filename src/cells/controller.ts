// What the cell buttons do, loaded on a reader's first click: run in the sandbox (cells 1…k of
// the page afresh, showing cell k's output), edit in CodeMirror, stop, reset.

import type { EditorView } from '@codemirror/view';
import { pageLayout } from '../graphs/layout.ts';
import { prepareGraphs, pristineHtml } from '../graphs/prepare.ts';
import { errorPlace, renderError, renderResult } from '../runner/render.ts';
import type { CellError, CellResult } from '../runner/session.ts';
import { type Outcome, Sandbox } from '../sandbox/sandbox.ts';
import * as keep from './keep.ts';
import { KIND } from './keys.ts';

export type Action = 'run' | 'stop' | 'edit' | 'reset';
type Status = 'idle' | 'running' | 'ok' | 'error' | 'timeout';

const TIME_LIMIT_MS = 5000;

const sandbox = new Sandbox();
const views = new WeakMap<HTMLElement, CellView>();

class CellView {
  readonly root: HTMLElement;
  readonly id: string;
  readonly original: string;
  readonly originalOutput: string;
  readonly output: HTMLElement;
  editor: EditorView | undefined;
  opening: Promise<EditorView> | undefined;
  /** The code the editor opens with, when not the book's (a kept edit, a link's: keep.ts). */
  opensWith: string | undefined;
  /** The run this cell is waiting for, if any. */
  runId: number | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.id = root.dataset.cell ?? '';
    this.original = JSON.parse(this.part('[data-source]').textContent ?? '""') as string;
    this.output = this.part('[data-output]');
    // As built: a graph the reader zoomed or stepped is put back as it was drawn.
    this.originalOutput = pristineHtml(this.output);
  }

  part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(`:scope ${selector}`)!;
  }

  button(action: Action): HTMLButtonElement {
    return this.part<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  code(): string {
    return this.editor ? this.editor.state.doc.toString() : this.original;
  }

  setStatus(status: Status, text: string): void {
    this.root.dataset.status = status;
    this.part('.cell-status').textContent = text;
    const running = status === 'running';
    const stop = this.button('stop');
    if (!running && stop.contains(document.activeElement)) this.button('run').focus();
    stop.hidden = !running;
    this.button('run').setAttribute('aria-disabled', String(running));
  }
}

function viewOf(root: HTMLElement): CellView {
  let view = views.get(root);
  if (!view) views.set(root, (view = new CellView(root)));
  return view;
}

export async function act(action: Action, root: HTMLElement): Promise<void> {
  const view = viewOf(root);
  switch (action) {
    case 'run':
      return run(view);
    case 'stop':
      return stop(view, 'Stopped');
    case 'edit':
      (await editorOf(view)).focus();
      return;
    case 'reset':
      return reset(view);
  }
}

/** Opens the editor without moving focus: for cells that start in it (the Playground). */
export function openEditor(root: HTMLElement): Promise<EditorView> {
  return editorOf(viewOf(root));
}

/** The editor chunk's address, once loading it failed: the next Edit loads it afresh from there. */
let failedEditorUrl: string | undefined;
let editorRetries = 0;

/**
 * CodeMirror's chunk. Chromium keeps a module that failed to load as failed for the page's life,
 * so after a failure the same file is imported under a new fragment: a new module to the browser,
 * the same file to the network. The address comes from the error, which names it (Chromium,
 * Firefox); where it does not, the next Edit tries the import as it is.
 */
function loadEditor(): Promise<typeof import('./editor.ts')> {
  const loading = failedEditorUrl ? (import(/* @vite-ignore */ `${failedEditorUrl}#retry-${++editorRetries}`) as Promise<typeof import('./editor.ts')>) : import('./editor.ts');
  return loading.catch((error: unknown) => {
    failedEditorUrl ??= /\bhttps?:\/\/\S+?\.js\b/.exec(error instanceof Error ? error.message : '')?.[0];
    throw error;
  });
}

function editorOf(view: CellView): Promise<EditorView> {
  view.opening ??= loadEditor().then(({ createEditor }) => {
    const host = document.createElement('div');
    host.className = 'cell-editor not-content'; // not-content: no Starlight prose spacing inside
    const code = view.part('.cell-code');
    code.after(host);
    code.hidden = true;
    // Tab indents in the editor, so keyboard users need to hear how to leave it.
    const hint = document.createElement('p');
    hint.className = 'cell-hint';
    hint.id = `cell-hint-${view.id}`;
    hint.textContent = 'Ctrl+Enter or ⌘+Enter runs. Tab indents; Escape then Tab leaves the editor.';
    view.editor = createEditor(host, {
      doc: view.opensWith ?? view.original,
      label: `Code of cell ${view.id}`,
      describedBy: hint.id,
      placeholder: view.root.dataset.placeholder,
      onRun: () => void run(view),
      onChange: () => keep.edited(view.root),
    });
    host.append(hint);
    return view.editor;
  }, (error: unknown) => {
    view.opening = undefined; // the editor did not load (a network hiccup?): the next Edit tries again
    throw error;
  });
  return view.opening;
}

async function run(view: CellView): Promise<void> {
  if (view.runId !== undefined) return;
  const cells = [...document.querySelectorAll<HTMLElement>('.cell[data-cell]')];
  const chapter = cells.slice(0, cells.indexOf(view.root) + 1).map(viewOf);
  const started = performance.now();
  view.setStatus('running', 'Running…');
  const { id, outcome } = sandbox.run(chapter.map((cell) => cell.code()), TIME_LIMIT_MS);
  view.runId = id;
  const ended = await outcome;
  // Stop and Reset let go of the run at once, even while its graph is being laid out.
  if (ended.kind === 'stopped' || view.runId !== id) return;
  let shown: { status: Status; html: string };
  try {
    shown = await show(ended, chapter);
  } catch (e) {
    // A forged result can make even the renderer throw: the cell still ends, and can run again.
    shown = failed('error', { name: 'Error', message: `the result could not be shown: ${e instanceof Error ? e.message : 'unknown error'}` });
  }
  if (view.runId !== id) return;
  view.runId = undefined;
  view.output.innerHTML = shown.html;
  prepareGraphs(view.output);
  const ms = Math.round(performance.now() - started);
  view.setStatus(shown.status, shown.status === 'ok' ? `Ran in ${ms.toLocaleString('en')} ms` : shown.status === 'timeout' ? 'Timed out' : 'Failed');
}

/** The outcome as HTML made by the same renderer as the build; data from the sandbox is escaped there. */
async function show(outcome: Exclude<Outcome, { kind: 'stopped' }>, chapter: CellView[]): Promise<{ status: Status; html: string }> {
  switch (outcome.kind) {
    case 'timeout':
      return failed('timeout', { name: 'Timeout', message: `stopped after ${TIME_LIMIT_MS / 1000} s: the code ran too long (an endless loop?)` });
    case 'crashed':
      return failed('error', { name: 'Error', message: `the sandbox failed: ${outcome.message}` });
  }
  const results = outcome.results;
  if (!Array.isArray(results) || results.length === 0 || typeof results.at(-1) !== 'object' || results.at(-1) === null) {
    return failed('error', { name: 'Error', message: 'the runner sent no result' });
  }
  const result = results.at(-1) as CellResult;
  if (results.length < chapter.length && result.error) {
    // An earlier cell failed, so this one never ran: say which, in that cell's numbering.
    const { name, message } = result.error;
    const at = errorPlace({ ...result.error, from: undefined }).replace(/^ \((.*)\)$/, ', $1');
    return failed('error', { name: String(name), message: `${String(message)} (in cell "${chapter[results.length - 1].id}" above${at})` });
  }
  // A graph that cannot be laid out (too big, Graphviz unavailable) is the cell's error.
  let layoutError: Error | undefined;
  const cell = chapter[chapter.length - 1];
  const built = document.createElement('template');
  built.innerHTML = cell.originalOutput;
  const layout = (dot: string) => pageLayout(dot, TIME_LIMIT_MS, built.content).catch((e: Error) => Promise.reject((layoutError = e)));
  try {
    const cellName = (n: number) => (chapter[n - 1] ? `cell "${chapter[n - 1].id}"` : `cell ${n}`);
    const html = await renderResult(result, layout, { stepper: cell.root.hasAttribute('data-step-cell'), cellName });
    return { status: result.error ? 'error' : 'ok', html };
  } catch (e) {
    if (layoutError) return failed('error', { name: 'Error', message: layoutError.message });
    throw e;
  }
}

function failed(status: Status, error: Pick<CellError, 'name' | 'message'>): { status: Status; html: string } {
  return { status, html: renderError({ kind: 'runtime', ...error }) };
}

function stop(view: CellView, status: string): void {
  if (view.runId === undefined) return;
  sandbox.stop(view.runId);
  view.runId = undefined;
  view.setStatus('idle', status);
}

function reset(view: CellView): void {
  stop(view, '');
  // The editor stays open with the original code: one Undo brings the reader's edits back.
  const editor = view.editor;
  editor?.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: view.original } });
  view.output.innerHTML = view.originalOutput;
  prepareGraphs(view.output);
  view.setStatus('idle', '');
  keep.wasReset(view.root);
}

// ---- The reader's own work (issue 13): keep.ts keeps edits and opens share links, through these.

/** Keeping the page's edits (and a link's code shown), from when the controller loads. */
export const keeping: Promise<void> = keep.start({
  kind: KIND.edit,
  staleKind: KIND.staleEdit,
  selector: '.cell[data-cell]',
  words: {
    thing: 'cell',
    did: 'edited',
    work: 'edit',
    of: 'of',
    badge: 'Edited',
    kept: "Your edit, kept in this browser: the output is the book's until you Run.",
    restored: "Your earlier edit, on the book's new code: the output is the book's until you Run.",
    linked: "From the link: the output is the book's until you Run.",
    changed: (when) => `You edited this cell on ${when}, and the book's code has changed since. Your edit is kept, not applied: the cell shows the book's new code.`,
  },
  id: (root) => viewOf(root).id,
  original: (root) => viewOf(root).original,
  code: (root) => viewOf(root).code(),
  focus: (root) => viewOf(root).editor?.focus(),
  reset: (root) => reset(viewOf(root)),
  show: async (root, code) => {
    const view = viewOf(root);
    if (!view.editor) view.opensWith = code;
    const editor = await editorOf(view);
    if (editor.state.doc.toString() !== code) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: code } });
  },
  controls: (root) => viewOf(root).part('.cell-controls'),
  statusLine: (root) => viewOf(root).part('.cell-status'),
});

// For exercises (src/exercises/controller.ts), whose Check runs the cells before it and then the
// reader's code in this page's one sandbox, under the same time limit.
export { TIME_LIMIT_MS, sandbox };

/** A cell's code as the reader left it: the editor's text if it was opened, else the original. */
export function codeOf(root: HTMLElement): string {
  return viewOf(root).code();
}
