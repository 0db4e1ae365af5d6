// The page's own storage (src/cells/storage.ts): records keyed by page, kind and id; a storage that
// is full, disabled or holds garbage never throws out of it and loses nothing it had.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_PREFIX, KIND, hasRecords, isStatusRecord, parseKey, recordKey, recordsOfKind, removeKind } from '../../src/cells/keys.ts';
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

  it('tell whether a page has records of some kinds: a status alone is not kept code', () => {
    const storage = new MemoryStorage();
    const page = new PageStore('/gradients/', () => storage);
    page.setStatus('predict-slope', 'pass');
    expect(hasRecords(() => storage, '/gradients/')).toBe(true);
    expect(hasRecords(() => storage, '/gradients/', [KIND.edit, KIND.staleEdit])).toBe(false);
    expect(hasRecords(() => storage, '/gradients/', [KIND.answer, KIND.staleAnswer])).toBe(false);
    page.saveEdit('predict-slope', 'start', 'mine', 1, KIND.answer);
    expect(hasRecords(() => storage, '/gradients/', [KIND.answer, KIND.staleAnswer])).toBe(true);
    expect(hasRecords(() => storage, '/gradients/', [KIND.edit, KIND.staleEdit])).toBe(false);
    expect(page.hasAny([KIND.edit])).toBe(false);
    expect(page.hasAny([KIND.answer])).toBe(true);
  });
});

describe('one kind across every page', () => {
  it('lists each record of the kind with its page, id and value, and nothing else', () => {
    const storage = new MemoryStorage();
    storage.setItem('starlight-theme', 'dark');
    storage.setItem('micrograd-ts:exercises', '{"gradients/predict-slope":"pass"}'); // another format: not a record
    new PageStore('/gradients/', () => storage).setStatus('predict-slope', 'pass');
    new PageStore('/gradients/', () => storage).setStatus('fastest-input', 'fail');
    new PageStore('/micrograd/', () => storage).setStatus('sigmoid-rule', 'pass');
    new PageStore('/micrograd/', () => storage).saveEdit('sigmoid-rule', 'start', 'mine', 1, KIND.answer);
    storage.setItem(recordKey(KIND.status, '/moons/', 'broken'), '{"status":');
    const listed = recordsOfKind(() => storage, KIND.status).sort((a, b) => (a.page + a.id).localeCompare(b.page + b.id));
    expect(listed).toEqual([
      { page: '/gradients/', id: 'fastest-input', value: { status: 'fail' } },
      { page: '/gradients/', id: 'predict-slope', value: { status: 'pass' } },
      { page: '/micrograd/', id: 'sigmoid-rule', value: { status: 'pass' } },
      { page: '/moons/', id: 'broken', value: undefined }, // not JSON: the caller's shape check drops it
    ]);
    expect(listed.filter((r) => isStatusRecord(r.value)).length).toBe(3);
    expect(recordsOfKind(disabled, KIND.status)).toEqual([]);
  });

  it('removes every record of the kind on every page, and only those', () => {
    const storage = new MemoryStorage();
    storage.setItem('starlight-theme', 'dark');
    for (const page of ['/gradients/', '/micrograd/']) {
      const store = new PageStore(page, () => storage);
      store.setStatus('a', 'pass');
      store.saveEdit('a', 'start', 'mine', 1, KIND.answer);
      store.saveEdit('cell', 'book', 'mine');
    }
    removeKind(() => storage, KIND.status);
    expect(recordsOfKind(() => storage, KIND.status)).toEqual([]);
    expect(recordsOfKind(() => storage, KIND.answer).length).toBe(2);
    expect(recordsOfKind(() => storage, KIND.edit).length).toBe(2);
    expect(storage.getItem('starlight-theme')).toBe('dark');
    expect(() => removeKind(disabled, KIND.status)).not.toThrow();
    // A storage that refuses to remove keeps what it has, and says nothing.
    const refusing = new MemoryStorage();
    new PageStore('/gradients/', () => refusing).setStatus('a', 'pass');
    refusing.removeItem = () => {
      throw new Error('refused');
    };
    expect(() => removeKind(() => refusing, KIND.status)).not.toThrow();
    expect(refusing.length).toBe(1);
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

  it('keeps an exercise’s answer beside a cell of the same id, as a KeptEdit of its start code', () => {
    const storage = new MemoryStorage();
    const store = new PageStore('/gradients/', () => storage);
    store.saveEdit('predict-slope', 'f(3)', 'cell edit', 5);
    expect(store.saveEdit('predict-slope', 'const slope = 0;', 'const slope = -22;', 7, KIND.answer)).toEqual({ ok: true });
    expect(store.edits(KIND.answer)).toEqual(new Map([['predict-slope', { base: hashCode('const slope = 0;'), code: 'const slope = -22;', savedAt: 7 }]]));
    expect(store.edits().get('predict-slope')?.code).toBe('cell edit');
    // Back to the start code is no answer.
    store.saveEdit('predict-slope', 'const slope = 0;', 'const slope = 0;', 8, KIND.answer);
    expect(store.edits(KIND.answer).size).toBe(0);
    store.saveEdit('predict-slope', 'const slope = 0;', 'x', 9, KIND.answer);
    store.dropEdit('predict-slope', KIND.answer);
    expect(store.edits(KIND.answer).size).toBe(0);
    expect(store.edits().size).toBe(1);
  });

  it('keeps an exercise’s status; todo keeps nothing', () => {
    const storage = new MemoryStorage();
    const store = new PageStore('/gradients/', () => storage);
    expect(store.setStatus('predict-slope', 'fail')).toEqual({ ok: true });
    expect(store.read(KIND.status, 'predict-slope', isStatusRecord)).toEqual({ status: 'fail' });
    store.setStatus('predict-slope', 'pass');
    expect(store.read(KIND.status, 'predict-slope', isStatusRecord)).toEqual({ status: 'pass' });
    expect(store.setStatus('predict-slope', 'todo')).toEqual({ ok: true });
    expect(storage.length).toBe(0);
    expect(new PageStore('/gradients/', disabled).setStatus('a', 'pass')).toEqual({ ok: false, reason: 'unavailable' });
    for (const bad of [null, 'pass', { status: 'todo' }, { status: 'done' }, {}]) expect(isStatusRecord(bad)).toBe(false);
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
