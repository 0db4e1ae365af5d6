// Colours of the moons pictures: one per class, and a score shaded towards the class it votes for.

/** y = −1 (the upper moon) and y = +1 (the lower one). */
export const CLASS_COLORS = { negative: '#f59322', positive: '#0877bd' } as const;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const NEGATIVE = rgb(CLASS_COLORS.negative);
const POSITIVE = rgb(CLASS_COLORS.positive);
const NEUTRAL = rgb('#e8eaeb');

/** How strongly a score votes for a class, from −1 to 1: tanh(score); a score that is not finite abstains. */
export function vote(score: number): number {
  return Number.isFinite(score) ? Math.tanh(score) : 0;
}

/** The colour of a vote: neutral at 0, towards the class's colour as the vote grows. */
export function tint(vote: number): [number, number, number] {
  const target = vote < 0 ? NEGATIVE : POSITIVE;
  const amount = 0.7 * Math.abs(vote);
  return [0, 1, 2].map((i) => Math.round(NEUTRAL[i] + (target[i] - NEUTRAL[i]) * amount)) as [number, number, number];
}
