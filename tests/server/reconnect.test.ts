/**
 * Reconnection: within the grace period a dropped player keeps seat and pending decision;
 * after it, AI plays the seat, and the player reclaims it with the seat token from `welcome`.
 */
import { describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import type { TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { useTestApp, Player, tweak, until } from "./harness.ts";

const GRACE_SECONDS = 1;
const env = useTestApp("reconnect", { graceSeconds: GRACE_SECONDS });

/** Cut the socket without the leave handshake, as a network drop would. */
function drop(p: Player): void {
  p.room.connection.close(3001, "network drop");
}

describe("reconnection", () => {
  it("keeps seat and pending decision within the grace period; AI covers after it; the token reclaims the seat", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 600 });
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    const token = ann.welcome.token;
    const reconnectionToken = ann.room.reconnectionToken;
    const ta = await ann.turnStarted(0);
    await bob.turnStarted(0);

    const secret = tweak(ta, 4);
    ann.room.send("decide", { turn: 0, decision: secret });
    await until(() => ann.room.state.seats.get("microsoft")?.pending === JSON.stringify(secret), 5000, "pending stored");

    // 1. Drop and come back within the grace period.
    drop(ann);
    await until(() => bob.room.state.seats.get("microsoft")?.connected === false, 5000, "bob sees ann dropped");
    expect(bob.room.state.seats.get("microsoft")?.control).toBe("human");
    const back = new Player(await new Client(env.app.wsUrl).reconnect(reconnectionToken));
    await back.turnStarted(0);
    await until(() => back.room.state.seats?.get?.("microsoft")?.pending === JSON.stringify(secret), 5000, "pending kept");
    await until(() => bob.room.state.seats.get("microsoft")?.connected === true, 5000, "bob sees ann back");
    back.room.send("ready");
    bob.room.send("ready");
    const r0 = await bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    expect(r0.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(secret);

    // 2. Drop and stay away past the grace period: AI plays the seat.
    const tb1 = await bob.turnStarted(1);
    await back.turnStarted(1);
    drop(back);
    await until(() => bob.room.state.seats.get("microsoft")?.held === true, (GRACE_SECONDS + 5) * 1000, "seat held by AI");
    // The AI decides for the held seat (in a worker): it becomes ready when its decision is in.
    await until(() => bob.room.state.seats.get("microsoft")?.ready === true, 15_000, "AI ready for the held seat");
    bob.room.send("decide", { turn: 1, decision: tb1.defaultDecision });
    bob.room.send("ready");
    const r1 = await bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1);
    expect(r1.report.seats.find((s) => s.company === "microsoft")).toBeDefined();
    await expect(new Client(env.app.wsUrl).reconnect(reconnectionToken)).rejects.toThrow();

    // 3. Reclaim with the seat token.
    const again = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Ann", token });
    expect(again.welcome.seat).toBe("microsoft");
    const ta2 = await again.turnStarted(2);
    await until(() => bob.room.state.seats.get("microsoft")?.held === false && bob.room.state.seats.get("microsoft")?.connected === true, 5000, "reclaimed");
    expect(bob.room.state.seats.get("microsoft")?.control).toBe("human");
    const mine = tweak(ta2, 6);
    again.room.send("decide", { turn: 2, decision: mine });
    again.room.send("ready");
    bob.room.send("ready");
    const r2 = await bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 2);
    expect(r2.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(mine);
    await Promise.all([again.leave(), bob.leave()]);
  });

  it("tells the host when a player drops, is replaced by AI and comes back with its token", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 600 });
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    await Promise.all([ann.turnStarted(0), bob.turnStarted(0)]);
    const seen = (state: string) => ann.waitFor<{ seat: string; name: string; state: string }>("seat:presence", (m) => m.state === state);
    drop(bob);
    expect(await seen("dropped")).toEqual({ seat: "amazon", name: "Bob", state: "dropped" });
    expect(await seen("ai")).toMatchObject({ seat: "amazon", state: "ai" });
    const again = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob", token: bob.welcome.token });
    expect(await seen("back")).toMatchObject({ seat: "amazon", state: "back" });
    expect(again.welcome).toMatchObject({ seat: "amazon", host: false });
    // Players who are not host are not told about others.
    expect(again.log.some((m) => m.type === "seat:presence")).toBe(false);
    await Promise.all([ann.leave(), again.leave()]);
  });
});
