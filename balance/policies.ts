/**
 * The policies the harness seats, by key. Invest-heavy (`guide`) is the lead's guidance follower
 * (shared/ai); the two restraint paths of GAME.md §7 group 7 are built here from the same shaping
 * helpers, so the only difference between Invest and Restrain is the capex level:
 *   flat   — capex held at the company's 2024 level (calibration.md §0.5, the pre-race intensity);
 *   capped — year-on-year growth capped at the end-2025 consensus +35%
 *            (capex_2026_consensus_growth_end2025), never above the guidance path.
 * The fixed rules of group 9 (hoard cash, all-in debt, zero capex) are shared/ai/tricks.ts.
 */
import type { CompanyId } from "../shared/engine/index.ts";
import type { Policy } from "../shared/ai/policy.ts";
import { guidancePolicy, CONSENSUS_GROWTH_BP } from "../shared/ai/personalities.ts";
import { guidanceGrowthBp } from "../shared/ai/guidance.ts";
import { cashFloor, returnsFromFcf, shape, yoyBase } from "../shared/ai/shape.ts";
import { TRICK_POLICIES } from "../shared/ai/tricks.ts";
import { flatRestraintPolicy } from "../shared/ai/restraint.ts";

export { flatRestraintPolicy };
import { COMPANY_PARAMS } from "../shared/rules/params.ts";
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
