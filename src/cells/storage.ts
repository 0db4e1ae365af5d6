// The one owner of the page's own storage (localStorage): every read and write of the reader's
// kept work goes through here. A record is small JSON under one key per page and id (keys.ts);
// a storage that is disabled, full or holds garbage never throws out of this module: a read
// finds nothing, a write says why it failed, and a record that is not what this module wrote is
// ignored and removed. Nothing leaves the browser.

import { hashCode } from '../hash.ts';
import { KIND, type StatusRecord, hasRecords, pageKey, parseKey, recordKey } from './keys.ts';

/** Where records live: localStorage in the page, any Storage in tests. Called on each use (it may throw). */
export type StorageSource = () => Storage;

const LOCAL: StorageSource = () => localStorage;

/** Why a write did not keep its record: the storage is full (a quota), or there is none (disabled, private mode). */
export type WriteResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable' };

// A kept edit names the book's code it was made on by its hash (hashCode), so an edit is never
// applied to code that changed under it.
export { hashCode };

/** A reader's edit of a cell, or answer to an exercise: their code, and the hash of the book's code (the cell's, the exercise's start code) they edited. */
export interface KeptEdit {
  /** hashCode of the book's code when the edit was made. */
  base: string;
  code: string;
  /** When it was last saved, in ms since 1970 (Date.now()). */
  savedAt: number;
}

export const isKeptEdit = (value: unknown): value is KeptEdit =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as KeptEdit).base === 'string' &&
  typeof (value as KeptEdit).code === 'string' &&
  Number.isFinite((value as KeptEdit).savedAt);

/** The kinds whose records are KeptEdits: a cell's edit, an exercise's answer. */
export type EditKind = typeof KIND.edit | typeof KIND.answer;

/**
 * The reader's kept work on one page. Kinds (keys.ts's KIND) name what a record is: `edit` (a
 * cell's code) and `answer` (an exercise's code), each a KeptEdit of the book's code they
 * started from; `stale` and `stale-answer` (one of those the book's code changed under); `status`
 * (an exercise's last verdict). All are read and written with the same read/list/write/remove.
 */
export class PageStore {
  readonly page: string;
  readonly #storage: StorageSource;

  /** page: the page's path (location.pathname). */
  constructor(page: string, storage: StorageSource = LOCAL) {
    this.page = page;
    this.#storage = storage;
  }

  /** Whether the page has any record of the kinds (of any kind when none are given). */
  hasAny(kinds?: readonly string[]): boolean {
    return hasRecords(this.#storage, this.page, kinds);
  }

  /** The record of kind and id, if there is a valid one; an invalid one is removed. */
  read<T>(kind: string, id: string, valid: (value: unknown) => value is T): T | undefined {
    const key = recordKey(kind, this.page, id);
    const text = this.#try((s) => s.getItem(key));
    if (text === undefined || text === null) return undefined;
    const value = parse(text);
    if (valid(value)) return value;
    this.#try((s) => s.removeItem(key));
    return undefined;
  }

  /** Every valid record of a kind on this page, by id; invalid ones are removed. */
  list<T>(kind: string, valid: (value: unknown) => value is T): Map<string, T> {
    const found = new Map<string, T>();
    const keys =
      this.#try((s) => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((key): key is string => key !== null)) ?? [];
    for (const key of keys) {
      const named = parseKey(key);
      if (named?.kind !== kind || named.page !== this.#pageKey()) continue;
      const value = this.read(kind, named.id, valid);
      if (value !== undefined) found.set(named.id, value);
    }
    return found;
  }

  /** Keeps a record (JSON); says why not when the storage is full or unavailable. */
  write(kind: string, id: string, value: unknown): WriteResult {
    const key = recordKey(kind, this.page, id);
    const text = JSON.stringify(value);
    try {
      this.#storage().setItem(key, text);
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: isQuotaError(e) ? 'full' : 'unavailable' };
    }
  }

  remove(kind: string, id: string): void {
    this.#try((s) => s.removeItem(recordKey(kind, this.page, id)));
  }

  /** Removes every record of this page of the given kinds (all kinds when none are given). */
  clear(kinds?: string[]): void {
    this.#try((s) => {
      const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((key): key is string => key !== null);
      for (const key of keys) {
        const named = parseKey(key);
        if (named && named.page === this.#pageKey() && (!kinds || kinds.includes(named.kind))) s.removeItem(key);
      }
    });
  }

  /** The reader's kept cell edits (or, of kind `answer`, exercise answers) on this page, by id. */
  edits(kind: EditKind = KIND.edit): Map<string, KeptEdit> {
    return this.list(kind, isKeptEdit);
  }

  /**
   * Keeps the reader's code of a cell (or, of kind `answer`, an exercise) whose book code is
   * `original` (the exercise's start code); code equal to the original is no edit, and removes the
   * record. now: ms since 1970.
   */
  saveEdit(id: string, original: string, code: string, now = Date.now(), kind: EditKind = KIND.edit): WriteResult {
    if (code === original) {
      this.remove(kind, id);
      return { ok: true };
    }
    return this.write(kind, id, { base: hashCode(original), code, savedAt: now } satisfies KeptEdit);
  }

  dropEdit(id: string, kind: EditKind = KIND.edit): void {
    this.remove(kind, id);
  }

  /** Keeps an exercise's last verdict (todo forgets it: no record is todo). */
  setStatus(id: string, status: 'todo' | 'pass' | 'fail'): WriteResult {
    if (status !== 'todo') return this.write(KIND.status, id, { status } satisfies StatusRecord);
    this.remove(KIND.status, id);
    return { ok: true };
  }

  #pageKey(): string {
    return pageKey(this.page);
  }

  /** Runs a storage call; undefined when the storage is not there or refuses. */
  #try<T>(use: (storage: Storage) => T): T | undefined {
    try {
      return use(this.#storage());
    } catch {
      return undefined;
    }
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A full storage: QuotaExceededError (Firefox's older NS_ERROR_DOM_QUOTA_REACHED), DOMException code 22 or 1014. */
function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: number }).code;
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}
