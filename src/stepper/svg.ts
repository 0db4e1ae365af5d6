// A Graphviz drawing of drawDot's graph, marked up for the stepper: each node's group names the
// node it draws (n3, n3_op), and each grad field is tagged, so the page can fill it in.

import { cleanGraphvizSvg } from '../runner/render.ts';

export function stepperSvg(graphvizSvg: string): string {
  const marked = graphvizSvg
    .replace(/<g id="node\d+" class="node">\s*<title>(n\d+(?:_op)?)<\/title>/g, '<g class="node" data-node="$1">')
    .replace(/<text([^>]*)>grad /g, '<text data-grad$1>grad ');
  return cleanGraphvizSvg(marked);
}
