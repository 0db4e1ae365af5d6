// A small seeded random number generator, so that every run of an example
// draws the same numbers.

// #region random
/** The seed used when none is given: why every reader sees the same numbers. */
export const DEFAULT_SEED = 1337;

/** mulberry32: a 32-bit state, fast, and random enough for initial weights. */
export class Random {
  #state: number;

  constructor(seed: number = DEFAULT_SEED) {
    if (typeof seed !== 'number' || !Number.isFinite(seed)) {
      throw new TypeError(
        `Random: seed must be a finite number, got ${String(seed)}`);
    }
    this.#state = seed >>> 0;
  }

  /** A float uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float uniform in [low, high), like Python's random.uniform. */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A standard normal sample (Box–Muller). */
  gauss(): number {
    const u = 1 - this.next(); // in (0, 1], so log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}
// #endregion random
