/**
 * What each kind of class member sees, as pure functions of the class record and the matches'
 * live summaries: the teacher everything about the class (never a team's token), a student its
 * own team and where it plays, the projector public figures only (the matches' public summaries,
 * the last reveal's report, the leaderboard).
 */
import type { TurnReport } from "../../shared/engine/index.ts";
import type { LeaderRow, MatchLive, ProjectorClassView, SlotView, StudentClassView, TeacherClassView, TeamView } from "../../shared/protocol/class.ts";
import { seatOf, type ClassRecord, type Team } from "./record.ts";

/** What the room knows beyond the record: who is connected, each match's latest summary and report. */
export interface ClassRuntime {
  readonly connectedTeams: ReadonlySet<string>;
  readonly live: ReadonlyMap<number, MatchLive>;
  readonly reports: ReadonlyMap<number, TurnReport>;
  readonly projectors: number;
}

function teamView(rec: ClassRecord, t: Team, rt: ClassRuntime): TeamView {
  const at = seatOf(rec, t.id);
  return { id: t.id, name: t.name, connected: rt.connectedTeams.has(t.id), match: at?.match ?? null, seat: at?.seat.company ?? null };
}

/**
 * The class leaderboard: every team's seat in a played match, by the match's score so far (the
 * class's scoring), defaulted companies last. Teams in different matches compare because every
 * score is relative to the company's own start.
 */
export function leaderboard(rec: ClassRecord, live: ReadonlyMap<number, MatchLive>): LeaderRow[] {
  const rows: Omit<LeaderRow, "rank">[] = [];
  for (const slot of rec.slots) {
    const l = live.get(slot.index);
    // A match ranks its teams once a quarter has been played.
    if (!l || l.turn === 0) continue;
    for (const seat of slot.seats) {
      if (!seat.team) continue;
      const s = l.seats.find((x) => x.company === seat.company);
      if (!s) continue;
      rows.push({
        team: seat.team,
        name: rec.teams.find((t) => t.id === seat.team)?.name ?? "",
        match: slot.index,
        company: seat.company,
        scoreBp: s.scoreBp,
        sharePriceCents: s.sharePriceCents,
        defaulted: s.status === "defaulted",
      });
    }
  }
  rows.sort((a, b) => Number(a.defaulted) - Number(b.defaulted) || b.scoreBp - a.scoreBp || a.match - b.match || a.name.localeCompare(b.name));
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

export function teacherView(rec: ClassRecord, rt: ClassRuntime): TeacherClassView {
  const slots: SlotView[] = rec.slots.map((s) => ({
    index: s.index,
    matchId: s.matchId,
    seats: s.seats.map((x) => ({ company: x.company, team: x.team, ai: x.ai })),
    live: rt.live.get(s.index) ?? null,
  }));
  return {
    role: "teacher",
    classId: rec.id,
    code: rec.code,
    status: rec.status,
    settings: rec.settings,
    teams: rec.teams.map((t) => teamView(rec, t, rt)),
    slots,
    projector: rec.projector,
    leaderboard: leaderboard(rec, rt.live),
    projectors: rt.projectors,
  };
}

export function studentView(rec: ClassRecord, rt: ClassRuntime, teamId: string): StudentClassView | null {
  const team = rec.teams.find((t) => t.id === teamId);
  if (!team) return null;
  const at = seatOf(rec, teamId);
  const slot = at ? rec.slots[at.match] : undefined;
  const live = at ? rt.live.get(at.match) : undefined;
  const match = at && slot?.matchId && live ? { index: at.match, matchId: slot.matchId, code: live.code, seat: at.seat.company } : null;
  return {
    role: "student",
    classId: rec.id,
    code: rec.code,
    title: rec.settings.title,
    status: rec.status,
    team: teamView(rec, team, rt),
    teams: rec.teams.length,
    match,
    benched: at?.seat.ai ?? false,
  };
}

export function projectorView(rec: ClassRecord, rt: ClassRuntime): ProjectorClassView {
  const { scenario, variant, turns, matches, seats, scoring } = rec.settings;
  return {
    role: "projector",
    classId: rec.id,
    code: rec.code,
    title: rec.settings.title,
    status: rec.status,
    settings: { scenario, variant, turns, matches, seats, scoring },
    projector: rec.projector,
    teams: rec.teams.map((t) => t.name),
    live: rt.live.get(rec.projector.match) ?? null,
    report: rt.reports.get(rec.projector.match) ?? null,
    leaderboard: leaderboard(rec, rt.live),
  };
}
