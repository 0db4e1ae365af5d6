// The page's own storage (src/cells/storage.ts): records keyed by page, kind and id; a storage that
// is full, disabled or holds garbage never throws out of it and loses nothing it had.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_PREFIX, hasRecords, parseKey, recordKey } from '../../src/cells/keys.ts';
import { PageStore, hashCode, isKeptEdit } from '../../src/cells/storage.ts';

/** localStorage's interface over a Map; `quota` (characters of keys and values) makes setItem throw as a full one does. */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  readonly quota: number;
  constructor(quota = Infinity) {
    this.quota = quota;
  }
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  clear() {
    this.map.clear();
  }
}

const disabled = (): Storage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('keys', () => {
  it('name kind, page and id, and read back as written, for any id', () => {
    fc.assert(
      fc.property(fc.constantFrom('edit', 'stale', 'status'), fc.constantFrom('/', '/gradients/', '/moons', '/book/training/'), fc.string(), (kind, page, id) => {
        const key = recordKey(kind, page, id);
        expect(key.startsWith(KEY_PREFIX)).toBe(true);
        expect(parseKey(key)).toEqual({ kind, page: page.endsWith('/') ? page : `${page}/`, id });
      }),
    );
  });

  it('are not confused with other keys', () => {
    for (const key of ['starlight-theme', `${KEY_PREFIX}`, `${KEY_PREFIX}edit`, `${KEY_PREFIX}edit/x`, `${KEY_PREFIX}/gradients/a`, `${KEY_PREFIX}edit/gradients/%E0%A4%A`]) {
      expect(parseKey(key)).toBeUndefined();
    }
  });

  it('tell whether a page has records, and never throw', () => {
    const storage = new MemoryStorage();
    storage.setItem('starlight-theme', 'dark');
    expect(hasRecords(() => storage, '/gradients/')).toBe(false);
    new PageStore('/gradients/', () => storage).saveEdit('a', 'x', 'y');
    expect(hasRecords(() => storage, '/gradients/')).toBe(true);
    expect(hasRecords(() => storage, '/gradients')).toBe(true);
    expect(hasRecords(() => storage, '/micrograd/')).toBe(false);
    // A page whose path begins like another's is another page.
    expect(hasRecords(() => storage, '/')).toBe(false);
    expect(hasRecords(disabled, '/gradients/')).toBe(false);
  });
});

describe('hashCode', () => {
  it('is the same for the same text and differs for a changed one', () => {
    expect(hashCode('const a = 1;')).toBe(hashCode('const a = 1;'));
    expect(hashCode('const a = 1;')).not.toBe(hashCode('const a = 2;'));
    expect(hashCode('')).toMatch(/^[0-9a-z]{1,11}$/);
  });

  it('tells apart every one-character change of a cell', () => {
    const code = "const a = new Value(2.0, { label: 'a' });\nconst b = a.mul(3);";
    const hashes = new Set<string>([hashCode(code)]);
    for (let i = 0; i < code.length; i++) hashes.add(hashCode(code.slice(0, i) + code.slice(i + 1)));
    expect(hashes.size).toBe(code.length + 1);
  });
});

describe('PageStore', () => {
  it('keeps an edit by page and cell, with the hash of the code it was made on', () => {
    const storage = new MemoryStorage();
    const gradients = new PageStore('/gradients/', () => storage);
    expect(gradients.saveEdit('parabola', 'f(3)', 'f(4)', 1000)).toEqual({ ok: true });
    expect(gradients.edits()).toEqual(new Map([['parabola', { base: hashCode('f(3)'), code: 'f(4)', savedAt: 1000 }]]));
    expect(new PageStore('/micrograd/', () => storage).edits().size).toBe(0);
    // The same id on another page is another record.
    new PageStore('/micrograd/', () => storage).saveEdit('parabola', 'g()', 'h()');
    expect(gradients.edits().get('parabola')?.code).toBe('f(4)');
  });

  it('drops an edit that is back to the book’s code, and on request', () => {
    const storage = new MemoryStorage();
    const store = new PageStore('/gradients/', () => storage);
    store.saveEdit('a', 'x', 'y');
    store.saveEdit('b', 'x', 'z');
    store.saveEdit('a', 'x', 'x');
    expect([...store.edits().keys()]).toEqual(['b']);
    store.dropEdit('b');
    expect(store.edits().size).toBe(0);
    expect(storage.length).toBe(0);
  });

  it('clears one page, of the kinds asked, and leaves everything else', () => {
    const storage = new MemoryStorage();
    storage.setItem('starlight-theme', 'dark');
    const store = new PageStore('/gradients/', () => storage);
    store.saveEdit('a', 'x', 'y');
    store.write('status', 'ex-1', { status: 'pass' });
    new PageStore('/moons/', () => storage).saveEdit('a', 'x', 'y');
    store.clear(['edit']);
    expect(store.edits().size).toBe(0);
    expect(store.read('status', 'ex-1', (v): v is { status: string } => typeof v === 'object')).toEqual({ status: 'pass' });
    store.clear();
    expect(store.hasAny()).toBe(false);
    expect(new PageStore('/moons/', () => storage).edits().size).toBe(1);
    expect(storage.getItem('starlight-theme')).toBe('dark');
  });

  it('says when the storage is full, and keeps what it had', () => {
    const storage = new MemoryStorage(400);
    const store = new PageStore('/gradients/', () => storage);
    expect(store.saveEdit('a', 'x', 'small')).toEqual({ ok: true });
    expect(store.saveEdit('b', 'x', 'y'.repeat(1000))).toEqual({ ok: false, reason: 'full' });
    expect(store.saveEdit('a', 'x', 'z'.repeat(1000))).toEqual({ ok: false, reason: 'full' });
    expect(store.edits().get('a')?.code).toBe('small');
  });

  it('works as an empty store when storage is disabled: reads find nothing, writes say so, nothing throws', () => {
    const store = new PageStore('/gradients/', disabled);
    expect(store.edits().size).toBe(0);
    expect(store.hasAny()).toBe(false);
    expect(store.saveEdit('a', 'x', 'y')).toEqual({ ok: false, reason: 'unavailable' });
    expect(() => store.dropEdit('a')).not.toThrow();
    expect(() => store.clear()).not.toThrow();
    // Storage whose every call throws (Safari's private mode of old).
    const refusing = new MemoryStorage();
    refusing.getItem = refusing.setItem = refusing.removeItem = () => {
      throw new Error('refused');
    };
    expect(new PageStore('/gradients/', () => refusing).saveEdit('a', 'x', 'y')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('ignores and removes garbage: records it did not write, or of another shape', () => {
    const storage = new MemoryStorage();
    const store = new PageStore('/gradients/', () => storage);
    store.saveEdit('good', 'x', 'y');
    storage.setItem(recordKey('edit', '/gradients/', 'not-json'), '{"base":');
    storage.setItem(recordKey('edit', '/gradients/', 'wrong-shape'), '{"base":1,"code":"y","savedAt":0}');
    storage.setItem(recordKey('edit', '/gradients/', 'null'), 'null');
    storage.setItem(`${KEY_PREFIX}edit/gradients/%`, '{}');
    expect([...store.edits().keys()]).toEqual(['good']);
    expect(storage.getItem(recordKey('edit', '/gradients/', 'not-json'))).toBeNull();
    expect(storage.getItem(recordKey('edit', '/gradients/', 'wrong-shape'))).toBeNull();
    expect(isKeptEdit({ base: 'a', code: 'b', savedAt: Number.NaN })).toBe(false);
  });
});
