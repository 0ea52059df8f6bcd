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

/** Sample standard deviation (n − 1). */
export function sd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const m = mean(xs);
  let v = 0;
  for (const x of xs) v += (x - m) * (x - m);
  return Math.sqrt(v / (n - 1));
}

/**
 * Pooled standard deviation of several groups, each around its own mean (Σ squared deviations ÷
 * (N − groups)): the spread within groups, not the spread of their means.
 */
export function pooledSd(groups: readonly (readonly number[])[]): number {
  let ss = 0;
  let n = 0;
  let k = 0;
  for (const g of groups) {
    if (g.length === 0) continue;
    const m = mean(g);
    for (const x of g) ss += (x - m) * (x - m);
    n += g.length;
    k++;
  }
  return n - k < 1 ? Number.NaN : Math.sqrt(ss / (n - k));
}

/** Root mean square of a list (e.g. of per-quarter standard deviations). */
export function rms(xs: readonly number[]): number {
  const ok = xs.filter(Number.isFinite);
  return ok.length === 0 ? Number.NaN : Math.sqrt(ok.reduce((a, x) => a + x * x, 0) / ok.length);
}

/** Paired differences a[i] − b[i] over the keys both have (e.g. seeds), as an estimate. */
export function pairedBy<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): Estimate {
  const d: number[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) d.push(x - y);
  }
  return estimate(d);
}

/** An estimate is clearly above 0 when its 95% CI is: mean − ci > 0. */
export const clearlyPositive = (e: Estimate): boolean => Number.isFinite(e.ci) && e.mean - e.ci > 0;

/** bp → "x.y%" (sign kept). */
export const pctBp = (bp: number, digits = 1): string => (Number.isFinite(bp) ? `${(bp / 100).toFixed(digits)}%` : "n/a");

/** The q-quantile (0…1) of a list, by linear interpolation between order statistics. */
export function quantile(xs: readonly number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = Math.min(1, Math.max(0, q)) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
