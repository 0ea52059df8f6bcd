/**
 * Replay files (shared/protocol/replay.ts) from stored match logs. Re-simulation and
 * verification are the shared engine's (`Replayer`, `verifyReplay`): one fold for every runtime.
 */
import { scoringIn } from "../shared/engine/score.ts";
import { replayMatch, type MatchConfig, type MatchState } from "../shared/engine/index.ts";
import { detectScheme, turnHash, type HashScheme } from "../shared/engine/replay.ts";
import {
  replayVersionFor,
  type LibraryEntry,
  type LibraryPage,
  type LibraryQuery,
  type LibrarySeat,
  type ReplayFile,
  type ReplayFileV2,
} from "../shared/protocol/index.ts";
import type { MatchRecord, Storage, TurnRecord } from "./storage/types.ts";

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
    ...(rec.config.parLevel ? { parLevel: rec.config.parLevel } : {}),
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

// ---------------------------------------------------------------- the saved-matches library

function entryOf(rec: MatchRecord): LibraryEntry {
  const scores = rec.scores ?? [];
  const seats = rec.config.seats.map((c): LibrarySeat => {
    const s = rec.seats[c];
    const sc = scores.find((x) => x.company === c);
    return {
      company: c,
      kind: s?.control === "human" ? "human" : "ai",
      ...(s?.control === "human" && s.name ? { name: s.name } : {}),
      rank: sc?.rank ?? null,
      scoreBp: sc?.scoreBp ?? null,
      defaulted: sc?.defaulted ?? false,
    };
  });
  const b = rec.settings.branch;
  return {
    matchId: rec.id,
    createdAt: rec.createdAt,
    endedAt: rec.endedAt,
    scenario: rec.config.scenario,
    variant: rec.config.variant,
    turns: rec.config.turns,
    difficulty: rec.settings.difficulty,
    scoring: scoringIn(rec.config),
    seats,
    winner: scores.find((x) => x.rank === 1)?.company ?? null,
    branch: b ? { matchId: b.matchId, turn: b.turn } : null,
    engineVersion: rec.engineVersion,
  };
}

/** Every term must appear in one of the entry's words (case-insensitive substring). */
function matchesQuery(e: LibraryEntry, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const words = [e.matchId, e.scenario, e.variant, e.difficulty, ...e.seats.flatMap((s) => [s.company, s.name ?? "", s.kind === "ai" ? "ai" : ""])]
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return terms.every((t) => words.some((w) => w.includes(t)));
}

/** Most this server scans per library request; older finished matches beyond it are not listed. */
export const LIBRARY_SCAN = 5000;

/** Finished matches only, newest first, filtered and paged. */
export async function libraryPage(storage: Storage, query: LibraryQuery): Promise<LibraryPage> {
  const summaries = await storage.listFinished(LIBRARY_SCAN);
  const entries: LibraryEntry[] = [];
  for (const s of summaries) {
    const rec = await storage.getMatch(s.id);
    if (rec?.status === "ended") entries.push(entryOf(rec));
  }
  const hits = entries
    .filter((e) => matchesQuery(e, query.q))
    .sort((a, b) => (b.endedAt ?? "").localeCompare(a.endedAt ?? "") || b.matchId.localeCompare(a.matchId));
  const pages = Math.max(1, Math.ceil(hits.length / query.pageSize));
  const page = Math.min(query.page, pages);
  return { entries: hits.slice((page - 1) * query.pageSize, page * query.pageSize), total: hits.length, page, pageSize: query.pageSize, pages };
}
