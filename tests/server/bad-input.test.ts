/**
 * Bad input over real websockets: every malformed, out-of-bounds, wrong-turn, wrong-role or
 * oversize message gets `error {code, message}`, changes nothing, and the connection stays open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { Player, until, useTestApp } from "./harness.ts";

const env = useTestApp("bad", { ratePerSecond: 10, rateBurst: 20 });
let ann: Player;
let bob: Player;
let spy: Player;
let ts: TurnStartedMessage;

beforeAll(async () => {
  ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 600 });
  bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
  spy = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Spy", role: "spectator" });
  ts = await bob.turnStarted(0);
  await ann.turnStarted(0);
  const settled = (p: Player) => p.room.state.phase === "deciding" && p.room.state.spectators === 1 && p.room.state.seats?.get?.("meta")?.ready === true;
  await until(() => settled(ann) && settled(bob) && settled(spy), 5000, "all views settled");
});
afterAll(async () => {
  await Promise.all([ann?.leave(), bob?.leave(), spy?.leave()]);
});

function snapshot(p: Player): string {
  return JSON.stringify(p.room.state.toJSON());
}

describe("bad input table", () => {
  const cases: { name: string; who: () => Player; type: string; payload: () => unknown; code: string }[] = [
    { name: "decide with wrong types", who: () => bob, type: "decide", payload: () => ({ turn: "0", decision: "all in" }), code: "protocol/invalid_payload" },
    { name: "decide missing fields", who: () => bob, type: "decide", payload: () => ({ turn: 0, decision: { capex: 1 } }), code: "protocol/invalid_payload" },
    {
      name: "huge numbers",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, decision: { ...ts.defaultDecision, capex: 1e300 } }),
      code: "protocol/invalid_payload",
    },
    {
      name: "non-integer money",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, decision: { ...ts.defaultDecision, capex: 10.5 } }),
      code: "protocol/invalid_payload",
    },
    {
      name: "negative capex",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, decision: { ...ts.defaultDecision, capex: -100 } }),
      code: "protocol/invalid_payload",
    },
    {
      name: "over the engine's bounds",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, decision: { ...ts.defaultDecision, capex: ts.bounds.capex.max + 1, debtIssue: 0 } }),
      code: "rule/invalid_decision",
    },
    { name: "wrong turn", who: () => bob, type: "decide", payload: () => ({ turn: 3, decision: ts.defaultDecision }), code: "rule/wrong_turn" },
    {
      name: "another seat's decision",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, seat: "microsoft", decision: ts.defaultDecision }),
      code: "protocol/invalid_payload",
    },
    { name: "decide from a spectator", who: () => spy, type: "decide", payload: () => ({ turn: 0, decision: ts.defaultDecision }), code: "auth/not_seated" },
    { name: "unknown message type", who: () => bob, type: "hack", payload: () => ({ x: 1 }), code: "protocol/unknown_message" },
    { name: "teacher:advance from a player", who: () => bob, type: "teacher:advance", payload: () => undefined, code: "auth/not_host" },
    { name: "teacher:seat from a spectator", who: () => spy, type: "teacher:seat", payload: () => ({ seat: "amazon", ai: true }), code: "auth/not_host" },
    { name: "ready with a payload", who: () => bob, type: "ready", payload: () => ({ now: true }), code: "protocol/invalid_payload" },
    { name: "chat too long", who: () => bob, type: "chat", payload: () => ({ text: "x".repeat(281) }), code: "protocol/invalid_payload" },
    {
      name: "oversize payload",
      who: () => bob,
      type: "decide",
      payload: () => ({ turn: 0, decision: ts.defaultDecision, pad: "x".repeat(6000) }),
      code: "protocol/payload_too_large",
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const p = c.who();
      const before = { bob: snapshot(bob), ann: snapshot(ann), spy: snapshot(spy) };
      const err = await p.errorAfter(() => p.room.send(c.type, c.payload()));
      expect(err).not.toBeNull();
      expect(err?.code).toBe(c.code);
      expect(typeof err?.message).toBe("string");
      expect(err?.message.length).toBeGreaterThan(0);
      // Nothing changed, for anyone: each client's pong comes after the room flushed its state.
      await Promise.all([bob.sync(), ann.sync(), spy.sync()]);
      const after = { bob: snapshot(bob), ann: snapshot(ann), spy: snapshot(spy) };
      expect(after.bob === before.bob && after.ann === before.ann && after.spy === before.spy, "state unchanged").toBe(true);
      expect(bob.room.state.seats.get("amazon")?.committed).toBe(false);
      expect(ann.room.state.phase).toBe("deciding");
      expect(p.room.connection.isOpen).toBe(true);
    });
  }

  it("a legal decide still works after all that (the connections stayed usable)", async () => {
    bob.room.send("decide", { turn: 0, decision: ts.defaultDecision });
    await until(() => bob.room.state.seats.get("amazon")?.committed === true, 5000, "bob committed");
    expect(bob.log.filter((m) => m.type === "error").length).toBe(cases.filter((c) => c.who() === bob).length);
  });

  it("the host's clock messages are accepted; events are the teacher's only", async () => {
    expect(await ann.errorAfter(() => ann.room.send("teacher:pause"))).toBeNull();
    expect(await ann.errorAfter(() => ann.room.send("teacher:extend", { seconds: 30 }))).toBeNull();
    expect(await ann.errorAfter(() => ann.room.send("teacher:resume"))).toBeNull();
    const err = await ann.errorAfter(() => ann.room.send("teacher:event", { kind: "rate_move", magnitudeBp: 50 }));
    expect(err?.code).toBe("auth/not_teacher");
    ann.room.send("teacher:advance");
    const r = await bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    expect(r.turn).toBe(0);
    await bob.turnStarted(1);
  });

  it("rate limit: a flood gets rate_limited errors, not a disconnect", async () => {
    const from = bob.log.length;
    for (let i = 0; i < 40; i++) bob.room.send("unready");
    await bob.waitFor("error", (m: { code: string }) => m.code === "protocol/rate_limited", 5000, from);
    expect(bob.room.connection.isOpen).toBe(true);
  });

  it("join with bad options or a wrong token is refused", async () => {
    await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name: "Eve", token: "0".repeat(32) })).rejects.toThrow(/bad_token/);
    await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name: "Eve", role: "teacher" })).rejects.toThrow(/bad_token/);
    await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name: "Eve", evil: true })).rejects.toThrow(/invalid_options/);
    await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name: "Eve", seat: "amazon" })).rejects.toThrow(/seat_taken/);
    await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name: "Eve", code: "ZZZZZZ" })).rejects.toThrow(/bad_code/);
  });

  it("names are sanitised; chat carries the sender's real role", async () => {
    const eve = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "  <b>Eve</b>\u0000\u202e  ", role: "spectator" });
    eve.room.send("chat", { text: "hi" });
    const chat = await eve.waitFor<{ from: string; text: string; role: string; host: boolean }>("chat");
    expect(chat).toMatchObject({ from: "bEve/b", role: "spectator", host: false });
    await eve.leave();
  });

  it("nobody joins under a role's name", async () => {
    for (const name of ["Teacher", "Τeacher", "t e a c h e r", "Host", "AI", "老师", "System"]) {
      await expect(Player.join(env.app.wsUrl, ann.room.roomId, { name, role: "spectator" }), name).rejects.toThrow(/join\/reserved_name/);
    }
  });
});
