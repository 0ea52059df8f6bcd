/** Step 2: chips. Nvidia prices by supply vs industry demand; custom silicon is cheaper once mature. */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { ChipProgram, MarketState } from "./types.ts";
import { BP, clamp, mulBp } from "./money.ts";

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

/** Custom silicon price per MW: up to customDiscount below Nvidia's list price at full maturity. */
export function customPriceK(maturityBp: number): number {
  return mulBp(P.nvidiaBasePriceK, BP - mulBp(P.customDiscountBp, maturityBp));
}

/** The most of a quarter's new compute that can be custom: training stays on Nvidia. */
export function maxCustomShareBp(maturityBp: number): number {
  return mulBp(maturityBp, P.customMaxShareOfMaturityBp);
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
export function buyCompute(aiCapex: number, customShareBp: number, maturityBp: number, priceK: number): Purchase {
  const customDollars = mulBp(aiCapex, customShareBp);
  const nvidiaDollars = aiCapex - customDollars;
  const customK = customPriceK(maturityBp);
  const nvidiaMw = Math.floor((nvidiaDollars * 1000) / (priceK + C.facilityCostK));
  const customMw = Math.floor((customDollars * 1000) / (customK + C.facilityCostK));
  const nvidiaServerCost = Math.round((nvidiaMw * priceK) / 1000);
  const customServerCost = Math.round((customMw * customK) / 1000);
  // Shells take whatever the servers did not, so the parts add up to the capex exactly.
  const facilityCost = aiCapex - nvidiaServerCost - customServerCost;
  return { nvidiaMw, customMw, nvidiaServerCost, customServerCost, facilityCost };
}

/** Programme R&D buys maturity; a slipping programme stands still. */
export function advanceProgram(p: ChipProgram, rnd: number): ChipProgram {
  if (p.slipQuarters > 0) return { maturityBp: p.maturityBp, slipQuarters: p.slipQuarters - 1 };
  const base = p.maturityBp > 0 || rnd > 0 ? P.baseMaturityGainBp : 0;
  const gain = base + Math.floor(rnd / P.rndPerMaturityBp);
  return { maturityBp: Math.min(BP, p.maturityBp + gain), slipQuarters: 0 };
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
