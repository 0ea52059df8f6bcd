/**
 * The market's public consensus for each seat and its reaction to surprises against it.
 *
 * Before a quarter the market expects a capex (the documented guidance path, learnt toward what
 * the seat has been doing), core and AI revenue (their trends, with the adoption path the market
 * can see) and net income (those revenues against the costs it can see coming: depreciation,
 * interest). After it, the announcement moves two premiums on the seat's value: the capex premium
 * judges capex above or below the consensus against the revenue evidence it brought ("spending is
 * tolerated only when it drives the core now"), with a sign and size that depend on the market's
 * mood; the beat premium rewards revenue and earnings above the consensus. Both fade each
 * quarter. Sized on the documented January 2026 episodes (balance/params/markets.json).
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { consensusGrowthBp } from "../rules/guidance.ts";
import type { CompanyId, Regime, Variant } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";
import { quarterDepreciation } from "./compute.ts";
import { quarterlyIncome } from "./finance.ts";
import { nextQuarter } from "./quarters.ts";
import type { CompanyState, Expectation, Quarter, SeatExpectations } from "./types.ts";

const E = MARKET_PARAMS.expectations;
const R = MARKET_PARAMS.rules;

/** (actual − consensus) ÷ |consensus|, bp, bounded so one freak quarter cannot dominate. */
export function surpriseBp(e: Expectation, floor = 1): number {
  return clamp(Math.round(((e.actual - e.consensus) * BP) / Math.max(floor, Math.abs(e.consensus))), -R.surpriseCapBp, R.surpriseCapBp);
}

/**
 * The capex consensus for a quarter: the documented growth applied to the seat's own spending a
 * year earlier (the guidance path the variant's market believes), carried a share of the way
 * toward how far the seat ran from its consensus last quarter.
 */
/**
 * The capex the market expects over the next `quarters` quarters, the first starting in `from`
 * (its year decides the documented growth): each quarter's documented growth over the same
 * quarter a year earlier, scaled by the seat's learnt deviation from its last consensus.
 */
export function capexPath(
  id: CompanyId,
  variant: Variant,
  startYear: number,
  from: Quarter,
  capexHistory: readonly number[],
  last: Expectation | undefined,
  quarters: number,
): number[] {
  const deviationBp = !last || last.consensus <= 0 ? 0 : clamp(Math.round(((last.actual - last.consensus) * BP) / last.consensus), -BP, 2 * BP);
  const scale = BP + mulBp(deviationBp, E.capexLearningBp);
  const n = capexHistory.length;
  const out: number[] = [];
  let q = from;
  for (let k = 0; k < quarters; k++) {
    const yearAgo = capexHistory[n - 4 + k] ?? capexHistory[n - 1] ?? 0;
    out.push(Math.max(0, mulBp(mulBp(yearAgo, consensusGrowthBp(id, variant, q.year, startYear)), scale)));
    q = nextQuarter(q);
  }
  return out;
}

/** AI revenue expected next quarter: this quarter's, grown at the adoption path the market sees (learnt toward the last realised growth). */
export function aiRevenueConsensus(aiRevenue: number, lastIndustryGrowthBp: number): number {
  const expected = Math.floor((MARKET_PARAMS.demand.growthBp + clamp(lastIndustryGrowthBp, R.industryGrowthSeenBp[0], R.industryGrowthSeenBp[1])) / 2);
  return aiRevenue + mulBp(aiRevenue, expected);
}

/** Core revenue expected next quarter: its growth, plus the lift the market sees coming. */
export function coreRevenueConsensus(coreRevenue: number, growthBp: number, liftDriftBp: number): number {
  return coreRevenue + mulBp(coreRevenue, Math.floor(growthBp / 4) + liftDriftBp);
}

/**
 * The revenue evidence of a quarter, bp of the revenue expected: the AI and core revenue beat (or
 * missed) in dollars, AI dollars weighted up as the growth story's signal (Azure's whisper) for a
 * seat judged by its cloud, core dollars for a seat judged by its core (Meta's ads).
 */
export function evidenceBp(aiEvidenceBp: number, x: SeatExpectations): number {
  const expected = Math.max(1, x.aiRevenue.consensus + x.coreRevenue.consensus);
  const ai = mulBp((x.aiRevenue.actual - x.aiRevenue.consensus) * E.aiSignalMultiple, aiEvidenceBp);
  const core = mulBp(x.coreRevenue.actual - x.coreRevenue.consensus, BP - aiEvidenceBp);
  return clamp(Math.round(((ai + core) * BP) / expected), -R.evidenceCapBp, R.evidenceCapBp);
}

export interface Premiums {
  readonly capexPremiumBp: number;
  readonly beatPremiumBp: number;
}

/**
 * The announcement: fades last quarter's premiums, then moves them on this quarter's surprises.
 * `aiEvidenceBp` says how much the seat's revenue evidence is its cloud AI revenue (the rest: its
 * core), so Meta's capex is judged by its ads and Microsoft's by Azure.
 */
export function reactToQuarter(regime: Regime, aiEvidenceBp: number, x: SeatExpectations, before: Premiums): Premiums {
  const fade = (v: number): number => v - mulBp(v, E.credibilityDecayBp);
  const sCapex = surpriseBp(x.capex, 1000);
  const sNi = surpriseBp(x.netIncome, 1000);
  const evidence = evidenceBp(aiEvidenceBp, x);
  // Capex beyond what the evidence justifies moves the premium at the mood's rate (negative when
  // sour: punished; positive in euphoria: rewarded); capex below it, at a third of the rate the
  // other way (a cut is frowned on in euphoria). A sour market does not rally on a cut: the cash
  // it saves is in the price already (net cash, forward earnings), and the distrust overspending
  // earned fades at its usual pace, so a racer cannot buy its credibility back by stopping cold as
  // the match ends (issue 11). The documents reward capex with evidence and punish it without
  // (MARKETS.md §1); none shows a rally for leaving the race (gt_zuck_asymmetry).
  const unexplained = sCapex - Math.floor((Math.max(0, evidence) * E.evidenceCoverBp) / BP);
  const rate = E.capexReactionBp[regime];
  const carried = fade(before.capexPremiumBp);
  const raw = unexplained > 0 ? mulBp(unexplained, rate) : Math.trunc(mulBp(unexplained, rate) / 3);
  const capexMove = unexplained < 0 && raw > 0 ? 0 : raw;
  const beatMove = mulBp(evidence, E.revenueReactionBp) + mulBp(sNi, E.earningsReactionBp);
  const span = E.credibilityMaxBp - BP;
  return {
    capexPremiumBp: clamp(carried + capexMove, -span, span),
    beatPremiumBp: clamp(fade(before.beatPremiumBp) + beatMove, -span, span),
  };
}

/** Net income expected next quarter: the consensus revenues against the costs the market can see coming. */
export function netIncomeConsensus(
  c: CompanyState,
  nextTurn: number,
  revenues: { coreRevenue: number; aiRevenue: number },
  usableMw: number,
  chipRnd: number,
  baseRateBp: number,
  /** The cohorts' depreciation in `nextTurn`, when the caller has it already (cohorts.ts). */
  depreciation?: number,
): number {
  let dep = 0;
  if (depreciation === undefined) for (const v of c.assets) dep += quarterDepreciation(v, nextTurn);
  else dep = depreciation;
  return quarterlyIncome({
    coreRevenue: revenues.coreRevenue,
    coreMarginBp: c.core.marginBp,
    aiRevenue: revenues.aiRevenue,
    usableMw,
    powerCostPerMwQK: c.power.costPerMwQK,
    depreciation: dep,
    rnd: chipRnd,
    tranches: c.tranches,
    openingCash: c.cash,
    baseRateBp,
    extraExpense: 0,
  }).netIncome;
}
