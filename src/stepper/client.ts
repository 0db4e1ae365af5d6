// The backward stepper in the page: shows the walk the build recorded (src/stepper/steps.ts) one
// step at a time: each node's grad field, the nodes the step works on, and the steps so far.

import type { Walk } from './steps.ts';

type Action = 'next' | 'prev' | 'reset';
const KEYS: Record<string, Action> = { ArrowRight: 'next', ArrowLeft: 'prev', Home: 'reset' };

class Stepper {
  readonly #root: HTMLElement;
  readonly #walk: Walk;
  readonly #items: HTMLElement[];
  #position = 0;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#walk = JSON.parse(root.querySelector('[data-walk]')!.textContent!) as Walk;
    this.#items = [...root.querySelectorAll<HTMLElement>('[data-steps] li')];
    root.querySelector<HTMLElement>('.stepper-controls')!.hidden = false;
    this.#show(0);
  }

  act(action: Action): void {
    const last = this.#walk.steps.length;
    if (action === 'next') this.#show(Math.min(this.#position + 1, last));
    else if (action === 'prev') this.#show(Math.max(this.#position - 1, 0));
    else this.#show(0);
  }

  #node(name: string): Element | null {
    return this.#root.querySelector(`[data-node="${name}"]`);
  }

  /** Scrolls the graph sideways, if need be, to bring a node into view. */
  #reveal(node: Element | null): void {
    const graph = this.#root.querySelector('.stepper-graph')!;
    if (!node) return;
    const box = graph.getBoundingClientRect();
    const at = node.getBoundingClientRect();
    if (at.left < box.left || at.right > box.right) graph.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
  }

  #show(position: number): void {
    this.#position = position;
    this.#walk.grads[position].forEach((grad, i) => {
      const field = this.#node(`n${i}`)?.querySelector('[data-grad]');
      if (field) field.textContent = `grad ${grad.toFixed(4)}`;
    });
    for (const el of this.#root.querySelectorAll('.stepper-from, .stepper-to')) el.classList.remove('stepper-from', 'stepper-to');
    const step = this.#walk.steps[position - 1];
    if (step) {
      if (step.node !== null) for (const name of [`n${step.node}`, `n${step.node}_op`]) this.#node(name)?.classList.add('stepper-from');
      for (const i of step.filled) this.#node(`n${i}`)?.classList.add('stepper-to');
      this.#reveal(this.#node(`n${step.filled[0]}`));
    }
    this.#items.forEach((item, i) => {
      item.hidden = i >= position;
      if (i === position - 1) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    const total = this.#walk.steps.length;
    this.#root.querySelector('[data-position]')!.textContent =
      position === 0 ? `Step 0 of ${total}: every grad is 0` : `Step ${position} of ${total}`;
    this.#root.querySelector('[data-announce]')!.textContent = step ? `Step ${position} of ${total}. ${step.rule}` : 'Every grad is 0.';
    // For the buttons' looks only: at either end a click is harmless, so none is ever disabled.
    this.#root.toggleAttribute('data-first', position === 0);
    this.#root.toggleAttribute('data-last', position === total);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-stepper]')) {
  const stepper = new Stepper(root);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
    if (button) stepper.act(button.dataset.action as Action);
  });
  // Arrow keys step while a button has focus (in the graph they scroll it, as usual).
  root.querySelector('.stepper-controls')!.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    const action = KEYS[key.key];
    if (!action || key.altKey || key.ctrlKey || key.metaKey) return;
    key.preventDefault();
    stepper.act(action);
  });
}
