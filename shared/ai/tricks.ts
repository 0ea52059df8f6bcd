/**
 * Degenerate fixed rules the balance goals must defeat (GAME.md §7.9): hoarding cash, all-in
 * debt, zero capex. Not offered as opponents; the tournament and tests play them.
 */
import { mulBp } from "../engine/money.ts";
import type { Policy } from "./policy.ts";
import { shape, yoyBase } from "./shape.ts";

export const TRICKS = ["hoard_cash", "all_in_debt", "zero_capex"] as const;
export type TrickId = (typeof TRICKS)[number];

/** Hoarding cash: capex at half of a year earlier, no energy, no returns, no debt. */
export const hoardCashPolicy: Policy = (view, ctx) => {
  const o = view.own;
  if (!o) return ctx.defaultDecision;
  return shape(view, ctx, {
    capex: mulBp(yoyBase(o, ctx.defaultDecision.capex), 5_000),
    chipRnd: 0,
    financing: { borrow: "none", floor: 0, tenor: 10 },
  });
};

/** All-in debt: borrows everything the bond market lends and spends the whole budget on capex. */
export const allInDebtPolicy: Policy = (view, ctx) => {
  const o = view.own;
  if (!o) return ctx.defaultDecision;
  return shape(view, ctx, {
    capex: ctx.bounds.capex.max,
    financing: { borrow: "max", floor: 0, tenor: 30, maxShareBp: 10_000 },
    energy: { premiumBp: 10_000, maxDeals: 8, needMw: -1 },
  });
};

/** Zero capex: spends nothing on AI and pays its free cash flow out. */
export const zeroCapexPolicy: Policy = (view, ctx) => {
  const o = view.own;
  if (!o) return ctx.defaultDecision;
  const fcf = o.history[o.history.length - 1]?.cashFlow.freeCashFlow ?? 0;
  return shape(view, ctx, {
    capex: 0,
    chipRnd: 0,
    financing: { borrow: "none", floor: 0, tenor: 10 },
    buybacks: Math.max(0, fcf),
  });
};

export const TRICK_POLICIES: Readonly<Record<TrickId, Policy>> = {
  hoard_cash: hoardCashPolicy,
  all_in_debt: allInDebtPolicy,
  zero_capex: zeroCapexPolicy,
};
