/**
 * A whole class against the real server and the real SDK: 2 matches × 4 seats (five teams and
 * three AI seats), the roster, auto-fill, start, the live overview with its dilemma meter, pause,
 * resume, extend, force-advance, a bounded event into every match, undo, a team replaced by AI and
 * given back, the projector's stages, and a server restart in the middle of the class.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AppHandle } from "../../../server/app.ts";
import type { TurnResolvedMessage, TurnStartedMessage, TurnUndoneMessage, WelcomeMessage } from "../../../shared/protocol/index.ts";
import type { ClassLocation, ProjectorClassView, StudentClassView, TeacherClassView } from "../../../shared/protocol/class.ts";
import { INJECT_BOUNDS } from "../../../shared/engine/index.ts";
import { Member, Player, createClass, freeTestPort, getJson, startTestApp, tempDataDir } from "./harness.ts";

const PORT = await freeTestPort();
const data = tempDataDir("class-session");
let app: AppHandle;

beforeAll(async () => {
  app = await startTestApp(PORT, data.dir, { graceSeconds: 30 });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

interface Team {
  readonly name: string;
  member: Member;
  id: string;
  token: string;
  player: Player | null;
}

async function joinTeam(roomId: string, name: string): Promise<Team> {
  const member = await Member.join(app.wsUrl, roomId, { role: "student", name });
  const t = member.welcome.team!;
  expect(t.name).toBe(name);
  expect(t.token).toMatch(/^[0-9a-f]{32}$/);
  return { name, member, id: t.id, token: t.token, player: null };
}

/** The team's page does this: when its view names a match, join it with the team token. */
async function takeSeat(team: Team): Promise<StudentClassView> {
  const v = await team.member.viewWhere<StudentClassView>((x) => x.match !== null && !x.benched);
  team.player = await Player.join(app.wsUrl, v.match!.matchId, { name: team.name, token: team.token });
  expect(team.player.welcome.seat).toBe(v.match!.seat);
  return v;
}

async function commitDefault(p: Player, turn: number): Promise<void> {
  const ts = await p.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === turn);
  p.room.send("decide", { turn, decision: ts.defaultDecision });
  p.room.send("ready");
}

function live(v: TeacherClassView, match: number) {
  const l = v.slots[match]?.live;
  if (!l) throw new Error(`no live summary for match ${match}`);
  return l;
}

describe("a class session", () => {
  test("from creation to a restart in the middle", async () => {
    const c = await createClass(app.httpUrl, { title: "Econ 101", matches: 2, turns: 5, turnSeconds: 600 });
    expect(c.classId).toMatch(/^c[0-9a-f]{16}$/);
    expect(c.code).toMatch(/^[A-Z2-9]{6}$/);
    // The class code finds the room (the student's way in); so does the class id (the teacher's).
    const byCode = (await getJson(`${app.httpUrl}/api/class-codes/${c.code.toLowerCase()}`)).body as ClassLocation;
    expect(byCode).toMatchObject({ classId: c.classId, roomId: c.roomId, status: "lobby", title: "Econ 101" });
    // Typed into a match-code box instead, it points to the class page.
    expect(await getJson(`${app.httpUrl}/api/codes/${c.code.toLowerCase()}`)).toEqual({ status: 200, body: { code: c.code, classPath: `/class/${c.code}` } });

    const teacher = await Member.join(app.wsUrl, c.roomId, { role: "teacher", key: c.teacherKey });
    const projector = await Member.join(app.wsUrl, c.roomId, { role: "projector" });
    const names = ["Ann", "Bo", "Cy", "Di", "Ed"];
    const teams: Team[] = [];
    for (const n of names) teams.push(await joinTeam(c.roomId, n));
    const [ann, bo, cy, di] = teams as [Team, Team, Team, Team, Team];

    // The roster is live, with who is connected.
    let tv = await teacher.viewWhere<TeacherClassView>((v) => v.teams.length === 5 && v.teams.every((t) => t.connected));
    expect(tv.teams.map((t) => t.name)).toEqual(names);
    expect(tv.status).toBe("lobby");
    // A second team may not take a name already in the class.
    await expect(Member.join(app.wsUrl, c.roomId, { role: "student", name: "ann " })).rejects.toThrow(/class\/name_taken/);

    // Seating: three teams by hand into match 1, the rest auto-filled (match 2 has fewer teams).
    for (const [t, seat] of [
      [ann, "microsoft"],
      [bo, "amazon"],
      [cy, "alphabet"],
    ] as const)
      expect(await teacher.errorAfter(() => teacher.room.send("class:assign", { team: t.id, match: 0, seat }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:seat", { match: 0, seat: "meta", ai: true }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:autofill"))).toBeNull();
    tv = await teacher.viewWhere<TeacherClassView>((v) => v.teams.every((t) => t.match !== null));
    expect(tv.teams.map((t) => [t.name, t.match, t.seat])).toEqual([
      ["Ann", 0, "microsoft"],
      ["Bo", 0, "amazon"],
      ["Cy", 0, "alphabet"],
      ["Di", 1, "microsoft"],
      ["Ed", 1, "amazon"],
    ]);
    expect(tv.slots[0]!.seats.find((s) => s.company === "meta")).toMatchObject({ team: null, ai: true });

    // Start all: both matches are created and started; every team is told where it plays.
    expect(await teacher.errorAfter(() => teacher.room.send("class:start"))).toBeNull();
    for (const t of teams) await takeSeat(t);
    tv = await teacher.viewWhere<TeacherClassView>((v) => v.status === "running" && [0, 1].every((i) => v.slots[i]?.live?.phase === "deciding"));
    const m0 = live(tv, 0);
    const m1 = live(tv, 1);
    expect(m0.seats.map((s) => [s.company, s.control, s.name])).toEqual([
      ["microsoft", "human", "Ann"],
      ["amazon", "human", "Bo"],
      ["alphabet", "human", "Cy"],
      ["meta", "ai", ""],
    ]);
    expect(m1.seats.map((s) => [s.company, s.control])).toEqual([
      ["microsoft", "human"],
      ["amazon", "human"],
      ["alphabet", "ai"],
      ["meta", "ai"],
    ]);
    expect(m0.code).not.toBe(m1.code);

    // Quarter 1 of match 1: everyone commits; the overview shows who has committed, then the reveal.
    await commitDefault(ann.player!, 0);
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 0).seats.find((s) => s.company === "microsoft")?.committed === true);
    expect(live(tv, 0).seats.find((s) => s.company === "amazon")?.committed).toBe(false);
    await commitDefault(bo.player!, 0);
    await commitDefault(cy.player!, 0);
    await ann.player!.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 0).turn === 1 && live(v, 0).meter !== null);
    const meter = live(tv, 0).meter!;
    expect(meter.turns).toBe(1);
    expect(meter.restrainCapex).toBeGreaterThan(0);
    expect(meter.capex).toBe(live(tv, 0).industry.capex);
    for (const s of live(tv, 0).seats) expect(s.sharePriceCents).toBeGreaterThan(0);
    // The leaderboard ranks the teams of matches that have played a quarter (match 2 has not yet).
    expect(tv.leaderboard.map((r) => r.name).sort()).toEqual(["Ann", "Bo", "Cy"]);

    // Match 2: pause, extend (refused while... no: the timer extends while paused), resume, force-advance.
    expect(await teacher.errorAfter(() => teacher.room.send("class:pause", { match: 1 }))).toBeNull();
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 1).paused);
    expect(live(tv, 0).paused).toBe(false);
    expect((await teacher.errorAfter(() => teacher.room.send("class:pause", { match: 1 })))?.code).toBe("rule/already_paused");
    expect(await teacher.errorAfter(() => teacher.room.send("class:extend", { match: 1, seconds: 60 }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:resume", { match: 1 }))).toBeNull();
    tv = await teacher.viewWhere<TeacherClassView>((v) => !live(v, 1).paused && live(v, 1).deadline > 0);
    expect(await teacher.errorAfter(() => teacher.room.send("class:advance", { match: 1 }))).toBeNull();
    await di.player!.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 1).turn === 1 && v.leaderboard.length === 5);
    expect(tv.leaderboard.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);

    // A bounded event into every match; an unbounded one is refused before any match gets it.
    const tooBig = INJECT_BOUNDS.rate_move.max + 1;
    const bad = await teacher.errorAfter(() => teacher.room.send("class:event", { kind: "rate_move", magnitude: tooBig }));
    expect(bad?.code).toBe("event/out_of_bounds");
    expect((await teacher.errorAfter(() => teacher.room.send("class:event", { kind: "antitrust" })))?.code).toBe("event/bad_target");
    expect(await teacher.errorAfter(() => teacher.room.send("class:event", { kind: "rate_move", magnitude: -INJECT_BOUNDS.rate_move.step }))).toBeNull();
    tv = await teacher.viewWhere<TeacherClassView>((v) => [0, 1].every((i) => live(v, i).pendingEvents.length === 1));
    expect(live(tv, 0).pendingEvents[0]).toMatchObject({ kind: "rate_move", magnitudeBp: -INJECT_BOUNDS.rate_move.step });
    // Twice the same kind in one quarter is a duplicate, in every match: refused, nothing added.
    const dup = await teacher.errorAfter(() => teacher.room.send("class:event", { kind: "rate_move", magnitude: INJECT_BOUNDS.rate_move.step }));
    expect(dup?.code).toBe("event/duplicate");
    await teacher.sync();
    expect(teacher.teacher.slots.map((s) => s.live?.pendingEvents.length)).toEqual([1, 1]);

    // Match 1 plays quarter 2 with the event; the teacher takes it back (undo), and it opens again without it.
    for (const t of [ann, bo, cy]) await commitDefault(t.player!, 1);
    const r1 = await ann.player!.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1);
    expect(r1.report.events.some((e) => e.kind === "rate_move")).toBe(true);
    await teacher.viewWhere<TeacherClassView>((v) => live(v, 0).turn === 2);
    expect((await teacher.errorAfter(() => teacher.room.send("class:undo", { match: 0, turn: 0 })))?.code).toBe("rule/wrong_turn");
    const annLog = ann.player!.log.length;
    expect(await teacher.errorAfter(() => teacher.room.send("class:undo", { match: 0, turn: 1 }))).toBeNull();
    const undone = await ann.player!.waitFor<TurnUndoneMessage>("turn:undone", () => true, 15_000, annLog);
    expect(undone.turn).toBe(1);
    expect(undone.hash).toBe((await ann.player!.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0)).hash);
    await ann.player!.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === 1, 15_000, annLog);
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 0).turn === 1 && live(v, 0).phase === "deciding");
    expect(live(tv, 0).pendingEvents).toEqual([]);
    expect(ann.player!.room.state.turn).toBe(1);

    // Bo is absent: AI takes Amazon; Bo's connection becomes a spectator and its token no longer seats it.
    const boLog = bo.player!.log.length;
    expect(await teacher.errorAfter(() => teacher.room.send("class:seat", { match: 0, seat: "amazon", ai: true }))).toBeNull();
    const spect = await bo.player!.waitFor<WelcomeMessage>("welcome", (m) => m.role === "spectator", 15_000, boLog);
    expect(spect.seat).toBeNull();
    tv = await teacher.viewWhere<TeacherClassView>((v) => live(v, 0).seats.find((s) => s.company === "amazon")?.control === "ai");
    expect(tv.teams.find((t) => t.name === "Bo")).toMatchObject({ match: 0, seat: "amazon" });
    expect((await bo.member.viewWhere<StudentClassView>((v) => v.benched)).match).toMatchObject({ seat: "amazon" });
    await bo.player!.leave();
    await expect(Player.join(app.wsUrl, live(tv, 0).matchId, { name: "Bo", token: bo.token })).rejects.toThrow(/bad_token/);
    // …and back: the seat is Bo's again, mid-quarter.
    expect(await teacher.errorAfter(() => teacher.room.send("class:seat", { match: 0, seat: "amazon", ai: false }))).toBeNull();
    await takeSeat(bo);
    tv = await teacher.viewWhere<TeacherClassView>((v) => {
      const s = live(v, 0).seats.find((x) => x.company === "amazon");
      return s?.control === "human" && s.name === "Bo" && s.connected;
    });

    // The projector follows the teacher's stages, with public figures only.
    expect(await teacher.errorAfter(() => teacher.room.send("class:project", { match: 0, stage: "market" }))).toBeNull();
    const pv = await projector.viewWhere<ProjectorClassView>((v) => v.projector.stage === "market" && v.report !== null);
    expect(pv.report?.turn).toBe(0);
    expect(pv.live?.seats.length).toBe(4);
    expect(JSON.stringify(pv)).not.toMatch(/tokenHash|"token"|"seed"|"rng"|"pending"/);

    // ---- restart in the middle of the class ----
    const before = teacher.teacher;
    await Promise.all([teacher.leave(), projector.leave(), ...teams.map((t) => t.member.leave()), ...teams.map((t) => t.player?.leave())]);
    await app.close();
    app = await startTestApp(PORT, data.dir, { graceSeconds: 30 });
    const loc = (await getJson(`${app.httpUrl}/api/classes/${c.classId}`)).body as ClassLocation;
    expect(loc).toMatchObject({ classId: c.classId, status: "running" });
    const teacher2 = await Member.join(app.wsUrl, loc.roomId, { role: "teacher", key: c.teacherKey });
    const tv2 = await teacher2.viewWhere<TeacherClassView>((v) => [0, 1].every((i) => v.slots[i]?.live !== null && v.slots[i]?.live?.meter !== null));
    expect(tv2.teams.map((t) => [t.name, t.match, t.seat])).toEqual(before.teams.map((t) => [t.name, t.match, t.seat]));
    expect(tv2.slots.map((s) => [s.matchId, s.live?.turn])).toEqual(before.slots.map((s) => [s.matchId, s.live?.turn]));
    // Every team comes back with its token, into its seat.
    for (const t of teams) {
      t.member = await Member.join(app.wsUrl, loc.roomId, { role: "student", token: t.token });
      expect(t.member.welcome.team?.id).toBe(t.id);
      await takeSeat(t);
    }
    await teacher2.viewWhere<TeacherClassView>((v) => v.teams.every((t) => t.connected));
    // The match goes on: quarter 2 of match 1 resolves after the restart.
    for (const t of [ann, bo, cy]) await commitDefault(t.player!, 1);
    await ann.player!.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1);
    await teacher2.viewWhere<TeacherClassView>((v) => live(v, 0).turn === 2);
    // A projector after the restart gets the last report re-run from the log.
    const projector2 = await Member.join(app.wsUrl, loc.roomId, { role: "projector" });
    expect(await teacher2.errorAfter(() => teacher2.room.send("class:project", { match: 1, stage: "decisions" }))).toBeNull();
    const pv2 = await projector2.viewWhere<ProjectorClassView>((v) => v.projector.match === 1 && v.report !== null);
    expect(pv2.report?.turn).toBe(0);

    await Promise.all([teacher2.leave(), projector2.leave(), ...teams.map((t) => t.member.leave()), ...teams.map((t) => t.player?.leave())]);
  }, 240_000);
});
