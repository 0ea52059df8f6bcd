/**
 * The debrief's data: plain JSON, built by pure functions from a finished match's log (config +
 * decisions per turn + teacher events), the same in Node and in the browser.
 */
import type { CompanyId, Rating } from "../engine/ids.ts";
import type {
  AuctionResult,
  Decision,
  EndingVerdict,
  Headline,
  MatchConfig,
  PriceMove,
  QuarterRecord,
  ScheduledEvent,
  SeatExpectations,
} from "../engine/types.ts";

/** One resolved turn of a match log: the decisions that stood and any teacher events. */
export interface DebriefTurn {
  readonly turn: number;
  readonly decisions: Readonly<Partial<Record<CompanyId, Decision>>>;
  readonly events?: readonly ScheduledEvent[];
}

/** What the debrief needs: the match's config (seed included: the match has ended) and its log. */
export interface DebriefInput {
  readonly config: MatchConfig;
  readonly turns: readonly DebriefTurn[];
}

/**
 * The runs the debrief compares. `actual` is the match as played; the others re-run the engine
 * with the same config, seed and teacher events:
 * - `allRestrain`: every seat follows the restrain policy (capex held at its 2024 level);
 * - `onlyRestrain`: `seat` follows the restrain policy, every other seat repeats its recorded decisions;
 * - `onlyRace`: `seat` follows the race policy (the documents' guidance path), every other seat restrains.
 */
export type RunKind = "actual" | "allRestrain" | "onlyRestrain" | "onlyRace";

/** A seat's end of one run. Money in $M, scores in bp. */
export interface SeatOutcome {
  readonly company: CompanyId;
  /** The engine's `score(state)`: the match's scoring (TSR by default), bp. */
  readonly scoreBp: number;
  readonly tsrBp: number;
  readonly rank: number;
  readonly defaulted: boolean;
  readonly startMarketCap: number;
  readonly marketCap: number;
  /** Buybacks + dividends paid during the match. */
  readonly cashReturned: number;
  /** New shares sold during the match (distressed raises): value that came from new investors. */
  readonly equityIssued: number;
  /** What the opening shareholders gained: end market cap + cash returned − equity raised − opening market cap. */
  readonly valueCreated: number;
  /** Sums over the quarters played. */
  readonly capex: number;
  readonly netIncome: number;
  readonly freeCashFlow: number;
  readonly aiRevenue: number;
}

/** The industry (every seat of the match) at the end of one run. */
export interface IndustryOutcome {
  readonly startMarketCap: number;
  /** Σ end market cap + cash returned − equity raised. */
  readonly value: number;
  readonly valueCreated: number;
  readonly capex: number;
  readonly netIncome: number;
  readonly freeCashFlow: number;
  readonly aiRevenue: number;
  /** Profit ÷ capex over the match, bp (the documents' measure: 2–3× historically, 0.69× in 2026). */
  readonly profitToCapexBp: number;
}

/** Per-quarter paths of one run, for charts (seat → one value per quarter played). */
export interface RunSeries {
  readonly capex: Readonly<Partial<Record<CompanyId, readonly number[]>>>;
  readonly sharePriceCents: Readonly<Partial<Record<CompanyId, readonly number[]>>>;
  readonly aiRevenue: Readonly<Partial<Record<CompanyId, readonly number[]>>>;
}

export interface RunSummary {
  readonly kind: RunKind;
  /** The seat whose what-if this is (`onlyRestrain`, `onlyRace`); null for the others. */
  readonly seat: CompanyId | null;
  /** In the config's seat order. */
  readonly seats: readonly SeatOutcome[];
  readonly industry: IndustryOutcome;
  readonly verdict: EndingVerdict;
  /** Recorded decisions trimmed to stay legal in the re-run's changed market (only runs that repeat recorded decisions). */
  readonly adjusted: number;
  /** Decisions that could not be made legal: the engine's default stood instead. */
  readonly defaulted: number;
  readonly series: RunSeries;
}

/** T, R, P, S of one seat (score bp), each from a named run. */
export interface SeatPayoff {
  readonly company: CompanyId;
  /** `onlyRace` for this seat: it races, every rival restrains. */
  readonly T: number;
  /** `allRestrain`. */
  readonly R: number;
  /** `actual`: the match as played. */
  readonly P: number;
  /** `onlyRestrain` for this seat: it restrains, every rival repeats its recorded decisions. */
  readonly S: number;
  /** The seat's capex over the match against its capex restraining alone, bp (10_000 = the same). */
  readonly capexVsRestraintBp: number;
  /** It spent clearly more than the restraint path (RACED_ABOVE_BP). */
  readonly raced: boolean;
  /** P − S: what racing (as played) earned against the rivals' actual play. */
  readonly racingGainBp: number;
  /** T > R > P > S, strictly. */
  readonly orderHolds: boolean;
  /** 2R > T + S. */
  readonly iteratedHolds: boolean;
}

export interface PayoffMatrix {
  readonly seats: readonly SeatPayoff[];
  /** Seats for which the full ordering T > R > P > S held in this match. */
  readonly dilemmaSeats: readonly CompanyId[];
}

/** One row of the dual leaderboard: the private score next to the seat's share of collective welfare. */
export interface LeaderRow {
  readonly company: CompanyId;
  readonly rank: number;
  readonly scoreBp: number;
  readonly restrainScoreBp: number;
  readonly valueCreated: number;
  readonly restrainValueCreated: number;
  readonly netIncome: number;
  readonly restrainNetIncome: number;
  readonly defaulted: boolean;
}

export interface Welfare {
  readonly rows: readonly LeaderRow[];
  readonly actual: IndustryOutcome;
  readonly allRestrain: IndustryOutcome;
  /** allRestrain.value − actual.value: what the race cost the industry in value ($M; negative = it gained). */
  readonly raceCostValue: number;
  /** allRestrain.netIncome − actual.netIncome ($M). */
  readonly raceCostProfit: number;
}

/** One seat in one quarter: the decision that stood and the market's reaction (from the TurnReport). */
export interface HistorySeatRow {
  readonly company: CompanyId;
  readonly decision: Decision;
  readonly replacedInvalid: boolean;
  readonly capexSpent: number;
  readonly energyWon: readonly string[];
  readonly debtIssued: number;
  readonly couponBp: number;
  readonly emergencyBorrowing: number;
  readonly equityIssued: number;
  readonly aiRevenue: number;
  readonly netIncome: number;
  readonly freeCashFlow: number;
  readonly sharePriceChangeBp: number;
  readonly sharePriceCents: number;
  readonly marketCap: number;
  readonly priceMove: PriceMove;
  readonly expectations: SeatExpectations;
  readonly ratingBefore: Rating;
  readonly ratingAfter: Rating;
  readonly defaulted: boolean;
}

export interface HistoryQuarter {
  readonly turn: number;
  readonly year: number;
  readonly q: number;
  readonly seats: readonly HistorySeatRow[];
  readonly industryCapex: number;
  readonly industryAiRevenue: number;
  readonly regimeBefore: string;
  readonly regimeAfter: string;
  readonly windowOpen: boolean;
  readonly auctions: readonly AuctionResult[];
  readonly headlines: readonly Headline[];
}

/** A typed lesson parameter: the client and exports format it for their language. */
export type LessonValue =
  | { readonly kind: "company"; readonly id: CompanyId }
  | { readonly kind: "companies"; readonly ids: readonly CompanyId[] }
  /** A score or return, bp (rendered "+12.3%"). */
  | { readonly kind: "score"; readonly bp: number }
  /** A difference of two scores, bp (rendered "12.3 points"). */
  | { readonly kind: "points"; readonly bp: number }
  /** Money, $M. */
  | { readonly kind: "money"; readonly m: number }
  /** A ratio, bp (rendered "0.7×"). */
  | { readonly kind: "ratio"; readonly bp: number }
  | { readonly kind: "count"; readonly n: number };

export interface LessonLine {
  /** An i18n key of the debrief table (`debrief.lesson.*`). */
  readonly key: string;
  readonly params: Readonly<Record<string, LessonValue>>;
}

/** "What really happened": one figure of the match's year next to the documents' figure for the same year. */
export interface RealityRow {
  /** i18n key suffix of the row's label: `debrief.reality.<id>`. */
  readonly id: string;
  readonly year: number;
  /** The company it is about, or null for the industry (the core four present in the match). */
  readonly company: CompanyId | null;
  /** money: $M; bp: a share or a move; ratio: bp rendered as "0.7×"; count: a number of seats. */
  readonly unit: "money" | "bp" | "ratio" | "count";
  /** For a count: the seats counted in the match (the documents' are in the row's label). */
  readonly companies?: readonly CompanyId[];
  /** The match's value over the quarters of `year` it played (null: nothing comparable was played). */
  readonly match: number | null;
  /** Quarters of `year` the match played (4 = the full year). */
  readonly quarters: number;
  /** The documents' figure: a point (lo = hi) or a range. */
  readonly doc: { readonly lo: number; readonly hi: number };
  readonly figureIds: readonly string[];
}

export interface Debrief {
  readonly config: MatchConfig;
  readonly runs: readonly RunSummary[];
  readonly payoff: PayoffMatrix;
  readonly welfare: Welfare;
  readonly history: readonly HistoryQuarter[];
  /** Each seat's quarterly statements as played (the engine's QuarterRecords). */
  readonly statements: Readonly<Partial<Record<CompanyId, readonly QuarterRecord[]>>>;
  readonly reality: readonly RealityRow[];
  readonly lesson: readonly LessonLine[];
  readonly verdict: EndingVerdict;
}
