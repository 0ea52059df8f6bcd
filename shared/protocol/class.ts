/**
 * Protocol v1, room `class`: a teacher's class session — one class code, a roster of student
 * teams, several matches (rooms `match`) run together, and a projector. Every client message is
 * parsed with these schemas before anything else; the server's answers are typed here too, so the
 * teacher console, the student page, the projector and the tests agree.
 *
 * Who is who comes from a secret, never from an option or a name: the teacher holds the class's
 * teacher key (given once, when the class is created over HTTP); a student team holds its team
 * token (given at its first join; it also reclaims the team's seat in its match); a projector
 * holds nothing and sees only public figures.
 */
import { z } from "zod";
import { CORE_FOUR, EVENT_KINDS, MAX_SEATS, MAX_TURNS, MIN_TURNS, SCENARIOS, SCORINGS, VARIANTS, type CompanyId, type EventKind } from "../engine/ids.ts";
import type { ActiveEvent, SeatScore, TurnReport } from "../engine/types.ts";
import { CompanyIdSchema } from "./config.ts";
import { DIFFICULTIES, PingMessageSchema } from "./messages.ts";

export const CLASS_ROOM_NAME = "class";
export const MAX_MATCHES = 8;
export const MAX_TEAMS = 64;
/** A turn timer is always on in class (the teacher pauses it); seconds. */
export const CLASS_MIN_TURN_SECONDS = 30;
export const CLASS_MAX_TURN_SECONDS = 3600;

/** What the projector shows, in the order the teacher steps through a reveal. */
export const PROJECTOR_STAGES = ["board", "decisions", "market", "headlines", "leaderboard"] as const;
export type ProjectorStage = (typeof PROJECTOR_STAGES)[number];

export const CLASS_STATUSES = ["lobby", "running", "ended"] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const ClassIdSchema = z.string().regex(/^c[0-9a-f]{16}$/, "a class id is 'c' and 16 hex characters");
export const TeamIdSchema = z.string().regex(/^t[0-9a-f]{8}$/, "a team id is 't' and 8 hex characters");
/** The teacher key and team tokens: 32 hex characters. */
export const SecretSchema = z.string().min(1).max(80);
export const MatchIndexSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_MATCHES - 1);

export const ClassSettingsSchema = z.strictObject({
  title: z.string().max(60).default("").describe('shown to the class ("Econ 101, period 3")'),
  scenario: z.enum(SCENARIOS).default("reckoning").describe("scenario of every match"),
  variant: z.enum(VARIANTS).default("guide").describe("rules variant of every match"),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS).default(8).describe("quarters to play"),
  turnSeconds: z
    .number()
    .int()
    .min(CLASS_MIN_TURN_SECONDS)
    .max(CLASS_MAX_TURN_SECONDS)
    .default(180)
    .describe("per-quarter timer (always on in class; the teacher pauses it)"),
  scoring: z
    .enum(SCORINGS)
    .default("handicap")
    .describe("how seats rank, in a match and on the class leaderboard (handicap: each company's TSR against its own par)"),
  difficulty: z.enum(DIFFICULTIES).default("normal").describe("AI seats"),
  matches: z.number().int().min(1).max(MAX_MATCHES).default(2).describe("matches played side by side, each with the same companies"),
  seats: z
    .array(CompanyIdSchema)
    .min(2)
    .max(MAX_SEATS)
    .refine((s) => new Set(s).size === s.length, "seats must not repeat")
    .default([...CORE_FOUR])
    .describe("the companies of each match, in seat order"),
});
export type ClassSettings = z.infer<typeof ClassSettingsSchema>;
export type ClassSettingsInput = z.input<typeof ClassSettingsSchema>;

// ---- HTTP ----

/** `POST /api/classes` body. */
export const CreateClassBodySchema = z.strictObject({ settings: ClassSettingsSchema.default(ClassSettingsSchema.parse({})) });
export type CreateClassBody = z.input<typeof CreateClassBodySchema>;

/** `POST /api/classes` answer (201). The teacher key is shown this once; the server keeps only its hash. */
export interface CreatedClass {
  readonly classId: string;
  readonly code: string;
  readonly teacherKey: string;
  readonly roomId: string;
}

/** `GET /api/classes/:classId` and `GET /api/class-codes/:code` answer: where the class room is (restored if needed). */
export interface ClassLocation {
  readonly classId: string;
  readonly code: string;
  readonly roomId: string;
  readonly status: ClassStatus;
  readonly title: string;
}

// ---- joining room `class` ----

export const ClassJoinOptionsSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("teacher"), key: SecretSchema }),
  /** A new team gives its name; a returning one its token (the name is then ignored). */
  z.strictObject({ role: z.literal("student"), name: z.string().max(40).default(""), token: SecretSchema.optional() }),
  z.strictObject({ role: z.literal("projector") }),
]);
export type ClassJoinOptions = z.input<typeof ClassJoinOptionsSchema>;
export type ClassRole = ClassJoinOptions["role"];

// ---- client → server ----

const Empty = z.strictObject({}).optional();
/** Absent = every match of the class. */
const Scope = { match: MatchIndexSchema.optional() };

export const ClassAssignSchema = z.strictObject({ team: TeamIdSchema, match: MatchIndexSchema, seat: CompanyIdSchema });
export const ClassTeamSchema = z.strictObject({ team: TeamIdSchema });
export const ClassSeatSchema = z.strictObject({ match: MatchIndexSchema, seat: CompanyIdSchema, ai: z.boolean() });
export const ClassScopeSchema = z.strictObject(Scope);
export const ClassExtendSchema = z.strictObject({ ...Scope, seconds: z.number().int().min(5).max(3600) });
export const ClassEventSchema = z.strictObject({
  ...Scope,
  kind: z.enum(EVENT_KINDS),
  target: CompanyIdSchema.optional(),
  /** In the kind's unit (shared/engine/inject.ts `INJECT_BOUNDS`); absent = the documented default. */
  magnitude: z.number().int().min(-1_000_000).max(1_000_000).optional(),
});
export const ClassUndoSchema = z.strictObject({ match: MatchIndexSchema, turn: z.number().int().min(0).max(MAX_TURNS) });
export const ClassProjectSchema = z.strictObject({ match: MatchIndexSchema, stage: z.enum(PROJECTOR_STAGES) });

export const CLASS_MESSAGES = {
  ping: PingMessageSchema.describe("Answered by pong with the same id once every earlier message of this connection was handled."),
  "class:assign": ClassAssignSchema.describe(
    "Put a team in a seat of a match; its previous seat and the seat's previous team are freed. In a running match the seat is reserved for the team's token at once, and a freed seat goes to AI.",
  ),
  "class:unassign": ClassTeamSchema.describe("Take a team out of its seat (back to the waiting list; a running seat goes to AI)."),
  "class:autofill": Empty.describe(
    "Seat every waiting team: each goes to the match with the fewest teams (lowest number on a tie) with an open seat, taking its first open seat.",
  ),
  "class:seat": ClassSeatSchema.describe(
    "ai: true — AI plays the seat (an empty seat before the start; in a running match the team is replaced while away); ai: false — the seat goes back to its team (or opens again before the start).",
  ),
  "class:remove": ClassTeamSchema.describe("Remove a team from the class before the start (its connections close with code 4401)."),
  "class:start": Empty.describe("Create and start every match with at least one team (the others are not played); empty seats are AI."),
  "class:pause": ClassScopeSchema.describe("Pause the turn timer of one match (match) or of every running match."),
  "class:resume": ClassScopeSchema.describe("Restart the turn timer of one match or of every paused match."),
  "class:extend": ClassExtendSchema.describe("Add seconds to the open quarter of one match or of every running match."),
  "class:advance": ClassScopeSchema.describe("Resolve the open quarter now (missing decisions stand at their defaults), in one match or every running match."),
  "class:event": ClassEventSchema.describe(
    "Inject a bounded event (INJECT_BOUNDS) into the open quarter of one match or of every running match; checked once for every match before any match gets it.",
  ),
  "class:undo": ClassUndoSchema.describe("Take back a match's last played quarter (turn must be it); it opens again, re-run from the log without it."),
  "class:project": ClassProjectSchema.describe("What projectors show: a match and a stage (board, decisions, market, headlines, leaderboard)."),
  "class:end": Empty.describe("Close the class (matches still running finish by their timers)."),
} as const;
export type ClassMessageType = keyof typeof CLASS_MESSAGES;
export type ClassMessage<T extends ClassMessageType> = z.infer<(typeof CLASS_MESSAGES)[T]>;

// ---- server → client ----

export interface ClassWelcome {
  readonly role: ClassRole;
  readonly classId: string;
  readonly code: string;
  /** A student's team: keep `token`, it brings the team back (and into its seat) after a reload or a restart. */
  readonly team?: { readonly id: string; readonly name: string; readonly token: string };
}

/** A seat of a match slot: who should play it. */
export interface SlotSeatView {
  readonly company: CompanyId;
  /** The team assigned to the seat, if any. */
  readonly team: string | null;
  /** AI plays it: an empty seat filled, or the team replaced while it is away. */
  readonly ai: boolean;
}

/** One seat of a running match, as everyone may see it (public figures only). */
export interface LiveSeat {
  readonly company: CompanyId;
  /** The team's (or player's) name; "" for AI. */
  readonly name: string;
  readonly control: "human" | "ai" | "vacant";
  /** A team's seat played by AI while the team is away. */
  readonly held: boolean;
  readonly connected: boolean;
  readonly committed: boolean;
  readonly ready: boolean;
  readonly status: string;
  readonly rating: string;
  /** Last played quarter's capex, $M (0 before the first reveal). */
  readonly capex: number;
  readonly sharePriceCents: number;
  /** Last played quarter's share price move, bp. */
  readonly priceChangeBp: number;
  readonly marketCap: number;
  /** Power online, MW (for an outage's preview). */
  readonly onlineMw: number;
  /** The match's scoring so far, bp, and rank in the match. */
  readonly scoreBp: number;
  readonly rank: number;
}

/** How far the match is from the all-restrain path, over the quarters played (industry totals, $M). */
export interface DilemmaMeter {
  readonly turns: number;
  readonly capex: number;
  readonly restrainCapex: number;
  readonly netIncome: number;
  readonly restrainNetIncome: number;
  /** The quarters one by one: the match's industry capex and the all-restrain path's. */
  readonly capexByQuarter: readonly number[];
  readonly restrainCapexByQuarter: readonly number[];
}

/** A running match, as its room reports it (public), with the class's dilemma meter. */
export interface MatchLive {
  readonly matchId: string;
  readonly code: string;
  readonly phase: "lobby" | "deciding" | "resolving" | "ended";
  /** Resolved quarters = index of the open one. */
  readonly turn: number;
  readonly turns: number;
  readonly year: number;
  readonly q: number;
  readonly paused: boolean;
  readonly reading: boolean;
  /** Epoch ms when the open quarter resolves by timer; 0 = not running. */
  readonly deadline: number;
  readonly baseRateBp: number;
  readonly regime: string;
  readonly windowOpen: boolean;
  /** Teacher events waiting for the open quarter. */
  readonly pendingEvents: readonly { readonly kind: EventKind; readonly target?: CompanyId; readonly magnitudeBp?: number }[];
  /** Events of the last played quarter (scheduled, random and the teacher's). */
  readonly lastEvents: readonly ActiveEvent[];
  readonly seats: readonly LiveSeat[];
  /** Cumulative industry capex and net income over the played quarters, and capex quarter by quarter, $M. */
  readonly industry: { readonly capex: number; readonly netIncome: number; readonly capexByQuarter: readonly number[] };
  readonly meter: DilemmaMeter | null;
  readonly scores: readonly SeatScore[] | null;
}

export interface TeamView {
  readonly id: string;
  readonly name: string;
  readonly connected: boolean;
  readonly match: number | null;
  readonly seat: CompanyId | null;
}

export interface SlotView {
  readonly index: number;
  readonly matchId: string | null;
  readonly seats: readonly SlotSeatView[];
  readonly live: MatchLive | null;
}

export interface LeaderRow {
  readonly rank: number;
  readonly team: string | null;
  /** Team name, or "" for an AI seat. */
  readonly name: string;
  readonly match: number;
  readonly company: CompanyId;
  readonly scoreBp: number;
  readonly sharePriceCents: number;
  readonly defaulted: boolean;
}

export interface ProjectorState {
  readonly match: number;
  readonly stage: ProjectorStage;
}

export interface TeacherClassView {
  readonly role: "teacher";
  readonly classId: string;
  readonly code: string;
  readonly status: ClassStatus;
  readonly settings: ClassSettings;
  readonly teams: readonly TeamView[];
  readonly slots: readonly SlotView[];
  readonly projector: ProjectorState;
  readonly leaderboard: readonly LeaderRow[];
  readonly projectors: number;
}

export interface StudentClassView {
  readonly role: "student";
  readonly classId: string;
  readonly code: string;
  readonly title: string;
  readonly status: ClassStatus;
  readonly team: TeamView;
  readonly teams: number;
  /** Where the team plays, once its match exists: join it with the team token. */
  readonly match: { readonly index: number; readonly matchId: string; readonly code: string; readonly seat: CompanyId } | null;
  /** The team's seat is played by AI for now (the teacher's choice). */
  readonly benched: boolean;
}

export interface ProjectorClassView {
  readonly role: "projector";
  readonly classId: string;
  readonly code: string;
  readonly title: string;
  readonly status: ClassStatus;
  readonly settings: Pick<ClassSettings, "scenario" | "variant" | "turns" | "matches" | "seats" | "scoring">;
  readonly projector: ProjectorState;
  readonly teams: readonly string[];
  /** The projected match (public figures only). */
  readonly live: MatchLive | null;
  /** The projected match's last played quarter (public after the reveal). */
  readonly report: TurnReport | null;
  readonly leaderboard: readonly LeaderRow[];
}

export type ClassView = TeacherClassView | StudentClassView | ProjectorClassView;

export interface ClassServerMessages {
  "class:welcome": ClassWelcome;
  "class:state": ClassView;
  error: { readonly code: string; readonly message: string; readonly detail?: unknown };
  pong: { readonly id: number };
}
