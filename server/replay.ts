/**
 * Replay files (shared/protocol/replay.ts) from stored match logs. Re-simulation and
 * verification are the shared engine's (`replayMatch`, `verifyReplay`): one fold for every runtime.
 */
import { replayMatch, type MatchConfig, type MatchState } from "../shared/engine/index.ts";
import { REPLAY_VERSION, type ReplayFile } from "../shared/protocol/index.ts";
import type { MatchRecord, TurnRecord } from "./storage/types.ts";

export { verifyReplay, configOfReplay } from "../shared/protocol/index.ts";

export function buildReplay(rec: MatchRecord, turns: readonly TurnRecord[]): ReplayFile {
  return {
    version: REPLAY_VERSION,
    engineVersion: rec.engineVersion,
    scenario: rec.config.scenario,
    variant: rec.config.variant,
    seed: rec.config.seed,
    seats: [...rec.config.seats],
    turnCount: rec.config.turns,
    scoring: rec.config.scoring,
    randomEvents: rec.config.randomEvents,
    createdAt: rec.createdAt,
    turns: turns.map((t) => ({
      turn: t.turn,
      decisions: structuredClone(t.decisions) as ReplayFile["turns"][number]["decisions"],
      hash: t.hash,
      ...(t.events && t.events.length > 0 ? { events: structuredClone(t.events) as NonNullable<ReplayFile["turns"][number]["events"]> } : {}),
    })),
  };
}

/** Rebuilds a stored match's state from its log, checking every recorded hash. */
export function restoreState(config: MatchConfig, turns: readonly TurnRecord[]): { state: MatchState; ok: boolean; message: string } {
  const r = replayMatch(config, turns);
  return r.firstDivergentTurn === null
    ? { state: r.state, ok: true, message: `restored ${turns.length} turns` }
    : { state: r.state, ok: false, message: `re-simulation diverges at turn ${r.firstDivergentTurn} (${r.error ?? "hash mismatch"})` };
}
