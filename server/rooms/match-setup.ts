/**
 * A new match from create options: the engine's initial state, the room settings and the first
 * seat records. Pure apart from the random seed, id and code the caller passes in.
 */
import { CORE_FOUR, ENGINE_VERSION, createMatch, type CompanyId, type MatchState } from "../../shared/engine/index.ts";
import { CreateOptionsSchema, type CreateOptions } from "../../shared/protocol/index.ts";
import type { MatchRecord, MatchSettings, SeatRecord } from "../storage/types.ts";

export interface NewMatch {
  readonly engine: MatchState;
  readonly record: MatchRecord;
  /** Every seat the creator leaves empty becomes AI at once (solo, or `aiSeats: "fill"`). */
  readonly fillWithAi: boolean;
}

export type SetupResult = { readonly ok: true; readonly match: NewMatch } | { readonly ok: false; readonly message: string };

export interface SetupIds {
  readonly id: string;
  readonly code: string;
  readonly seed: number;
  readonly now: string;
  readonly teacherKeyHash: string;
}

/** A new match's record in the lobby: no host yet, nothing played, the seats as given. */
export function lobbyRecord(ids: SetupIds, config: MatchState["config"], settings: MatchSettings, seats: Partial<Record<CompanyId, SeatRecord>>): MatchRecord {
  return {
    id: ids.id,
    code: ids.code,
    config,
    settings,
    seats,
    hostTokenHash: "",
    teacherKeyHash: ids.teacherKeyHash,
    status: "lobby",
    engineVersion: ENGINE_VERSION,
    createdAt: ids.now,
    updatedAt: ids.now,
    endedAt: null,
    finalHash: null,
    scores: null,
  };
}

export function parseCreateOptions(raw: unknown): { ok: true; options: CreateOptions } | { ok: false; message: string } {
  const parsed = CreateOptionsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, options: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ") };
}

export function setupMatch(o: CreateOptions, ids: SetupIds): SetupResult {
  const seats = o.seats ?? [...CORE_FOUR];
  if (new Set(seats).size !== seats.length) return { ok: false, message: "seats must not repeat" };
  const explicitAi: readonly CompanyId[] = Array.isArray(o.aiSeats) ? o.aiSeats : [];
  for (const s of explicitAi) if (!seats.includes(s)) return { ok: false, message: `aiSeats: ${s} is not one of the seats` };
  if (o.seat !== undefined && !seats.includes(o.seat)) return { ok: false, message: `seat: ${o.seat} is not one of the seats` };
  if (o.seat !== undefined && explicitAi.includes(o.seat)) return { ok: false, message: `seat: ${o.seat} is an AI seat` };

  const role = o.role ?? "player";
  const mode = o.mode ?? (role === "teacher" ? "classroom" : "solo");
  let engine: MatchState;
  try {
    engine = createMatch({
      seats,
      seed: o.seed ?? ids.seed,
      ...(o.scenario !== undefined ? { scenario: o.scenario } : {}),
      ...(o.variant !== undefined ? { variant: o.variant } : {}),
      ...(o.turns !== undefined ? { turns: o.turns } : {}),
      ...(o.scoring !== undefined ? { scoring: o.scoring } : {}),
      // The handicap's par: what each company usually makes against this match's AI level.
      parLevel: o.difficulty ?? "normal",
    });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const settings: MatchSettings = {
    mode,
    turnSeconds: o.turnSeconds ?? (mode === "solo" ? 0 : 120),
    difficulty: o.difficulty ?? "normal",
  };
  const seatRecords: Partial<Record<CompanyId, SeatRecord>> = {};
  for (const s of engine.config.seats) seatRecords[s] = { control: explicitAi.includes(s) ? "ai" : "vacant", name: "", tokenHash: "", held: false };
  const record = lobbyRecord(ids, engine.config, settings, seatRecords);
  return { ok: true, match: { engine, record, fillWithAi: mode === "solo" || o.aiSeats === "fill" } };
}
