/**
 * Who may do what in a match. Every privileged command goes through `authorize`, one table, so a
 * classroom orchestrator driving several matches gets the same answers as a client message:
 *
 * - a seated player decides, says ready and acknowledges reveals for its own seat only;
 * - the host (the match's creator, by its host token) runs its own match's clock and seats:
 *   start, pause, resume, extend, advance, kick (hand a seat to AI);
 * - the teacher (by the teacher key) has every host power plus events, undo and seat assignment.
 *
 * A role comes from a token checked at join, never from a join option or a name (see names.ts).
 */
import type { CompanyId } from "../../shared/engine/index.ts";
import type { JoinRole } from "../../shared/protocol/index.ts";

export interface Principal {
  /** How the connection joined. */
  readonly role: JoinRole;
  readonly seat: CompanyId | null;
  /** Holds this match's host token. */
  readonly host: boolean;
  /** Holds this match's teacher key (or its class's). */
  readonly teacher: boolean;
  readonly name: string;
}

export const ACTIONS = ["decide", "ready", "ack", "chat", "start", "pause", "resume", "extend", "advance", "kick", "event", "undo", "assign"] as const;
export type Action = (typeof ACTIONS)[number];

type Need = "anyone" | "seated" | "host" | "teacher";

const NEEDS: Readonly<Record<Action, Need>> = {
  decide: "seated",
  ready: "seated",
  ack: "seated",
  chat: "anyone",
  start: "host",
  pause: "host",
  resume: "host",
  extend: "host",
  advance: "host",
  kick: "host",
  event: "teacher",
  undo: "teacher",
  assign: "teacher",
};

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

const OK: Verdict = { ok: true };

export function authorize(p: Principal, action: Action): Verdict {
  switch (NEEDS[action]) {
    case "anyone":
      return OK;
    case "seated":
      return p.role === "player" && p.seat !== null ? OK : { ok: false, code: "auth/not_seated", message: "only a seated player can do that" };
    case "host":
      return p.host || p.teacher ? OK : { ok: false, code: "auth/not_host", message: `${action} is for this match's host or teacher only` };
    case "teacher":
      return p.teacher ? OK : { ok: false, code: "auth/not_teacher", message: `${action} is for the teacher only (it needs the teacher key)` };
  }
}

/** The client message types that need an authority, and which. Messages not listed need none beyond parsing. */
export const MESSAGE_ACTIONS: Readonly<Record<string, Action>> = {
  decide: "decide",
  ready: "ready",
  unready: "ready",
  "reveal:ack": "ack",
  chat: "chat",
  "teacher:start": "start",
  "teacher:pause": "pause",
  "teacher:resume": "resume",
  "teacher:extend": "extend",
  "teacher:advance": "advance",
  "teacher:seat": "kick",
  "teacher:event": "event",
  "teacher:assign": "assign",
  "teacher:undo": "undo",
};

const WHO: Readonly<Record<Need, string>> = { anyone: "anyone", seated: "seated player", host: "host or teacher", teacher: "teacher" };

/** Who may send a client message, in words (for docs/PROTOCOL.md). */
export function whoMaySend(type: string): string {
  const action = MESSAGE_ACTIONS[type];
  return action === undefined ? "anyone" : WHO[NEEDS[action]];
}

/** The orchestrator's own principal for commands it issues on a teacher's behalf. */
export function teacherPrincipal(name = "Teacher"): Principal {
  return { role: "teacher", seat: null, host: true, teacher: true, name };
}
