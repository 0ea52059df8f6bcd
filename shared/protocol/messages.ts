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
  scenario: z.enum(SCENARIOS).optional().describe("scenario (engine default when absent)"),
  variant: z.enum(VARIANTS).optional().describe("rules variant (engine default when absent)"),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS).optional().describe("quarters to play (engine default when absent)"),
  seats: z
    .array(CompanyIdSchema)
    .min(1)
    .max(MAX_SEATS)
    .refine((s) => new Set(s).size === s.length, "seats must not repeat")
    .optional()
    .describe("companies in the match, in seat order (default: the core four)"),
  aiSeats: z
    .union([z.array(CompanyIdSchema).max(MAX_SEATS), z.literal("fill")])
    .optional()
    .describe(
      'listed seats are AI from the start; "fill" = every seat the creator does not take (solo default). Seats still empty when the match starts are AI in any mode',
    ),
  turnSeconds: z.number().int().min(10).max(3600).optional().describe("per-turn timer (default: none in solo, 120 otherwise)"),
  mode: z.enum(["solo", "multiplayer", "classroom"]).optional().describe('default "solo" ("classroom" when role is "teacher")'),
  seed: z.number().int().min(0).max(0xffffffff).optional().describe("engine seed (random when absent); never shown to anyone before the match ends"),
  scoring: z.enum(SCORINGS).optional().describe("how seats are ranked (engine default when absent)"),
  difficulty: z.enum(DIFFICULTIES).optional().describe('AI seats (default "normal")'),
  /**
   * Play on from a finished match's replay prefix (its first `turn` quarters, same config and seed);
   * scenario, variant, turns, seats, seed, scoring and difficulty then come from that match.
   */
  branch: BranchRequestSchema.optional().describe("play on from a finished match's first `turn` quarters (its config, seed and AI)"),
  /** The creator's own join options may ride along with create. */
  name: z.string().max(40).optional().describe("the creator's own join options (see join options)"),
  seat: CompanyIdSchema.optional().describe("the creator's seat (default: the first)"),
  role: z.enum(JOIN_ROLES).optional().describe('"teacher": the creator takes no seat and its token is the teacher key'),
  token: z.string().max(80).optional(),
  code: z.string().max(12).optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

export const JoinOptionsSchema = z.strictObject({
  name: z
    .string()
    .max(40)
    .default("Player")
    .describe(
      "cleaned (control/format characters and <>&\"'`\\{} removed, ≤ 24 characters); a role's name (Teacher, Host, AI, 老师, look-alikes) is refused unless the joiner holds that role",
    ),
  seat: CompanyIdSchema.optional().describe("ask for a specific free seat (default: the first free one)"),
  code: z.string().max(12).optional().describe("if given, must be this match's code (case, spaces and dashes ignored)"),
  role: z.enum(JOIN_ROLES).default("player").describe('"teacher" needs the teacher key as token; a spectator with the host token is the host'),
  token: z.string().max(80).optional().describe("a seat token (reclaims that seat, also from AI), the host token, or the teacher key"),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

// ---- client → server ----
export const DecideMessageSchema = z.strictObject({ turn: z.number().int().min(0), decision: DecisionSchema });
export const EmptyMessageSchema = z.strictObject({}).optional();
/**
 * `ready`/`unready` name the turn they are for (optional for older clients): a "ready" that arrives
 * after the turn was resolved — the teacher advanced it, or its timer ran out — is refused with
 * `rule/wrong_turn` instead of counting for the next turn.
 */
export const ReadyMessageSchema = z.strictObject({ turn: z.number().int().min(0).optional() }).optional();
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
  decide: DecideMessageSchema.describe("Sets the seat's sealed decision for the open turn (again to change it); checked by the engine's validateDecision."),
  ready: ReadyMessageSchema.describe(
    "Done for this turn (a ready seat without a decision plays its default); also acknowledges the reveal. The turn resolves when every seat is ready. A `turn` other than the open one: rule/wrong_turn.",
  ),
  unready: ReadyMessageSchema.describe("Not done after all (`turn` as for ready)."),
  /** "I have read the reveal": the next quarter's timer starts once every connected player said so (or the reveal time ran out). */
  "reveal:ack": EmptyMessageSchema.describe(
    "I have read the reveal: the turn's timer starts once every connected player said so, or when the reveal time (REVEAL_SECONDS) runs out.",
  ),
  chat: ChatMessageSchema.describe("A chat line, broadcast cleaned as chat with the sender's real role."),
  /** Answered with `pong` carrying the same id, after every earlier message of this connection was handled. */
  ping: PingMessageSchema.describe("Answered by pong with the same id once every earlier message was handled and the synced state flushed (not rate-limited)."),
  "teacher:start": EmptyMessageSchema.describe("Start from the lobby; empty seats become AI."),
  "teacher:pause": EmptyMessageSchema.describe("Stop the turn timer (it keeps its remaining time; the pause lasts into later turns until resumed)."),
  "teacher:resume": EmptyMessageSchema.describe("Restart the timer."),
  "teacher:extend": TeacherExtendSchema.describe("Add time to the open turn's timer."),
  "teacher:advance": EmptyMessageSchema.describe("Resolve the open turn now (missing decisions → defaults)."),
  "teacher:event": TeacherEventSchema.describe(
    "Inject an event into the open turn (bounded per kind by the engine); revealed with the turn and kept in the replay.",
  ),
  "teacher:seat": TeacherSeatSchema.describe(
    "ai: true hands the seat to AI for good (its player becomes a spectator, its token stops working); ai: false frees it for a human.",
  ),
  "teacher:assign": TeacherAssignSchema.describe("Reserve a seat for a classroom team: the team's token (whose sha256 this is) claims it."),
  "teacher:undo": TeacherUndoSchema.describe("Take back the last played quarter (turn must be it): it opens again, re-run from the log without it."),
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

// ---- server → client ----
// Zod schemas too (never parsed on the hot path): the single source of the types below and of
// docs/PROTOCOL.md. Engine types are referenced, not re-described.

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const QuarterSchema = z.strictObject({ year: z.number().int(), q: z.number().int().min(1).max(4) });
const engineType = <T>(name: string) => z.custom<T>(() => true).meta({ description: `the engine's ${name} (shared/engine/types.ts)` });

export const TurnStartedMessageSchema = z
  .strictObject({
    turn: z.number().int().min(0),
    quarter: QuarterSchema,
    deadline: z
      .number()
      .optional()
      .describe("epoch ms when the turn resolves by timer; absent when there is no running timer (untimed, paused, or players still reading the reveal)"),
    bounds: engineType<DecisionBounds>("DecisionBounds: this seat's legal ranges and the reasons for them"),
    defaultDecision: engineType<Decision>("Decision (the shape of decide.decision): what stands if the seat sends none"),
  })
  .describe("To each seated player when its turn opens, after a reconnection, and when the host resumes or extends the timer.");
export type TurnStartedMessage = z.infer<typeof TurnStartedMessageSchema>;

export const ErrorMessageSchema = z
  .strictObject({
    code: z.string().describe("namespaced: protocol/…, auth/…, rule/…, event/…, server/…"),
    message: z.string(),
    detail: z.unknown().optional(),
  })
  .describe("The answer to any refused message or frame; nothing changed and the connection stays open.");
export type ErrorMessage = z.infer<typeof ErrorMessageSchema>;

export const TurnResolvedMessageSchema = z
  .strictObject({
    turn: z.number().int().min(0),
    hash: HashSchema.describe("the turn's hash in the match's scheme (chained for new matches)"),
    report: engineType<TurnReport>("TurnReport: every seat's decision, auctions, events, headlines"),
  })
  .describe("To everyone at the reveal, after the turn is saved.");
export type TurnResolvedMessage = z.infer<typeof TurnResolvedMessageSchema>;

export const MatchEndedMessageSchema = z
  .strictObject({
    scores: engineType<readonly SeatScore[]>("SeatScore[]: the final scores and ranks"),
    replayId: z.string().describe("the match id for GET /api/matches/:id/replay"),
    counterfactual: engineType<readonly SeatScore[]>("SeatScore[]: the same match re-simulated with every seat restraining (GAME.md §6)").optional(),
  })
  .describe("After the last turn:resolved.");
export type MatchEndedMessage = z.infer<typeof MatchEndedMessageSchema>;

export const WelcomeMessageSchema = z
  .strictObject({
    seat: z.string().nullable(),
    role: z.enum(JOIN_ROLES),
    host: z.boolean().describe("this connection may start, pause, resume, extend, advance and hand seats to AI in this match"),
    token: z.string().describe('keep it: it reclaims the seat (or the host or teacher role) after a reload, a crash or a restart; "" for spectators'),
    code: z.string(),
    matchId: z.string(),
  })
  .describe("Right after joining or reconnecting: who this connection is, and what it needs to come back later.");
export type WelcomeMessage = z.infer<typeof WelcomeMessageSchema>;

export const ChatBroadcastSchema = z
  .strictObject({
    from: z.string(),
    seat: z.string().nullable(),
    role: z.enum(JOIN_ROLES).describe("the sender's real role, from the server (a name can never claim one)"),
    host: z.boolean(),
    text: z.string(),
  })
  .describe("A cleaned chat line, to everyone.");
export type ChatBroadcast = z.infer<typeof ChatBroadcastSchema>;

export const TurnUndoneMessageSchema = z
  .strictObject({ turn: z.number().int().min(0), hash: z.string().describe("the state's hash before the undone turn") })
  .describe("The teacher took back quarter `turn`: it is open again (a new turn:started follows).");
export type TurnUndoneMessage = z.infer<typeof TurnUndoneMessageSchema>;

export const SeatPresenceMessageSchema = z
  .strictObject({ seat: z.string(), name: z.string(), state: z.enum(["dropped", "back", "ai"]) })
  .describe(
    "To the host and the teacher: a seat's player dropped, came back, or AI took the seat over (the synced SeatSync.connected/held say it to everyone).",
  );
export type SeatPresenceMessage = z.infer<typeof SeatPresenceMessageSchema>;

export const PongMessageSchema = z
  .strictObject({ id: z.number().int() })
  .describe("The answer to ping, after every earlier message of the connection was handled and the state flushed.");
export type PongMessage = z.infer<typeof PongMessageSchema>;

export const SERVER_MESSAGES = {
  welcome: WelcomeMessageSchema,
  "turn:started": TurnStartedMessageSchema,
  "turn:resolved": TurnResolvedMessageSchema,
  "turn:undone": TurnUndoneMessageSchema,
  "match:ended": MatchEndedMessageSchema,
  "seat:presence": SeatPresenceMessageSchema,
  chat: ChatBroadcastSchema,
  pong: PongMessageSchema,
  error: ErrorMessageSchema,
} as const;

export type ServerMessages = { [K in keyof typeof SERVER_MESSAGES]: z.infer<(typeof SERVER_MESSAGES)[K]> };
