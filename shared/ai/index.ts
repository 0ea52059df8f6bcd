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
import { armsRacerPolicy, disciplinedPolicy, energyFirstPolicy, grimTriggerPolicy, guidancePolicy, leveragedPolicy, titForTatPolicy } from "./personalities.ts";
import { makePlanner } from "./planner.ts";
import { TRICKS, TRICK_POLICIES, type TrickId } from "./tricks.ts";
import { mixSeed } from "./shape.ts";
import type { AiStringKey } from "../i18n/ai.ts";

export * from "./policy.ts";
export { OPEN_TRICKS, REGRESSION_SET, TRICKS, TRICK_POLICIES, type TrickId } from "./tricks.ts";
export { makePlanner, DEFAULT_OPPONENT_MODELS } from "./planner.ts";
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
  /** Builds the policy; only the planner uses the planning settings. */
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

export const PERSONALITY_REGISTRY: Readonly<Record<PersonalityId, PersonalityInfo>> = {
  guidance: info("guidance", () => guidancePolicy),
  disciplined: info("disciplined", () => disciplinedPolicy),
  tit_for_tat: info("tit_for_tat", () => titForTatPolicy),
  grim_trigger: info("grim_trigger", () => grimTriggerPolicy),
  arms_racer: info("arms_racer", () => armsRacerPolicy),
  energy_first: info("energy_first", () => energyFirstPolicy),
  leveraged: info("leveraged", () => leveragedPolicy),
  planner: info("planner", (p) => makePlanner(p)),
};

export interface DifficultyLevel {
  /** AI seats take these in turn, by seat order. */
  readonly personalities: readonly PersonalityId[];
  /** Look-ahead of the planner seats at this level (depth 0 = none). */
  readonly planning: Planning;
}

/** Easy: rule-followers with no look-ahead. Normal: reactive rivals plus a short-sighted planner. Hard: full planners. */
export const DIFFICULTIES: Readonly<Record<Difficulty, DifficultyLevel>> = {
  easy: { personalities: ["disciplined", "tit_for_tat", "energy_first"], planning: NO_PLANNING },
  normal: {
    personalities: ["guidance", "grim_trigger", "planner", "arms_racer", "leveraged"],
    planning: { depth: 4, candidates: 6, samples: 1 },
  },
  hard: { personalities: ["planner"], planning: { depth: 8, candidates: 12, samples: 3 } },
};

export function isDifficulty(x: unknown): x is Difficulty {
  return typeof x === "string" && (DIFFICULTY_IDS as readonly string[]).includes(x);
}

export function isTrickId(x: unknown): x is TrickId {
  return typeof x === "string" && (TRICKS as readonly string[]).includes(x);
}

export type AiId = Difficulty | PersonalityId | TrickId;

/** Which personality a seat gets at a difficulty: the level's list taken in seat order. */
export function personalityFor(seats: readonly CompanyId[], seat: CompanyId, difficulty: Difficulty): PersonalityId {
  const list = DIFFICULTIES[difficulty].personalities;
  const i = Math.max(0, seats.indexOf(seat));
  return list[i % list.length] ?? "guidance";
}

/** The policy behind an AI id. A bare personality id plans at the hard level's depth. */
export function policyFor(who: AiId, seats: readonly CompanyId[] = [], seat?: CompanyId): Policy {
  if (isTrickId(who)) return TRICK_POLICIES[who];
  if (isDifficulty(who)) {
    const id = seat ? personalityFor(seats, seat, who) : (DIFFICULTIES[who].personalities[0] ?? "guidance");
    return PERSONALITY_REGISTRY[id].make(DIFFICULTIES[who].planning);
  }
  if (isPersonalityId(who)) return PERSONALITY_REGISTRY[who].make(DIFFICULTIES.hard.planning);
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
