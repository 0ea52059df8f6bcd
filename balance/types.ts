/** Plain-data shapes the balance harness passes between the main thread and its workers. */
import type { CompanyId, CreditWatch, EndingVerdict, PriceMove, Quarter, Rating, Regime, ScenarioId, Variant } from "../shared/engine/index.ts";

/**
 * Scripted policies the harness can seat. `guide` is the documented guidance path (SCN-GUIDE or
 * SCN-CONS, by the match's variant), `capped` the consensus-capped restraint (+35%), `flat`
 * restraint at the 2024 level; `hoard`, `zero_capex`, `all_in_debt` and `reckless` are the fixed
 * decision rules of GAME.md §7 group 9 (`reckless`: borrow all the bond market lends, pay the most
 * dividends the cash allows and spend the rest on capex — the "loot" of issue 11); `ai_normal` is
 * the shipped AI at the `normal` difficulty (the personality its seat gets there), `ai_easy` and
 * `ai_hard` at `easy` and `hard` (the rosters seat par is calibrated on, balance/par.ts); `guide_no_tpu`
 * the guidance path without custom silicon (the chips probe).
 */
export const POLICY_KEYS = [
  "guide",
  "capped",
  "flat",
  "hoard",
  "zero_capex",
  "all_in_debt",
  "reckless",
  "ai_easy",
  "ai_normal",
  "ai_hard",
  "guide_no_tpu",
] as const;
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
  /** Shares sold at a discount when lenders would lend no more ($M). */
  readonly equityIssued: number[];
  readonly dividends: number[];
  /** Share price at the end of the quarter (noise included) and the fair value per share the score counts, cents. */
  readonly priceCents: number[];
  readonly fairPriceCents: number[];
  /** The consensus capex the quarter was judged against ($M). */
  readonly capexConsensus: number[];
  /** TSR so far at the scored price (what the score counts after this quarter), bp. */
  readonly tsrBp: number[];
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
  /** The score's TSR (at the scored price: fair value, or the collapsed price of a defaulted seat). */
  readonly tsrBp: number;
  /** TSR at the fair price per share (the same as `tsrBp` unless the seat defaulted). */
  readonly fairTsrBp: number;
  /** TSR at the market price the player sees (noise included). */
  readonly marketTsrBp: number;
  readonly rank: number;
  readonly defaulted: boolean;
  readonly finalRating: Rating;
  /** Why the price moved, per quarter (the engine's `SeatReport.priceMove`, bp of the quarter's opening price). */
  readonly priceMoves: PriceMove[];
  readonly startPriceCents: number;
  /** Bonds placed per calendar year ($M; emergency bridge loans not included). */
  readonly bondsByYear: Readonly<Record<string, number>>;
  /** Distress during the match: a bridge loan, a discounted share sale, default. */
  readonly distress: { readonly emergency: boolean; readonly equityRaise: boolean; readonly defaulted: boolean };
  /** Rating at the opening, and where the agencies' rule puts the opening ratios (balance/agency.ts). */
  readonly openingRating: Rating;
  readonly openingTarget: Rating;
  /** The agencies each quarter: the rating after the quarter, the watch and the reason (i18n key) of any action. */
  readonly ratings: Rating[];
  readonly watch: CreditWatch[];
  readonly ratingReasons: (string | null)[];
  /** Buybacks + dividends paid during the match ($M). */
  readonly cashReturned: number;
  readonly endMarketCap: number;
  /** Fair value × shares at the end ($M). */
  readonly endFairMarketCap: number;
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
  /** Public leading indicators: adoption index (bp of the opening demand), contracted backlog ($M), AI coverage of capex (bp). */
  readonly adoptionIndexBp: number[];
  readonly backlog: number[];
  readonly aiCoverageBp: number[];
  /** The seats' combined market cap at the end of each quarter ($M). */
  readonly marketCap: number[];
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
    readonly regime: Regime;
    /** The seats' summed consensus capex for the first quarter and the first four quarters ($M). */
    readonly consensusCapex: number;
    readonly consensusCapexYear: number;
    /** The seats' combined market cap at the opening ($M). */
    readonly marketCap: number;
  };
  /** The seats' combined end of match: market cap (noise included), fair value and cash returned ($M). */
  readonly end: { readonly marketCap: number; readonly fairMarketCap: number; readonly cashReturned: number };
  /** The engine's verdict on the final state (`endingVerdict`): the one definition of the endings. */
  readonly ending: EndingVerdict;
  readonly eventKinds: string[];
}
