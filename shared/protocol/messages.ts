/**
 * Protocol v1: room `match`. Every client message is parsed with these schemas before anything
 * else happens; server messages are typed by the same module so client, bots and tests agree.
 */
import { z } from "zod";
import { CompanyIdSchema } from "./config.ts";
import { DecisionSchema } from "./decision.ts";
import { BranchRequestSchema } from "./branch.ts";
import { EVENT_KINDS, MAX_SEATS, MAX_TURNS, MIN_TURNS, SCENARIOS, SCORINGS, VARIANTS } from "../engine/ids.ts";
import type { Decision, DecisionBounds, SeatScore, TurnReport } from "../engine/types.ts";

export const PROTOCOL_VERSION = 1;
export const ROOM_NAME = "match";
export const DIFFICULTIES = ["easy", "normal", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
/** How a connection joins: a seated player, the teacher (with the teacher key), or a watcher. */
export const JOIN_ROLES = ["player", "teacher", "spectator"] as const;
export type JoinRole = (typeof JOIN_ROLES)[number];

export const CreateOptionsSchema = z.strictObject({
  scenario: z.enum(SCENARIOS).optional(),
  variant: z.enum(VARIANTS).optional(),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS).optional(),
  seats: z
    .array(CompanyIdSchema)
    .min(1)
    .max(MAX_SEATS)
    .refine((s) => new Set(s).size === s.length, "seats must not repeat")
    .optional(),
  aiSeats: z.union([z.array(CompanyIdSchema).max(MAX_SEATS), z.literal("fill")]).optional(),
  turnSeconds: z.number().int().min(10).max(3600).optional(),
  mode: z.enum(["solo", "multiplayer", "classroom"]).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  scoring: z.enum(SCORINGS).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  /**
   * Play on from a finished match's replay prefix (its first `turn` quarters, same config and seed);
   * scenario, variant, turns, seats, seed, scoring and difficulty then come from that match.
   */
  branch: BranchRequestSchema.optional(),
  /** The creator's own join options may ride along with create. */
  name: z.string().max(40).optional(),
  seat: CompanyIdSchema.optional(),
  role: z.enum(JOIN_ROLES).optional(),
  token: z.string().max(80).optional(),
  code: z.string().max(12).optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

export const JoinOptionsSchema = z.strictObject({
  name: z.string().max(40).default("Player"),
  seat: CompanyIdSchema.optional(),
  code: z.string().max(12).optional(),
  role: z.enum(JOIN_ROLES).default("player"),
  token: z.string().max(80).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

// ---- client → server ----
export const DecideMessageSchema = z.strictObject({ turn: z.number().int().min(0), decision: DecisionSchema });
export const EmptyMessageSchema = z.strictObject({}).optional();
export const ChatMessageSchema = z.strictObject({ text: z.string().min(1).max(280) });
export const PingMessageSchema = z.strictObject({ id: z.number().int().min(0).max(1_000_000_000) });
export const TeacherEventSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  target: CompanyIdSchema.optional(),
  magnitudeBp: z.number().int().min(-10_000).max(10_000).optional(),
});
export const TeacherSeatSchema = z.strictObject({ seat: CompanyIdSchema, ai: z.boolean() });
/**
 * Reserves a seat for a classroom team (the class server sends it for the teacher): the team's token,
 * whose hash this is, claims the seat; its name shows on the board. Until the team arrives nobody
 * decides for the seat (the timer stands the default decision).
 */
export const TeacherAssignSchema = z.strictObject({
  seat: CompanyIdSchema,
  name: z.string().min(1).max(40),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "a sha256 hex digest"),
});
/** Takes back the last played quarter; `turn` must be it (so a repeated undo changes nothing). */
export const TeacherUndoSchema = z.strictObject({ turn: z.number().int().min(0).max(MAX_TURNS) });
/** Adds time to the open turn's timer (or to the time it will have once the reveal has been read). */
export const TeacherExtendSchema = z.strictObject({ seconds: z.number().int().min(5).max(3600) });

export const CLIENT_MESSAGES = {
  decide: DecideMessageSchema,
  ready: EmptyMessageSchema,
  unready: EmptyMessageSchema,
  /** "I have read the reveal": the next quarter's timer starts once every connected player said so (or the reveal time ran out). */
  "reveal:ack": EmptyMessageSchema,
  chat: ChatMessageSchema,
  /** Answered with `pong` carrying the same id, after every earlier message of this connection was handled. */
  ping: PingMessageSchema,
  "teacher:start": EmptyMessageSchema,
  "teacher:pause": EmptyMessageSchema,
  "teacher:resume": EmptyMessageSchema,
  "teacher:extend": TeacherExtendSchema,
  "teacher:advance": EmptyMessageSchema,
  "teacher:event": TeacherEventSchema,
  "teacher:seat": TeacherSeatSchema,
  "teacher:assign": TeacherAssignSchema,
  "teacher:undo": TeacherUndoSchema,
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

// ---- server → client ----
export interface TurnStartedMessage {
  readonly turn: number;
  readonly quarter: { readonly year: number; readonly q: number };
  /** Epoch ms; absent when the timer is off or paused. */
  readonly deadline?: number;
  readonly bounds: DecisionBounds;
  readonly defaultDecision: Decision;
}
export interface ErrorMessage {
  readonly code: string;
  readonly message: string;
  readonly detail?: unknown;
}
export interface TurnResolvedMessage {
  readonly turn: number;
  readonly hash: string;
  readonly report: TurnReport;
}
export interface MatchEndedMessage {
  readonly scores: readonly SeatScore[];
  readonly replayId: string;
  /** The same match re-simulated with every seat restraining (GAME.md §6). */
  readonly counterfactual?: readonly SeatScore[];
}
/** Sent to a client right after it joins or reconnects: who it is, and what it needs to come back later. */
export interface WelcomeMessage {
  readonly seat: string | null;
  readonly role: JoinRole;
  /** This connection may start, pause, resume, extend, advance and hand seats to AI in this match. */
  readonly host: boolean;
  readonly token: string;
  readonly code: string;
  readonly matchId: string;
}

export interface ChatBroadcast {
  readonly from: string;
  readonly seat: string | null;
  /** The sender's real role, from the server (a name can never claim one). */
  readonly role: JoinRole;
  readonly host: boolean;
  readonly text: string;
}

/** The teacher took back quarter `turn`: it is open again (a new `turn:started` follows); `hash` is the state's before it. */
export interface TurnUndoneMessage {
  readonly turn: number;
  readonly hash: string;
}

/** To the host and the teacher: a seat's player dropped, came back, or AI took the seat over. */
export interface SeatPresenceMessage {
  readonly seat: string;
  readonly name: string;
  readonly state: "dropped" | "back" | "ai";
}

export interface PongMessage {
  readonly id: number;
}

export interface ServerMessages {
  "turn:started": TurnStartedMessage;
  "turn:resolved": TurnResolvedMessage;
  "match:ended": MatchEndedMessage;
  error: ErrorMessage;
  welcome: WelcomeMessage;
  chat: ChatBroadcast;
  pong: PongMessage;
  "turn:undone": TurnUndoneMessage;
  "seat:presence": SeatPresenceMessage;
}
