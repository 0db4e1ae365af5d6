// Share links: a page's edited cells (and other widgets' state, such as the moons demo's) as JSON,
// compressed by lz-string into the URL's fragment, which browsers never send to a server.
// Pure: the page (keep.ts) and Node tests use it alike.

import LZString from 'lz-string';
import { SHARE_PREFIX } from './keys.ts';

export { SHARE_PREFIX };

/**
 * The longest link this page makes. Browsers open far longer ones (Chromium 2 MB, Firefox 1 MB,
 * Safari about 80,000 characters), but mail and chat clients cut long links, and a link of this
 * length already carries tens of thousands of characters of code.
 */
export const MAX_LINK_LENGTH = 32_000;

/** Past this, a decompressed payload is refused: no book's page needs more, and it bounds the work. */
const MAX_PAYLOAD_CHARS = 1_000_000;
const VERSION = 1;

/** One edited cell: its id, the hash of the book's code it was edited from (storage.ts's hashCode) and the code. */
export interface SharedCell {
  id: string;
  base: string;
  code: string;
}

/** What a link carries: edited cells, and each widget's own state by its name (checked by the widget). */
export interface SharePayload {
  cells: SharedCell[];
  widgets: Record<string, unknown>;
}

export type Decoded = { ok: true; payload: SharePayload } | { ok: false; error: string };
export type Encoded = { ok: true; url: string } | { ok: false; error: string; length: number };

/** Whether a URL's fragment (location.hash, with its #) is a share link's. */
export const isShareFragment = (hash: string): boolean => hash.startsWith(SHARE_PREFIX);

/** The link to `page` (an absolute URL without fragment) carrying the payload, or why not (too long). */
export function shareUrl(page: string, payload: SharePayload): Encoded {
  const json = JSON.stringify({ v: VERSION, cells: payload.cells.map((c) => [c.id, c.base, c.code]), ...payload.widgets });
  const url = `${page}${SHARE_PREFIX}${LZString.compressToEncodedURIComponent(json)}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      length: url.length,
      error: `The link would be ${url.length.toLocaleString('en-US')} characters long, more than the ${MAX_LINK_LENGTH.toLocaleString('en-US')} a link can safely carry: share fewer or shorter edits.`,
    };
  }
  return { ok: true, url };
}

/** Reads a share fragment (location.hash, with its #). Never throws: a malformed link gets a reason. */
export function decodeShare(hash: string): Decoded {
  const fail = (why: string): Decoded => ({ ok: false, error: `This page's link could not be read: ${why}.` });
  if (!isShareFragment(hash)) return fail('it is not a share link');
  const packed = hash.slice(SHARE_PREFIX.length);
  if (packed.length === 0) return fail('it carries nothing after #share=');
  if (packed.length > MAX_LINK_LENGTH) return fail('it is longer than any link this site makes');
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(packed);
  } catch {
    json = null;
  }
  if (!json) return fail('it may have been cut short or changed when it was copied');
  if (json.length > MAX_PAYLOAD_CHARS) return fail('what it carries is too large');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('it may have been cut short or changed when it was copied');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('it is not a share link of this site');
  const { v, cells, ...widgets } = data as { v?: unknown; cells?: unknown };
  if (v !== VERSION) return fail(`it was made by another version of this site (${JSON.stringify(v)})`);
  if (!Array.isArray(cells)) return fail('it has no list of cells');
  const shared: SharedCell[] = [];
  for (const cell of cells) {
    if (!Array.isArray(cell) || cell.length !== 3 || !cell.every((part) => typeof part === 'string') || !/^[\w-]+$/.test(cell[0])) {
      return fail('one of its cells is malformed');
    }
    const [id, base, code] = cell as [string, string, string];
    if (shared.some((c) => c.id === id)) return fail(`it has cell "${id}" twice`);
    shared.push({ id, base, code });
  }
  return { ok: true, payload: { cells: shared, widgets } };
}
