/** Step 8: the bond market — base rate + rating and leverage spread + crowding, with a window that can shut. */
import { MARKET_PARAMS, COMPANY_PARAMS } from "../rules/params.ts";
import { RATINGS, type CompanyId, type Rating, type Tenor, type Regime } from "./ids.ts";
import type { MarketState } from "./types.ts";
import { BP, clamp, mulBp } from "./money.ts";

const B = MARKET_PARAMS.bonds;

/** Net debt ÷ annual EBITDA in bp (a net-cash company scores 0). */
export function leverageBp(netDebt: number, quarterlyEbitda: number): number {
  if (netDebt <= 0) return 0;
  if (quarterlyEbitda <= 0) return 999_999;
  return Math.floor((netDebt * BP) / (quarterlyEbitda * 4));
}

export function ratingFor(id: CompanyId, levBp: number): Rating {
  let i = B.ratingLeverageBp.findIndex((ceiling) => levBp <= ceiling);
  if (i < 0) i = 6;
  i = clamp(i + COMPANY_PARAMS[id].ratingNotch, 0, 6);
  return RATINGS[i] ?? "CCC";
}

export function crowdingBp(aiIgShareBp: number): number {
  return Math.max(0, mulBp(aiIgShareBp - B.crowdingThresholdBp, B.crowdingPerShareBp));
}

export function couponBp(bonds: MarketState["bonds"], rating: Rating, levBp: number, tenor: Tenor | 1): number {
  const tenorPremium = tenor === 1 ? 0 : (B.tenorPremiumBp[String(tenor)] ?? 0);
  const leverageSpread = Math.floor((levBp * B.leverageSpreadPerTurnBp) / BP);
  return bonds.baseRateBp + B.spreadByRatingBp[rating] + leverageSpread + bonds.crowdingBp + tenorPremium;
}

/** The century bond is only for top credits (bond_googl_100yr). */
export function tenorsFor(rating: Rating): Tenor[] {
  return rating === "AAA" || rating === "AA" ? [5, 10, 30, 100] : [5, 10, 30];
}

/** Order book cover (bp of the issue): falls with weaker credit, crowding and a sour market. */
export function coverageBp(bonds: MarketState["bonds"], rating: Rating, regime: Regime, size: number): number {
  if (!bonds.windowOpen) return 0;
  const ratingIdx = RATINGS.indexOf(rating);
  const regimeCut = regime === "disillusionment" ? 1500 : regime === "scrutiny" ? 700 : 0;
  const base = B.coverageBaseBp - ratingIdx * 4000 - mulBp(bonds.crowdingBp, 200);
  const sized = size > B.jumboSize ? Math.floor((base * B.jumboSize) / size) : base;
  return Math.max(0, sized - mulBp(sized, regimeCut));
}

/** The most a seat can raise this quarter: its leverage headroom, filled at most by the order book. */
export function issueCapacity(netDebt: number, quarterlyEbitda: number, open: boolean): number {
  if (!open || quarterlyEbitda <= 0) return 0;
  const maxNetDebt = Math.floor((quarterlyEbitda * 4 * B.maxLeverageTurnsBp) / BP);
  return Math.max(0, Math.min(maxNetDebt - netDebt, B.jumboSize * 2));
}

export function emergencyCapacity(netDebt: number, quarterlyEbitda: number): number {
  if (quarterlyEbitda <= 0) return 0;
  const maxNetDebt = Math.floor((quarterlyEbitda * 4 * B.emergencyMaxLeverageTurnsBp) / BP);
  return Math.max(0, maxNetDebt - netDebt);
}

export function nextBonds(bonds: MarketState["bonds"], issuedThisTurn: number): MarketState["bonds"] {
  const seatAiDebt = bonds.seatAiDebt + issuedThisTurn;
  const aiIgShareBp = B.aiIgShareStartBp + Math.floor((seatAiDebt * BP) / B.igMarket);
  const shut = Math.max(0, bonds.windowShutQuarters - 1);
  return {
    ...bonds,
    seatAiDebt,
    aiIgShareBp,
    crowdingBp: crowdingBp(aiIgShareBp),
    windowShutQuarters: shut,
    windowOpen: shut === 0,
  };
}
