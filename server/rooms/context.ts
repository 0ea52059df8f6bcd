/**
 * What every room of one server shares, handed to rooms through the room type's default options
 * (Colyseus merges those over a client's options, so a client can never supply them), and the
 * server-side ways to create a room: restoring a saved match, or a match created on a teacher's
 * behalf by an orchestrator. Those requests sit in `serverRequests` under a random key; a client
 * cannot guess one, so it cannot restore a match or claim a teacher key by a create option.
 */
import { randomBytes } from "node:crypto";
import type { CompanyId, Decision, MatchState } from "../../shared/engine/index.ts";
import type { CreateOptions, Difficulty } from "../../shared/protocol/index.ts";
import type { Storage } from "../storage/types.ts";

/** Decides for an AI seat; may run elsewhere (a worker), hence a promise. */
export type AiDecide = (state: MatchState, seat: CompanyId, difficulty: Difficulty, aiSeed: number) => Promise<Decision>;

export interface RoomContext {
  readonly storage: Storage;
  readonly ai: AiDecide;
  /** Seconds a dropped player's seat is held before AI plays it. */
  readonly graceSeconds: number;
  /** Seconds an empty room lingers before it is disposed (the match stays restorable). */
  readonly idleSeconds: number;
  /** Longest reading pause after a reveal, in ms (the timer starts earlier once everyone acknowledged). */
  readonly revealMs: number;
  /** Tests only: every timed turn lasts this many ms instead of `turnSeconds`. */
  readonly turnMsOverride: number | undefined;
  /** Server-side creation requests by one-time key (see `serverCreate`). */
  readonly serverRequests: Map<string, ServerCreateRequest>;
  /** Per-client message rate: sustained per second and burst. */
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  /** Largest accepted message, bytes of JSON. */
  readonly maxMessageBytes: number;
  readonly log: (line: string) => void;
}

export type ServerCreateRequest =
  | { readonly kind: "restore"; readonly matchId: string }
  | {
      readonly kind: "create";
      readonly options: CreateOptions;
      /** sha256 hex of the teacher key that governs this match (e.g. its class's). */
      readonly teacherKeyHash: string;
      /** Nobody joins as creator: the match waits in its lobby for students and the teacher. */
      readonly noCreator: boolean;
    };

export const ROOM_CONTEXT_KEY = "__server";
export const SERVER_REQUEST_KEY = "__request";

/** Registers a server-side request and returns the room options that carry it. */
export function serverCreate(ctx: RoomContext, request: ServerCreateRequest): Record<string, string> {
  const key = randomBytes(16).toString("hex");
  ctx.serverRequests.set(key, request);
  return { [SERVER_REQUEST_KEY]: key };
}

/** Takes (once) the request a room was created with, if the server made it. */
export function takeServerRequest(ctx: RoomContext, options: Record<string, unknown>): ServerCreateRequest | null {
  const key = options[SERVER_REQUEST_KEY];
  if (typeof key !== "string") return null;
  const req = ctx.serverRequests.get(key);
  if (!req) return null;
  ctx.serverRequests.delete(key);
  return req;
}
