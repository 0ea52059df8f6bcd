/**
 * Step 2: chips. Nvidia prices by supply against the industry's demand; each company's own
 * silicon has its own economics (balance/params/companies.json chipProgram): a price cut against
 * Nvidia's list that grows with maturity (CAL-CHIP-02), and training and serving work per MW
 * against an Nvidia MW — Alphabet's TPUs train as well as GPUs, Maia and MTIA are built for
 * inference, Trainium sits between. R&D buys maturity; a programme can slip.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import type { CompanyId } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";
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

/** Programme R&D buys maturity at the programme's rate; a slipping programme stands still. */
export function advanceProgram(id: CompanyId, p: ChipProgram, rnd: number): ChipProgram {
  if (p.slipQuarters > 0) return { maturityBp: p.maturityBp, slipQuarters: p.slipQuarters - 1 };
  const base = p.maturityBp > 0 || rnd > 0 ? P.baseMaturityGainBp : 0;
  const gain = base + Math.floor(rnd / COMPANY_PARAMS[id].chipProgram.rndPerMaturityBp);
  return { maturityBp: Math.min(BP, p.maturityBp + gain), slipQuarters: 0 };
}

/** Work per usable MW of a fleet with this custom share, bp of an all-Nvidia MW. */
export function fleetEfficiencyBp(id: CompanyId, customShareBp: number, work: "training" | "inference"): number {
  const prog = COMPANY_PARAMS[id].chipProgram;
  const eff = work === "training" ? prog.trainingBp : prog.inferenceBp;
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
