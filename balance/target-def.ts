/**
 * The shapes of the calibration table (a row, its check, its result) and of the dataset the rows
 * read: apart from `targets.ts` so the row modules (market, credit, play) depend on the shapes,
 * not on the table that lists them (no import cycle).
 */
import type { GameAnalysis } from "./dilemma.ts";
import type { StrandedProbe } from "./probes.ts";
import type { Estimate } from "./stats.ts";
import type { MatchSummary } from "./types.ts";

export interface TargetResult {
  readonly id: string;
  readonly group: number;
  readonly core: boolean;
  readonly description: string;
  readonly figures: readonly string[];
  readonly expected: string;
  readonly got: string;
  readonly pass: boolean;
}

export interface Check {
  readonly expected: string;
  readonly got: string;
  readonly pass: boolean;
}

export interface TargetDef {
  readonly id: string;
  readonly group: number;
  readonly core: boolean;
  readonly description: string;
  readonly figures: readonly string[];
  readonly run: (d: Dataset) => Check;
}

/** The endings of the documented path, per seed, from the engine's own `endingVerdict`. */
export interface Endings {
  /** "Cloud 2.0". */
  readonly bull: boolean[];
  /** "Global Crossing". */
  readonly bear: boolean[];
  /** Which Global Crossing condition fired, per seed (for the report). */
  readonly bearWhy: string[];
}

export interface Dataset {
  readonly seeds: number;
  readonly groups: ReadonlyMap<string, readonly MatchSummary[]>;
  readonly games: { readonly flat: GameAnalysis; readonly capped: GameAnalysis };
  /** Industry profit ÷ capex over the match (four seats), per seed. */
  readonly multiples: { readonly allRestrainFlat: Estimate; readonly allRestrainCapped: Estimate; readonly allInvest: Estimate };
  readonly endings: Endings;
  readonly probes: { readonly stranded: StrandedProbe };
}
