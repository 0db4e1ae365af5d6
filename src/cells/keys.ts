// How the reader's own work is named in the page's storage (localStorage). One key per record:
// `micrograd-ts/1/<kind>/<page path>/<id>`, the page path with its slashes (/gradients/), the id
// URI-encoded (so it has none). storage.ts (PageStore) owns every read and write of one page's
// records; the reading scripts, which load on every page and must stay tiny, use the three small
// functions at the end instead: does this page have records of these kinds, one kind's records
// across every page (the sidebar's done marks), and removing them (Clear progress).

/** A share link's fragment starts so (link.ts reads the rest; the reading script only looks for it). */
export const SHARE_PREFIX = '#share=';

/** Bumped only when the records' shape changes: older records are then ignored, never misread. */
export const KEY_PREFIX = 'micrograd-ts/1/';

/**
 * The kinds of record. A cell's edit (`edit`) and an exercise's answer (`answer`) are storage.ts's
 * KeptEdit; each has a kind for one kept from before the book's code (a cell's code, an
 * exercise's start code) changed under it, until the reader restores or drops it. An exercise's
 * status is `{ status: 'pass' | 'fail' }` (todo keeps no record).
 */
export const KIND = { edit: 'edit', staleEdit: 'stale', answer: 'answer', staleAnswer: 'stale-answer', status: 'status' } as const;

/** An exercise's kept status (kind `status`): its last verdict. */
export interface StatusRecord {
  status: 'pass' | 'fail';
}

export const isStatusRecord = (value: unknown): value is StatusRecord =>
  typeof value === 'object' && value !== null && ((value as StatusRecord).status === 'pass' || (value as StatusRecord).status === 'fail');

/** A page's address as records name it: its path, with a trailing slash (as the site serves it). */
export function pageKey(pathname: string): string {
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** The key of one record. */
export function recordKey(kind: string, page: string, id: string): string {
  return `${KEY_PREFIX}${kind}/${pageKey(page)}${encodeURIComponent(id)}`;
}

/** The kind, page and id a key names, or undefined for a key that is not a record's. */
export function parseKey(key: string): { kind: string; page: string; id: string } | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const rest = key.slice(KEY_PREFIX.length);
  const kindEnd = rest.indexOf('/');
  const idStart = rest.lastIndexOf('/') + 1;
  // kind/ then the page's path, which starts and ends with a slash, then the id.
  if (kindEnd <= 0 || rest[kindEnd + 1] !== '/' || idStart < kindEnd + 2) return undefined;
  try {
    return { kind: rest.slice(0, kindEnd), page: rest.slice(kindEnd + 1, idStart), id: decodeURIComponent(rest.slice(idStart)) };
  } catch {
    return undefined; // not an encoding this module wrote
  }
}

/** The part of Storage these functions use: localStorage, or any Storage in tests. */
export type KeyedStorage = Pick<Storage, 'length' | 'key' | 'getItem' | 'removeItem'>;

/** Every record's key, parsed; [] when there is no storage (disabled: reading localStorage throws a SecurityError). */
function records(storage: () => KeyedStorage): { key: string; kind: string; page: string; id: string; store: KeyedStorage }[] {
  try {
    const store = storage();
    return Array.from({ length: store.length }, (_, i) => store.key(i)).flatMap((key) => {
      const named = key === null ? undefined : parseKey(key);
      return named ? [{ key: key!, ...named, store }] : [];
    });
  } catch {
    return [];
  }
}

/** Whether a storage holds a record of this page of one of the kinds (any kind when none are given). Never throws. */
export function hasRecords(storage: () => KeyedStorage, page: string, kinds?: readonly string[]): boolean {
  return records(storage).some((r) => r.page === pageKey(page) && (!kinds || kinds.includes(r.kind)));
}

/**
 * Every record of one kind on every page, with its value as JSON gives it (undefined for a value
 * that is not JSON: the caller checks the shape). Never throws.
 */
export function recordsOfKind(storage: () => KeyedStorage, kind: string): { page: string; id: string; value: unknown }[] {
  return records(storage)
    .filter((r) => r.kind === kind)
    .map(({ store, key, page, id }) => {
      let value: unknown;
      try {
        value = JSON.parse(store.getItem(key) ?? '');
      } catch {
        // not JSON: not a record this site wrote
      }
      return { page, id, value };
    });
}

/** Removes every record of one kind, on every page. Never throws. */
export function removeKind(storage: () => KeyedStorage, kind: string): void {
  for (const r of records(storage)) {
    try {
      if (r.kind === kind) r.store.removeItem(r.key);
    } catch {
      // a storage that refuses keeps what it has
    }
  }
}
