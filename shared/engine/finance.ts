/** Steps 6–7: costs and the income statement. Cash flow and balance sheet are built in resolve-turn. */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { DebtTranche, IncomeStatement } from "./types.ts";
import { mulBp } from "./money.ts";

export interface IncomeInput {
  readonly coreRevenue: number;
  readonly coreMarginBp: number;
  readonly aiRevenue: number;
  readonly usableMw: number;
  /** Thousands of $ per MW per quarter. */
  readonly powerCostPerMwQK: number;
  readonly depreciation: number;
  readonly rnd: number;
  readonly tranches: readonly DebtTranche[];
  readonly openingCash: number;
  readonly baseRateBp: number;
  /** One-off charges (fines). */
  readonly extraExpense: number;
}

export function interestFor(tranches: readonly DebtTranche[]): number {
  let s = 0;
  for (const t of tranches) s += Math.round((t.principal * t.couponBp) / 40_000);
  return s;
}

export function quarterlyIncome(i: IncomeInput): IncomeStatement {
  const coreCosts = i.coreRevenue - mulBp(i.coreRevenue, i.coreMarginBp);
  const powerCost = Math.round((i.usableMw * i.powerCostPerMwQK) / 1000);
  const aiOpex = mulBp(i.aiRevenue, MARKET_PARAMS.demand.aiOpexBp);
  const revenue = i.coreRevenue + i.aiRevenue;
  const operatingIncome = revenue - coreCosts - powerCost - aiOpex - i.depreciation - i.rnd - i.extraExpense;
  const interestExpense = interestFor(i.tranches);
  const interestIncome = Math.max(0, Math.round((i.openingCash * i.baseRateBp) / 40_000));
  const pretaxIncome = operatingIncome - interestExpense + interestIncome;
  const tax = Math.max(0, mulBp(pretaxIncome, MARKET_PARAMS.valuation.taxRateBp));
  return {
    coreRevenue: i.coreRevenue,
    aiRevenue: i.aiRevenue,
    revenue,
    coreCosts: coreCosts + i.extraExpense,
    powerCost,
    aiOpex,
    depreciation: i.depreciation,
    rnd: i.rnd,
    operatingIncome,
    interestExpense,
    interestIncome,
    pretaxIncome,
    tax,
    netIncome: pretaxIncome - tax,
  };
}
