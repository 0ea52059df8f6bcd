import type { Policy } from "../shared/ai/policy.ts";
import { guidancePolicy, CONSENSUS_GROWTH_BP } from "../shared/ai/personalities.ts";
import { guidanceGrowthBp } from "../shared/ai/guidance.ts";
import { cashFloor, returnsFromFcf, shape, yoyBase } from "../shared/ai/shape.ts";
import { TRICK_POLICIES } from "../shared/ai/tricks.ts";
import { flatRestraintPolicy } from "../shared/ai/restraint.ts";

export { flatRestraintPolicy };
import type { PolicyKey } from "./types.ts";

const mulBp = (x: number, bp: number): number => Math.round((x * bp) / 10_000);

/** Consensus-capped restraint: the guidance path with year-on-year growth capped at +35%. */
export const cappedRestraintPolicy: Policy = (view, ctx) => {
  const o = view.own;
  if (!o) return ctx.defaultDecision;
  const base = yoyBase(o, ctx.defaultDecision.capex);
  const growth = Math.min(guidanceGrowthBp(view), CONSENSUS_GROWTH_BP);
  return shape(view, ctx, {
    capex: mulBp(base, growth),
    energy: { premiumBp: 2_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 1_500), tenor: 10, maxShareBp: 6_000 },
    buybacks: returnsFromFcf(o, 5_000),
  });
};

const TABLE: Readonly<Record<PolicyKey, Policy>> = {
  guide: guidancePolicy,
  capped: cappedRestraintPolicy,
  flat: flatRestraintPolicy,
  hoard: TRICK_POLICIES.hoard_cash,
  zero_capex: TRICK_POLICIES.zero_capex,
  all_in_debt: TRICK_POLICIES.all_in_debt,
};

export function policyFor(key: PolicyKey): Policy {
  return TABLE[key];
}
