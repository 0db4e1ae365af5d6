// The graph view made live (html.ts makes its markup): zoom and pan with @panzoom/panzoom
// (wheel, drag, pinch) and keys (+ − 0, arrows); full screen, which Escape closes; and
// backward() one step at a time, from the steps the graph was drawn with. Loaded when a reader
// first reaches for a graph, and made live on a graph when the reader acts on it (client.ts).
//
// A big graph of neurons can also be shown with each neuron as one box (dot.ts's collapsedDot).
//
// Other widgets use three functions: enhance(figure) makes a graph view live, markNode(figure,
// node, attribute) marks one node of its drawing (and its table row), and showLarge(figure)
// opens it full screen at a size where its labels read.

import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import type { StepsData } from './html.ts';
import { keepPristine, prepareGraphs } from './prepare.ts';

/** Wheel and pinch zoom by this factor per notch (e^step). */
const STEP = 0.35;
/** Arrow keys move the drawing by this share of the viewport. */
const PAN_SHARE = 0.15;
/** Graphviz writes sizes in points; the page draws CSS pixels. */
const PX_PER_PT = 4 / 3;

const views = new WeakMap<HTMLElement, GraphView>();

/** The live view of a graph figure (`[data-graph]`), made once. */
export function enhance(figure: HTMLElement): GraphView {
  let view = views.get(figure);
  if (!view) views.set(figure, (view = new GraphView(figure)));
  return view;
}

/** Carries out a control's action (`data-action`) on a graph figure. */
export function act(figure: HTMLElement, action: string): void {
  enhance(figure).act(action);
}

/**
 * Sets (or, with on = false, removes) an attribute on one node of a graph's drawing, and on its
 * row of the table: node is drawDot's node number (n3 → 3) or a DOT node name. Issue 10's
 * exercises mark a wrong node with `data-wrong`. Returns whether the drawing has that node.
 */
export function markNode(figure: HTMLElement, node: number | string, attribute: string, on = true): boolean {
  const name = typeof node === 'number' ? `n${node}` : node;
  keepPristine(figure);
  const selector = `[data-node="${CSS.escape(name)}"]`;
  const group = figure.querySelector(`svg g${selector}`);
  for (const el of figure.querySelectorAll(`svg g${selector}, tr${selector}`)) el.toggleAttribute(attribute, on);
  return group !== null;
}

/** Opens a graph full screen at a size where its labels read, around its output. */
export function showLarge(figure: HTMLElement): Promise<void> {
  return enhance(figure).fullscreen(true);
}

export class GraphView {
  readonly figure: HTMLElement;
  readonly #viewport: HTMLElement;
  readonly #stage: HTMLElement;
  readonly #panzoom: PanzoomObject;
  #steps: StepsData | undefined;
  /** Steps of backward() shown: undefined when not stepping, else 0…n. */
  #step: number | undefined;
  /** Texts as the drawing had them before stepping: restored when stepping ends. */
  readonly #before = new Map<Element, string>();
  #overlay = false;

  constructor(figure: HTMLElement) {
    this.figure = figure;
    keepPristine(figure);
    this.#viewport = figure.querySelector<HTMLElement>('.graph-viewport')!;
    this.#stage = figure.querySelector<HTMLElement>('.graph-stage')!;
    this.#panzoom = Panzoom(this.#stage, {
      canvas: true,
      contain: 'outside',
      minScale: 1,
      maxScale: this.#maxScale(),
      step: STEP,
      cursor: 'grab',
      // In the column a vertical swipe scrolls the page; full screen takes every gesture.
      touchAction: 'pan-y',
      handleStartEvent: (event: Event) => {
        event.preventDefault();
        this.#viewport.focus({ preventScroll: true });
      },
    });
    this.#stage.addEventListener('panzoomchange', () => {
      this.figure.dataset.zoom = this.#panzoom.getScale().toFixed(2);
    });
    this.#viewport.addEventListener('wheel', (event) => this.#wheel(event), { passive: false });
    this.#viewport.addEventListener('keydown', (event) => this.#key(event));
    figure.querySelector('.graph-toolbar')?.addEventListener('keydown', (event) => this.#toolbarKey(event as KeyboardEvent));
    // Page-wide events, let go of once a run has replaced this graph.
    const onFullscreen = () => {
      if (!figure.isConnected) return release();
      if (document.fullscreenElement !== figure && figure.hasAttribute('data-fullscreen') && !this.#overlay) this.#closed();
    };
    const onResize = () => (figure.isConnected ? this.#panzoom.setOptions({ maxScale: this.#maxScale() }) : release());
    const release = () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      removeEventListener('resize', onResize);
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    addEventListener('resize', onResize);
  }

  act(action: string): void {
    switch (action) {
      case 'zoom-in':
        return this.#zoomBy(Math.exp(STEP));
      case 'zoom-out':
        return this.#zoomBy(Math.exp(-STEP));
      case 'fit':
        return void this.#panzoom.reset({ animate: false });
      case 'fullscreen':
        return void this.fullscreen(!this.figure.hasAttribute('data-fullscreen'));
      case 'step-forward':
        return this.#stepBy(1);
      case 'step-back':
        return this.#stepBy(-1);
      case 'collapse':
        return this.#collapse(this.#full === undefined);
    }
  }

  /** Up to twice the drawing's natural size, and never less than 4× the fit. */
  #maxScale(): number {
    const svg = this.#stage.querySelector('svg');
    const natural = this.#naturalWidth();
    const drawn = svg?.getBoundingClientRect().width ?? 0;
    const scale = this.#panzoom?.getScale() ?? 1;
    return Math.max(4, drawn > 0 ? (2 * natural * scale) / drawn : 4);
  }

  #naturalWidth(): number {
    const width = this.#stage.querySelector('svg')?.getAttribute('width') ?? '';
    return parseFloat(width) * (width.endsWith('pt') ? PX_PER_PT : 1);
  }

  #zoomBy(factor: number): void {
    const box = this.#viewport.getBoundingClientRect();
    this.#panzoom.zoomToPoint(this.#panzoom.getScale() * factor, { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 });
  }

  /** Wheel zooms where it cannot be meant to scroll the page: full screen, a focused graph, or with Ctrl (and a trackpad's pinch). */
  #wheel(event: WheelEvent): void {
    const focused = this.#viewport.contains(document.activeElement);
    if (event.ctrlKey || event.metaKey || focused || this.figure.hasAttribute('data-fullscreen')) {
      this.#panzoom.zoomWithWheel(event);
    } else {
      this.figure.setAttribute('data-wheel-hint', '');
      clearTimeout(this.#hintTimer);
      this.#hintTimer = setTimeout(() => this.figure.removeAttribute('data-wheel-hint'), 1500);
    }
  }
  #hintTimer: ReturnType<typeof setTimeout> | undefined;

  #key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const box = this.#viewport.getBoundingClientRect();
    const move = (dx: number, dy: number) => this.#panzoom.pan((dx * box.width * PAN_SHARE) / this.#panzoom.getScale(), (dy * box.height * PAN_SHARE) / this.#panzoom.getScale(), { relative: true, animate: false });
    const keys: Record<string, () => void> = {
      '+': () => this.act('zoom-in'),
      '=': () => this.act('zoom-in'),
      '-': () => this.act('zoom-out'),
      '_': () => this.act('zoom-out'),
      '0': () => this.act('fit'),
      ArrowLeft: () => move(1, 0),
      ArrowRight: () => move(-1, 0),
      ArrowUp: () => move(0, 1),
      ArrowDown: () => move(0, -1),
      Escape: () => void this.fullscreen(false),
    };
    const action = keys[event.key];
    if (!action || (event.key === 'Escape' && !this.figure.hasAttribute('data-fullscreen'))) return;
    // Arrow keys pan only a zoomed drawing; at fit they scroll the page as usual.
    if (event.key.startsWith('Arrow') && this.#panzoom.getScale() <= 1) return;
    event.preventDefault();
    action();
  }

  /** Arrow keys on a step button step, as on a media player's buttons. */
  #toolbarKey(event: KeyboardEvent): void {
    const action = (event.target as HTMLElement).dataset?.action;
    if (!action?.startsWith('step-') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.#stepBy(event.key === 'ArrowRight' ? 1 : -1);
    }
  }

  async fullscreen(on: boolean): Promise<void> {
    const figure = this.figure;
    if (on === figure.hasAttribute('data-fullscreen')) return;
    const button = figure.querySelector<HTMLElement>('[data-action="fullscreen"]');
    if (!on) {
      if (document.fullscreenElement === figure) await document.exitFullscreen();
      this.#closed();
      return;
    }
    figure.setAttribute('data-fullscreen', '');
    button?.setAttribute('aria-pressed', 'true');
    this.#overlay = false;
    try {
      await figure.requestFullscreen();
    } catch {
      // No Fullscreen API for this element (iPhone Safari): the figure covers the window instead.
      this.#overlay = true;
      document.documentElement.setAttribute('data-graph-overlay', '');
      document.addEventListener('keydown', this.#escape);
    }
    this.#panzoom.setOptions({ touchAction: 'none', maxScale: this.#maxScale() });
    this.#panzoom.reset({ animate: false });
    this.#viewport.focus({ preventScroll: true });
    // The figure takes the screen's size a frame or two after full screen begins.
    await nextFrame();
    await nextFrame();
    this.#large();
  }

  readonly #escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') void this.fullscreen(false);
  };

  /** After full screen ends, by Escape, the button or the browser. */
  #closed(): void {
    const figure = this.figure;
    figure.removeAttribute('data-fullscreen');
    figure.querySelector('[data-action="fullscreen"]')?.setAttribute('aria-pressed', 'false');
    if (this.#overlay) {
      document.documentElement.removeAttribute('data-graph-overlay');
      document.removeEventListener('keydown', this.#escape);
      this.#overlay = false;
    }
    this.#panzoom.setOptions({ touchAction: 'pan-y' });
    this.#panzoom.reset({ animate: false });
    requestAnimationFrame(() => this.#panzoom.setOptions({ maxScale: this.#maxScale() }));
    prepareGraphs(figure.parentElement ?? document);
  }

  /** Where the whole drawing would be too small to read, zooms to its natural size around its output (drawDot's n0). */
  #large(): void {
    const svg = this.#stage.querySelector('svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    // The drawing is letterboxed in its box (preserveAspectRatio): its drawn width is the smaller fit.
    const viewBox = svg.viewBox.baseVal;
    const fitted = viewBox?.width ? Math.min(box.width, (box.height * viewBox.width) / viewBox.height) : box.width;
    const scale = this.#naturalWidth() / fitted;
    if (!(scale > 1.25)) return;
    const output = svg.querySelector('g[data-node="n0"]') ?? svg;
    const at = output.getBoundingClientRect();
    const view = this.#viewport.getBoundingClientRect();
    this.#panzoom.zoomToPoint(scale, { clientX: at.left + at.width / 2, clientY: at.top + at.height / 2 });
    // Then bring the output to the middle of the screen.
    requestAnimationFrame(() => {
      const now = output.getBoundingClientRect();
      const dx = view.left + view.width / 2 - (now.left + now.width / 2);
      const dy = view.top + view.height / 2 - (now.top + now.height / 2);
      this.#panzoom.pan(dx / this.#panzoom.getScale(), dy / this.#panzoom.getScale(), { relative: true, animate: false });
    });
  }

  /**
   * Shows the drawing with each neuron as one box (made with the graph, in a template), or the
   * full drawing again; stepping shows the full drawing.
   */
  #collapse(on: boolean): void {
    const template = this.figure.querySelector<HTMLTemplateElement>('template[data-graph-collapsed]');
    const svg = this.#stage.querySelector('svg');
    if (!template || !svg || on === (this.#full !== undefined)) return;
    if (on) {
      this.#full = svg;
      svg.replaceWith(template.content.cloneNode(true));
    } else {
      svg.replaceWith(this.#full as SVGSVGElement);
      this.#full = undefined;
    }
    this.figure.toggleAttribute('data-collapsed', on);
    this.figure.querySelector('[data-action="collapse"]')?.setAttribute('aria-pressed', String(on));
    this.#panzoom.reset({ animate: false });
    requestAnimationFrame(() => {
      this.#panzoom.setOptions({ maxScale: this.#maxScale() });
      prepareGraphs(this.figure.parentElement ?? document);
    });
  }
  /** The full drawing, while the neurons are shown as boxes. */
  #full: SVGSVGElement | undefined;

  #stepsData(): StepsData | undefined {
    if (!this.#steps) {
      const script = this.figure.querySelector('script[data-graph-steps-data]');
      if (script?.textContent) this.#steps = JSON.parse(script.textContent) as StepsData;
    }
    return this.#steps;
  }

  /** The drawing's value nodes (drawDot's n0, n1, …), each with its grad's text (the last of its texts). */
  #gradTexts(): Map<number, Element> {
    const texts = new Map<number, Element>();
    for (const group of this.figure.querySelectorAll('svg g.node[data-node]')) {
      const m = /^n(\d+)$/.exec(group.getAttribute('data-node') ?? '');
      const last = group.querySelectorAll('text');
      if (m && last.length > 0) texts.set(Number(m[1]), last[last.length - 1]);
    }
    return texts;
  }

  #stepBy(delta: number): void {
    const data = this.#stepsData();
    if (!data) return;
    const n = data.steps.length;
    this.#collapse(false);
    if (this.#step === undefined) {
      if (delta < 0) return;
      for (const el of [...this.#gradTexts().values(), ...this.figure.querySelectorAll('td[data-grad]')]) this.#before.set(el, el.textContent ?? '');
      this.#step = 0;
    }
    const step = this.#step + delta;
    if (step < 0) return this.#endSteps();
    this.#showStep(Math.min(step, n), data);
  }

  /** The drawing, table and words after the first k steps of backward(). */
  #showStep(k: number, data: StepsData): void {
    this.#step = k;
    const n = data.steps.length;
    const grads = new Map<number, string>();
    for (const step of data.steps.slice(0, k)) for (const [node, grad] of step.grads) grads.set(node, grad);
    for (const [node, text] of this.#gradTexts()) text.textContent = (text.textContent ?? '').replace(/\S+$/, grads.get(node) ?? data.zero);
    for (const cell of this.figure.querySelectorAll<HTMLElement>('tr[data-node] td[data-grad]')) {
      const node = Number(cell.parentElement?.dataset.node?.slice(1));
      cell.textContent = grads.get(node) ?? data.zero;
    }
    this.#clearHighlights();
    const current = data.steps[k - 1];
    if (current) {
      const svg = this.figure.querySelector('svg');
      const group = svg?.querySelector(`g[data-node="n${current.node}"]`);
      group?.setAttribute('data-current', '');
      svg?.querySelector(`g[data-node="n${current.node}_op"]`)?.classList.add('graph-current-op');
      for (const [node] of current.grads) if (node !== current.node) svg?.querySelector(`g[data-node="n${node}"]`)?.classList.add('graph-filled');
      this.figure.querySelector(`tr[data-node="n${current.node}"]`)?.setAttribute('aria-current', 'step');
      if (group) this.#reveal(group);
    }
    this.figure.dataset.step = `${k}/${n}`;
    const words = k === 0 ? `Step 0 of ${n}: every grad is ${data.zero}. Press Step backward() to run it one node at a time.` : `Step ${k} of ${n}: ${current.text}`;
    const said = this.figure.querySelector('[data-graph-step]');
    if (said) said.textContent = words;
    this.figure.querySelectorAll<HTMLElement>('[data-graph-steps] li').forEach((item, i) => {
      item.hidden = i >= k;
      if (i === k - 1) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
  }

  /** Back before step 0: the drawing as the cell drew it. */
  #endSteps(): void {
    for (const [el, text] of this.#before) el.textContent = text;
    this.#before.clear();
    this.#clearHighlights();
    this.#step = undefined;
    delete this.figure.dataset.step;
    const said = this.figure.querySelector('[data-graph-step]');
    if (said) said.textContent = 'Stepping ended: the drawing shows its grads as drawn.';
    for (const item of this.figure.querySelectorAll<HTMLElement>('[data-graph-steps] li')) {
      item.hidden = false;
      item.removeAttribute('aria-current');
    }
  }

  #clearHighlights(): void {
    for (const el of this.figure.querySelectorAll('[data-current]')) el.removeAttribute('data-current');
    for (const el of this.figure.querySelectorAll('[aria-current="step"]')) el.removeAttribute('aria-current');
    for (const el of this.figure.querySelectorAll('.graph-current-op, .graph-filled')) el.classList.remove('graph-current-op', 'graph-filled');
  }

  /** Pans a zoomed drawing so that a node is in view. */
  #reveal(node: Element): void {
    const view = this.#viewport.getBoundingClientRect();
    const at = node.getBoundingClientRect();
    if (at.left >= view.left && at.right <= view.right && at.top >= view.top && at.bottom <= view.bottom) return;
    const scale = this.#panzoom.getScale();
    const dx = view.left + view.width / 2 - (at.left + at.width / 2);
    const dy = view.top + view.height / 2 - (at.top + at.height / 2);
    this.#panzoom.pan(dx / scale, dy / scale, { relative: true, animate: false });
  }
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
