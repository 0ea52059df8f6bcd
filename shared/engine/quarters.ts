/** Quarter arithmetic, in one place: calendar quarters and the engine's turn indices. */
import type { Quarter } from "./types.ts";

export function nextQuarter(q: Quarter): Quarter {
  return q.q === 4 ? { year: q.year + 1, q: 1 } : { year: q.year, q: q.q + 1 };
}

/** The calendar quarter `n` quarters before `q` (negative `n` goes forward). */
export function quarterBefore(q: Quarter, n: number): Quarter {
  const idx = q.year * 4 + (q.q - 1) - n;
  return { year: Math.floor(idx / 4), q: (((idx % 4) + 4) % 4) + 1 };
}

/** A quarter's short label for chart axes and table columns, the same in every language: "Q1·26". */
export function quarterTick(q: Quarter): string {
  return `Q${q.q}·${String(q.year).slice(2)}`;
}

/** Turn index of (year, q) in a scenario that starts in Q1 of `startYear` (negative before the start). */
export function turnOf(year: number, q: number, startYear: number): number {
  return (year - startYear) * 4 + (q - 1);
}
