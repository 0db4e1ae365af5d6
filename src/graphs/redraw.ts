// A redraw without Graphviz: a drawing of the same shape as one already laid out keeps that
// layout, and only the texts of its nodes change. Pure string work on the cleaned SVG (nodes are
// `<g class="node" data-node="name">`), so the build's tests check it against Graphviz itself.

import { escapeHtml } from '../runner/format.ts';
import { nodeTexts } from './dot.ts';

// Graphviz sizes text by its own metrics; for Courier (drawDot's font) a character is 0.6 em wide.
const COURIER_EM = 0.6;

const NODE_GROUP = /(<g class="node" data-node="([^"]*)">)([\s\S]*?)(<\/g>)/g;
const TEXT = /<text([^>]*)>([^<]*)<\/text>/g;

/**
 * The laid-out SVG of a graph of the same shape (equal shapeKey, see dot.ts), with each node's
 * texts taken from this DOT; null when that cannot be done faithfully (a node or text missing, a longer
 * text in a font whose widths are not known), and the graph needs Graphviz.
 */
export function redraw(layout: string, dot: string, options: { squeeze?: boolean } = {}): string | null {
  const texts = nodeTexts(dot);
  let seen = 0;
  let failed = false;
  const svg = layout.replace(NODE_GROUP, (group, open: string, name: string, body: string, close: string) => {
    const wanted = texts.get(decode(name));
    if (!wanted) return group;
    seen++;
    let i = 0;
    const newBody = body.replace(TEXT, (_, attributes: string, old: string) => {
      const text = wanted[i++];
      if (text === undefined) return (failed = true), '';
      const oldLength = [...decode(old)].length;
      let fit = attributes.replace(/\s(textLength|lengthAdjust)="[^"]*"/g, '');
      if ([...text].length > oldLength) {
        // A longer text than the layout made room for is squeezed into the old one's width.
        if (options.squeeze === false) return (failed = true), '';
        const size = Number(/font-size="([\d.]+)"/.exec(attributes)?.[1]);
        if (!/font-family="Courier/.test(attributes) || !size) return (failed = true), '';
        fit += ` textLength="${(oldLength * size * COURIER_EM).toFixed(2)}" lengthAdjust="spacingAndGlyphs"`;
      }
      return `<text${fit}>${escapeHtml(text)}</text>`;
    });
    if (i !== wanted.length) failed = true;
    return `${open}${newBody}${close}`;
  });
  return failed || seen !== texts.size ? null : svg;
}

/** Text as it reads: Graphviz writes some characters as entities (&#45; for -). */
function decode(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec, hex, named: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] as string;
  });
}
