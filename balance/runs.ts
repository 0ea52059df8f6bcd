/** Picking runs out of a balance dataset: groups, the documented path, pairing by seed. */
import type { CompanyId } from "../shared/engine/index.ts";
import type { MatchSummary, SeatSummary } from "./types.ts";

export const SHORT: Readonly<Record<string, string>> = { microsoft: "MSFT", amazon: "AMZN", alphabet: "GOOGL", meta: "META" };

export function seatOf(s: MatchSummary, id: CompanyId): SeatSummary {
  const x = s.seats.find((z) => z.id === id);
  if (!x) throw new Error(`match ${s.job.id} has no seat ${id}`);
  return x;
}

export interface HasGroups {
  readonly groups: ReadonlyMap<string, readonly MatchSummary[]>;
}

export const runsOf = (d: HasGroups, g: string): readonly MatchSummary[] => d.groups.get(g) ?? [];

/**
 * The documented path: all four on the guidance path (SCN-GUIDE, The Reckoning, random events),
 * i.e. the all-invest profile HHHH of the dilemma.
 */
export const documentedRuns = (d: HasGroups): readonly MatchSummary[] => runsOf(d, "dilemma-flat").filter((s) => !s.job.label.includes("R"));

/** All-restrain (flat, RRRR) runs of the dilemma. */
export const allRestrainRuns = (d: HasGroups): readonly MatchSummary[] => runsOf(d, "dilemma-flat").filter((s) => !s.job.label.includes("H"));

/** Runs keyed by seed (one run per seed expected). */
export function bySeed(runs: readonly MatchSummary[]): Map<number, MatchSummary> {
  return new Map(runs.map((s) => [s.job.seed, s]));
}

/** A per-run number keyed by seed. */
export function perSeed(runs: readonly MatchSummary[], f: (s: MatchSummary) => number): Map<number, number> {
  return new Map(runs.map((s) => [s.job.seed, f(s)]));
}

/** Index of the last quarter of `year` in a run, or −1. */
export const lastQuarterOf = (s: MatchSummary, year: number): number => s.quarters.findLastIndex((q) => q.year === year);
