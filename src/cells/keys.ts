// How the reader's own work is named in the page's storage (localStorage), shared by the reading
// script (which only asks whether a page has anything kept) and storage.ts (which owns every read
// and write). One key per record: `micrograd-ts/1/<kind>/<page path>/<id>`, the page path with
// its slashes (/gradients/), the id URI-encoded (so it has none).

/** A share link's fragment starts so (link.ts reads the rest; the reading script only looks for it). */
export const SHARE_PREFIX = '#share=';

/** Bumped only when the records' shape changes: older records are then ignored, never misread. */
export const KEY_PREFIX = 'micrograd-ts/1/';

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

/** Whether a storage holds any record of this page, of any kind. Never throws: no storage keeps nothing. */
export function hasRecords(storage: () => Pick<Storage, 'length' | 'key'>, page: string): boolean {
  try {
    const store = storage();
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null && parseKey(key)?.page === pageKey(page)) return true;
    }
  } catch {
    // Storage disabled: reading localStorage throws a SecurityError.
  }
  return false;
}
