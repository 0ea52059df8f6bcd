/**
 * The policy table of the harness: a closed list of keys (`PolicyKey`) → the policy a seat plays.
 * Policies that depend on the seat (the shipped AI gives each seat of a difficulty level its own
 * personality) are looked up with the match's seats and the seat.
 */
import type { Policy } from "../shared/ai/policy.ts";
import { policyFor as aiPolicyFor } from "../shared/ai/index.ts";
import { guidancePolicy, CONSENSUS_GROWTH_BP } from "../shared/ai/personalities.ts";
import { guidanceGrowthBp } from "../shared/ai/guidance.ts";
import { cashFloor, returnsFromFcf, shape, yoyBase } from "../shared/ai/shape.ts";
import { TRICK_POLICIES } from "../shared/ai/tricks.ts";
import { flatRestraintPolicy } from "../shared/ai/restraint.ts";
import type { CompanyId, Decision } from "../shared/engine/index.ts";

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

/**
 * Reckless ("loot", issue 11): borrows all the bond market lends, pays out the most dividends the
 * cash allows, and spends everything else on capex. No energy, no chip R&D, no buybacks. Uses the
 * engine's budget rule exactly (outflows ≤ budget − debt capacity + the debt issued), so it never
 * sends an illegal decision; distress comes from what the quarter then does to its cash.
 */
export const recklessPolicy: Policy = (view, ctx) => {
  const b = ctx.bounds;
  if (!view.own) return ctx.defaultDecision;
  const canIssue = b.debtIssue.max > 0 && b.debtTenors.length > 0;
  const debtIssue = canIssue ? b.debtIssue.max : 0;
  const available = Math.max(0, b.budget - b.debtIssue.max + debtIssue);
  const dividends = Math.max(b.dividends.min, Math.min(b.dividends.max, available));
  const capex = Math.max(b.capex.min, Math.min(b.capex.max, available - dividends));
  const d: Decision = {
    capex,
    customShareBp: b.customShareBp.max,
    chipRnd: 0,
    debtIssue,
    debtTenor: b.debtTenors.includes(5) ? 5 : (b.debtTenors[0] ?? ctx.defaultDecision.debtTenor),
    debtRepay: 0,
    energyBids: [],
    buybacks: 0,
    dividends,
  };
  return d;
};

/** The guidance path with no custom silicon: every server bought from Nvidia (the chips probe). */
export const guideNoTpuPolicy: Policy = (view, ctx) => {
  const d = guidancePolicy(view, ctx);
  return { ...d, customShareBp: ctx.bounds.customShareBp.min };
};

const TABLE: Readonly<Record<Exclude<PolicyKey, "ai_easy" | "ai_normal" | "ai_hard">, Policy>> = {
  guide: guidancePolicy,
  capped: cappedRestraintPolicy,
  flat: flatRestraintPolicy,
  hoard: TRICK_POLICIES.hoard_cash,
  zero_capex: TRICK_POLICIES.zero_capex,
  all_in_debt: TRICK_POLICIES.all_in_debt,
  reckless: recklessPolicy,
  guide_no_tpu: guideNoTpuPolicy,
};

/**
 * The policy for `key` in a match with these seats, for `seat`. `ai_normal` is the shipped AI's
 * `normal` level: shared/ai gives each seat its personality by seat order (guidance, grim trigger,
 * the planner, arms racer, leveraged), so the seat must be passed; `ai_easy` and `ai_hard` its other levels.
 */
export function policyFor(key: PolicyKey, seats: readonly CompanyId[] = [], seat?: CompanyId): Policy {
  if (key === "ai_easy") return aiPolicyFor("easy", seats, seat);
  if (key === "ai_normal") return aiPolicyFor("normal", seats, seat);
  if (key === "ai_hard") return aiPolicyFor("hard", seats, seat);
  return TABLE[key];
}
