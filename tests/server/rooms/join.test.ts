/** Admission: tokens decide roles; a join option or a name never does. */
import { describe, expect, it } from "vitest";
import { planJoin, type JoinContext } from "../../../server/rooms/join.ts";
import { SeatTable } from "../../../server/rooms/seats.ts";
import { hashToken } from "../../../server/util.ts";

const HOST = "a".repeat(32);
const TEACHER = "b".repeat(32);
const BOB = "c".repeat(32);

function ctx(over: Partial<JoinContext<string>> = {}): JoinContext<string> {
  const seats = new SeatTable<string>(["microsoft", "amazon", "alphabet"], {
    microsoft: { control: "human", name: "Ann", tokenHash: hashToken(HOST), held: false },
    amazon: { control: "human", name: "Bob", tokenHash: hashToken(BOB), held: true },
    alphabet: { control: "vacant", name: "", tokenHash: "", held: false },
  });
  return { creator: false, ended: false, code: "ABCDEF", hostTokenHash: hashToken(HOST), teacherKeyHash: hashToken(TEACHER), seats, ...over };
}

describe("planJoin", () => {
  it("a newcomer takes the first free seat with a new token", () => {
    expect(planJoin(ctx(), { name: "Cy" })).toMatchObject({
      ok: true,
      role: "player",
      host: false,
      teacher: false,
      reclaim: false,
      token: "new",
      seat: { company: "alphabet" },
    });
  });

  it("a seat token reclaims its seat (also one AI holds); a wrong token or seat is refused", () => {
    expect(planJoin(ctx(), { name: "Bob", token: BOB })).toMatchObject({ ok: true, reclaim: true, token: BOB, seat: { company: "amazon" } });
    expect(planJoin(ctx(), { name: "Bob", token: BOB, seat: "microsoft" })).toMatchObject({ ok: false, code: "auth/bad_token" });
    expect(planJoin(ctx(), { name: "Eve", token: "0".repeat(32) })).toMatchObject({ ok: false, code: "auth/bad_token" });
  });

  it("the host's seat token makes it host again, never teacher", () => {
    expect(planJoin(ctx(), { name: "Ann", token: HOST })).toMatchObject({ ok: true, host: true, teacher: false, seat: { company: "microsoft" } });
    expect(planJoin(ctx(), { name: "Ann", role: "teacher", token: HOST })).toMatchObject({ ok: false, code: "auth/bad_token" });
  });

  it("only the teacher key makes a teacher", () => {
    expect(planJoin(ctx(), { name: "Ms Li", role: "teacher", token: TEACHER })).toMatchObject({
      ok: true,
      role: "teacher",
      teacher: true,
      host: true,
      seat: null,
    });
    expect(planJoin(ctx(), { name: "Eve", role: "teacher" })).toMatchObject({ ok: false, code: "auth/bad_token" });
    expect(planJoin(ctx({ teacherKeyHash: "" }), { name: "Eve", role: "teacher", token: "" })).toMatchObject({ ok: false, code: "auth/bad_token" });
  });

  it("taken, missing and ended seats, wrong codes and unknown options are refused", () => {
    expect(planJoin(ctx(), { name: "Eve", seat: "microsoft" })).toMatchObject({ ok: false, code: "join/seat_taken" });
    expect(planJoin(ctx(), { name: "Eve", seat: "tesla" })).toMatchObject({ ok: false, code: "join/no_such_seat" });
    expect(planJoin(ctx({ ended: true }), { name: "Eve" })).toMatchObject({ ok: false, code: "join/match_ended" });
    expect(planJoin(ctx(), { name: "Eve", code: "zzzzzz" })).toMatchObject({ ok: false, code: "join/bad_code" });
    expect(planJoin(ctx(), { name: "Eve", code: "abc-def" })).toMatchObject({ ok: true });
    expect(planJoin(ctx(), { name: "Eve", role: "admin" })).toMatchObject({ ok: false, code: "join/invalid_options" });
    const full = ctx();
    full.seats.get("alphabet")!.control = "ai";
    expect(planJoin(full, { name: "Eve" })).toMatchObject({ ok: false, code: "join/no_free_seat" });
  });

  it("names of roles are refused to those who do not hold them", () => {
    expect(planJoin(ctx(), { name: "Teacher", role: "spectator" })).toMatchObject({ ok: false, code: "join/reserved_name" });
    expect(planJoin(ctx(), { name: "Host" })).toMatchObject({ ok: false, code: "join/reserved_name" });
    expect(planJoin(ctx(), { name: "AI", token: BOB })).toMatchObject({ ok: false, code: "join/reserved_name" });
    expect(planJoin(ctx(), { name: "Teacher", role: "teacher", token: TEACHER })).toMatchObject({ ok: true });
  });

  it("the creator is host; a teacher creator is teacher too and takes no seat", () => {
    const fresh = (): JoinContext<string> => ({
      ...ctx(),
      creator: true,
      hostTokenHash: "",
      teacherKeyHash: "",
      seats: new SeatTable<string>(["microsoft", "amazon"], {}),
    });
    expect(planJoin(fresh(), { name: "Ann" })).toMatchObject({ ok: true, host: true, teacher: false, token: "new", seat: { company: "microsoft" } });
    expect(planJoin(fresh(), { name: "Ann", seat: "amazon" })).toMatchObject({ ok: true, seat: { company: "amazon" } });
    expect(planJoin(fresh(), { name: "Teacher", role: "teacher" })).toMatchObject({ ok: true, host: true, teacher: true, seat: null });
  });
});
