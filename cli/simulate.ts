/** A headless match: AI policies decide, the engine resolves, each turn's decisions and hash are logged. */
import { ENGINE_VERSION, createMatch, resolveTurn, type CompanyId, type Decision, type MatchConfigInput, type MatchState } from "../shared/engine/index.ts";
import { turnHash, type HashScheme } from "../shared/engine/replay.ts";
import { decideFor, type AiId } from "../shared/ai/index.ts";

export interface SimOptions {
  readonly config: MatchConfigInput;
  /** Assigned to seats in canonical order, cycling. */
  readonly policies: readonly AiId[];
  /** How each turn's hash is computed: "chain" for replay files version 2 (default), "state" for version 1. */
  readonly scheme?: HashScheme;
}

export interface SimTurn {
  readonly turn: number;
  readonly decisions: Partial<Record<CompanyId, Decision>>;
  readonly hash: string;
}

export function simulateMatch(o: SimOptions): { state: MatchState; turns: SimTurn[] } {
  let state = createMatch(o.config);
  const seats = state.config.seats;
  const scheme = o.scheme ?? "chain";
  // The AIs' own seed is derived from the match seed but is not the match RNG.
  const aiSeed = (state.config.seed ^ 0x5eed1e55) >>> 0;
  const turns: SimTurn[] = [];
  let prev: string | null = null;
  while (!state.ended) {
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    seats.forEach((seat, i) => {
      if (state.companies[seat]?.status !== "active") return;
      decisions[seat] = decideFor(state, seat, o.policies[i % o.policies.length] ?? "guidance", aiSeed);
    });
    const before = state;
    state = resolveTurn(before, decisions).state;
    prev = turnHash(scheme, prev, before, state);
    turns.push({ turn: before.turn, decisions, hash: prev });
  }
  return { state, turns };
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
