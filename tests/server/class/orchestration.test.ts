/** Class orchestration, views and the dilemma meter as pure functions: no server. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CORE_FOUR, resolveConfig, type CompanyId } from "../../../shared/engine/index.ts";
import { ClassSettingsSchema, type LiveSeat, type MatchLive } from "../../../shared/protocol/class.ts";
import { meterOf, restrainPath } from "../../../server/class/dilemma.ts";
import * as orch from "../../../server/class/orchestration.ts";
import { newClassRecord, parseClassRecord, seatOf, type ClassRecord } from "../../../server/class/record.ts";
import { leaderboard, studentView, teacherView, type ClassRuntime } from "../../../server/class/views.ts";

const SETTINGS = ClassSettingsSchema.parse({ matches: 2 });

function ok(ch: orch.Change): { record: ClassRecord; effects: readonly orch.Effect[] } {
  if (!ch.ok) throw new Error(`${ch.code}: ${ch.message}`);
  return ch;
}

function withTeams(names: readonly string[], rec = newClassRecord("c0123456789abcdef", "ABCDEF", SETTINGS, "2026-01-01T00:00:00Z")): ClassRecord {
  let r = rec;
  names.forEach((name, i) => {
    r = ok(orch.addTeam(r, { id: `t0000000${i}`, name, tokenHash: "a".repeat(64), joinedAt: "now" })).record;
  });
  return r;
}

describe("the roster", () => {
  test("team names are unique whatever their case or spacing", () => {
    const r = withTeams(["Team A"]);
    expect(orch.addTeam(r, { id: "t00000009", name: "team  a", tokenHash: "b".repeat(64), joinedAt: "now" })).toMatchObject({
      ok: false,
      code: "class/name_taken",
    });
  });

  test("auto-fill spreads teams over the matches, skips AI seats, and is idempotent", () => {
    let r = withTeams(["A", "B", "C", "D", "E"]);
    r = ok(orch.setSeatAi(r, 0, "microsoft", true)).record;
    const filled = ok(orch.autofill(r));
    expect(filled.effects).toEqual([]);
    const where = (id: string) => {
      const s = seatOf(filled.record, id);
      return s ? [s.match, s.seat.company] : null;
    };
    expect(["t00000000", "t00000001", "t00000002", "t00000003", "t00000004"].map(where)).toEqual([
      [0, "amazon"],
      [1, "microsoft"],
      [0, "alphabet"],
      [1, "amazon"],
      [0, "meta"],
    ]);
    expect(ok(orch.autofill(filled.record)).record).toEqual(filled.record);
  });

  test("assigning moves a team, and displaces the seat's previous team to the waiting list", () => {
    let r = withTeams(["A", "B"]);
    r = ok(orch.assign(r, "t00000000", 0, "meta")).record;
    r = ok(orch.assign(r, "t00000000", 1, "amazon")).record;
    expect(seatOf(r, "t00000000")).toMatchObject({ match: 1, seat: { company: "amazon" } });
    expect(r.slots[0]!.seats.find((s) => s.company === "meta")?.team).toBeNull();
    r = ok(orch.assign(r, "t00000001", 1, "amazon")).record;
    expect(seatOf(r, "t00000000")).toBeNull();
    expect(seatOf(r, "t00000001")).toMatchObject({ match: 1 });
  });
});

describe("a running class", () => {
  function running(): ClassRecord {
    let r = withTeams(["A", "B", "C"]);
    r = ok(orch.assign(r, "t00000000", 0, "microsoft")).record;
    r = ok(orch.assign(r, "t00000001", 0, "amazon")).record;
    const s = ok(orch.start(r));
    expect(s.effects).toEqual([{ kind: "create", match: 0 }]);
    return orch.matchCreated(s.record, 0, "m0123456789abcdef");
  }

  test("start creates only the matches with a team; without any team it is refused", () => {
    expect(orch.start(withTeams(["A"]))).toMatchObject({ ok: false, code: "class/no_teams" });
    expect(running().status).toBe("running");
  });

  test("seat changes become match effects: AI in, the team back, a moved team's seat to AI", () => {
    const r = running();
    expect(ok(orch.setSeatAi(r, 0, "amazon", true)).effects).toEqual([{ kind: "ai", match: 0, seat: "amazon" }]);
    const benched = ok(orch.setSeatAi(r, 0, "amazon", true)).record;
    expect(ok(orch.setSeatAi(benched, 0, "amazon", false)).effects).toEqual([{ kind: "reserve", match: 0, seat: "amazon", team: "t00000001" }]);
    expect(orch.setSeatAi(r, 0, "meta", false)).toMatchObject({ ok: false, code: "class/no_team" });
    expect(ok(orch.assign(r, "t00000000", 0, "meta")).effects).toEqual([
      { kind: "ai", match: 0, seat: "microsoft" },
      { kind: "reserve", match: 0, seat: "meta", team: "t00000000" },
    ]);
    // A late team joins a running match; a match that was never started cannot take it.
    expect(ok(orch.assign(r, "t00000002", 0, "alphabet")).effects).toEqual([{ kind: "reserve", match: 0, seat: "alphabet", team: "t00000002" }]);
    expect(orch.assign(r, "t00000002", 1, "alphabet")).toMatchObject({ ok: false, code: "class/match_not_running" });
    expect(ok(orch.autofill(r)).effects).toEqual([{ kind: "reserve", match: 0, seat: "alphabet", team: "t00000002" }]);
    expect(orch.removeTeam(r, "t00000000")).toMatchObject({ ok: false, code: "class/wrong_phase" });
    expect(orch.scopedMatches(r, undefined)).toMatchObject({ ok: true, matches: [{ index: 0 }] });
    expect(orch.scopedMatches(r, 1)).toMatchObject({ ok: false, code: "class/match_not_running" });
  });

  test("any sequence of teacher actions keeps every team in at most one seat, and the record parses", () => {
    const teams = ["t00000000", "t00000001", "t00000002", "t00000003"];
    const action = fc.oneof(
      fc.record({
        k: fc.constant("assign"),
        team: fc.constantFrom(...teams),
        match: fc.integer({ min: 0, max: 2 }),
        seat: fc.constantFrom<CompanyId>(...CORE_FOUR, "oracle"),
      }),
      fc.record({ k: fc.constant("unassign"), team: fc.constantFrom(...teams) }),
      fc.record({ k: fc.constant("ai"), match: fc.integer({ min: 0, max: 1 }), seat: fc.constantFrom<CompanyId>(...CORE_FOUR), ai: fc.boolean() }),
      fc.record({ k: fc.constant("autofill") }),
      fc.record({ k: fc.constant("start") }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let r = withTeams(["A", "B", "C", "D"]);
        for (const a of actions) {
          const ch =
            a.k === "assign"
              ? orch.assign(r, a.team, a.match, a.seat)
              : a.k === "unassign"
                ? orch.unassign(r, a.team)
                : a.k === "ai"
                  ? orch.setSeatAi(r, a.match, a.seat, a.ai)
                  : a.k === "autofill"
                    ? orch.autofill(r)
                    : orch.start(r);
          if (!ch.ok) continue;
          r = ch.record;
          if (a.k === "start") for (const e of ch.effects) if (e.kind === "create") r = orch.matchCreated(r, e.match, `m${e.match}`.padEnd(17, "0"));
        }
        const seated = r.slots.flatMap((s) => s.seats.map((x) => x.team).filter((t): t is string => t !== null));
        expect(new Set(seated).size).toBe(seated.length);
        for (const t of seated) expect(teams).toContain(t);
        expect(parseClassRecord(JSON.parse(JSON.stringify(r))).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

function liveSeat(company: CompanyId, scoreBp: number, status = "active"): LiveSeat {
  return {
    company,
    name: "",
    control: "human",
    held: false,
    connected: true,
    committed: false,
    ready: false,
    status,
    rating: "A",
    capex: 0,
    sharePriceCents: 100,
    priceChangeBp: 0,
    marketCap: 1,
    onlineMw: 1,
    scoreBp,
    rank: 0,
  };
}

function live(seats: LiveSeat[], turn = 1): MatchLive {
  return {
    matchId: "m",
    code: "ABCDEF",
    phase: "deciding",
    turn,
    turns: 8,
    year: 2026,
    q: 2,
    paused: false,
    reading: false,
    deadline: 0,
    baseRateBp: 350,
    regime: "euphoria",
    windowOpen: true,
    pendingEvents: [],
    lastEvents: [],
    seats,
    industry: { capex: 300, netIncome: 30, capexByQuarter: [100, 200] },
    meter: null,
    scores: null,
  };
}

describe("views", () => {
  test("the leaderboard ranks teams across matches by score, defaulted companies last; AI seats are not in it", () => {
    let r = withTeams(["A", "B", "C"]);
    r = ok(orch.assign(r, "t00000000", 0, "microsoft")).record;
    r = ok(orch.assign(r, "t00000001", 0, "amazon")).record;
    r = ok(orch.assign(r, "t00000002", 1, "meta")).record;
    const rows = leaderboard(
      r,
      new Map([
        [0, live([liveSeat("microsoft", 900, "defaulted"), liveSeat("amazon", 100), liveSeat("alphabet", 5000), liveSeat("meta", 0)])],
        [1, live([liveSeat("microsoft", 0), liveSeat("amazon", 0), liveSeat("alphabet", 0), liveSeat("meta", 300)])],
      ]),
    );
    expect(rows.map((x) => [x.rank, x.name, x.match, x.defaulted])).toEqual([
      [1, "C", 1, false],
      [2, "B", 0, false],
      [3, "A", 0, true],
    ]);
  });

  test("no view carries a token or its hash; a student sees only its own team", () => {
    let r = withTeams(["A", "B"]);
    r = ok(orch.assign(r, "t00000000", 0, "microsoft")).record;
    const rt: ClassRuntime = { connectedTeams: new Set(["t00000000"]), live: new Map(), reports: new Map(), projectors: 0 };
    expect(JSON.stringify(teacherView(r, rt))).not.toContain("a".repeat(64));
    const sv = studentView(r, rt, "t00000001")!;
    expect(JSON.stringify(sv)).not.toContain("a".repeat(64));
    expect(sv.team).toMatchObject({ name: "B", match: null });
    expect(JSON.stringify(sv)).not.toContain('"A"');
    expect(studentView(r, rt, "t0000000f")).toBeNull();
  });
});

describe("the dilemma meter", () => {
  test("sums the all-restrain path over the quarters played, and the path is deterministic", () => {
    expect(meterOf(live([], 2), { capex: [10, 20, 40], netIncome: [1, 2, 4] })).toEqual({
      turns: 2,
      capex: 300,
      restrainCapex: 30,
      netIncome: 30,
      restrainNetIncome: 3,
      capexByQuarter: [100, 200],
      restrainCapexByQuarter: [10, 20],
    });
    const config = resolveConfig({ seed: 9, turns: 4, seats: [...CORE_FOUR] });
    const a = restrainPath(config, {});
    expect(a.capex).toHaveLength(4);
    expect(restrainPath(config, {})).toEqual(a);
    // A teacher's event changes the path from its quarter on.
    const b = restrainPath(config, { 1: [{ turn: 1, kind: "antitrust", target: "meta" }] });
    expect(b.capex[0]).toBe(a.capex[0]);
    expect(b).not.toEqual(a);
  });
});
