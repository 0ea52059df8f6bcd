/**
 * Branching: a new match that starts from a finished match's first `turn` quarters. The prefix is
 * the source's own log — same config, seed and decisions, re-simulated and checked hash by hash —
 * copied into the new match's log, so the branch's replay file is complete from the first quarter
 * and chains on with the source's hashes. The creator takes over one seat; every other seat is
 * played by the AI personality that played it (same seat order, difficulty and AI seed), or, with
 * `others: "recorded"`, by its recorded decision for each later quarter as long as that decision
 * is still legal in the new match (the AI otherwise).
 */
import { ENGINE_VERSION, validateDecision, type CompanyId, type Decision, type MatchState } from "../../shared/engine/index.ts";
import { detectScheme } from "../../shared/engine/replay.ts";
import type { CreateOptions } from "../../shared/protocol/index.ts";
import { TurnHasher, restoreState } from "../replay.ts";
import type { MatchRecord, MatchSettings, SeatRecord, Storage, TurnRecord } from "../storage/types.ts";
import type { AiDecide } from "./context.ts";
import { lobbyRecord, type NewMatch, type SetupIds } from "./match-setup.ts";

export interface BranchStart {
  readonly match: NewMatch;
  /** The source's turns kept, to be written into the new match's log before anything else. */
  readonly prefix: readonly TurnRecord[];
  readonly lastHash: string;
  readonly hasher: TurnHasher;
}

export type BranchResult = { readonly ok: true; readonly start: BranchStart } | { readonly ok: false; readonly code: string; readonly message: string };

function refuse(code: string, message: string): BranchResult {
  return { ok: false, code, message };
}

/** Checks the request against the stored source match and builds the new match at the branch point. */
export async function setupBranch(o: CreateOptions, ids: SetupIds, storage: Storage): Promise<BranchResult> {
  const b = o.branch;
  if (!b) return refuse("branch/invalid", "no branch requested");
  const src = await storage.getMatch(b.matchId);
  if (!src) return refuse("branch/not_found", `no match ${b.matchId}`);
  if (src.status !== "ended") return refuse("branch/not_finished", "only a finished match can be branched");
  if (src.engineVersion !== ENGINE_VERSION)
    return refuse(
      "branch/engine_version",
      `match ${src.id} was played with engine ${src.engineVersion}; this server runs ${ENGINE_VERSION} and cannot re-simulate it`,
    );
  if ((o.role ?? "player") !== "player" || !o.seat) return refuse("branch/no_seat", "a branch needs the seat you take over (`seat`)");
  if (!src.config.seats.includes(o.seat)) return refuse("branch/no_seat", `${o.seat} is not a seat of match ${src.id}`);
  const turns = await storage.getTurns(src.id);
  if (b.turn >= turns.length) return refuse("branch/turn", `match ${src.id} has ${turns.length} quarters; branch before its last (turn < ${turns.length})`);
  const prefix = turns.slice(0, b.turn);
  const restored = restoreState(src.config, prefix);
  if (!restored.ok) return refuse("branch/corrupt", `match ${src.id} does not re-simulate: ${restored.message}`);
  // The scheme of the whole source log (a prefix of length 0 cannot tell).
  const hasher = new TurnHasher(detectScheme(src.config, turns), restored.lastHash);
  const settings: MatchSettings = {
    mode: "solo",
    turnSeconds: o.turnSeconds ?? 0,
    difficulty: src.settings.difficulty,
    branch: { matchId: src.id, turn: b.turn, others: b.others },
  };
  const seats: Partial<Record<CompanyId, SeatRecord>> = {};
  for (const c of src.config.seats) seats[c] = { control: "vacant", name: "", tokenHash: "", held: false };
  const record = lobbyRecord(ids, src.config, settings, seats);
  return { ok: true, start: { match: { engine: restored.state, record, fillWithAi: true }, prefix, lastHash: restored.lastHash ?? "", hasher } };
}

/** Writes the new match and its kept quarters; false (and nothing half-written is used) when storage fails. */
export async function persistBranch(storage: Storage, start: BranchStart): Promise<void> {
  await storage.createMatch(start.match.record);
  for (const t of start.prefix) await storage.appendTurn(start.match.record.id, t);
}

/**
 * The AI a branch's room asks: for a "recorded" branch, each seat's recorded decision for the
 * quarter while it is still legal, else the seat's AI; for any other match, the AI unchanged.
 */
export async function branchAi(rec: MatchRecord, storage: Storage, ai: AiDecide): Promise<AiDecide> {
  const b = rec.settings.branch;
  if (b?.others !== "recorded") return ai;
  const recorded = new Map<number, Readonly<Partial<Record<CompanyId, Decision>>>>();
  for (const t of await storage.getTurns(b.matchId)) if (t.turn >= b.turn) recorded.set(t.turn, t.decisions);
  return (state: MatchState, seat, difficulty, aiSeed) => {
    const d = recorded.get(state.turn)?.[seat];
    return d && validateDecision(state, seat, d).ok ? Promise.resolve(d) : ai(state, seat, difficulty, aiSeed);
  };
}
