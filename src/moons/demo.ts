// The live moons demo: trains in the sandbox's worker (src/moons/train.ts) and draws each state
// it reports. What comes back from the sandbox is untrusted: parseState keeps numbers only, and
// the page draws them itself.

import { DEFAULT_SEED } from '../../lib/random.ts';
import { type Outcome, Sandbox } from '../sandbox/sandbox.ts';
import { tint, vote } from './colors.ts';
import { accuracySvg, lossSvg } from './curves.ts';
import { pointsSvg } from './picture.ts';
import { formatAccuracy, formatLoss } from './readout.ts';
import { parseState } from './state.ts';
import { STEPS, type TrainJob, type TrainState, moonsData } from './train.ts';
import { COLS, ROWS } from './view.ts';

/** 100 steps take about a second; a slow device gets plenty more. */
const PLAY_LIMIT_MS = 30_000;
const STEP_LIMIT_MS = 5_000;
const MAX_SEED = 2 ** 32 - 1;

let sandbox: Sandbox | undefined;

type Action = 'play' | 'pause' | 'step' | 'reset';

class MoonsDemo {
  readonly root: HTMLElement;
  readonly #canvas: HTMLCanvasElement;
  readonly #image: ImageData;
  /** The untrained model's state, by seed: what Reset goes back to. */
  readonly #starts = new Map<number, TrainState>();
  #seed = DEFAULT_SEED;
  #lr = 1;
  #state: TrainState;
  #losses: number[] = [];
  #accuracies: number[] = [];
  /** The training run going on, if any: whether Play started it, and its end. */
  #run: { id: number; playing: boolean; done: Promise<void> } | undefined;
  #playQueued = false;
  /** Bumped by Pause: a Play still waiting its turn from before then does not start. */
  #pauses = 0;
  #drawing = false;

  constructor(root: HTMLElement) {
    this.root = root;
    this.#canvas = root.querySelector('canvas')!;
    this.#image = new ImageData(COLS, ROWS);
    this.#state = JSON.parse(root.querySelector('[data-start]')!.textContent!) as TrainState;
    this.#starts.set(DEFAULT_SEED, this.#state);
    root.querySelector('[data-cells]')!.replaceChildren();
    this.#canvas.hidden = false;
    root.querySelector<HTMLElement>('.moons-controls')!.hidden = false;
    this.#show(this.#state);
  }

  act(action: Action): Promise<void> {
    switch (action) {
      case 'play':
        return this.#play();
      case 'pause':
        this.#pauses++;
        this.#playQueued = false;
        return this.#run?.playing ? this.#stop() : Promise.resolve();
      case 'step':
        return this.#step();
      case 'reset':
        return this.#reset();
    }
  }

  setLearningRate(lr: number): void {
    this.#lr = lr;
    // A run in progress carries on from where it is, at the new rate.
    if (!this.#run?.playing) return;
    const pauses = this.#pauses;
    void this.#stop().then(() => {
      if (pauses === this.#pauses) return this.#play(); // unless Pause came meanwhile
    });
  }

  get seed(): number {
    return this.#seed;
  }

  setSeed(seed: number): Promise<void> {
    this.#seed = seed;
    const { X, y } = moonsData(seed);
    this.root.querySelector('[data-points]')!.innerHTML = pointsSvg(X, y);
    return this.#reset();
  }

  async #play(): Promise<void> {
    if (this.#run?.playing || this.#playQueued) return;
    // Play starts after the steps (or a new seed's start) already asked for; once, however often clicked.
    this.#playQueued = true;
    const pauses = this.#pauses;
    while (this.#run) await this.#run.done;
    if (pauses !== this.#pauses) return; // paused meanwhile
    this.#playQueued = false;
    if (this.#state.step === STEPS) await this.#reset();
    const from = this.#state.step;
    const started = performance.now();
    const outcome = await this.#train(STEPS, PLAY_LIMIT_MS, from, true);
    if (outcome === 'done') {
      const seconds = (performance.now() - started) / 1000;
      this.#status(`Trained ${STEPS - from} steps in ${seconds.toFixed(1)} s.`);
    }
  }

  async #step(): Promise<void> {
    if (this.#run?.playing) await this.#stop();
    // Each click takes its turn: the loop ends with no run going, and #train starts one at once.
    while (this.#run) await this.#run.done;
    if (this.#state.step === STEPS) {
      this.#status(`All ${STEPS} steps are done: Reset to start again.`);
      return;
    }
    await this.#train(this.#state.step + 1, STEP_LIMIT_MS);
  }

  async #stop(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    sandbox?.stop(run.id);
    await run.done;
  }

  async #reset(): Promise<void> {
    await this.#stop();
    this.#losses = [];
    this.#accuracies = [];
    const known = this.#starts.get(this.#seed);
    if (known) {
      this.#show(known);
      this.#status('');
      return;
    }
    // A new seed: the sandbox works out its untrained model.
    await this.#train(0, STEP_LIMIT_MS, 0);
  }

  /** Trains from the current state to step `to`; resolves with how the run ended. */
  async #train(to: number, limitMs: number, from = this.#state.step, playing = false): Promise<Outcome['kind']> {
    const job: TrainJob = { seed: this.#seed, lr: this.#lr, from, to, params: from > 0 ? this.#state.params : undefined };
    sandbox ??= new Sandbox();
    const { id, outcome } = sandbox.train(job, limitMs, (data) => {
      const state = parseState(data);
      if (this.#run?.id !== id || !state || state.step < from || state.step > to) return;
      if (state.step === 0) this.#starts.set(job.seed, state);
      this.#show(state);
    });
    let end!: Outcome;
    const done = outcome.then((o) => void (end = o));
    this.#run = { id, playing, done };
    this.#buttons();
    this.#status('');
    await done;
    if (this.#run?.id === id) this.#run = undefined;
    this.#buttons();
    if (end.kind === 'timeout') this.#status(`Stopped: training took longer than ${limitMs / 1000} s.`);
    else if (end.kind === 'crashed') this.#status(`The sandbox failed: ${end.message}`);
    else if (end.kind === 'stopped') this.#status(`Paused at step ${this.#state.step}.`);
    return end.kind;
  }

  #show(state: TrainState): void {
    this.#state = state;
    this.#losses[state.step] = state.loss;
    this.#accuracies[state.step] = state.accuracy;
    this.#losses.length = this.#accuracies.length = state.step + 1;
    this.root.dataset.step = String(state.step);
    this.root.dataset.accuracy = String(state.accuracy);
    if (!this.#drawing) {
      this.#drawing = true;
      requestAnimationFrame(() => this.#draw());
    }
  }

  /** At most once a frame, however fast the states come. */
  #draw(): void {
    this.#drawing = false;
    const { step, loss, accuracy, grid } = this.#state;
    grid.forEach((score, i) => {
      this.#image.data.set([...tint(vote(score)), 255], i * 4);
    });
    this.#canvas.getContext('2d')?.putImageData(this.#image, 0, 0);
    this.root.querySelector('[data-curve="loss"]')!.innerHTML = lossSvg(this.#losses);
    this.root.querySelector('[data-curve="accuracy"]')!.innerHTML = accuracySvg(this.#accuracies);
    this.#out('step', String(step));
    this.#out('loss', formatLoss(loss));
    this.#out('accuracy', formatAccuracy(accuracy));
  }

  #out(name: string, text: string): void {
    this.root.querySelector(`[data-out="${name}"]`)!.textContent = text;
  }

  #status(text: string): void {
    this.root.querySelector('.moons-status')!.textContent = text;
  }

  /** Marks Play's run for the buttons' looks; every button stays clickable, harmless when it has nothing to do. */
  #buttons(): void {
    this.root.toggleAttribute('data-playing', this.#run?.playing === true);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-demo="moons"]')) {
  const demo = new MoonsDemo(root);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
    if (button) void demo.act(button.dataset.action as Action);
  });
  root.querySelector('[data-control="lr"]')!.addEventListener('change', (event) => {
    demo.setLearningRate(Number((event.target as HTMLSelectElement).value));
  });
  root.querySelector('[data-control="seed"]')!.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const seed = Number(input.value);
    if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) void demo.setSeed(seed);
    else input.value = String(demo.seed);
  });
}
