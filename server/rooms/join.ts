/**
 * Admission: who a joining connection becomes (seat, role, host, teacher) from its options and
 * tokens. Pure: it reads the seat table and answers a plan or a typed refusal; the room applies it.
 *
 * - the creator is the host (its token is host token and, for a teacher creator, teacher key);
 * - `role: "teacher"` needs the teacher key; the host token makes a host, never a teacher;
 * - a seat token reclaims its seat (also from AI after the grace period, and after a restart);
 * - without a token a player takes the asked-for or first free seat, while the match is not over;
 * - names cannot claim a role the joiner does not hold (names.ts).
 */
import type { CompanyId } from "../../shared/engine/index.ts";
import { CreateOptionsSchema, JoinOptionsSchema, type JoinRole } from "../../shared/protocol/index.ts";
import { normaliseCode, tokenMatches } from "../util.ts";
import { impersonatedRole, sanitiseName } from "./names.ts";
import type { SeatRuntime, SeatTable } from "./seats.ts";

export interface JoinContext<C> {
  readonly creator: boolean;
  readonly ended: boolean;
  readonly code: string;
  readonly hostTokenHash: string;
  readonly teacherKeyHash: string;
  readonly seats: SeatTable<C>;
}

export type JoinPlan<C> =
  | {
      readonly ok: true;
      readonly role: JoinRole;
      readonly name: string;
      readonly host: boolean;
      readonly teacher: boolean;
      /** Seat to claim with a new token, or to reclaim with the presented one. */
      readonly seat: SeatRuntime<C> | null;
      readonly reclaim: boolean;
      /** The token to hand back: "new" = mint one (the creator's, or a newcomer's seat token). */
      readonly token: "new" | string;
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

type Refusal = { readonly ok: false; readonly code: string; readonly message: string };

function refuse(code: string, message: string): Refusal {
  return { ok: false, code, message };
}

interface Wanted {
  name: string;
  role: JoinRole;
  seat: CompanyId | undefined;
  token: string | undefined;
  code: string | undefined;
}

function parseOptions(options: unknown, creator: boolean): Wanted | Refusal {
  const raw = typeof options === "object" && options !== null ? options : {};
  if (creator) {
    const p = CreateOptionsSchema.safeParse(raw);
    if (!p.success) return refuse("join/invalid_options", p.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
    return { name: p.data.name ?? "Player", role: p.data.role ?? "player", seat: p.data.seat, token: p.data.token, code: p.data.code };
  }
  const p = JoinOptionsSchema.safeParse(raw);
  if (!p.success) return refuse("join/invalid_options", p.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
  return { name: p.data.name, role: p.data.role, seat: p.data.seat, token: p.data.token, code: p.data.code };
}

export function planJoin<C>(ctx: JoinContext<C>, options: unknown): JoinPlan<C> {
  const w = parseOptions(options, ctx.creator);
  if ("ok" in w) return w;
  if (w.code !== undefined && normaliseCode(w.code) !== ctx.code) return refuse("join/bad_code", "the join code does not match this match");
  const plan = ctx.creator ? planCreator(ctx, w) : planJoiner(ctx, w);
  if (!plan.ok) return plan;
  const name = sanitiseName(w.name);
  const claimed = impersonatedRole(name, plan);
  if (claimed !== null) return refuse("join/reserved_name", `the name ${JSON.stringify(name)} is reserved (it reads as "${claimed}"); choose another`);
  return { ...plan, name };
}

function planCreator<C>(ctx: JoinContext<C>, w: Wanted): JoinPlan<C> {
  let seat: SeatRuntime<C> | null = null;
  if (w.role === "player") {
    const s = w.seat ? ctx.seats.get(w.seat) : ctx.seats.firstVacant();
    if (s?.control !== "vacant") return refuse("join/no_free_seat", "no seat is free for the creator");
    seat = s;
  }
  return { ok: true, role: w.role, name: w.name, host: true, teacher: w.role === "teacher", seat, reclaim: false, token: "new" };
}

function planJoiner<C>(ctx: JoinContext<C>, w: Wanted): JoinPlan<C> {
  const isHost = tokenMatches(w.token, ctx.hostTokenHash);
  const isTeacher = tokenMatches(w.token, ctx.teacherKeyHash);
  if (w.role === "teacher") {
    if (!isTeacher) return refuse("auth/bad_token", "the teacher key is not valid for this match");
    return { ok: true, role: "teacher", name: w.name, host: true, teacher: true, seat: null, reclaim: false, token: w.token ?? "" };
  }
  if (w.role === "spectator") {
    if (w.token !== undefined && !isHost && !isTeacher) return refuse("auth/bad_token", "the token is not valid for this match");
    return {
      ok: true,
      role: "spectator",
      name: w.name,
      host: isHost || isTeacher,
      teacher: isTeacher,
      seat: null,
      reclaim: false,
      token: isHost ? (w.token ?? "") : "",
    };
  }
  if (w.token !== undefined) {
    const seat = ctx.seats.byToken(w.token);
    if (!seat) return refuse("auth/bad_token", "the seat token is not valid for this match");
    if (w.seat !== undefined && w.seat !== seat.company) return refuse("auth/bad_token", `the token belongs to another seat than ${w.seat}`);
    return { ok: true, role: "player", name: w.name, host: isHost, teacher: isTeacher, seat, reclaim: true, token: w.token };
  }
  if (ctx.ended) return refuse("join/match_ended", "the match is over; join as a spectator");
  let seat: SeatRuntime<C> | undefined;
  if (w.seat !== undefined) {
    seat = ctx.seats.get(w.seat);
    if (!seat) return refuse("join/no_such_seat", `${w.seat} is not a seat in this match`);
    if (seat.control !== "vacant") return refuse("join/seat_taken", `${w.seat} is already taken`);
  } else {
    seat = ctx.seats.firstVacant();
    if (!seat) return refuse("join/no_free_seat", "every seat is taken; join as a spectator");
  }
  return { ok: true, role: "player", name: w.name, host: false, teacher: false, seat, reclaim: false, token: "new" };
}
