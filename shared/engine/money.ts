/** Integer money and basis-point helpers. Money is whole $M; rates and shares are bp. */

export const BP = 10_000;

/** amount × bp / 10_000, rounded to a whole $M. */
export function mulBp(amount: number, bp: number): number {
  return Math.round((amount * bp) / BP);
}

export function clamp(x: number, min: number, max: number): number {
  return x < min ? min : Math.min(x, max);
}

/** a/b in bp, 0 when b is 0. */
export function ratioBp(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a * BP) / b);
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Integer split of `total` by weights, largest-remainder so the parts add up exactly. */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const w = sum(weights);
  if (w <= 0) return weights.map(() => 0);
  const raw = weights.map((x) => (total * x) / w);
  const parts = raw.map((x) => Math.floor(x));
  let rest = total - sum(parts);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k]!.i]! += 1;
  return parts;
}

/** Deterministic integer square root for non-negative numbers (Math.sqrt is exactly rounded by IEEE 754). */
export function isqrt(x: number): number {
  return x <= 0 ? 0 : Math.floor(Math.sqrt(x));
}
