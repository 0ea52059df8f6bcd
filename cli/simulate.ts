/** A headless match: AI policies decide, the engine resolves, each turn's decisions and hash are logged. */
import { ENGINE_VERSION, aiSeedFor, createMatch, type MatchConfigInput, type MatchState } from "../shared/engine/index.ts";
import type { HashScheme } from "../shared/engine/replay.ts";
import { decideActive, playRecorded, type RecordedTurn } from "../shared/engine/play.ts";
import { decideFor, type AiId } from "../shared/ai/index.ts";

export interface SimOptions {
  readonly config: MatchConfigInput;
  /** Assigned to seats in canonical order, cycling. */
  readonly policies: readonly AiId[];
  /** How each turn's hash is computed: "chain" for replay files version 2 (default), "state" for version 1. */
  readonly scheme?: HashScheme;
}

export type SimTurn = RecordedTurn;

export function simulateMatch(o: SimOptions): { state: MatchState; turns: SimTurn[] } {
  const start = createMatch(o.config);
  // The AIs' seed is the server's for the same match seed (one-way, never the match RNG).
  const aiSeed = aiSeedFor(start.config.seed);
  const policyAt = (i: number): AiId => o.policies[i % o.policies.length] ?? "guidance";
  return playRecorded(start, (state) => decideActive(state, (seat, i) => decideFor(state, seat, policyAt(i), aiSeed)), o.scheme ?? "chain");
}

/** The replay file of a simulated match (unparsed: callers check it with `ReplayFileSchema`). */
export function simReplayFile(state: MatchState, turns: readonly SimTurn[], version: 1 | 2, createdAt: string): Record<string, unknown> {
  return {
    version,
    engineVersion: ENGINE_VERSION,
    scenario: state.config.scenario,
    variant: state.config.variant,
    seed: state.config.seed,
    seats: [...state.config.seats],
    turnCount: state.config.turns,
    scoring: state.config.scoring,
    randomEvents: state.config.randomEvents,
    createdAt,
    turns,
    ...(version === 2 ? { players: Object.fromEntries(state.config.seats.map((c) => [c, { kind: "ai" }])) } : {}),
  };
}
