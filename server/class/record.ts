/**
 * A class session as one plain JSON document: settings, the roster of teams (each with the hash of
 * its token), the match slots with who plays each seat, and what the projector shows. It is the
 * whole state of a class — the room holds nothing else worth keeping — so it can live in SQLite
 * today and in a shared store (PostgreSQL, Redis) when classes span processes. Parsed with its
 * schema whenever it is read back.
 */
import { z } from "zod";
import { CompanyIdSchema } from "../../shared/protocol/config.ts";
import {
  CLASS_STATUSES,
  ClassSettingsSchema,
  MAX_TEAMS,
  PROJECTOR_STAGES,
  type ClassSettings,
  type ClassStatus,
  type ProjectorStage,
} from "../../shared/protocol/class.ts";
import type { CompanyId } from "../../shared/engine/index.ts";
import type { MatchLive } from "../../shared/protocol/class.ts";

export const CLASS_RECORD_VERSION = 1;

const TeamSchema = z.strictObject({
  id: z.string().regex(/^t[0-9a-f]{8}$/),
  name: z.string().min(1).max(40),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  joinedAt: z.string(),
});

const SlotSeatSchema = z.strictObject({
  company: CompanyIdSchema,
  team: z.string().nullable(),
  ai: z.boolean(),
});

const SlotSchema = z.strictObject({
  index: z.number().int().min(0),
  matchId: z.string().nullable(),
  seats: z.array(SlotSeatSchema),
  /** The match's last public summary once it ended (its room goes away; the class still shows it). */
  final: z
    .looseObject({ matchId: z.string(), seats: z.array(z.unknown()) })
    .nullable()
    .optional(),
});

export const ClassRecordSchema = z.strictObject({
  version: z.literal(CLASS_RECORD_VERSION),
  id: z.string().regex(/^c[0-9a-f]{16}$/),
  code: z.string(),
  status: z.enum(CLASS_STATUSES),
  settings: ClassSettingsSchema,
  createdAt: z.string(),
  teams: z.array(TeamSchema).max(MAX_TEAMS),
  slots: z.array(SlotSchema),
  projector: z.strictObject({ match: z.number().int().min(0), stage: z.enum(PROJECTOR_STAGES) }),
});

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly joinedAt: string;
}

export interface SlotSeat {
  readonly company: CompanyId;
  /** The team that plays (or owns) this seat. */
  readonly team: string | null;
  /** AI plays the seat: an empty seat filled, or the team replaced while it is away. */
  readonly ai: boolean;
}

export interface Slot {
  readonly index: number;
  /** The match's id once the class has started (matches are created at the start). */
  readonly matchId: string | null;
  readonly seats: readonly SlotSeat[];
  readonly final?: MatchLive | null;
}

export interface ClassRecord {
  readonly version: typeof CLASS_RECORD_VERSION;
  readonly id: string;
  readonly code: string;
  readonly status: ClassStatus;
  readonly settings: ClassSettings;
  readonly createdAt: string;
  readonly teams: readonly Team[];
  readonly slots: readonly Slot[];
  readonly projector: { readonly match: number; readonly stage: ProjectorStage };
}

/** A new class in its lobby: one empty slot per match, every seat open. */
export function newClassRecord(id: string, code: string, settings: ClassSettings, now: string): ClassRecord {
  return {
    version: CLASS_RECORD_VERSION,
    id,
    code,
    status: "lobby",
    settings,
    createdAt: now,
    teams: [],
    slots: Array.from({ length: settings.matches }, (_, index) => ({
      index,
      matchId: null,
      seats: settings.seats.map((company) => ({ company, team: null, ai: false })),
    })),
    projector: { match: 0, stage: "board" },
  };
}

export function parseClassRecord(raw: unknown): { ok: true; record: ClassRecord } | { ok: false; message: string } {
  const r = ClassRecordSchema.safeParse(raw);
  if (!r.success) return { ok: false, message: r.error.issues.map((i) => `${i.path.join(".") || "record"}: ${i.message}`).join("; ") };
  // `final` is a summary this server wrote (MatchLive); its shape is checked loosely.
  return { ok: true, record: r.data as unknown as ClassRecord };
}

/** Where a team sits, if anywhere. */
export function seatOf(rec: ClassRecord, teamId: string): { readonly match: number; readonly seat: SlotSeat } | null {
  for (const slot of rec.slots) for (const seat of slot.seats) if (seat.team === teamId) return { match: slot.index, seat };
  return null;
}
