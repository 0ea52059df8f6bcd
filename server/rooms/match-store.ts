/**
 * Persistence glue between one room and the storage: a storage failure is logged with the match
 * it belongs to and reported as a result, never thrown into the room's event handlers.
 */
import type { MatchState, ScheduledEvent, SeatScore } from "../../shared/engine/index.ts";
import { TurnHasher, restoreState } from "../replay.ts";
import type { MatchPatch, MatchRecord, Storage, TurnRecord } from "../storage/types.ts";

export type Restored =
  | { readonly ok: true; readonly rec: MatchRecord; readonly state: MatchState; readonly lastHash: string; readonly hasher: TurnHasher }
  | { readonly ok: false; readonly message: string };

export class MatchStore {
  readonly #storage: Storage;
  readonly #log: (line: string) => void;

  constructor(storage: Storage, log: (line: string) => void) {
    this.#storage = storage;
    this.#log = log;
  }

  get storage(): Storage {
    return this.#storage;
  }

  async codeInUse(code: string): Promise<boolean> {
    return (await this.#storage.findByCode(code)) !== undefined;
  }

  async create(rec: MatchRecord): Promise<void> {
    await this.#storage.createMatch(rec);
  }

  /** Best effort: a failed update is logged (the next one carries the full seat map again). */
  async update(id: string, patch: MatchPatch): Promise<boolean> {
    try {
      await this.#storage.updateMatch(id, patch);
      return true;
    } catch (e) {
      this.#log(`storage failed updating match ${id} (${Object.keys(patch).join(", ")}): ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Must succeed before the reveal: a crash after it never loses a revealed turn. */
  async appendTurn(id: string, turn: TurnRecord, end?: { readonly finalHash: string; readonly scores: readonly SeatScore[] }): Promise<boolean> {
    try {
      await this.#storage.appendTurn(id, turn, end);
      return true;
    } catch (e) {
      this.#log(`storage failed for match ${id} turn ${turn.turn}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** The teacher's undo: the last turn leaves the log (and the match is active again). */
  async dropLastTurn(id: string, turn: number): Promise<boolean> {
    try {
      await this.#storage.dropLastTurn(id, turn);
      return true;
    } catch (e) {
      this.#log(`storage failed dropping turn ${turn} of match ${id}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Rebuilds a saved match from its log, checking every recorded hash. */
  async restore(id: string): Promise<Restored> {
    let rec: MatchRecord | undefined;
    let turns: readonly TurnRecord[];
    try {
      rec = await this.#storage.getMatch(id);
      if (!rec) return { ok: false, message: `match ${id} not found` };
      turns = await this.#storage.getTurns(id);
    } catch (e) {
      return { ok: false, message: `match ${id} cannot be read: ${e instanceof Error ? e.message : String(e)}` };
    }
    const r = restoreState(rec.config, turns);
    if (!r.ok) return { ok: false, message: `match ${id}: ${r.message}` };
    return { ok: true, rec, state: r.state, lastHash: turns.at(-1)?.hash ?? "", hasher: new TurnHasher(r.scheme, r.lastHash) };
  }

  /** Teacher events by turn, for re-simulations of this match (the counterfactual). */
  async eventsByTurn(id: string): Promise<Record<number, readonly ScheduledEvent[]>> {
    const events: Record<number, readonly ScheduledEvent[]> = {};
    for (const t of await this.#storage.getTurns(id)) if (t.events && t.events.length > 0) events[t.turn] = t.events;
    return events;
  }
}
