// The live moons demo: a trusted worker of the page (training-worker.ts) holds the model and
// trains it; this page script sends it one request at a time and draws each state it reports. The
// page keeps what a new worker needs (seed, data set, learning rate, the state shown), so a worker
// ended at the time limit loses nothing.

import { DEFAULT_SEED } from '../../lib/random.ts';
import { accuracySvg, formatAccuracy, formatLoss, lossSvg, pointsSvg, tint, vote } from './picture.ts';
import type { FromWorker, ToWorker } from './training-worker.ts';
import TrainingWorker from './training-worker.ts?worker';
import { COLS, type MoonsData, ROWS, STEPS, type TrainState, moonsData } from './training.ts';

/** A step takes milliseconds: a worker silent for this long is ended. */
const LIMIT_MS = 5_000;
/** Play trains in requests of about this long, so that Pause takes effect within it. */
const CHUNK_MS = 100;
const MAX_SEED = 2 ** 32 - 1;

type Action = 'play' | 'pause' | 'step' | 'reset';
/** A request as the page writes it, each kind without its id (#send numbers it). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = Unnumbered<ToWorker>;

class MoonsDemo {
  readonly root: HTMLElement;
  readonly #canvas: HTMLCanvasElement;
  readonly #image: ImageData;
  #seed = DEFAULT_SEED;
  /** The data set trained on: micrograd's for the seed, or any other points and labels. */
  #data: MoonsData = moonsData(DEFAULT_SEED);
  #lr = 1;
  /** The state shown: the latest the worker reported, or the build's untrained model. */
  #state: TrainState;
  #losses: number[] = [];
  #accuracies: number[] = [];
  #worker: Worker | undefined;
  #ready = false;
  #nextId = 1;
  /** The request the worker is on (the page sends one at a time) and its deadline. */
  #request: { id: number; answer: (answered: boolean) => void; timer?: ReturnType<typeof setTimeout> } | undefined;
  /** Actions run one after another, each once the ones before it are done. */
  #queue: Promise<void> = Promise.resolve();
  /** Set while Play is wanted; Pause, Step, Reset and a new seed clear it, and Play's loop stops. */
  #playing: object | undefined;
  #drawing = false;

  constructor(root: HTMLElement) {
    this.root = root;
    this.#canvas = root.querySelector('canvas')!;
    this.#image = new ImageData(COLS, ROWS);
    this.#state = JSON.parse(root.querySelector('[data-start]')!.textContent!) as TrainState;
    root.querySelector('[data-layer="cells"]')!.replaceChildren();
    this.#canvas.hidden = false;
    root.querySelector<HTMLElement>('.moons-controls')!.hidden = false;
    this.#show(this.#state);
  }

  get seed(): number {
    return this.#seed;
  }

  act(action: Action): Promise<void> | undefined {
    if (action === 'play') return this.#play();
    this.#stopPlaying();
    if (action === 'step') return this.#then(() => this.#step());
    if (action === 'reset') return this.#then(() => this.#reset());
  }

  /** Applies from the next step: at once while playing, else on Play or Step. */
  setLearningRate(lr: number): void {
    this.#lr = lr;
    if (this.#playing) return;
    const next = this.#state.step === STEPS ? 'press Play to train again with it' : 'press Play or Step';
    this.#status(`Learning rate ×${lr} from the next step: ${next}.`);
  }

  setSeed(seed: number): Promise<void> {
    this.#stopPlaying();
    return this.#then(async () => {
      this.#seed = seed;
      this.#setData(moonsData(seed));
      this.#status('');
      await this.#load();
    });
  }

  #play(): Promise<void> | undefined {
    if (this.#playing) return;
    const run = (this.#playing = {});
    this.#buttons();
    return this.#then(async () => {
      if (this.#playing !== run) return; // paused before its turn came
      this.#status('');
      if (this.#state.step === STEPS && !(await this.#load())) return this.#stopPlaying();
      const from = this.#state.step;
      const started = performance.now();
      let answered = true;
      while (answered && this.#playing === run && this.#state.step < STEPS) {
        answered = await this.#train(STEPS - this.#state.step, CHUNK_MS);
      }
      if (this.#playing === run) {
        this.#stopPlaying();
        if (answered) this.#status(`Trained ${STEPS - from} steps in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      } else if (answered && !this.#playing) {
        this.#status(`Paused at step ${this.#state.step}.`);
      }
    });
  }

  async #step(): Promise<void> {
    this.#status('');
    if (this.#state.step === STEPS) this.#status(`All ${STEPS} steps are done: Reset to start again.`);
    else await this.#train(1, 0);
  }

  async #reset(): Promise<void> {
    this.#status('');
    this.#setData(moonsData(this.#seed));
    // Before any training there is nothing to undo, and no worker to start.
    if (this.#worker || this.#state.step > 0) await this.#load();
  }

  #stopPlaying(): void {
    this.#playing = undefined;
    this.#buttons();
  }

  #then(action: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(action);
    return this.#queue;
  }

  #setData(data: MoonsData): void {
    this.#data = data;
    this.root.querySelector('[data-layer="points"]')!.innerHTML = pointsSvg(data.X, data.y);
  }

  /** The untrained model of the seed, on the data set. */
  #load(): Promise<boolean> {
    return this.#send({ type: 'load', seed: this.#seed, data: this.#data });
  }

  async #train(steps: number, budgetMs: number): Promise<boolean> {
    if (!this.#worker) {
      // A new worker (the first, or one after the time limit) carries on from the state shown.
      const { step, params } = this.#state;
      const resume = step > 0 ? { step, params } : undefined;
      if (!(await this.#send({ type: 'load', seed: this.#seed, data: this.#data, resume }))) return false;
    }
    return this.#send({ type: 'train', steps, lr: this.#lr, budgetMs });
  }

  /** Sends one request; resolves once the worker is done with it (true), or failed or ran out of time (false, and the status says which). */
  #send(request: Request): Promise<boolean> {
    const id = this.#nextId++;
    const worker = (this.#worker ??= this.#start());
    return new Promise<boolean>((answer) => {
      this.#request = { id, answer };
      // The clock starts once the worker has loaded: its download is not a step's time.
      if (this.#ready) this.#arm();
      worker.postMessage({ ...request, id } as ToWorker);
    });
  }

  #start(): Worker {
    const worker = new TrainingWorker();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (worker === this.#worker) this.#receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      this.#drop();
      this.#fail(`The training worker failed: ${event.message || 'it could not start'}.`);
    });
    this.#ready = false;
    return worker;
  }

  #receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.#ready = true;
      if (this.#request) this.#arm();
      return;
    }
    const request = this.#request;
    if (message.id !== request?.id) return;
    this.#arm(); // it is making progress: the clock starts again
    if (message.type === 'state') this.#show(message.state);
    else if (message.type === 'done') this.#answer(true);
    else this.#fail(`Training failed: ${message.message}`);
  }

  #arm(): void {
    const request = this.#request;
    if (!request) return;
    clearTimeout(request.timer);
    request.timer = setTimeout(() => {
      // The only way to stop a step is to end the worker; the next request starts another.
      this.#drop();
      this.#fail(`Stopped: a training step took longer than ${LIMIT_MS / 1000} s.`);
    }, LIMIT_MS);
  }

  #fail(message: string): void {
    this.#status(message);
    this.#stopPlaying();
    this.#answer(false);
  }

  #answer(answered: boolean): void {
    const request = this.#request;
    if (!request) return;
    clearTimeout(request.timer);
    this.#request = undefined;
    request.answer(answered);
  }

  #drop(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = false;
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
    this.root.toggleAttribute('data-playing', this.#playing !== undefined);
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
  const note = root.querySelector('[data-seed-note]')!;
  root.querySelector('[data-control="seed"]')!.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const text = input.value.trim();
    const seed = Number(text);
    if (text !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) {
      note.textContent = '';
      void demo.setSeed(seed);
    } else {
      // A number input reports text it cannot read as empty: name the rule rather than the text.
      note.textContent = `A seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}; still seed ${demo.seed}.`;
      input.value = String(demo.seed);
    }
  });
}
