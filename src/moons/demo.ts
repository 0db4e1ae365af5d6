// The live moons demo: a trusted worker of the page (training-worker.ts) holds the model and
// trains it; this page script sends it one request at a time and draws each state it reports. The
// page keeps what a new worker needs (seed, data set, learning rate, the state shown), so a worker
// ended at the time limit loses nothing.
//
// The reader's own data: a click adds a point of the chosen class, a click on a point removes it,
// and a grid cursor does the same from the keyboard (points.ts has the arithmetic). A point's
// graph (its score through the network, after backward()) is made in the worker and shown large
// in the graph viewer. The demo's state goes into share links (src/cells/page-state.ts).

import { DEFAULT_SEED } from '../../lib/random.ts';
import { registerWidget, widgetChanged } from '../cells/page-state.ts';
import type { CellResult } from '../runner/session.ts';
import { accuracySvg, formatAccuracy, formatLoss, lossSvg, pointsSvg, tint, vote } from './picture.ts';
import {
  type Cursor,
  type Label,
  NO_EDITS,
  type PointEdits,
  addPoint,
  applyEdits,
  cellCentre,
  cellOf,
  checkEdits,
  className,
  coordinate,
  count,
  hasEdits,
  moveCursor,
  nearestPoint,
  pointsInCell,
  removePoint,
} from './points.ts';
import type { FromWorker, ToWorker } from './training-worker.ts';
import TrainingWorker from './training-worker.ts?worker';
import { COLS, type MoonsData, ROWS, STEPS, type TrainState, VIEW, moonsData } from './training.ts';

/** A step takes milliseconds: a worker silent for this long is ended. */
const LIMIT_MS = 5_000;
/** Play trains in requests of about this long, so that Pause takes effect within it. */
const CHUNK_MS = 100;
const MAX_SEED = 2 ** 32 - 1;
/** The learning rates the demo offers (its select's options), ×micrograd's. */
const RATES = [0.1, 0.3, 1, 3, 10];
/** A click this close to a point (CSS pixels) is on it. */
const HIT_PX = 9;
/** Laying out a point's graph (about a thousand values) may take Graphviz this long. */
const LAYOUT_MS = 60_000;

/** "an orange (−1)", "a blue (+1)". */
const article = (words: string) => `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;

type Action = 'play' | 'pause' | 'step' | 'reset' | 'inspect' | 'clear';

/** What a share link carries of the demo. */
interface SharedMoons extends PointEdits {
  seed: number;
  lr: number;
  step: number;
}
/** A request as the page writes it, each kind without its id (#send numbers it). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = Unnumbered<ToWorker>;

class MoonsDemo {
  readonly root: HTMLElement;
  readonly #canvas: HTMLCanvasElement;
  readonly #image: ImageData;
  #seed = DEFAULT_SEED;
  /** micrograd's data set for the seed. */
  #base: MoonsData = moonsData(DEFAULT_SEED);
  /** The reader's changes to it. */
  #edits: PointEdits = NO_EDITS;
  /** The data set trained on: the seed's, with the reader's changes. */
  #data: MoonsData = this.#base;
  /** The data set changed since the worker last loaded it. */
  #dirty = false;
  #cursor: Cursor = { col: COLS / 2, row: Math.floor(ROWS / 2) };
  /** Set while a click (or the cursor's Enter) picks a point to inspect instead of removing it. */
  #inspecting = false;
  /** A point's graph, as the worker last sent it. */
  #graph: Extract<FromWorker, { type: 'graph' }> | undefined;
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
    for (const part of root.querySelectorAll<HTMLElement>('.moons-controls, .moons-edit, .moons-edit-how')) part.hidden = false;
    // The plot takes keys once the page's script runs: a grid cursor to add and remove points.
    const plot = this.#plot;
    plot.tabIndex = 0;
    plot.setAttribute('role', 'application');
    plot.setAttribute('aria-roledescription', 'plot');
    plot.setAttribute(
      'aria-label',
      "Your data: arrow keys move a cursor (Shift: five cells; Home, End, Page Up and Page Down to the edges), Enter adds a point of the chosen class, Delete removes one, I shows a point's graph",
    );
    plot.setAttribute('aria-describedby', 'moons-cursor');
    this.#show(this.#state);
  }

  get seed(): number {
    return this.#seed;
  }

  /** The cursor shows while the plot has focus, and says where it is as it gets focus. */
  focusPlot(focused: boolean): void {
    this.#drawCursor(focused);
  }

  get #plot(): HTMLElement {
    return this.root.querySelector<HTMLElement>('.moons-plot')!;
  }

  act(action: Action): Promise<void> | undefined {
    if (action === 'play') return this.#play();
    if (action === 'inspect') return void this.#setInspecting(!this.#inspecting);
    this.#stopPlaying();
    if (action === 'step') return this.#then(() => this.#step());
    if (action === 'reset') return this.#then(() => this.#reset());
    if (action === 'clear') return this.#edit({ removed: this.#base.X.map((_, i) => i), added: [] }, 'Removed every point: click the plot (or use its cursor) to add your own.');
  }

  /** Applies from the next step: at once while playing, else on Play or Step. */
  setLearningRate(lr: number): void {
    this.#lr = lr;
    widgetChanged();
    if (this.#playing) return;
    const next = this.#state.step === STEPS ? 'press Play to train again with it' : 'press Play or Step';
    this.#status(`Learning rate ×${lr} from the next step: ${next}.`);
  }

  setSeed(seed: number): Promise<void> {
    this.#stopPlaying();
    return this.#then(async () => {
      const dropped = count(this.#edits, this.#base.X.length) !== this.#base.X.length || hasEdits(this.#edits);
      this.#seed = seed;
      this.#base = moonsData(seed);
      this.#setEdits(NO_EDITS);
      this.#status(dropped ? `Seed ${seed}: its own ${this.#base.X.length} points, in place of your changed ones.` : '');
      await this.#load();
    });
  }

  // ---- The reader's own data -------------------------------------------------------------

  /** A click on the plot: a point there is removed (or inspected), elsewhere one is added. */
  click(event: MouseEvent): void {
    const svg = this.root.querySelector('.moons-plot svg')!;
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = VIEW.x0 + ((event.clientX - box.left) / box.width) * (VIEW.x1 - VIEW.x0);
    const y = VIEW.y1 - ((event.clientY - box.top) / box.height) * (VIEW.y1 - VIEW.y0);
    const radius = (HIT_PX / box.width) * (VIEW.x1 - VIEW.x0);
    const hit = nearestPoint(this.#data, x, y, radius);
    this.#cursor = cellOf(x, y);
    if (this.#inspecting) {
      if (hit >= 0) void this.inspect(hit);
      else this.#status('No point there: click a point to see its graph, or press Inspect a point again to stop.');
    } else if (hit >= 0) {
      void this.#remove(hit);
    } else {
      void this.#add(x, y);
    }
  }

  /**
   * The grid cursor: arrows move it (Shift: 5 cells), Home and End to a row's ends, Page Up and
   * Page Down to the top and bottom rows; Enter or Space adds, Delete removes, I inspects.
   */
  key(event: KeyboardEvent): void {
    const far = Math.max(COLS, ROWS);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      Home: [-far, 0],
      End: [far, 0],
      PageUp: [0, -far],
      PageDown: [0, far],
    };
    const move = moves[event.key];
    const here = () => pointsInCell(this.#data, this.#cursor);
    if (move) {
      const by = event.shiftKey && event.key.startsWith('Arrow') ? 5 : 1;
      this.#cursor = moveCursor(this.#cursor, move[0] * by, move[1] * by);
      this.#drawCursor(true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (this.#inspecting) {
        const [point] = here();
        if (point === undefined) this.#say('No point here to inspect.');
        else void this.inspect(point);
      } else {
        const [x, y] = cellCentre(this.#cursor);
        void this.#add(x, y);
      }
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      const [point] = here();
      if (point === undefined) this.#say('No point here to remove.');
      else void this.#remove(point);
    } else if (event.key === 'i' || event.key === 'I') {
      const [point] = here();
      if (point === undefined) this.#say('No point here to inspect.');
      else void this.inspect(point);
    } else if (event.key === 'Escape' && this.#inspecting) {
      this.#setInspecting(false);
    } else {
      return;
    }
    event.preventDefault();
  }

  /** Shows or hides the cursor (the plot has focus) and says what is under it. */
  #drawCursor(announce: boolean): void {
    const layer = this.root.querySelector('[data-layer="cursor"]')!;
    const focused = this.#plot.matches(':focus-visible, :focus');
    const { col, row } = this.#cursor;
    layer.innerHTML = focused ? `<rect x="${col * 10}" y="${row * 10}" width="10" height="10" fill="none" stroke="currentColor" stroke-width="2"/>` : '';
    if (announce) this.#say(this.#describeCursor());
  }

  #describeCursor(): string {
    const [x, y] = cellCentre(this.#cursor);
    const points = pointsInCell(this.#data, this.#cursor);
    const score = this.#state.grid[this.#cursor.row * COLS + this.#cursor.col];
    const here = points.length === 0 ? 'no point' : points.length === 1 ? `${article(className(this.#data.y[points[0]]))} point` : `${points.length} points, the nearest ${className(this.#data.y[points[0]])}`;
    const verdict = Number.isFinite(score) ? `the model says ${className(score)}, score ${score.toFixed(2).replace('-', '−')}` : 'the model has no verdict';
    return `x ${coordinate(x)}, y ${coordinate(y)}: ${here}; ${verdict}.`;
  }

  /** The chosen class for new points. */
  get #label(): Label {
    const checked = this.root.querySelector<HTMLInputElement>('[data-control="class"]:checked');
    return checked?.value === '1' ? 1 : -1;
  }

  #add(x: number, y: number): Promise<void> {
    let edits: PointEdits;
    try {
      edits = addPoint(this.#edits, this.#base.X.length, x, y, this.#label);
    } catch (e) {
      this.#status(`${(e as Error).message[0].toUpperCase()}${(e as Error).message.slice(1)}.`);
      return Promise.resolve();
    }
    const [, , label] = edits.added.at(-1)!;
    const n = count(edits, this.#base.X.length);
    return this.#edit(edits, `Added ${article(className(label))} point at (${coordinate(x)}, ${coordinate(y)}): ${n} points.`);
  }

  #remove(index: number): Promise<void> {
    const [x, y] = this.#data.X[index];
    const label = this.#data.y[index];
    const edits = removePoint(this.#edits, this.#base.X.length, index);
    const n = count(edits, this.#base.X.length);
    return this.#edit(edits, `Removed ${article(className(label))} point at (${coordinate(x)}, ${coordinate(y)}): ${n} ${n === 1 ? 'point' : 'points'}.`);
  }

  /** New data, trained on from the next step: shown at once, its loss measured once the worker has it. */
  #edit(edits: PointEdits, said: string): Promise<void> {
    this.#setEdits(edits);
    const { step } = this.#state;
    const next =
      this.#data.X.length === 0 ? '' : this.#playing ? '' : step === STEPS ? ' Play trains again from step 0 on them.' : step > 0 ? ' Play or Step goes on training on them.' : '';
    this.#status('');
    this.#say(`${said}${next}`);
    if (this.#playing) return Promise.resolve(); // Play's next request brings the worker the new data
    return this.#then(async () => {
      if (this.#dirty && this.#data.X.length > 0) await this.#loaded();
    });
  }

  #setInspecting(on: boolean): void {
    this.#inspecting = on;
    this.root.querySelector('[data-action="inspect"]')!.setAttribute('aria-pressed', String(on));
    this.root.toggleAttribute('data-inspecting', on);
    this.#status(on ? 'Click a point (or move the cursor to one and press Enter) to see its graph; Escape stops.' : '');
  }

  /** Point `index`'s graph: its score through the model as it is now, after backward(), shown large. */
  async inspect(index: number): Promise<void> {
    this.#setInspecting(false);
    const point = this.#data.X[index];
    const label = this.#data.y[index];
    if (!point) return;
    if (this.#playing) this.#stopPlaying();
    this.#graph = undefined;
    const where = `(${coordinate(point[0])}, ${coordinate(point[1])})`;
    this.#status(`Drawing the graph of the ${className(label)} point at ${where}…`);
    let drawn = false;
    await this.#then(async () => {
      drawn = (await this.#loaded()) && (await this.#send({ type: 'inspect', point }));
    });
    const graph = this.#graph as Extract<FromWorker, { type: 'graph' }> | undefined;
    if (!drawn || !graph) return;
    const output = this.root.querySelector<HTMLElement>('[data-inspect-output]')!;
    try {
      const [{ renderResult }, { pageLayout }, { prepareGraphs }] = await Promise.all([
        import('../runner/render.ts'),
        import('../graphs/layout.ts'),
        import('../graphs/prepare.ts'),
      ]);
      const result: CellResult = { logs: [], dropped: 0, value: { kind: 'graph', dot: graph.dot, graph: graph.graph }, error: null };
      const html = await renderResult(result, (dot) => pageLayout(dot, LAYOUT_MS));
      const heading = document.createElement('p');
      heading.className = 'moons-inspect-title';
      heading.textContent = `The ${className(label)} point at ${where}, at step ${this.#state.step}: its score ${graph.score.toFixed(4).replace('-', '−')} through the network, with the gradients backward() gave every value.`;
      output.replaceChildren(heading);
      output.insertAdjacentHTML('beforeend', html);
      output.hidden = false;
      prepareGraphs(output);
      this.#status(`The graph of the point at ${where}: ${graph.graph.values.length.toLocaleString('en-US')} values.`);
      const figure = output.querySelector<HTMLElement>('[data-graph]');
      if (figure) await (await import('../graphs/view.ts')).showLarge(figure);
    } catch (e) {
      this.#status(`The point's graph could not be drawn: ${e instanceof Error ? e.message : String(e)}.`);
    }
  }

  // ---- Share links -----------------------------------------------------------------------

  /** The demo's state for a share link; undefined while it is the book's (seed, rate and points). */
  shareState(): SharedMoons | undefined {
    if (this.#seed === DEFAULT_SEED && this.#lr === 1 && !hasEdits(this.#edits)) return undefined;
    return { seed: this.#seed, lr: this.#lr, step: this.#state.step, ...this.#edits };
  }

  summary(): string {
    const { added, removed } = this.#edits;
    const changes = [added.length ? `${added.length} added` : '', removed.length ? `${removed.length} removed` : ''].filter(Boolean);
    const parts = [`${this.#data.X.length} points${changes.length ? ` (${changes.join(', ')})` : ''}`];
    if (this.#seed !== DEFAULT_SEED) parts.push(`seed ${this.#seed}`);
    if (this.#lr !== 1) parts.push(`learning rate ×${this.#lr}`);
    return `the moons demo with ${parts.join(', ')}`;
  }

  /** A link's state: its seed, rate and points, trained from the seed's initial weights to its step. */
  async applyShared(value: unknown): Promise<string | undefined> {
    const fail = (why: string) => `The link's moons demo could not be used (${why}); the demo shows the book's.`;
    if (typeof value !== 'object' || value === null) return fail('it is not a state');
    const { seed, lr, step } = value as Partial<SharedMoons>;
    if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > MAX_SEED) return fail(`seed ${JSON.stringify(seed)}`);
    if (!RATES.includes(lr as number)) return fail(`learning rate ${JSON.stringify(lr)}`);
    if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > STEPS) return fail(`step ${JSON.stringify(step)}`);
    const base = moonsData(seed as number);
    const edits = checkEdits(value, base.X.length);
    if (typeof edits === 'string') return fail(edits);
    this.#stopPlaying();
    await this.#then(async () => {
      this.#seed = seed as number;
      this.#base = base;
      this.#setEdits(edits);
      this.#lr = lr as number;
      this.root.querySelector<HTMLInputElement>('[data-control="seed"]')!.value = String(seed);
      this.root.querySelector<HTMLSelectElement>('[data-control="lr"]')!.value = String(lr);
      if (!(await this.#load())) return;
      while (this.#state.step < (step as number)) {
        if (!(await this.#train((step as number) - this.#state.step, CHUNK_MS))) return;
      }
      this.#status(`From the link: ${this.summary().replace('the moons demo with ', '')}, trained to step ${this.#state.step} from the seed's initial weights.`);
    });
    return undefined;
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
    const edited = hasEdits(this.#edits);
    this.#setEdits(NO_EDITS);
    if (edited) this.#say(`The original ${this.#data.X.length} points are back.`);
    // Before any training there is nothing to undo, and no worker to start.
    if (this.#worker || this.#state.step > 0 || edited) await this.#load();
  }

  #stopPlaying(): void {
    this.#playing = undefined;
    this.#buttons();
  }

  #then(action: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(action);
    return this.#queue;
  }

  #setEdits(edits: PointEdits): void {
    this.#edits = edits;
    this.#data = applyEdits(this.#base, edits);
    this.#dirty = true;
    this.root.querySelector('[data-layer="points"]')!.innerHTML = pointsSvg(this.#data.X, this.#data.y);
    this.root.dataset.points = String(this.#data.X.length);
    this.root.querySelector('.moons-plot svg')!.setAttribute('aria-label', `The model's decision boundary and the ${this.#data.X.length} points`);
    this.root.querySelector('[data-out="point-count"]')!.textContent = String(this.#data.X.length);
    widgetChanged();
  }

  /** The untrained model of the seed, on the data set. */
  #load(): Promise<boolean> {
    if (!this.#trainable()) return Promise.resolve(false);
    this.#dirty = false;
    return this.#send({ type: 'load', seed: this.#seed, data: this.#data });
  }

  #trainable(): boolean {
    if (this.#data.X.length > 0) return true;
    this.#status('There are no points to train on: click the plot (or use its cursor) to add some.');
    this.#stopPlaying();
    return false;
  }

  /** The worker holds the model shown, on the data set as it is now; a new worker (the first, or one after the time limit) carries on from the state shown. */
  async #loaded(): Promise<boolean> {
    if (this.#worker && !this.#dirty) return true;
    if (!this.#trainable()) return false;
    const { step, params } = this.#state;
    const resume = step > 0 ? { step, params } : undefined;
    this.#dirty = false;
    const loaded = await this.#send({ type: 'load', seed: this.#seed, data: this.#data, resume });
    if (!loaded) this.#dirty = true;
    return loaded;
  }

  async #train(steps: number, budgetMs: number): Promise<boolean> {
    if (!(await this.#loaded())) return false;
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
    else if (message.type === 'graph') this.#graph = message;
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
    this.#drawCursor(false);
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

  /** Says something to a screen reader (and under the plot): what changed, what the cursor is on. */
  #say(text: string): void {
    this.root.querySelector('[data-cursor-says]')!.textContent = text;
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
    // A graph's own controls (the inspected point's) belong to the graph viewer.
    if (button && !button.closest('[data-graph]')) void demo.act(button.dataset.action as Action);
  });
  const plot = root.querySelector<HTMLElement>('.moons-plot')!;
  plot.addEventListener('click', (event) => demo.click(event));
  plot.addEventListener('keydown', (event) => demo.key(event));
  plot.addEventListener('focus', () => demo.focusPlot(true));
  plot.addEventListener('blur', () => demo.focusPlot(false));
  registerWidget({ name: 'moons', state: () => demo.shareState(), apply: (state) => demo.applyShared(state), summary: () => demo.summary() });
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
