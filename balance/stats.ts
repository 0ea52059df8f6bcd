/** Small statistics helpers for the harness (means, 95% confidence intervals, year sums). */
import type { Quarter } from "../shared/engine/index.ts";

export interface Estimate {
  readonly mean: number;
  /** Half-width of the 95% confidence interval of the mean (normal approximation). */
  readonly ci: number;
  readonly n: number;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, ci: Number.NaN, n };
  let v = 0;
  for (const x of xs) v += (x - m) * (x - m);
  const sd = Math.sqrt(v / (n - 1));
  return { mean: m, ci: (1.96 * sd) / Math.sqrt(n), n };
}

export function share(flags: readonly boolean[]): number {
  return flags.length === 0 ? Number.NaN : flags.filter(Boolean).length / flags.length;
}

/** Sum of `values[i]` over the quarters of calendar year `year`. */
export function yearSum(quarters: readonly Quarter[], values: readonly number[], year: number): number {
  let s = 0;
  quarters.forEach((q, i) => {
    if (q.year === year) s += values[i] ?? 0;
  });
  return s;
}

export function yearsOf(quarters: readonly Quarter[]): number[] {
  return [...new Set(quarters.map((q) => q.year))].sort((a, b) => a - b);
}

/** $M → $B with one decimal, for the table. */
export function bn(m: number): string {
  return Number.isFinite(m) ? (m / 1000).toFixed(1) : "n/a";
}

export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : "n/a";
}

export function fmt(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}
