// Share links: a page's edited cells and exercise answers (and other widgets' state, such as the
// moons demo's) as JSON,
// compressed with the browser's own deflate (CompressionStream's deflate-raw) and written in
// base64url into the URL's fragment, which browsers never send to a server. Measured against
// lz-string on the Micrograd chapter's cells, its links are a third shorter, and it adds no bytes
// to the page (README, "Decisions"). Pure: the page (keep.ts) and Node tests use it alike.

import { SHARE_PREFIX } from './keys.ts';

export { SHARE_PREFIX };

/**
 * The longest link this page makes. Browsers open far longer ones (Chromium 2 MB, Firefox 1 MB,
 * Safari about 80,000 characters), but mail and chat clients cut long links, and a link of this
 * length already carries tens of thousands of characters of code.
 */
export const MAX_LINK_LENGTH = 32_000;

/** Past this, a link's payload is refused as it inflates: no page needs more, and it bounds the work (a link is only 32,000 characters). */
const MAX_PAYLOAD_CHARS = 1_000_000;
/**
 * The link format's version. 1: `{ v, cells, ...widgets }`; 2 adds `answers` (exercises' answers,
 * as cells are). Links of version 1 still open: they carry no answers.
 */
const VERSION = 2;

/** One edited cell (or exercise answer): its id, the hash of the book's code (the exercise's start code) it was edited from (storage.ts's hashCode) and the code. */
export interface SharedCell {
  id: string;
  base: string;
  code: string;
}

/** What a link carries: edited cells, exercises' answers, and each widget's own state by its name (checked by the widget). */
export interface SharePayload {
  cells: SharedCell[];
  answers: SharedCell[];
  widgets: Record<string, unknown>;
}

export type Decoded = { ok: true; payload: SharePayload } | { ok: false; error: string };
export type Encoded = { ok: true; url: string } | { ok: false; error: string; length: number };

/** Whether a URL's fragment (location.hash, with its #) is a share link's. */
export const isShareFragment = (hash: string): boolean => hash.startsWith(SHARE_PREFIX);

/** The link to `page` (an absolute URL without fragment) carrying the payload, or why not (too long). */
export async function shareUrl(page: string, payload: SharePayload): Promise<Encoded> {
  const pack = (list: SharedCell[]) => list.map((c) => [c.id, c.base, c.code]);
  const json = JSON.stringify({ v: VERSION, cells: pack(payload.cells), answers: pack(payload.answers), ...payload.widgets });
  const url = `${page}${SHARE_PREFIX}${toBase64Url(await deflate(json))}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      length: url.length,
      error: `The link would be ${url.length.toLocaleString('en-US')} characters long, more than the ${MAX_LINK_LENGTH.toLocaleString('en-US')} a link can safely carry: share fewer or shorter edits.`,
    };
  }
  return { ok: true, url };
}

/** Reads a share fragment (location.hash, with its #). Never rejects: a malformed link gets a reason. */
export async function decodeShare(hash: string): Promise<Decoded> {
  const fail = (why: string): Decoded => ({ ok: false, error: `This page's link could not be read: ${why}.` });
  if (!isShareFragment(hash)) return fail('it is not a share link');
  const packed = hash.slice(SHARE_PREFIX.length);
  if (packed.length === 0) return fail('it carries nothing after #share=');
  if (packed.length > MAX_LINK_LENGTH) return fail('it is longer than any link this site makes');
  const bytes = fromBase64Url(packed);
  if (!bytes) return fail('it has characters a share link never has: it may have been changed when it was copied');
  let json: string;
  try {
    json = await inflate(bytes, MAX_PAYLOAD_CHARS);
  } catch (e) {
    return fail(e instanceof RangeError ? 'what it carries is too large' : 'it may have been cut short or changed when it was copied');
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('it may have been cut short or changed when it was copied');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('it is not a share link of this site');
  const { v, cells, answers, ...widgets } = data as { v?: unknown; cells?: unknown; answers?: unknown };
  if (v !== 1 && v !== VERSION) return fail(`it was made by another version of this site (${JSON.stringify(v)})`);
  if (!Array.isArray(cells)) return fail('it has no list of cells');
  if (v === VERSION && !Array.isArray(answers)) return fail('it has no list of answers');
  const read = (list: unknown[], thing: string): SharedCell[] | string => {
    const shared: SharedCell[] = [];
    for (const item of list) {
      if (!Array.isArray(item) || item.length !== 3 || !item.every((part) => typeof part === 'string') || !/^[\w-]+$/.test(item[0])) {
        return `one of its ${thing}s is malformed`;
      }
      const [id, base, code] = item as [string, string, string];
      if (shared.some((c) => c.id === id)) return `it has ${thing} "${id}" twice`;
      shared.push({ id, base, code });
    }
    return shared;
  };
  const sharedCells = read(cells, 'cell');
  if (typeof sharedCells === 'string') return fail(sharedCells);
  const sharedAnswers = v === VERSION ? read(answers as unknown[], 'answer') : [];
  if (typeof sharedAnswers === 'string') return fail(sharedAnswers);
  return { ok: true, payload: { cells: sharedCells, answers: sharedAnswers, widgets } };
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text deflated in bytes; throws on a malformed stream, and a RangeError once past max characters. */
async function inflate(bytes: Uint8Array, max: number): Promise<string> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
    if (text.length > max) {
      await reader.cancel();
      throw new RangeError('too large');
    }
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes as base64url (RFC 4648, section 5) without padding: characters a fragment keeps as they are. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
