/** Plain-data shapes the balance harness passes between the main thread and its workers. */
import type { CompanyId, Quarter, Rating, Regime, ScenarioId, Variant } from "../shared/engine/index.ts";

/**
 * Scripted policies the harness can seat. `guide` is the documented guidance path (SCN-GUIDE or
 * SCN-CONS, by the match's variant), `capped` the consensus-capped restraint (+35%), `flat`
 * restraint at the 2024 level; the rest are the fixed decision rules of GAME.md §7 group 9.
 */
export const POLICY_KEYS = ["guide", "capped", "flat", "hoard", "zero_capex", "all_in_debt"] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export interface MatchJob {
  readonly id: number;
  /** Which analysis the job feeds (e.g. `dilemma-flat`, `cons`, `buildout`). */
  readonly group: string;
  /** Profile label, e.g. `HRRH` (seat order of `seats`) or a rule name. */
  readonly label: string;
  readonly scenario: ScenarioId;
  readonly variant: Variant;
  readonly turns: number;
  readonly seed: number;
  readonly randomEvents: boolean;
  readonly seats: readonly CompanyId[];
  readonly policies: Readonly<Partial<Record<CompanyId, PolicyKey>>>;
  /** Optional turn-0 override for probes: the seat's decision fields replaced on the first turn. */
  readonly firstTurnOverride?: { readonly seat: CompanyId; readonly capexBp: number };
}

/** Per-quarter series for one seat, aligned with `MatchSummary.quarters`. Money in $M. */
export interface SeatSeries {
  readonly capex: number[];
  readonly aiRevenue: number[];
  readonly coreRevenue: number[];
  readonly operatingCashFlow: number[];
  readonly freeCashFlow: number[];
  readonly netIncome: number[];
  readonly operatingIncome: number[];
  readonly depreciation: number[];
  readonly powerCost: number[];
  readonly aiOpex: number[];
  readonly buybacks: number[];
  readonly netDebt: number[];
  readonly installedMw: number[];
  readonly poweredMw: number[];
  readonly strandedMw: number[];
  readonly marketCap: number[];
  readonly mwOrdered: number[];
  readonly debtIssued: number[];
  readonly emergencyBorrowing: number[];
  readonly couponBp: number[];
  /** 1 when the seat asked the bond market for money and got none (window shut or no demand). */
  readonly debtRefused: number[];
  /** Depreciation of AI servers and their shells in service this quarter (from the asset cohorts). */
  readonly aiDepreciation: number[];
}

export interface SeatSummary {
  readonly id: CompanyId;
  readonly policy: PolicyKey;
  readonly series: SeatSeries;
  /** Capex and AI revenue per quarter before the match (oldest first), aligned with `preQuarters`. */
  readonly preCapex: number[];
  readonly preAiRevenue: number[];
  readonly startCash: number;
  readonly startDebt: number;
  readonly startMaturityBp: number;
  readonly startMarketCap: number;
  readonly serverLifeQuarters: number;
  /** Lives (quarters) of every asset cohort seen at the start or the end, by kind. */
  readonly lives: Readonly<Record<string, number[]>>;
  readonly scoreBp: number;
  readonly tsrBp: number;
  readonly rank: number;
  readonly defaulted: boolean;
  readonly finalRating: Rating;
  /** Decisions the engine replaced by the default because they were not legal. */
  readonly replacedInvalid: number;
}

export interface IndustrySeries {
  readonly capex: number[];
  readonly aiRevenue: number[];
  readonly netIncome: number[];
  readonly freeCashFlow: number[];
  readonly strandedMw: number[];
  readonly nvidiaMarginBp: number[];
  readonly nvidiaPriceK: number[];
  readonly baseRateBp: number[];
  readonly aiIgShareBp: number[];
  readonly windowOpen: boolean[];
  readonly regime: Regime[];
}

export interface MatchSummary {
  readonly job: MatchJob;
  readonly quarters: Quarter[];
  readonly preQuarters: Quarter[];
  readonly seats: SeatSummary[];
  readonly industry: IndustrySeries;
  /** Start-of-match facts the calibration reads directly. */
  readonly start: {
    readonly gridQueueQuarters: number;
    readonly gridLeadQuarters: number[];
    readonly nvidiaMarginBp: number;
    readonly baseRateBp: number;
    readonly aiIgShareBp: number;
  };
  readonly eventKinds: string[];
}
