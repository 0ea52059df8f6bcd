/** The game's vocabulary: every id set is an `as const` array, and its type is derived from it. */

export const COMPANIES = ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"] as const;
export type CompanyId = (typeof COMPANIES)[number];
export type ByCompany<T> = Partial<Record<CompanyId, T>>;
export const CORE_FOUR = ["microsoft", "amazon", "alphabet", "meta"] as const satisfies readonly CompanyId[];

export const CHIP_TYPES = ["nvidia", "custom"] as const;
export type ChipType = (typeof CHIP_TYPES)[number];

export const DEAL_KINDS = ["grid", "nuclear_ppa", "smr", "gas_turbine"] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

/**
 * Bond tenors in years. The 2- and 3-year notes are the short end real IG issuers also sell:
 * cheaper by the term premium, but they fall due inside a match and must be refinanced at the
 * coupon, rating and bond window of that quarter (the refinancing wall).
 */
export const TENORS = [2, 3, 5, 10, 30, 100] as const;
export type Tenor = (typeof TENORS)[number];

/**
 * Agency notches, best first; BBB− is the last investment grade. `D` is default: the seat is out
 * of the match.
 */
export const RATINGS = ["AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB", "B", "CCC", "D"] as const;
export type Rating = (typeof RATINGS)[number];
export const INVESTMENT_GRADE: readonly Rating[] = RATINGS.slice(0, RATINGS.indexOf("BBB-") + 1);

/** Custom-silicon programmes (GAME.md §3): each company's own chip, with its own economics. */
export const CHIP_PROGRAMS = ["maia", "trainium", "tpu", "mtia", "oracle_asic", "apple_silicon", "dojo"] as const;
export type ChipProgramId = (typeof CHIP_PROGRAMS)[number];

export const REGIMES = ["euphoria", "scrutiny", "disillusionment", "recovery"] as const;
export type Regime = (typeof REGIMES)[number];

export const SCENARIOS = ["reckoning", "buildout"] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export const VARIANTS = ["guide", "cons"] as const;
export type Variant = (typeof VARIANTS)[number];

/** `handicap`: TSR against the seat's own par, in its usual swings (shared/engine/score.ts; issue 11). */
export const SCORINGS = ["tsr", "fcf", "aiShare", "blend", "handicap"] as const;
export type Scoring = (typeof SCORINGS)[number];

/** The AI levels a par is calibrated against (the difficulty levels of shared/ai). */
export const PAR_LEVELS = ["easy", "normal", "hard"] as const;
export type ParLevel = (typeof PAR_LEVELS)[number];
/** Match lengths (quarters) the par table is calibrated on; other lengths use the nearest. */
export const PAR_LENGTHS = [4, 8, 12, 16, 20, 24] as const;

export const EVENT_KINDS = [
  "efficiency_shock",
  "rate_move",
  "grid_approval",
  "grid_outage",
  "chip_slip",
  "antitrust",
  "mega_deal",
  "bond_window_shut",
  "bond_window_open",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const MIN_TURNS = 4;
export const MAX_TURNS = 24;
export const MAX_SEATS = 8;

export function isCompanyId(x: unknown): x is CompanyId {
  return typeof x === "string" && (COMPANIES as readonly string[]).includes(x);
}
