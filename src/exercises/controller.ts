// What an exercise's buttons do, loaded on a reader's first click: Edit (the cells' CodeMirror),
// Check (the reader's code, after the cells above if the exercise uses them, then the check, in
// the page's one sandbox), Hint (the next one), Solution (into the editor, one Undo away from the reader's own
// code), Reset. The verdicts are shown with the shared renderers. The status and the reader's
// answer are kept in the page's storage, as cells' edits are (src/cells/keep.ts, storage.ts).

import type { EditorView } from '@codemirror/view';
import { TIME_LIMIT_MS, codeOf, sandbox } from '../cells/controller.ts';
import * as keep from '../cells/keep.ts';
import { KIND } from '../cells/keys.ts';
import { PageStore } from '../cells/storage.ts';
import { pageLayout } from '../graphs/layout.ts';
import { prepareGraphs } from '../graphs/prepare.ts';
import { errorPlace, renderError, renderResult } from '../runner/render.ts';
import type { CellResult } from '../runner/session.ts';
import { renderFeedback } from './feedback.ts';
import { PROGRESS_EVENT, type Status, showStatus } from './status.ts';

export type Action = 'edit' | 'check' | 'hint' | 'solution' | 'reset';

const views = new WeakMap<HTMLElement, ExerciseView>();
const store = new PageStore(location.pathname);

class ExerciseView {
  readonly root: HTMLElement;
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly check: string;
  readonly solution: string;
  readonly output: HTMLElement;
  readonly feedback: HTMLElement;
  editor: EditorView | undefined;
  opening: Promise<EditorView> | undefined;
  /** The code the editor opens with, when not the start code (a kept answer, a link's: keep.ts). */
  opensWith: string | undefined;
  /** CodeMirror's annotation that keeps a transaction an undo step of its own (loaded with the editor). */
  isolate: typeof import('../cells/editor.ts').isolateHistory | undefined;
  /** The check this exercise is waiting for, if any. */
  runId: number | undefined;
  /** The last change of the editor's text still under way (Solution, Reset): a Check waits for it. */
  editing: Promise<void> = Promise.resolve();

  constructor(root: HTMLElement) {
    this.root = root;
    this.id = root.dataset.exercise ?? '';
    this.title = this.part('.exercise-name').textContent ?? this.id;
    const code = JSON.parse(this.part('[data-exercise-code]').textContent ?? '{}') as { start: string; check: string; solution: string };
    this.start = code.start;
    this.check = code.check;
    this.solution = code.solution;
    this.output = this.part('[data-exercise-output]');
    this.feedback = this.part('[data-feedback]');
  }

  part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(`:scope ${selector}`)!;
  }

  button(action: Action): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(`:scope .exercise-actions [data-action="${action}"]`);
  }

  code(): string {
    return this.editor ? this.editor.state.doc.toString() : this.start;
  }

  say(text: string): void {
    this.part('.exercise-status').textContent = text;
  }
}

function viewOf(root: HTMLElement): ExerciseView {
  let view = views.get(root);
  if (!view) views.set(root, (view = new ExerciseView(root)));
  return view;
}

export async function act(action: Action, root: HTMLElement): Promise<void> {
  const view = viewOf(root);
  switch (action) {
    case 'edit':
      (await editorOf(view)).focus();
      return;
    case 'check':
      return check(view);
    case 'hint':
      return hint(view);
    case 'solution':
      return replaceCode(view, view.solution, 'The solution is in the editor. Undo (Ctrl+Z or ⌘+Z) brings your own code back.');
    case 'reset':
      return reset(view);
  }
}

function editorOf(view: ExerciseView): Promise<EditorView> {
  view.opening ??= import('../cells/editor.ts').then(({ createEditor, isolateHistory }) => {
    view.isolate = isolateHistory;
    const host = document.createElement('div');
    host.className = 'cell-editor not-content'; // the cells' editor, styled as theirs
    const code = view.part('.exercise-code');
    code.after(host);
    code.hidden = true;
    const hint = document.createElement('p');
    hint.className = 'cell-hint';
    hint.id = `exercise-hint-${view.id}`;
    hint.textContent = 'Ctrl+Enter or ⌘+Enter checks. Tab indents; Escape then Tab leaves the editor.';
    view.editor = createEditor(host, {
      doc: view.opensWith ?? view.start,
      label: `Your answer: ${view.title}`,
      describedBy: hint.id,
      onRun: () => void check(view),
      onChange: () => keep.edited(view.root),
    });
    host.append(hint);
    return view.editor;
  }, (error: unknown) => {
    view.opening = undefined; // the editor did not load (a network hiccup?): the next action tries again
    throw error;
  });
  return view.opening;
}

/**
 * Puts text in the editor in one transaction, an undo step of its own (never joined to the
 * reader's last typing), so that one Undo brings back what was there.
 */
function replaceCode(view: ExerciseView, text: string, said: string): Promise<void> {
  view.editing = editorOf(view).then((editor) => {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, annotations: view.isolate?.of('full') });
    view.say(said);
  });
  return view.editing;
}

function hint(view: ExerciseView): void {
  const hints = [...view.root.querySelectorAll<HTMLElement>(':scope .exercise-hint')];
  const next = hints.find((h) => h.hidden);
  if (!next) return;
  next.hidden = false;
  const shown = hints.indexOf(next) + 1;
  const button = view.button('hint');
  const count = button?.querySelector('[data-hint-count]');
  if (shown < hints.length) {
    if (count) count.textContent = `(${shown + 1} of ${hints.length})`;
  } else if (button) {
    button.setAttribute('aria-disabled', 'true');
    if (count) count.textContent = '(all shown)';
  }
  view.say(`Hint ${shown} of ${hints.length} is shown below the buttons.`);
}

/** Reset: the start code (one Undo away) and no feedback; the kept answer is dropped, and the status is todo again. */
function reset(view: ExerciseView): void {
  startOver(view);
  showStatus(view.root, 'todo');
  store.setStatus(view.id, 'todo');
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** The start code (one Undo away) and no feedback; a check under way is let go; the kept answer is dropped. The status stays. */
function startOver(view: ExerciseView): void {
  if (view.runId !== undefined) sandbox.stop(view.runId);
  view.runId = undefined;
  view.root.removeAttribute('data-checking');
  view.button('check')?.removeAttribute('aria-disabled');
  view.output.replaceChildren();
  view.feedback.replaceChildren();
  view.opensWith = undefined;
  const editor = view.editor;
  if (editor && editor.state.doc.toString() !== view.start) {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: view.start }, annotations: view.isolate?.of('full') });
    view.say('Back to the start code. Undo brings your own code back.');
  } else view.say('');
  keep.wasReset(view.root);
}

/** The cells a Check runs first: for an exercise that uses names of the cells above (data-uses), those cells, in page order. */
function cellsBefore(root: HTMLElement): HTMLElement[] {
  if (!root.dataset.uses) return [];
  return [...document.querySelectorAll<HTMLElement>('.cell[data-cell]')].filter((cell) => cell.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING);
}

async function check(view: ExerciseView): Promise<void> {
  if (view.runId !== undefined || view.root.hasAttribute('data-checking')) return;
  view.root.setAttribute('data-checking', '');
  // The code the reader sees: a Solution pressed just before may still be loading the editor.
  await view.editing.catch(() => undefined);
  if (!view.root.hasAttribute('data-checking')) return; // Reset meanwhile
  const cells = cellsBefore(view.root);
  const sources = [...cells.map(codeOf), view.code()];
  view.button('check')?.setAttribute('aria-disabled', 'true');
  view.say('Checking…');
  const { id, outcome } = sandbox.run(sources, TIME_LIMIT_MS, view.check);
  view.runId = id;
  const ended = await outcome;
  if (view.runId !== id) return; // Reset let go of it
  let shown: Shown;
  try {
    shown = await verdict(ended, cells);
  } catch (e) {
    // A forged result can make even the renderer throw: the exercise still ends, and can be checked again.
    shown = { status: 'fail', output: '', feedback: await renderFeedback(null, reject, `the result could not be shown: ${e instanceof Error ? e.message : 'unknown error'}`) };
  }
  if (view.runId !== id) return;
  view.output.innerHTML = shown.output;
  view.feedback.innerHTML = shown.feedback.html;
  prepareGraphs(view.output);
  prepareGraphs(view.feedback);
  // The mark is help, not the verdict: a viewer that does not load leaves the drawing unmarked.
  await markWrong(view, shown.feedback.wrong).catch(() => undefined);
  if (view.runId !== id) return;
  view.say(shown.feedback.summary);
  if (shown.status !== undefined) {
    showStatus(view.root, shown.status);
    store.setStatus(view.id, shown.status);
    document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  }
  // Last: the check is over once everything it shows is in place.
  view.runId = undefined;
  view.root.removeAttribute('data-checking');
  view.button('check')?.removeAttribute('aria-disabled');
}

interface Shown {
  /** The verdict to keep; undefined when the answer was not judged (a cell above failed, the sandbox crashed). */
  status?: Exclude<Status, 'todo'>;
  output: string;
  feedback: Awaited<ReturnType<typeof renderFeedback>>;
}

/** The layout for feedback that draws nothing (the check did not run). */
const reject = () => Promise.reject(new Error('no layout'));
const layout = (dot: string) => pageLayout(dot, TIME_LIMIT_MS);

async function verdict(outcome: Awaited<ReturnType<typeof sandbox.run>['outcome']>, cells: HTMLElement[]): Promise<Shown> {
  switch (outcome.kind) {
    case 'timeout':
      return {
        status: 'fail',
        output: renderError({ kind: 'runtime', name: 'Timeout', message: `stopped after ${TIME_LIMIT_MS / 1000} s: the code ran too long (an endless loop?)` }),
        feedback: await renderFeedback(null, reject, `your code (or the check, running it) did not finish within ${TIME_LIMIT_MS / 1000} s: is there a loop that never ends?`),
      };
    case 'stopped':
    case 'crashed':
      return { output: '', feedback: await renderFeedback(null, reject, outcome.kind === 'crashed' ? `the sandbox failed: ${outcome.message}` : 'stopped') };
  }
  const results = Array.isArray(outcome.results) ? (outcome.results as unknown[]) : [];
  const last = results.at(-1) as CellResult | undefined;
  if (!last || typeof last !== 'object') return { output: '', feedback: await renderFeedback(null, reject, 'the runner sent no result') };
  if (results.length <= cells.length && last.error) {
    // A cell above failed (an edit of the reader's?), so the answer never ran: say which.
    const cell = cells[results.length - 1]?.dataset.cell ?? String(results.length);
    const at = errorPlace({ ...last.error, from: undefined });
    return { output: '', feedback: await renderFeedback(null, reject, `the cell "${cell}" above failed (${String(last.error.name)}: ${String(last.error.message)}${at}), so your answer could not run. Fix that cell, or Reset it.`) };
  }
  const cellName = (n: number) => (cells[n - 1] ? `cell "${cells[n - 1].dataset.cell}"` : 'your code');
  const output = await renderResult(last, layout, { cellName });
  if (last.error) {
    return { status: 'fail', output, feedback: await renderFeedback(null, reject, `your code threw ${String(last.error.name)}: ${String(last.error.message)}${errorPlace(last.error, cellName)}.`) };
  }
  // A graph the check grades as the reader drew it is marked in their drawing, not drawn twice.
  const drawn = last.value?.kind === 'graph' ? String(last.value.dot) : undefined;
  const feedback = await renderFeedback(outcome.items, layout, undefined, drawn);
  return { status: feedback.pass ? 'pass' : 'fail', output, feedback };
}

/** Marks each wrong node (data-wrong, drawn red) in its item's graph or the reader's drawing, with the graph viewer's markNode. */
async function markWrong(view: ExerciseView, wrong: { item: number; node: number }[]): Promise<void> {
  if (wrong.length === 0) return;
  const { markNode } = await import('../graphs/view.ts');
  const items = view.feedback.querySelectorAll<HTMLElement>('[data-check-item]');
  for (const { item, node } of wrong) {
    const figure = (item === -1 ? view.output : items[item])?.querySelector<HTMLElement>('[data-graph]');
    if (figure) markNode(figure, node, 'data-wrong');
  }
}

// ---- The reader's answers, kept and shared as cells' edits are (src/cells/keep.ts) -------------

// Keeping the page's answers (and a link's shown), from when the controller loads.
void keep.start({
  kind: KIND.answer,
  staleKind: KIND.staleAnswer,
  selector: '[data-exercise]',
  words: {
    thing: 'exercise',
    did: 'answered',
    work: 'answer',
    of: 'to',
    badge: 'Saved',
    kept: 'Your answer, kept in this browser: Check checks it.',
    restored: 'Your earlier answer, on the new start code: Check checks it.',
    linked: 'From the link: nothing is checked until you press Check.',
    changed: (when) => `You answered this exercise on ${when}, and its start code has changed since. Your answer is kept, not applied: the exercise shows the new start code.`,
  },
  id: (root) => viewOf(root).id,
  original: (root) => viewOf(root).start,
  code: (root) => viewOf(root).code(),
  focus: (root) => viewOf(root).editor?.focus(),
  reset: (root) => startOver(viewOf(root)),
  show: async (root, code) => {
    const view = viewOf(root);
    if (!view.editor) view.opensWith = code;
    const editor = await editorOf(view);
    if (editor.state.doc.toString() !== code) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: code } });
  },
  controls: (root) => viewOf(root).part('.exercise-actions'),
  statusLine: (root) => viewOf(root).part('.exercise-status'),
});
