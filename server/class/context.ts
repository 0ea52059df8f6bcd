/**
 * What every class room of one server shares, handed to rooms through the room type's default
 * options (a client can never supply them), and the server-side requests a class room is created
 * with: a class room exists only because the server opened it (a new class over HTTP, or one
 * brought back after a restart or an idle dispose), never because a client asked for one.
 */
import { randomBytes } from "node:crypto";
import type { RoomContext } from "../rooms/context.ts";
import type { Storage } from "../storage/types.ts";
import type { ClassPool } from "./pool.ts";

export interface ClassContext {
  /** The match rooms' context: the class creates its matches through it. */
  readonly rooms: RoomContext;
  readonly storage: Storage;
  /** Room id of a match's live room, restoring an unfinished match on demand; null if none. */
  readonly ensureMatchRoom: (matchId: string) => Promise<string | null>;
  /** All-restrain runs and report re-runs, off the event loop. */
  readonly pool: ClassPool;
  /** Seconds an empty class room lingers before it is disposed (the class stays restorable). */
  readonly idleSeconds: number;
  /** Seconds a dropped connection may come back with the SDK's reconnection. */
  readonly graceSeconds: number;
  /** Class room creations by one-time key. */
  readonly requests: Map<string, ClassRequest>;
  readonly log: (line: string) => void;
}

/** The class room opens the stored class with this id. */
export interface ClassRequest {
  readonly classId: string;
}

export const CLASS_CONTEXT_KEY = "__class";
export const CLASS_REQUEST_KEY = "__classRequest";

export function classRequestOptions(ctx: ClassContext, request: ClassRequest): Record<string, string> {
  const key = randomBytes(16).toString("hex");
  ctx.requests.set(key, request);
  return { [CLASS_REQUEST_KEY]: key };
}

export function takeClassRequest(ctx: ClassContext, options: Record<string, unknown>): ClassRequest | null {
  const key = options[CLASS_REQUEST_KEY];
  if (typeof key !== "string") return null;
  const req = ctx.requests.get(key);
  if (!req) return null;
  ctx.requests.delete(key);
  return req;
}
