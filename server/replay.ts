/**
 * Replay files (shared/protocol/replay.ts) from stored match logs. Re-simulation and
 * verification are the shared engine's (`Replayer`, `verifyReplay`): one fold for every runtime.
 */
import { replayMatch, type MatchConfig, type MatchState } from "../shared/engine/index.ts";
import { detectScheme, turnHash, type HashScheme } from "../shared/engine/replay.ts";
import { replayVersionFor, type ReplayFile, type ReplayFileV2 } from "../shared/protocol/index.ts";
import type { MatchRecord, TurnRecord } from "./storage/types.ts";

export { verifyReplay, configOfReplay } from "../shared/protocol/index.ts";

function fileTurns(turns: readonly TurnRecord[]): ReplayFile["turns"] {
  return turns.map((t) => ({
    turn: t.turn,
    decisions: structuredClone(t.decisions) as ReplayFile["turns"][number]["decisions"],
    hash: t.hash,
    ...(t.events && t.events.length > 0 ? { events: structuredClone(t.events) as NonNullable<ReplayFile["turns"][number]["events"]> } : {}),
  }));
}

/** Who played each seat, as a replay file says it: a person's name, or the AI. */
export function playersOf(rec: MatchRecord): NonNullable<ReplayFileV2["players"]> {
  const out: NonNullable<ReplayFileV2["players"]> = {};
  for (const c of rec.config.seats) {
    const s = rec.seats[c];
    out[c] = s?.control === "human" ? { kind: "human", ...(s.name ? { name: s.name } : {}) } : { kind: "ai" };
  }
  return out;
}

/** The replay file of a stored match: version 2 when its log chains its hashes, version 1 for an older log. */
export function buildReplay(rec: MatchRecord, turns: readonly TurnRecord[]): ReplayFile {
  const common = {
    engineVersion: rec.engineVersion,
    scenario: rec.config.scenario,
    variant: rec.config.variant,
    seed: rec.config.seed,
    seats: [...rec.config.seats],
    turnCount: rec.config.turns,
    scoring: rec.config.scoring,
    randomEvents: rec.config.randomEvents,
    createdAt: rec.createdAt,
    turns: fileTurns(turns),
  };
  if (replayVersionFor(detectScheme(rec.config, turns)) === 1) return { version: 1, ...common };
  const b = rec.settings.branch;
  return {
    version: 2,
    ...common,
    matchId: rec.id,
    difficulty: rec.settings.difficulty,
    players: playersOf(rec),
    ...(b ? { branch: { matchId: b.matchId, turn: b.turn } } : {}),
  };
}

/** Rebuilds a stored match's state from its log, checking every recorded hash in the scheme the log uses. */
export function restoreState(
  config: MatchConfig,
  turns: readonly TurnRecord[],
): { state: MatchState; ok: boolean; message: string; scheme: HashScheme; lastHash: string | null } {
  const scheme = detectScheme(config, turns);
  const r = replayMatch(config, turns, scheme);
  const lastHash = r.hashes[r.hashes.length - 1] ?? null;
  return r.firstDivergentTurn === null
    ? { state: r.state, ok: true, message: `restored ${turns.length} turns`, scheme, lastHash }
    : { state: r.state, ok: false, message: `re-simulation diverges at turn ${r.firstDivergentTurn} (${r.error ?? "hash mismatch"})`, scheme, lastHash };
}

/**
 * The hash a room records for each turn, in its match's scheme: new matches chain ("chain",
 * replay files version 2); a match restored from a log of whole-state hashes keeps that scheme.
 * `hash` is pure; `commit` moves the chain on once the turn is persisted.
 */
export class TurnHasher {
  readonly scheme: HashScheme;
  #last: string | null;

  constructor(scheme: HashScheme = "chain", last: string | null = null) {
    this.scheme = scheme;
    this.#last = last;
  }

  get last(): string | null {
    return this.#last;
  }

  hash(before: MatchState, after: MatchState): string {
    return turnHash(this.scheme, this.#last, before, after);
  }

  commit(hash: string): void {
    this.#last = hash;
  }
}
