/**
 * AI opponents: the personality registry, difficulty levels and `decideFor`, the one call the
 * server, `sim` and `balance/` make. Pure and deterministic: same state, seat, level and seed →
 * same decision; the policy itself only ever sees `viewFor(state, seat)`.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { Decision, MatchState } from "../engine/types.ts";
import { decisionBounds, defaultDecision, validateDecision } from "../engine/validate.ts";
import { viewFor } from "../engine/view.ts";
import type { Difficulty } from "../protocol/messages.ts";
import { NO_PLANNING, isPersonalityId, type Planning, type Policy, type PersonalityId, type PolicyContext } from "./policy.ts";
import {
  armsRacerIntent,
  disciplinedIntent,
  energyFirstIntent,
  grimTriggerIntent,
  guidanceIntent,
  guidancePolicy,
  type IntentFn,
  intentPolicy,
  leveragedIntent,
  titForTatIntent,
} from "./personalities.ts";
import { makeCharacterPlanner, makePlanner } from "./planner.ts";
import { TRICKS, TRICK_POLICIES, type TrickId } from "./tricks.ts";
import { mixSeed } from "./shape.ts";
import type { AiStringKey } from "../i18n/ai.ts";

export * from "./policy.ts";
export { OPEN_TRICKS, REGRESSION_SET, TRICKS, TRICK_POLICIES, type TrickId } from "./tricks.ts";
export { makePlanner, makeCharacterPlanner, DEFAULT_OPPONENT_MODELS } from "./planner.ts";
export { beliefState } from "./belief.ts";
export { flatRestraintPolicy } from "./restraint.ts";
export { restrainedScores } from "./counterfactual.ts";
export { AI_STRINGS, type AiStringKey } from "../i18n/ai.ts";

export type { Difficulty };
export const DIFFICULTY_IDS = ["easy", "normal", "hard"] as const satisfies readonly Difficulty[];

export interface PersonalityInfo {
  readonly id: PersonalityId;
  readonly nameKey: AiStringKey;
  readonly aboutKey: AiStringKey;
  /** Builds the policy: with look-ahead (depth > 0) a rule personality plans among its in-character lines. */
  readonly make: (planning: Planning) => Policy;
}

function info(id: PersonalityId, make: (planning: Planning) => Policy): PersonalityInfo {
  return {
    id,
    nameKey: `ai.personality.${id}` as AiStringKey,
    aboutKey: `ai.personality.${id}.about` as AiStringKey,
    make,
  };
}

function rule(id: PersonalityId, f: IntentFn): PersonalityInfo {
  const plain = intentPolicy(f);
  return info(id, (p) => (p.depth > 0 && p.candidates > 1 ? makeCharacterPlanner(f, p) : plain));
}

export const PERSONALITY_REGISTRY: Readonly<Record<PersonalityId, PersonalityInfo>> = {
  guidance: info("guidance", () => guidancePolicy),
  disciplined: rule("disciplined", disciplinedIntent),
  tit_for_tat: rule("tit_for_tat", titForTatIntent),
  grim_trigger: rule("grim_trigger", grimTriggerIntent),
  arms_racer: rule("arms_racer", armsRacerIntent),
  energy_first: rule("energy_first", energyFirstIntent),
  leveraged: rule("leveraged", leveragedIntent),
  planner: info("planner", (p) => makePlanner(p)),
};

/** The intent behind a rule personality (the guidance follower's for the planner). */
export const PERSONALITY_INTENTS: Readonly<Record<Exclude<PersonalityId, "planner">, IntentFn>> = {
  guidance: guidanceIntent,
  disciplined: disciplinedIntent,
  tit_for_tat: titForTatIntent,
  grim_trigger: grimTriggerIntent,
  arms_racer: armsRacerIntent,
  energy_first: energyFirstIntent,
  leveraged: leveragedIntent,
};

/**
 * The documents' character of each company they give one to (issue 11): Microsoft's discipline
 * ("Margins over Visions": jevons_rejected; its cash flow alone still covers its capex:
 * ocf_only_msft_covers_2026), Amazon's energy sovereignty (amzn_cumulus_campus), Zuckerberg's
 * "under-investing is the bigger risk" (gt_zuck_asymmetry), Oracle's leverage (bond_orcl_size),
 * Apple's restraint (no H100 fleet for a general cloud: d000_apple_no_h100). Alphabet and Tesla
 * have none in the documents: they take the level's list by seat order.
 */
export const COMPANY_PERSONALITY: Readonly<Partial<Record<CompanyId, PersonalityId>>> = {
  microsoft: "disciplined",
  amazon: "energy_first",
  meta: "arms_racer",
  oracle: "leveraged",
  apple: "disciplined",
};

export interface DifficultyLevel {
  /** A company's own personality at this level (the documents' character, or the planner at hard). */
  readonly byCompany: Readonly<Partial<Record<CompanyId, PersonalityId>>>;
  /** Companies without one take these in turn, by seat order. */
  readonly personalities: readonly PersonalityId[];
  /** Look-ahead of the seats at this level (depth 0 = none): rule personalities plan among their in-character lines. */
  readonly planning: Planning;
}

/**
 * Easy: each company's character as a plain rule, no look-ahead. Normal: the same characters,
 * each weighing its own call against a heavier version and its guidance path a year ahead (one
 * roll-out each: cheap). Hard: full planners.
 */
export const DIFFICULTIES: Readonly<Record<Difficulty, DifficultyLevel>> = {
  easy: { byCompany: COMPANY_PERSONALITY, personalities: ["guidance", "grim_trigger", "tit_for_tat"], planning: NO_PLANNING },
  normal: {
    byCompany: COMPANY_PERSONALITY,
    personalities: ["guidance", "grim_trigger", "tit_for_tat"],
    planning: { depth: 4, candidates: 3, samples: 1 },
  },
  hard: { byCompany: {}, personalities: ["planner"], planning: { depth: 8, candidates: 13, samples: 3 } },
};

export function isDifficulty(x: unknown): x is Difficulty {
  return typeof x === "string" && (DIFFICULTY_IDS as readonly string[]).includes(x);
}

export function isTrickId(x: unknown): x is TrickId {
  return typeof x === "string" && (TRICKS as readonly string[]).includes(x);
}

export type AiId = Difficulty | PersonalityId | TrickId;

/**
 * Which personality a seat gets at a difficulty: its company's own at that level, else the
 * level's list taken in seat order.
 */
export function personalityFor(seats: readonly CompanyId[], seat: CompanyId, difficulty: Difficulty): PersonalityId {
  const level = DIFFICULTIES[difficulty];
  const own = level.byCompany[seat];
  if (own) return own;
  const list = level.personalities;
  const i = Math.max(0, seats.indexOf(seat));
  return list[i % list.length] ?? "guidance";
}

/** The policy a personality plays at a difficulty (with the level's look-ahead). */
export function levelPolicy(id: PersonalityId, difficulty: Difficulty): Policy {
  return PERSONALITY_REGISTRY[id].make(DIFFICULTIES[difficulty].planning);
}

/** The policy behind an AI id. A bare rule personality plays its plain rule; the bare planner plans at the hard level's depth. */
export function policyFor(who: AiId, seats: readonly CompanyId[] = [], seat?: CompanyId): Policy {
  if (isTrickId(who)) return TRICK_POLICIES[who];
  if (isDifficulty(who)) {
    const id = seat ? personalityFor(seats, seat, who) : (DIFFICULTIES[who].personalities[0] ?? "guidance");
    return levelPolicy(id, who);
  }
  if (isPersonalityId(who)) return PERSONALITY_REGISTRY[who].make(who === "planner" ? DIFFICULTIES.hard.planning : NO_PLANNING);
  return guidancePolicy;
}

/** The context a seat's policy gets this turn: its bounds, its default and a seed mixed with turn and seat. */
export function contextFor(state: MatchState, seat: CompanyId, seed: number): PolicyContext {
  const i = state.config.seats.indexOf(seat);
  return {
    bounds: decisionBounds(state, seat),
    defaultDecision: defaultDecision(state, seat),
    seed: mixSeed(seed, state.turn * 16 + i + 1),
  };
}

/**
 * The AI's decision for `seat` this turn. `seed` should be the AI's own seed (e.g. fixed per
 * match), not something that reveals the match's RNG. A policy bug that produced an illegal
 * decision falls back to the default rather than stalling a match.
 */
export function decideFor(state: MatchState, seat: CompanyId, who: AiId, seed: number): Decision {
  const ctx = contextFor(state, seat, seed);
  const company = state.companies[seat];
  if (company?.status !== "active" || state.ended) return ctx.defaultDecision;
  const policy = policyFor(who, state.config.seats, seat);
  const d = policy(viewFor(state, seat), ctx);
  return validateDecision(state, seat, d).ok ? d : ctx.defaultDecision;
}
