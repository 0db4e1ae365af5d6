// The cell editor: CodeMirror 6 on TypeScript, loaded only when a reader first edits a cell.

import { indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Prec } from '@codemirror/state';
import { keymap, placeholder } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { EditorView, basicSetup } from 'codemirror';

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

export interface EditorOptions {
  doc: string;
  /** The accessible name of the editing area. */
  label: string;
  /** The id of the element that says how to run and how to leave the editor. */
  describedBy: string;
  placeholder?: string;
  onRun: () => void;
}

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  return new EditorView({
    parent,
    doc: options.doc,
    extensions: [
      // Before basicSetup's keymap, where Mod-Enter would insert a blank line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
      basicSetup,
      // Tab indents; Escape then Tab leaves the editor (CodeMirror's documented way out).
      keymap.of([indentWithTab]),
      javascript({ typescript: true }),
      syntaxHighlighting(highlight),
      placeholder(options.placeholder ?? ''),
      // Long lines wrap and the editor grows with its code: no scrolling region inside the page
      // that a keyboard could not reach.
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': options.describedBy }),
    ],
  });
}
