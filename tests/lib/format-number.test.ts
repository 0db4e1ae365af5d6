// drawDot's number format is Python's '%.4f': checked against an exact reference that rounds
// the double's true binary value half to even, as Python's correctly rounded formatting does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../lib/graph.ts';

/** x's exact value as numerator / 2^shift, from its IEEE 754 bits. */
function exact(x: number): { n: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  return power >= 0 ? { n: mantissa << BigInt(power), shift: 0n } : { n: mantissa, shift: BigInt(-power) };
}

function reference(x: number, digits: number): string {
  const { n, shift } = exact(x);
  const scaled = n * 10n ** BigInt(digits);
  const denominator = 1n << shift;
  let q = scaled / denominator;
  const twice = 2n * (scaled % denominator);
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

describe("formatNumber, Python's '%.4f'", () => {
  it.each([
    [0.03125, '0.0312'],
    [0.09375, '0.0938'],
    [-0.03125, '-0.0312'],
    [123456.78125, '123456.7812'],
    [5e21, '5000000000000000000000.0000'],
    [-0, '-0.0000'],
    [-1e-9, '-0.0000'],
    [6.8813735870195432, '6.8814'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%s → %s (as Python prints it)', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('equals exact round-half-even for any finite double, at 0 to 6 decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (x, digits) => {
        expect(formatNumber(x, digits)).toBe(reference(x, digits));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds every tie to even: the odd multiples of 1/32', () => {
    for (let k = -4001; k <= 4001; k += 2) expect(formatNumber(k / 32)).toBe(reference(k / 32, 4));
  });
});
