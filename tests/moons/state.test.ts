import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/moons/state.ts';
import { type TrainState, train } from '../../src/moons/train.ts';

let good!: TrainState;
train({ seed: 1337, lr: 1, from: 0, to: 0 }, (s) => (good = s));

describe('parseState', () => {
  it('accepts a state the training job reports, as a copy', () => {
    const parsed = parseState(structuredClone(good));
    expect(parsed).toEqual(good);
  });

  it('accepts a diverged run: its loss and scores are numbers all the same', () => {
    const diverged = { ...good, loss: Infinity, grid: good.grid.map(() => NaN) };
    expect(parseState(diverged)?.loss).toBe(Infinity);
  });

  it('rejects anything else: wrong types, counts or ranges, markup', () => {
    const bad: unknown[] = [
      null,
      'state',
      { ...good, step: 101 },
      { ...good, step: 1.5 },
      { ...good, step: '3' },
      { ...good, accuracy: 1.01 },
      { ...good, accuracy: NaN },
      { ...good, loss: '<img src=x onerror=alert(1)>' },
      { ...good, grid: good.grid.slice(1) },
      { ...good, grid: [...good.grid.slice(1), '1'] },
      { ...good, params: [...good.params, 0] },
      { ...good, params: undefined },
    ];
    for (const data of bad) expect(parseState(data)).toBeNull();
  });

  it('keeps nothing but the five fields', () => {
    expect(Object.keys(parseState({ ...good, html: '<b>' }) ?? {})).toEqual(['step', 'loss', 'accuracy', 'grid', 'params']);
  });
});
