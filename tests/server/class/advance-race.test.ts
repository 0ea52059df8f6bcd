/**
 * The teacher's "advance" racing a team's commit, made deterministic: the team's decision is held,
 * then the teacher advances the quarter, and only then does the team's "ready" (sent by the page
 * once it sees its decision held) arrive. That "ready" was meant for the quarter just resolved: it
 * must be refused, not count for the next quarter — where it would mark the team ready before it
 * has seen the quarter (and, with every other seat ready, resolve that quarter without it).
 */
import { describe, expect, test } from "vitest";
import type { TurnResolvedMessage, TurnStartedMessage } from "../../../shared/protocol/index.ts";
import type { StudentClassView } from "../../../shared/protocol/class.ts";
import { Member, Player, createClass, useTestApp } from "./harness.ts";

const env = useTestApp("class-advance-race");

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the teacher advances while a team commits", () => {
  test("a ready for the quarter just advanced is refused and does not carry into the next one", async () => {
    const app = env.app;
    const c = await createClass(app.httpUrl, { title: "Race", matches: 1, turns: 4, turnSeconds: 600 });
    const teacher = await Member.join(app.wsUrl, c.roomId, { role: "teacher", key: c.teacherKey });
    const cy = await Member.join(app.wsUrl, c.roomId, { role: "student", name: "Cy" });
    const di = await Member.join(app.wsUrl, c.roomId, { role: "student", name: "Di" });
    expect(await teacher.errorAfter(() => teacher.room.send("class:assign", { team: cy.welcome.team!.id, match: 0, seat: "microsoft" }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:assign", { team: di.welcome.team!.id, match: 0, seat: "amazon" }))).toBeNull();
    expect(await teacher.errorAfter(() => teacher.room.send("class:start"))).toBeNull();
    const v = await cy.viewWhere<StudentClassView>((x) => x.match !== null);
    const matchId = v.match!.matchId;
    const pc = await Player.join(app.wsUrl, matchId, { name: "Cy", token: cy.welcome.team!.token });
    const pd = await Player.join(app.wsUrl, matchId, { name: "Di", token: di.welcome.team!.token });

    // Quarter 1: Cy's decision is held (what the page waits for before it says ready)…
    const ts0 = await pc.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === 0);
    expect(await pc.errorAfter(() => pc.room.send("decide", { turn: 0, decision: ts0.defaultDecision }))).toBeNull();
    await until(() => pc.room.state.seats.get("microsoft")?.pending === JSON.stringify(ts0.defaultDecision), "Cy's decision held");
    // …the teacher advances the quarter (Di never committed)…
    expect(await teacher.errorAfter(() => teacher.room.send("class:advance", { match: 0 }))).toBeNull();
    await pc.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    await pc.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === 1);
    // …and only now does Cy's ready for quarter 1 arrive: refused, it was for the quarter just resolved.
    const late = await pc.errorAfter(() => pc.room.send("ready", { turn: 0 }));
    expect(late?.code).toBe("rule/wrong_turn");
    await pc.sync();
    expect(pc.room.state.turn).toBe(1);
    expect(pc.room.state.seats.get("microsoft")?.ready).toBe(false);
    expect(pc.room.state.seats.get("microsoft")?.acked).toBe(false);

    // The ready of the open quarter counts as before; so does one without a turn (older clients).
    expect(await pc.errorAfter(() => pc.room.send("ready", { turn: 1 }))).toBeNull();
    await pc.sync();
    expect(pc.room.state.seats.get("microsoft")?.ready).toBe(true);
    expect(await pc.errorAfter(() => pc.room.send("unready", { turn: 0 }))).toMatchObject({ code: "rule/wrong_turn" });
    expect(pc.room.state.seats.get("microsoft")?.ready).toBe(true);
    expect(await pc.errorAfter(() => pc.room.send("unready", { turn: 1 }))).toBeNull();
    expect(await pd.errorAfter(() => pd.room.send("ready"))).toBeNull();
    await pd.sync();
    expect(pd.room.state.seats.get("amazon")?.ready).toBe(true);

    await Promise.all([teacher.leave(), cy.leave(), di.leave(), pc.leave(), pd.leave()]);
  }, 60_000);
});
