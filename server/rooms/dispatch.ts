/**
 * Message dispatch: a raw client frame becomes a typed command or a typed error, in this order —
 * rate limit, size, known type, zod parse, authority. Nothing is changed before all of them pass.
 */
import type { z } from "zod";
import { CLIENT_MESSAGES, type ClientMessageType, type ErrorMessage } from "../../shared/protocol/index.ts";
import { payloadBytes, type RateLimiter } from "../util.ts";
import { MESSAGE_ACTIONS, authorize, type Principal } from "./authority.ts";

export type Command = { [K in ClientMessageType]: { readonly type: K; readonly payload: z.infer<(typeof CLIENT_MESSAGES)[K]> } }[ClientMessageType];

export type Dispatched = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: ErrorMessage };

export interface DispatchLimits {
  readonly maxMessageBytes: number;
  readonly now: number;
}

function fail(code: string, message: string, detail?: unknown): Dispatched {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

export function issues(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function dispatch(principal: Principal, limiter: RateLimiter, type: unknown, message: unknown, limits: DispatchLimits): Dispatched {
  // `ping` is an echo that changes nothing: exempt, so a client can always learn it has been heard
  // (Colyseus' own per-connection cap still closes a real flood).
  if (type !== "ping" && !limiter.take(limits.now)) return fail("protocol/rate_limited", "too many messages; slow down");
  const size = payloadBytes(message);
  if (size > limits.maxMessageBytes) return fail("protocol/payload_too_large", `message is ${size} bytes; the limit is ${limits.maxMessageBytes}`);
  if (typeof type !== "string" || !Object.hasOwn(CLIENT_MESSAGES, type)) {
    return fail("protocol/unknown_message", `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
  }
  const t = type as ClientMessageType;
  const parsed = CLIENT_MESSAGES[t].safeParse(message === null ? undefined : message);
  if (!parsed.success) {
    const list = issues(parsed.error);
    return fail("protocol/invalid_payload", `${t}: ${list.map((i) => `${i.path || "message"}: ${i.message}`).join("; ")}`, list);
  }
  const action = MESSAGE_ACTIONS[t];
  if (action !== undefined) {
    const verdict = authorize(principal, action);
    if (!verdict.ok) return fail(verdict.code, verdict.message);
  }
  return { ok: true, command: { type: t, payload: parsed.data } as Command };
}
