// Share links (src/cells/link.ts): what goes in comes out (and is deflate as zlib reads it); a link
// too long says so; a malformed one gets a reason and never throws.

/** A fragment of any text, deflated by Node's zlib: what a link of another make (or a broken one) carries. */
const pack = (text: string) => SHARE_PREFIX + deflateRawSync(Buffer.from(text)).toString('base64url');

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, SHARE_PREFIX, decodeShare, fromBase64Url, isShareFragment, shareUrl, toBase64Url } from '../../src/cells/link.ts';

const PAGE = 'https://example.org/book/gradients/';
/** A list of edited cells (or answers) with ids each once. */
const shared = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[\w-]{1,20}$/), base: fc.string(), code: fc.string({ unit: 'grapheme' }) }), { maxLength: 4, selector: (c) => c.id });
const fragment = (url: string) => url.slice(url.indexOf('#'));

describe('share links', () => {
  it('carry edited cells and widgets’ state, and read back as they were', async () => {
    const payload = {
      cells: [
        { id: 'parabola', base: 'abc123', code: "const f = (x: number) => 3 * x ** 2 - 4 * x + 5;\nf(3.0) // ünïcødé ∂L/∂a 🚀" },
        { id: 'cell-2', base: 'def456', code: '' },
      ],
      answers: [{ id: 'sigmoid-rule', base: 'ghi789', code: 'a.grad += out.data * (1 - out.data) * out.grad;' }],
      widgets: { moons: { seed: 7, lr: 3, step: 40, removed: [3, 9], added: [[0.5, -0.25, 1]] } },
    };
    const made = await shareUrl(PAGE, payload);
    if (!made.ok) throw new Error(made.error);
    expect(made.url.startsWith(`${PAGE}${SHARE_PREFIX}`)).toBe(true);
    // Only characters a URL's fragment takes as they are.
    expect(fragment(made.url).slice(SHARE_PREFIX.length)).toMatch(/^[\w-]+$/);
    expect(isShareFragment(fragment(made.url))).toBe(true);
    expect(await decodeShare(fragment(made.url))).toEqual({ ok: true, payload });
    // Raw deflate, as any zlib reads it.
    const json = inflateRawSync(Buffer.from(fragment(made.url).slice(SHARE_PREFIX.length), 'base64url')).toString();
    expect(JSON.parse(json)).toEqual({ v: 2, cells: payload.cells.map((c) => [c.id, c.base, c.code]), answers: payload.answers.map((c) => [c.id, c.base, c.code]), ...payload.widgets });
  });

  it('of the first version (before exercises’ answers) still open, carrying no answers', async () => {
    const v1 = pack(JSON.stringify({ v: 1, cells: [['parabola', 'abc123', 'f(4)']], moons: { seed: 7 } }));
    expect(await decodeShare(v1)).toEqual({ ok: true, payload: { cells: [{ id: 'parabola', base: 'abc123', code: 'f(4)' }], answers: [], widgets: { moons: { seed: 7 } } } });
  });

  it('round-trip any code', async () => {
    await fc.assert(
      fc.asyncProperty(shared, shared, async (cells, answers) => {
        const made = await shareUrl(PAGE, { cells, answers, widgets: {} });
        if (!made.ok) throw new Error(made.error);
        expect(await decodeShare(fragment(made.url))).toEqual({ ok: true, payload: { cells, answers, widgets: {} } });
      }),
    );
  });

  it('are shorter than the code they carry', async () => {
    const code = "const a = new Value(2.0, { label: 'a' });\nconst b = new Value(-3.0, { label: 'b' });\nconst c = new Value(10.0, { label: 'c' });\nconst e = a.mul(b); e.label = 'e';\n";
    const made = await shareUrl(PAGE, { cells: Array.from({ length: 5 }, (_, i) => ({ id: `cell-${i}`, base: 'x', code })), answers: [], widgets: {} });
    if (!made.ok) throw new Error(made.error);
    // Five cells of 163 characters, repeated: deflate finds the repeats.
    expect(made.url.length - PAGE.length).toBeLessThan((5 * code.length) / 2);
  });

  it('say so when too long for a link, with its length', async () => {
    // Text that does not compress: random digits.
    let seed = 1;
    const noise = Array.from({ length: 60_000 }, () => ((seed = (seed * 16807) % 2147483647) % 10).toString()).join('');
    const made = await shareUrl(PAGE, { cells: [{ id: 'big', base: 'x', code: noise }], answers: [], widgets: {} });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.length).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(made.error).toMatch(/^The link would be [\d,]+ characters long, more than the 32,000 a link can safely carry/);
  });

  it('give a reason for a malformed link, and never throw', async () => {
    const made = await shareUrl(PAGE, { cells: [{ id: 'a', base: 'b', code: 'const x = 1;' }], answers: [], widgets: {} });
    if (!made.ok) throw new Error(made.error);
    const good = fragment(made.url);
    const json = (value: unknown) => pack(JSON.stringify(value));
    const cases: [string, RegExp][] = [
      ['#intro', /not a share link/],
      [SHARE_PREFIX, /carries nothing/],
      [good.slice(0, good.length - 8), /cut short/],
      [`${SHARE_PREFIX}%%%not-base64%%%`, /characters a share link never has/],
      [`${SHARE_PREFIX}AAAAAAAAAA`, /cut short/],
      [pack('not json'), /cut short/],
      [json([1, 2]), /not a share link of this site/],
      [json({ v: 3, cells: [], answers: [] }), /another version of this site \(3\)/],
      [json({ v: 1 }), /no list of cells/],
      [json({ v: 2, cells: [] }), /no list of answers/],
      [json({ v: 2, cells: [], answers: [['a', 'b']] }), /one of its answers is malformed/],
      [json({ v: 2, cells: [], answers: [['x', 'b', 'c'], ['x', 'b', 'd']] }), /answer "x" twice/],
      [json({ v: 1, cells: [['a', 'b']] }), /one of its cells is malformed/],
      [json({ v: 1, cells: [['a/b', 'b', 'c']] }), /malformed/],
      [json({ v: 1, cells: [['a', 'b', 'c'], ['a', 'b', 'd']] }), /cell "a" twice/],
      [SHARE_PREFIX + 'A'.repeat(MAX_LINK_LENGTH + 1), /longer than any link/],
      // A small link that inflates to a huge text (a deflate bomb) is refused as it inflates.
      [pack(' '.repeat(5_000_000)), /too large/],
    ];
    for (const [hash, reason] of cases) {
      const decoded = await decodeShare(hash);
      expect(decoded.ok, hash.slice(0, 40)).toBe(false);
      if (!decoded.ok) expect(decoded.error).toMatch(/^This page's link could not be read: /), expect(decoded.error).toMatch(reason);
    }
    await fc.assert(
      fc.asyncProperty(fc.string(), async (junk) => {
        expect((await decodeShare(SHARE_PREFIX + junk)).ok).toBe(false);
      }),
    );
  });

  it('write bytes as base64url, as Node reads it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
