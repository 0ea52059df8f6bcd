/**
 * Class orchestration as pure functions over the class record: joining, seating, auto-fill, AI
 * cover, start, projector and end. Each returns the new record and the effects the room must carry
 * out on its matches (create one, reserve a seat for a team, hand a seat to AI), or a typed
 * refusal that changes nothing. Matches exist only once the class has started; before that,
 * seating changes only the record.
 */
import type { CompanyId } from "../../shared/engine/index.ts";
import { MAX_TEAMS, type ProjectorStage } from "../../shared/protocol/class.ts";
import { seatOf, type ClassRecord, type Slot, type SlotSeat, type Team } from "./record.ts";

/** What the room does to the class's matches after a change of the record. */
export type Effect =
  /** Create the match of this slot (seats with `ai` start as AI), seat its teams and start it. */
  | { readonly kind: "create"; readonly match: number }
  /** The team plays this seat (its token claims it). */
  | { readonly kind: "reserve"; readonly match: number; readonly seat: CompanyId; readonly team: string }
  /** AI plays this seat. */
  | { readonly kind: "ai"; readonly match: number; readonly seat: CompanyId };

export type Change = { readonly ok: true; readonly record: ClassRecord; readonly effects: readonly Effect[] } | Refusal;
export type Refusal = { readonly ok: false; readonly code: string; readonly message: string };

function refuse(code: string, message: string): Refusal {
  return { ok: false, code, message };
}

function done(record: ClassRecord, effects: readonly Effect[] = []): Change {
  return { ok: true, record, effects };
}

/** Names compare case- and space-insensitively, so "Team A" and "team  a" are one name. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

export function addTeam(rec: ClassRecord, team: Team): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has ended");
  if (rec.teams.length >= MAX_TEAMS) return refuse("class/full", `a class holds at most ${MAX_TEAMS} teams`);
  if (rec.teams.some((t) => t.id === team.id)) return refuse("class/duplicate_team", "this team is already in the class");
  if (rec.teams.some((t) => nameKey(t.name) === nameKey(team.name)))
    return refuse("class/name_taken", `a team called ${JSON.stringify(team.name)} is already here; choose another name`);
  return done({ ...rec, teams: [...rec.teams, team] });
}

export function removeTeam(rec: ClassRecord, teamId: string): Change {
  if (rec.status !== "lobby") return refuse("class/wrong_phase", "teams can be removed only before the start; seat AI in their place instead");
  if (!rec.teams.some((t) => t.id === teamId)) return refuse("class/no_such_team", `no team ${teamId}`);
  return done({ ...rec, teams: rec.teams.filter((t) => t.id !== teamId), slots: mapSeats(rec.slots, (s) => (s.team === teamId ? { ...s, team: null } : s)) });
}

function mapSeats(slots: readonly Slot[], f: (seat: SlotSeat, slot: Slot) => SlotSeat): Slot[] {
  return slots.map((slot) => ({ ...slot, seats: slot.seats.map((seat) => f(seat, slot)) }));
}

function slotSeat(rec: ClassRecord, match: number, company: CompanyId): { slot: Slot; seat: SlotSeat } | Refusal {
  const slot = rec.slots[match];
  if (!slot) return refuse("class/no_such_match", `the class has ${rec.slots.length} match(es); there is no match ${match + 1}`);
  const seat = slot.seats.find((s) => s.company === company);
  if (!seat) return refuse("class/no_such_seat", `${company} is not a seat in this class's matches`);
  return { slot, seat };
}

/** A live match needs every seat played: one a team leaves goes to AI. */
function vacated(rec: ClassRecord, match: number, company: CompanyId): Effect[] {
  return rec.slots[match]?.matchId ? [{ kind: "ai", match, seat: company }] : [];
}

export function assign(rec: ClassRecord, teamId: string, match: number, company: CompanyId): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has ended");
  if (!rec.teams.some((t) => t.id === teamId)) return refuse("class/no_such_team", `no team ${teamId}`);
  const target = slotSeat(rec, match, company);
  if ("ok" in target) return target;
  if (rec.status === "running" && !target.slot.matchId)
    return refuse("class/match_not_running", `match ${match + 1} was not started (no team was in it); teams can join the running matches`);
  const from = seatOf(rec, teamId);
  if (from && from.match === match && from.seat.company === company) return done(rec);
  const effects: Effect[] = [];
  if (from) effects.push(...vacated(rec, from.match, from.seat.company));
  const slots = mapSeats(rec.slots, (s, slot) => {
    if (slot.index === match && s.company === company) return { company, team: teamId, ai: false };
    if (s.team === teamId) return { ...s, team: null };
    return s;
  });
  if (target.slot.matchId) effects.push({ kind: "reserve", match, seat: company, team: teamId });
  return done({ ...rec, slots }, effects);
}

export function unassign(rec: ClassRecord, teamId: string): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has ended");
  if (!rec.teams.some((t) => t.id === teamId)) return refuse("class/no_such_team", `no team ${teamId}`);
  const from = seatOf(rec, teamId);
  if (!from) return done(rec);
  const slots = mapSeats(rec.slots, (s) => (s.team === teamId ? { ...s, team: null } : s));
  return done({ ...rec, slots }, vacated(rec, from.match, from.seat.company));
}

/**
 * AI plays the seat (`ai: true`): before the start it marks an empty seat for AI; in a running
 * match it replaces the seat's team (which keeps the seat, to be given back). `ai: false` gives a
 * running seat back to its team, or reopens an empty seat before the start.
 */
export function setSeatAi(rec: ClassRecord, match: number, company: CompanyId, ai: boolean): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has ended");
  const target = slotSeat(rec, match, company);
  if ("ok" in target) return target;
  const live = target.slot.matchId !== null;
  if (live && !ai && !target.seat.team) return refuse("class/no_team", "no team owns this seat: assign a team to it instead");
  if (target.seat.ai === ai) return done(rec);
  const slots = mapSeats(rec.slots, (s, slot) => (slot.index === match && s.company === company ? { ...s, ai } : s));
  const effects: Effect[] = !live ? [] : ai ? [{ kind: "ai", match, seat: company }] : [{ kind: "reserve", match, seat: company, team: target.seat.team! }];
  return done({ ...rec, slots }, effects);
}

/**
 * Seats every waiting team: each goes to the match with the fewest teams so far (lowest number on a
 * tie) that has an open seat (no team, not AI), taking that match's first open seat in seat order.
 */
export function autofill(rec: ClassRecord): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has ended");
  const running = rec.status === "running";
  let slots: Slot[] = rec.slots.map((s) => ({ ...s, seats: [...s.seats] }));
  const effects: Effect[] = [];
  for (const team of rec.teams) {
    if (slots.some((s) => s.seats.some((x) => x.team === team.id))) continue;
    const candidates = slots
      .filter((s) => (!running || s.matchId !== null) && s.seats.some((x) => x.team === null && !x.ai))
      .sort((a, b) => a.seats.filter((x) => x.team).length - b.seats.filter((x) => x.team).length || a.index - b.index);
    const slot = candidates[0];
    if (!slot) break;
    const i = slot.seats.findIndex((x) => x.team === null && !x.ai);
    const seat = slot.seats[i]!;
    slots = slots.map((s) => (s.index === slot.index ? { ...s, seats: s.seats.map((x, j) => (j === i ? { ...x, team: team.id } : x)) } : s));
    if (slot.matchId) effects.push({ kind: "reserve", match: slot.index, seat: seat.company, team: team.id });
  }
  return done({ ...rec, slots }, effects);
}

/** Starts the class: the matches with at least one team are created (and started); the others are not played. */
export function start(rec: ClassRecord): Change {
  if (rec.status !== "lobby") return refuse("class/wrong_phase", "the class has already started");
  const playing = rec.slots.filter((s) => s.seats.some((x) => x.team !== null));
  if (playing.length === 0) return refuse("class/no_teams", "seat at least one team before starting");
  return done(
    { ...rec, status: "running" },
    playing.map((s) => ({ kind: "create", match: s.index })),
  );
}

/** The room created a slot's match. */
export function matchCreated(rec: ClassRecord, match: number, matchId: string): ClassRecord {
  return { ...rec, slots: rec.slots.map((s) => (s.index === match ? { ...s, matchId } : s)) };
}

export function project(rec: ClassRecord, match: number, stage: ProjectorStage): Change {
  if (!rec.slots[match]) return refuse("class/no_such_match", `there is no match ${match + 1}`);
  return done({ ...rec, projector: { match, stage } });
}

export function end(rec: ClassRecord): Change {
  if (rec.status === "ended") return refuse("class/ended", "this class has already ended");
  return done({ ...rec, status: "ended" });
}

/** The matches a scoped teacher command goes to: one (which must be running) or every running one. */
export function scopedMatches(rec: ClassRecord, match: number | undefined): { ok: true; matches: readonly Slot[] } | Refusal {
  if (rec.status !== "running") return refuse("class/wrong_phase", rec.status === "lobby" ? "the class has not started yet" : "this class has ended");
  if (match === undefined) return { ok: true, matches: rec.slots.filter((s) => s.matchId !== null) };
  const slot = rec.slots[match];
  if (!slot) return refuse("class/no_such_match", `there is no match ${match + 1}`);
  if (!slot.matchId) return refuse("class/match_not_running", `match ${match + 1} is not being played`);
  return { ok: true, matches: [slot] };
}
