/**
 * Step 9: the stock market. Fair value = core earnings power × a multiple that rises with AI
 * position and falls with leverage, stranded assets and (in sour regimes) capex that AI revenue
 * does not follow, plus the capitalised AI franchise (GAME.md §6: the market prices the future),
 * plus net cash. Earnings power is the core business after tax: the AI build-out is paid for in
 * cash (net cash falls by the capex) and valued through the franchise, so its depreciation is not
 * charged a second time through the multiple — and cash returned to shareholders is neutral.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { Regime } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";

const S = MARKET_PARAMS.stock;

export interface ValuationInput {
  /** After-tax core earnings this quarter (see `earningsPowerQ`). */
  readonly earningsQ: number;
  /** Cash − debt. */
  readonly netCash: number;
  readonly baseEarningsQ: number;
  readonly anchorMultipleBp: number;
  /** Share of the industry's AI position (compute × capability incl. contracted power), bp. */
  readonly positionShareBp: number;
  readonly capabilityBp: number;
  readonly meanCapabilityBp: number;
  readonly industryPotentialQ: number;
  readonly aiRevenueQ: number;
  readonly regime: Regime;
  readonly capexGrowthBp: number;
  readonly aiRevenueGrowthBp: number;
  readonly leverageBp: number;
  readonly strandedBp: number;
  readonly antitrustBp: number;
}

/** The AI franchise: a share of the industry's capitalised future AI revenue. */
export function franchiseValue(positionShareBp: number, industryPotentialQ: number): number {
  const industry = mulBp(industryPotentialQ * 4, S.franchiseMultipleBp);
  return mulBp(industry, positionShareBp);
}

export function aiSalesValue(aiRevenueQ: number): number {
  return mulBp(aiRevenueQ * 4, S.aiSalesMultipleBp);
}

export function multiplierBp(v: ValuationInput): number {
  let m = BP;
  m += mulBp(v.capabilityBp - v.meanCapabilityBp, S.positionPremiumBp);
  if (v.regime === "scrutiny" || v.regime === "disillusionment") {
    const excess = clamp(v.capexGrowthBp - v.aiRevenueGrowthBp, 0, BP);
    m -= mulBp(excess, S.disciplinePenaltyBp);
  }
  m -= mulBp(Math.max(0, v.leverageBp - BP), S.leveragePenaltyBp);
  m -= mulBp(v.strandedBp, S.strandedPenaltyBp);
  m -= v.antitrustBp;
  return Math.max(2000, mulBp(m, S.regimeMultBp[v.regime]));
}

export function fairValue(v: ValuationInput): number {
  const floor = mulBp(v.baseEarningsQ, S.earningsFloorBp);
  const earnings = Math.max(v.earningsQ, floor);
  const core = mulBp(mulBp(earnings * 4, v.anchorMultipleBp), multiplierBp(v));
  return Math.max(1000, core + mulBp(franchiseValue(v.positionShareBp, v.industryPotentialQ), franchiseRiskBp(v)) + aiSalesValue(v.aiRevenueQ) + v.netCash);
}

/**
 * The AI position is worth less when it is debt-funded (the Oracle discount: orcl_equity_raise)
 * — lenders and shareholders share the upside of a levered build-out.
 */
export function franchiseRiskBp(v: ValuationInput): number {
  return Math.max(S.franchiseRiskFloorBp, BP - mulBp(Math.max(0, v.leverageBp - BP), S.franchiseLeveragePenaltyBp));
}

/** After-tax core earnings power per quarter. */
export function earningsPowerQ(coreRevenue: number, coreMarginBp: number): number {
  return mulBp(mulBp(coreRevenue, coreMarginBp), BP - S.taxRateBp);
}

/** The multiple that makes the opening fair value equal the opening market cap. */
export function anchorMultipleBp(
  startCap: number,
  earningsQ: number,
  positionShareBp: number,
  industryPotentialQ: number,
  aiRevenueQ: number,
  netCash: number,
): number {
  const rest = startCap - franchiseValue(positionShareBp, industryPotentialQ) - aiSalesValue(aiRevenueQ) - netCash;
  const e = Math.max(1, earningsQ * 4);
  return Math.max(5 * BP, Math.floor((Math.max(rest, mulBp(startCap, 3000)) * BP) / e));
}

/** Prices close part of the gap to fair value each quarter, with noise and event pops. */
export function nextMarketCap(cap: number, fair: number, noiseBp: number, popBp: number): number {
  const moved = cap + mulBp(fair - cap, S.adjustBp);
  return Math.max(1000, moved + mulBp(moved, noiseBp + popBp));
}
