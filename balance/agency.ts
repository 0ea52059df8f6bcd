/**
 * The agencies' view of a seat at the opening, from the engine's own rating rule: the opening
 * quarter's income (the figures the engine's `openMarket` prices the seat on) → net debt ÷ EBITDA
 * and EBITDA ÷ interest → `targetRating`. The harness compares it with the documented opening
 * rating: when they differ, the first quarter opens with a credit watch that no decision caused.
 */
import { installedMw, quarterDepreciation } from "../shared/engine/compute.ts";
import { type AgencyView, interestCoverBp, leverageBp, targetRating } from "../shared/engine/credit.ts";
import { quarterlyIncome } from "../shared/engine/finance.ts";
import type { CompanyId, MatchState, Rating } from "../shared/engine/index.ts";

export interface OpeningCredit {
  readonly rating: Rating;
  readonly target: Rating;
  readonly binding: AgencyView["binding"];
  readonly leverageBp: number;
  readonly coverBp: number;
}

export function openingCredit(state: MatchState, id: CompanyId): OpeningCredit {
  const c = state.companies[id];
  if (!c) throw new Error(`no seat ${id}`);
  let dep = 0;
  for (const v of c.assets) dep += quarterDepreciation(v, 0);
  const income = quarterlyIncome({
    coreRevenue: c.core.revenue,
    coreMarginBp: c.core.marginBp,
    aiRevenue: c.aiRevenue,
    usableMw: Math.min(installedMw(c, 0), c.power.onlineMw),
    powerCostPerMwQK: c.power.costPerMwQK,
    depreciation: dep,
    rnd: 0,
    tranches: c.tranches,
    openingCash: c.cash,
    baseRateBp: state.market.bonds.baseRateBp,
    extraExpense: 0,
  });
  const ebitdaQ = income.operatingIncome + income.depreciation;
  const lev = leverageBp(c.tranches.reduce((s, t) => s + t.principal, 0) - c.cash, ebitdaQ);
  const cover = interestCoverBp(ebitdaQ, income.interestExpense);
  const view = targetRating(id, lev, cover);
  return { rating: c.rating, target: view.rating, binding: view.binding, leverageBp: lev, coverBp: cover };
}
