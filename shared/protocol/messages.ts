/**
 * Protocol v1: room `match`. Every client message is parsed with these schemas before anything
 * else happens; server messages are typed by the same module so client, bots and tests agree.
 */
import { z } from "zod";
import { CompanyIdSchema } from "./config.ts";
import { DecisionSchema } from "./decision.ts";
import { EVENT_KINDS, MAX_SEATS, MAX_TURNS, MIN_TURNS, SCENARIOS, SCORINGS, VARIANTS } from "../engine/ids.ts";
import type { Decision, DecisionBounds, SeatScore, TurnReport } from "../engine/types.ts";

export const PROTOCOL_VERSION = 1;
export const ROOM_NAME = "match";
export const DIFFICULTIES = ["easy", "normal", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

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
  /** The creator's own join options may ride along with create. */
  name: z.string().max(40).optional(),
  seat: CompanyIdSchema.optional(),
  role: z.enum(["player", "teacher", "spectator"]).optional(),
  token: z.string().max(80).optional(),
  code: z.string().max(12).optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

export const JoinOptionsSchema = z.strictObject({
  name: z.string().max(40).default("Player"),
  seat: CompanyIdSchema.optional(),
  code: z.string().max(12).optional(),
  role: z.enum(["player", "teacher", "spectator"]).default("player"),
  token: z.string().max(80).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

// ---- client → server ----
export const DecideMessageSchema = z.strictObject({ turn: z.number().int().min(0), decision: DecisionSchema });
export const EmptyMessageSchema = z.strictObject({}).optional();
export const ChatMessageSchema = z.strictObject({ text: z.string().min(1).max(280) });
export const TeacherEventSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  target: CompanyIdSchema.optional(),
  magnitudeBp: z.number().int().min(-10_000).max(10_000).optional(),
});
export const TeacherSeatSchema = z.strictObject({ seat: CompanyIdSchema, ai: z.boolean() });

export const CLIENT_MESSAGES = {
  decide: DecideMessageSchema,
  ready: EmptyMessageSchema,
  unready: EmptyMessageSchema,
  chat: ChatMessageSchema,
  "teacher:start": EmptyMessageSchema,
  "teacher:pause": EmptyMessageSchema,
  "teacher:resume": EmptyMessageSchema,
  "teacher:advance": EmptyMessageSchema,
  "teacher:event": TeacherEventSchema,
  "teacher:seat": TeacherSeatSchema,
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
/** Sent to a client right after it joins: what it needs to reconnect later. */
export interface WelcomeMessage {
  readonly seat: string | null;
  readonly role: "player" | "teacher" | "spectator";
  readonly token: string;
  readonly code: string;
  readonly matchId: string;
}

export interface ChatBroadcast {
  readonly from: string;
  readonly seat: string | null;
  readonly text: string;
}

export interface ServerMessages {
  "turn:started": TurnStartedMessage;
  "turn:resolved": TurnResolvedMessage;
  "match:ended": MatchEndedMessage;
  error: ErrorMessage;
  welcome: WelcomeMessage;
  chat: ChatBroadcast;
}
