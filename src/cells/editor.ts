// The cell editor: CodeMirror 6 on TypeScript, loaded only when a reader first edits a cell.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  HighlightStyle,
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
  rectangularSelection,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

// Colours from custom.css, one set per Starlight theme, each readable on the editor's background.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'var(--cm-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--cm-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--cm-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--cm-function)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--cm-type)' },
  { tag: t.invalid, color: 'var(--cm-invalid)' },
]);

// For a change that must be an undo step of its own (an exercise's Solution and Reset), from this
// chunk: a separate import of @codemirror/commands would split it into a chunk of its own.
export { isolateHistory } from '@codemirror/commands';

export interface EditorOptions {
  doc: string;
  /** The accessible name of the editing area. */
  label: string;
  /** The id of the element that says how to run and how to leave the editor. */
  describedBy: string;
  placeholder?: string;
  onRun: () => void;
  /** Called after every change of the code (a keystroke, a paste, an undo). */
  onChange?: () => void;
}

// CodeMirror's basicSetup, as its documentation says to adjust it: without its search panel (in a
// cell of a few lines the browser's own find serves better, and searches the whole page) and its
// lint keymap (nothing lints). That leaves @codemirror/search and @codemirror/lint out of the
// download: 30 KB of the editor's 490.
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  foldGutter(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  rectangularSelection(),
  crosshairCursor(),
  highlightActiveLine(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap]),
];

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  return new EditorView({
    parent,
    doc: options.doc,
    extensions: [
      // Before the default keymap, where Mod-Enter would insert a blank line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
      setup,
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's documented way out).
      keymap.of([indentWithTab]),
      javascript({ typescript: true }),
      syntaxHighlighting(highlight),
      placeholder(options.placeholder ?? ''),
      // Long lines wrap and the editor grows with its code: no scrolling region inside the page
      // that a keyboard could not reach.
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange?.();
      }),
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': options.describedBy }),
    ],
  });
}
