/**
 * Stored rows back to records, the same for every backend (SQLite, PostgreSQL): JSON columns are
 * kept as text and parsed back through their zod schemas, so both databases hand the rooms exactly
 * what was written. A row that does not parse is a `CorruptRow` naming its match: lists skip it
 * (and log it), reads of that match fail alone.
 */
import { z } from "zod";
import { BranchRequestSchema, CompanyIdSchema, DecisionSchema, InjectedEventSchema, MatchConfigSchema } from "../../shared/protocol/index.ts";
import type { ClassRow, MatchRecord, MatchSummary, TurnRecord } from "./types.ts";

/** A stored row that does not parse: the match (or turn) it belongs to is named, the others are unaffected. */
export class CorruptRow extends Error {
  readonly matchId: string;
  constructor(matchId: string, what: string, cause: unknown) {
    super(`match ${matchId}: ${what} does not parse (${cause instanceof Error ? cause.message.split("\n")[0]?.slice(0, 200) : String(cause)})`);
    this.matchId = matchId;
    this.name = "CorruptRow";
  }
}

const SeatRecordSchema = z.strictObject({
  control: z.enum(["human", "ai", "vacant"]),
  name: z.string().max(40),
  tokenHash: z.string().max(64),
  held: z.boolean(),
});
const SeatsSchema = z.partialRecord(CompanyIdSchema, SeatRecordSchema);
const SettingsSchema = z.strictObject({
  mode: z.enum(["solo", "multiplayer", "classroom"]),
  turnSeconds: z.number().int().min(0),
  difficulty: z.enum(["easy", "normal", "hard"]),
  branch: BranchRequestSchema.optional(),
});
const DecisionsSchema = z.partialRecord(CompanyIdSchema, DecisionSchema);
const EventsSchema = z.array(InjectedEventSchema);
const StatusSchema = z.enum(["lobby", "active", "ended", "abandoned"]);
const ScoresSchema = z.array(z.looseObject({ company: CompanyIdSchema, scoreBp: z.number(), rank: z.number() }));

export type Row = Record<string, unknown>;

function str(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== "string") throw new Error(`storage: column ${key} is not text`);
  return v;
}

function strOrNull(row: Row, key: string): string | null {
  const v = row[key];
  return typeof v === "string" ? v : null;
}

export function toClassRow(row: Row): ClassRow {
  return {
    id: str(row, "id"),
    code: str(row, "code"),
    teacherKeyHash: str(row, "teacher_key_hash"),
    status: str(row, "status"),
    record: JSON.parse(str(row, "record")) as unknown,
    createdAt: str(row, "created_at"),
    updatedAt: str(row, "updated_at"),
  };
}

export function toRecord(row: Row): MatchRecord {
  try {
    return parseRecord(row);
  } catch (e) {
    throw new CorruptRow(String(row["id"] ?? "?"), "its stored row", e);
  }
}

function parseRecord(row: Row): MatchRecord {
  const scoresText = strOrNull(row, "scores");
  return {
    id: str(row, "id"),
    code: str(row, "code"),
    config: MatchConfigSchema.parse(JSON.parse(str(row, "config"))),
    settings: SettingsSchema.parse(JSON.parse(str(row, "settings"))),
    seats: SeatsSchema.parse(JSON.parse(str(row, "seats"))),
    hostTokenHash: str(row, "host_token_hash"),
    teacherKeyHash: str(row, "teacher_key_hash"),
    status: StatusSchema.parse(str(row, "status")),
    engineVersion: str(row, "engine_version"),
    createdAt: str(row, "created_at"),
    updatedAt: str(row, "updated_at"),
    endedAt: strOrNull(row, "ended_at"),
    finalHash: strOrNull(row, "final_hash"),
    scores: scoresText === null ? null : (ScoresSchema.parse(JSON.parse(scoresText)) as unknown as MatchRecord["scores"]),
    closedReason: strOrNull(row, "closed_reason"),
  };
}

export function toTurn(matchId: string, r: Row): TurnRecord {
  try {
    return {
      turn: Number(r["turn"]),
      decisions: DecisionsSchema.parse(JSON.parse(str(r, "decisions"))),
      hash: str(r, "hash"),
      resolvedAt: str(r, "resolved_at"),
      ...(typeof r["events"] === "string" ? { events: EventsSchema.parse(JSON.parse(r["events"])) } : {}),
    };
  } catch (e) {
    throw new CorruptRow(matchId, `turn ${String(r["turn"])}`, e);
  }
}

/** A `matches` row with a `played` column (its number of turns) as a list entry. */
export function toSummary(r: Row): MatchSummary {
  const rec = toRecord(r);
  return {
    id: rec.id,
    code: rec.code,
    status: rec.status,
    scenario: rec.config.scenario,
    variant: rec.config.variant,
    seats: rec.config.seats,
    turns: rec.config.turns,
    turnsPlayed: Number(r["played"]),
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    endedAt: rec.endedAt,
    closedReason: rec.closedReason ?? null,
    engineVersion: rec.engineVersion,
  };
}

/** One bad row costs only itself: it is logged by name and left out. */
export function parseEach<T>(rows: readonly Row[], parse: (r: Row) => T, log: (line: string) => void): T[] {
  const out: T[] = [];
  for (const r of rows) {
    try {
      out.push(parse(r));
    } catch (e) {
      log(`storage: skipping ${e instanceof CorruptRow ? e.message : `match ${String(r["id"])}: ${String(e)}`}`);
    }
  }
  return out;
}

/** Only 64-hex-digit hashes are searched for (a seat token hash inside the seats JSON cannot match by accident). */
export function searchableHashes(tokenHashes: readonly string[]): string[] {
  return tokenHashes.filter((h) => /^[0-9a-f]{64}$/.test(h));
}

/** Why a match was closed by `closeStale`. */
export function staleReason(updatedAt: unknown): string {
  return `nobody played it since ${String(updatedAt ?? "long ago")}`;
}
