/**
 * Step 2: chips. Nvidia prices by supply against the industry's demand; each company's own
 * silicon has its own economics (balance/params/companies.json chipProgram): a price cut against
 * Nvidia's list that grows with maturity (CAL-CHIP-02), and training and serving work per MW
 * against an Nvidia MW — Alphabet's TPUs train as well as GPUs, Maia and MTIA are built for
 * inference, Trainium sits between. R&D buys maturity and designs the next generation (Maia 100 →
 * Maia 200, TPU v5p → v6 → v7): the custom servers bought after it do more work per MW. Both have
 * diminishing returns (a quarter's spend, and the lead over Nvidia); a programme can slip.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import type { CompanyId } from "./ids.ts";
import { BP, clamp, isqrt, mulBp } from "./money.ts";
import type { ChipProgram, MarketState } from "./types.ts";

const P = MARKET_PARAMS.chips;
const C = MARKET_PARAMS.capex;

export function nvidiaUnitCostK(): number {
  return mulBp(P.nvidiaBasePriceK, BP - P.nvidiaGrossMarginBp);
}

/** Price (K$/MW) when `demandMw` of Nvidia servers meet `supplyMw`: excess demand raises it. */
export function nvidiaPriceK(demandMw: number, supplyMw: number): number {
  const excessBp = supplyMw <= 0 ? 0 : Math.round(((demandMw - supplyMw) * BP) / supplyMw);
  const factor = clamp(BP + mulBp(excessBp, P.priceElasticityBp), P.priceFloorBp, P.priceCapBp);
  return mulBp(P.nvidiaBasePriceK, factor);
}

export function grossMarginBp(priceK: number): number {
  return priceK <= 0 ? 0 : Math.round(((priceK - nvidiaUnitCostK()) * BP) / priceK);
}

/** Own-silicon price per MW: the programme's cut against Nvidia's list, scaled by maturity. */
export function customPriceK(id: CompanyId, maturityBp: number): number {
  return mulBp(P.nvidiaBasePriceK, BP - mulBp(COMPANY_PARAMS[id].chipProgram.discountBp, maturityBp));
}

/** The most of a quarter's new compute the programme can supply at this maturity. */
export function maxCustomShareBp(id: CompanyId, maturityBp: number): number {
  return mulBp(maturityBp, COMPANY_PARAMS[id].chipProgram.maxShareOfMaturityBp);
}

export function aiShareOfCapex(capex: number): { traditional: number; ai: number } {
  const traditional = mulBp(capex, C.traditionalShareBp);
  return { traditional, ai: capex - traditional };
}

/** MW of Nvidia servers a seat's AI capex would buy at list price (demand before pricing). */
export function nvidiaDemandAtListMw(aiCapex: number, customShareBp: number): number {
  const nvidiaDollars = aiCapex - mulBp(aiCapex, customShareBp);
  return Math.floor((nvidiaDollars * 1000) / (P.nvidiaBasePriceK + C.facilityCostK));
}

export interface Purchase {
  readonly nvidiaMw: number;
  readonly customMw: number;
  readonly nvidiaServerCost: number;
  readonly customServerCost: number;
  readonly facilityCost: number;
}

/** Splits AI capex into servers (by chip) and shells, at this quarter's prices. */
export function buyCompute(id: CompanyId, aiCapex: number, customShareBp: number, maturityBp: number, priceK: number): Purchase {
  const customDollars = mulBp(aiCapex, customShareBp);
  const nvidiaDollars = aiCapex - customDollars;
  const customK = customPriceK(id, maturityBp);
  const nvidiaMw = Math.floor((nvidiaDollars * 1000) / (priceK + C.facilityCostK));
  const customMw = Math.floor((customDollars * 1000) / (customK + C.facilityCostK));
  const nvidiaServerCost = Math.round((nvidiaMw * priceK) / 1000);
  const customServerCost = Math.round((customMw * customK) / 1000);
  // Shells take whatever the servers did not, so the parts add up to the capex exactly.
  const facilityCost = aiCapex - nvidiaServerCost - customServerCost;
  return { nvidiaMw, customMw, nvidiaServerCost, customServerCost, facilityCost };
}

/**
 * R&D's spend in "reference quarters" under a square root: √(rnd × reference), $M. Equal to `rnd`
 * at the reference spend; twice the money buys ≈ 1.4× the progress, half of it ≈ 0.7×.
 */
function rndEffort(rnd: number): number {
  return rnd <= 0 ? 0 : isqrt(rnd * P.rndReferenceQ);
}

/**
 * Design progress a quarter's R&D buys, bp of a generation: the fastest pace (a generation in
 * `generationQuarters`) × R&D ÷ (R&D + the reference): half of it at the reference spend, and
 * never faster however much is spent.
 */
export function designGainBp(rnd: number): number {
  if (rnd <= 0) return 0;
  return Math.floor((BP * rnd) / (P.generationQuarters * (rnd + P.rndReferenceQ)));
}

/**
 * Programme R&D buys maturity at the programme's rate (at the reference spend; with diminishing
 * returns around it) and designs the next generation; a slipping programme stands still.
 */
export function advanceProgram(id: CompanyId, p: ChipProgram, rnd: number): ChipProgram {
  if (p.slipQuarters > 0) return { ...p, slipQuarters: p.slipQuarters - 1 };
  const base = p.maturityBp > 0 || rnd > 0 ? P.baseMaturityGainBp : 0;
  const gain = base + Math.floor(rndEffort(rnd) / COMPANY_PARAMS[id].chipProgram.rndPerMaturityBp);
  return { ...p, maturityBp: Math.min(BP, p.maturityBp + gain), slipQuarters: 0, designBp: p.designBp + designGainBp(rnd) };
}

/**
 * Extra work per MW of the custom servers a programme ships now, bp over its documented chip: the
 * lead narrows as Nvidia ships its own generations (g generations ahead: max lead × g ÷ (g + 1)).
 */
export function newChipUpliftBp(p: ChipProgram): number {
  return Math.floor((P.maxLeadBp * p.designBp) / (p.designBp + BP));
}

/** The custom fleet's MW-weighted uplift after `addMw` of new custom servers join `fleetMw` already installed or on order. */
export function blendUpliftBp(fleetUpliftBp: number, fleetMw: number, addMw: number, addUpliftBp: number): number {
  const total = fleetMw + addMw;
  if (total <= 0) return fleetUpliftBp;
  return Math.floor((fleetUpliftBp * fleetMw + addUpliftBp * addMw) / total);
}

/** Work per usable MW of a fleet with this custom share, bp of an all-Nvidia MW; `upliftBp` = the custom servers' generation gain. */
export function fleetEfficiencyBp(id: CompanyId, customShareBp: number, work: "training" | "inference", upliftBp = 0): number {
  const prog = COMPANY_PARAMS[id].chipProgram;
  const base = work === "training" ? prog.trainingBp : prog.inferenceBp;
  const eff = base + mulBp(base, upliftBp);
  return BP - customShareBp + mulBp(customShareBp, eff);
}

export function nextNvidia(m: MarketState["nvidia"], demandMw: number): MarketState["nvidia"] {
  const priceK = nvidiaPriceK(demandMw, m.supplyMw);
  const soldMw = Math.min(demandMw, m.supplyMw + mulBp(m.supplyMw, P.priceCapBp - BP));
  return {
    supplyMw: m.supplyMw + mulBp(m.supplyMw, P.nvidiaSupplyGrowthBp),
    priceK,
    unitCostK: nvidiaUnitCostK(),
    grossMarginBp: grossMarginBp(priceK),
    revenue: Math.round((soldMw * priceK) / 1000),
    leadQuarters: demandMw > m.supplyMw ? P.nvidiaLeadQuarters + 1 : P.nvidiaLeadQuarters,
  };
}
