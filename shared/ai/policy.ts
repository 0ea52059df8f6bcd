/**
 * The policy contract: what a seat may see → a legal decision. A policy never receives the
 * MatchState (so it cannot read the RNG state, the seed, other seats' private books or the
 * unannounced schedule); everything it knows arrives in the view and the context.
 */
import type { MatchView } from "../engine/view.ts";
import type { Decision, DecisionBounds } from "../engine/types.ts";

export interface PolicyContext {
  readonly bounds: DecisionBounds;
  readonly defaultDecision: Decision;
  /** uint32 for the policy's own deterministic choices (tie-breaks, the planner's belief RNG). */
  readonly seed: number;
}

/** Pure: same view + same context → same decision. Must return a decision within `bounds`. */
export type Policy = (view: MatchView, ctx: PolicyContext) => Decision;

export const PERSONALITIES = ["guidance", "disciplined", "tit_for_tat", "grim_trigger", "arms_racer", "energy_first", "leveraged", "planner"] as const;
export type PersonalityId = (typeof PERSONALITIES)[number];

export function isPersonalityId(x: unknown): x is PersonalityId {
  return typeof x === "string" && (PERSONALITIES as readonly string[]).includes(x);
}

/** Look-ahead settings. Rollouts are counted, never timed, so decisions stay deterministic. */
export interface Planning {
  /** Quarters simulated ahead of the decision (0 = no look-ahead). */
  readonly depth: number;
  /** Capex levels tried this quarter. */
  readonly candidates: number;
  /** Rollouts per candidate (each with its own belief RNG stream). */
  readonly samples: number;
}

export const NO_PLANNING: Planning = { depth: 0, candidates: 0, samples: 0 };
