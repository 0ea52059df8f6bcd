/**
 * Turn timer: resolves on expiry with default decisions; the host pauses, resumes, extends and
 * advances; after each reveal the next turn's timer waits until every connected player has read it
 * (`reveal:ack`) or the reading time runs out.
 */
import { describe, expect, it } from "vitest";
import type { TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { useTestApp, Player, until } from "./harness.ts";

const TURN_MS = 400;
// Reading lasts until everyone acknowledges (a minute is "forever" here; reading-timeout.test.ts
// covers its end by time). One app per file: Colyseus' matchmaker is per process.
const env = useTestApp("timer", { turnMsOverride: TURN_MS, revealMs: 60_000 });

const SOLO_TIMED = { turns: 4, mode: "multiplayer", aiSeats: ["amazon", "alphabet", "meta"], turnSeconds: 10 } as const;

describe("turn timer", () => {
  it("resolves when time runs out, with the default decision for a silent seat; pause, extend, resume, advance", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", ...SOLO_TIMED });
    const ts = await ann.turnStarted(0);
    expect(typeof ts.deadline).toBe("number");
    const r = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0, 5000);
    expect(r.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(ts.defaultDecision);

    // Turn 1 opens while Ann reads the reveal: no deadline until she acknowledges it.
    const t1 = await ann.turnStarted(1);
    expect(t1.deadline).toBeUndefined();
    await ann.sync();
    expect(ann.room.state.reading).toBe(true);
    expect(ann.room.state.deadline).toBe(0);
    expect(ann.room.state.readingUntil).toBeGreaterThan(Date.now());
    // Paused while reading: acknowledging ends the reading but the timer stays stopped.
    expect(await ann.errorAfter(() => ann.room.send("teacher:pause"))).toBeNull();
    expect(await ann.errorAfter(() => ann.room.send("reveal:ack"))).toBeNull();
    await ann.sync();
    expect(ann.room.state.reading).toBe(false);
    expect(ann.room.state.paused).toBe(true);
    expect(ann.room.state.deadline).toBe(0);
    expect(ann.room.state.seats.get("microsoft")?.acked).toBe(true);
    const again = await ann.errorAfter(() => ann.room.send("teacher:pause"));
    expect(again?.code).toBe("rule/already_paused");
    // Extending a paused turn adds to the time it will have; resuming starts it.
    expect(await ann.errorAfter(() => ann.room.send("teacher:extend", { seconds: 5 }))).toBeNull();
    const resumedAt = Date.now();
    ann.room.send("teacher:resume");
    const t1b = await ann.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === 1 && m.deadline !== undefined);
    expect(t1b.deadline! - resumedAt).toBeGreaterThan(TURN_MS + 4000);
    // Advance resolves now, whatever the timer says.
    ann.room.send("teacher:advance");
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1, 5000);

    // The only human ready: early resolution (ready also acknowledges the reveal).
    await ann.turnStarted(2);
    ann.room.send("ready");
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 2, 5000);
    // Acknowledged, then left alone: the timer resolves the turn with the default decision.
    const t3: TurnStartedMessage = await ann.turnStarted(3);
    ann.room.send("reveal:ack");
    const r3 = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 3, 5000);
    expect(r3.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(t3.defaultDecision);
    await ann.waitFor("match:ended");
    await ann.leave();
  });

  it("reading ends when every connected player has acknowledged; everyone sees who has", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 10 });
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    await Promise.all([ann.turnStarted(0), bob.turnStarted(0)]);
    // Turn 0 ends by the host's advance (or its short timer): nobody sends anything that could land in turn 1.
    ann.room.send("teacher:advance");
    await Promise.all([ann.turnStarted(1), bob.turnStarted(1)]);
    ann.room.send("reveal:ack");
    await ann.sync();
    await bob.sync();
    expect(bob.room.state.seats.get("microsoft")?.acked).toBe(true);
    expect(bob.room.state.seats.get("amazon")?.acked).toBe(false);
    expect(bob.room.state.reading).toBe(true);
    expect(bob.room.state.deadline).toBe(0);
    bob.room.send("reveal:ack");
    await until(() => ann.room.state.reading === false && ann.room.state.deadline > 0, 5000, "timer started after both acknowledged");
    // Ready flags are public too: Bob sees Ann ready.
    ann.room.send("ready");
    await until(() => bob.room.state.seats.get("microsoft")?.ready === true, 5000, "bob sees ann ready");
    expect(bob.room.state.seats.get("amazon")?.ready).toBe(false);
    await Promise.all([ann.leave(), bob.leave()]);
  });

  it("the host can hand a seat to AI; its player becomes a spectator", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 3600 });
    ann.room.send("teacher:pause");
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    await bob.turnStarted(0);
    ann.room.send("teacher:seat", { seat: "amazon", ai: true });
    const w = await bob.waitFor<{ role: string; seat: string | null }>("welcome", (m) => m.role === "spectator");
    expect(w.seat).toBeNull();
    await until(() => ann.room.state.seats.get("amazon")?.control === "ai", 3000, "amazon to AI");
    const err = await bob.errorAfter(() => bob.room.send("ready"));
    expect(err?.code).toBe("auth/not_seated");
    await Promise.all([ann.leave(), bob.leave()]);
  });
});
