/**
 * A full 4-seat match over real websockets: 2 humans + 2 AI to `match:ended`; the replay from
 * the HTTP API verifies; sealed decisions never reach another seat or a spectator early.
 */
import { describe, expect, it } from "vitest";
import type { MatchEndedMessage, TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import { useTestApp, Player, getJson, postJson, tweak, until } from "./harness.ts";

const env = useTestApp("match");

describe("full match, 2 humans + 2 AI", () => {
  it("plays 4 turns to match:ended and the API's replay verifies", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], seed: 7, turnSeconds: 60 });
    expect(ann.welcome.seat).toBe("microsoft");
    expect(ann.welcome.token).toMatch(/^[0-9a-f]{32}$/);
    const code = ann.welcome.code;
    const lookup = await getJson(`${env.app.httpUrl}/api/codes/${code.toLowerCase()}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ matchId: ann.room.roomId, roomId: ann.room.roomId, joinable: true });

    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob", code });
    expect(bob.welcome.seat).toBe("amazon");

    const hashes: string[] = [];
    for (let turn = 0; turn < 4; turn++) {
      const [ta, tb] = await Promise.all([ann.turnStarted(turn), bob.turnStarted(turn)]);
      expect(ta.bounds.capex.max).toBeGreaterThanOrEqual(ta.bounds.capex.min);
      ann.room.send("decide", { turn, decision: tweak(ta, 3) });
      bob.room.send("decide", { turn, decision: tb.defaultDecision });
      ann.room.send("ready");
      bob.room.send("ready");
      const [ra, rb] = await Promise.all([
        ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn),
        bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn),
      ]);
      expect(ra.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rb.hash).toBe(ra.hash);
      expect(ra.report.seats.map((s) => s.company).sort()).toEqual(["alphabet", "amazon", "meta", "microsoft"]);
      hashes.push(ra.hash);
    }
    const ended = await ann.waitFor<MatchEndedMessage>("match:ended");
    expect(ended.replayId).toBe(ann.room.roomId);
    expect(ended.scores).toHaveLength(4);
    // The all-restrain counterfactual: same seed re-simulated, one score per seat.
    expect(ended.counterfactual?.map((c) => c.company).sort()).toEqual(["alphabet", "amazon", "meta", "microsoft"]);
    await until(() => ann.room.state.phase === "ended", 5000, "phase ended");
    // Private asset cohorts bought during the match reach their owner, and only their owner.
    const annAssets = [...(ann.room.state.seats.get("microsoft")?.assets?.keys() ?? [])] as string[];
    expect(
      annAssets.some((k) => /:[0-3](:\d+)?$/.test(k) && !k.includes(":-")),
      annAssets.join(" "),
    ).toBe(true);
    expect(bob.room.state.seats.get("microsoft")?.assets?.size ?? 0).toBe(0);
    expect(ann.log.filter((m) => m.type === "error")).toEqual([]);
    expect(bob.log.filter((m) => m.type === "error")).toEqual([]);

    const replayRes = await getJson(`${env.app.httpUrl}/api/matches/${ended.replayId}/replay`);
    expect(replayRes.status).toBe(200);
    const replay = ReplayFileSchema.parse(replayRes.body);
    expect(replay.turns.map((t) => t.hash)).toEqual(hashes);
    expect(Object.keys(replay.turns[0]?.decisions ?? {}).sort()).toEqual(["alphabet", "amazon", "meta", "microsoft"]);

    const verify = await postJson(`${env.app.httpUrl}/api/replays/verify`, replay);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, turnsChecked: 4, firstDivergentTurn: null, finalHash: hashes[3] });

    // A tampered replay names the first divergent turn.
    const bad = structuredClone(replay);
    const t1 = bad.turns[1];
    const mic = t1?.decisions.microsoft;
    if (!t1 || !mic) throw new Error("replay lacks turn 1");
    t1.decisions.microsoft = { ...mic, capex: mic.capex + 1000 };
    const verifyBad = await postJson(`${env.app.httpUrl}/api/replays/verify`, bad);
    expect(verifyBad.status).toBe(200);
    expect(verifyBad.body).toMatchObject({ ok: false, firstDivergentTurn: 1 });

    const list = await getJson(`${env.app.httpUrl}/api/matches`);
    expect(list.status).toBe(200);
    const matches = (list.body as { matches: { id: string; status: string; turnsPlayed: number }[] }).matches;
    expect(matches.find((m) => m.id === ended.replayId)).toMatchObject({ status: "ended", turnsPlayed: 4 });

    const ended2 = await getJson(`${env.app.httpUrl}/api/codes/${code}`);
    expect(ended2.body).toMatchObject({ status: "ended", roomId: null, joinable: false });
    await Promise.all([ann.leave(), bob.leave()]);
  });

  it("create('match', {}) gives a playable solo match: creator plays Microsoft, AI the rest", async () => {
    const solo = await Player.create(env.app.wsUrl, {});
    expect(solo.welcome.seat).toBe("microsoft");
    expect(solo.welcome.role).toBe("player");
    const ts = await solo.turnStarted(0);
    expect(ts.deadline).toBeUndefined();
    await until(() => solo.room.state.seats?.get?.("amazon")?.control === "ai", 5000, "AI seats");
    const controls = ["microsoft", "amazon", "alphabet", "meta"].map((s) => solo.room.state.seats.get(s)?.control);
    expect(controls).toEqual(["human", "ai", "ai", "ai"]);
    solo.room.send("ready");
    const r = await solo.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    // No decision sent: the default stood.
    expect(r.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(ts.defaultDecision);
    await solo.turnStarted(1);
    await solo.leave();
  });
});

describe("sealed decisions", () => {
  it("no other seat or spectator sees a seat's decision values before the reveal", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 60 });
    const bob = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Bob" });
    const spy = await Player.join(env.app.wsUrl, ann.room.roomId, { name: "Spy", role: "spectator" });
    const ta = await ann.turnStarted(0);
    await bob.turnStarted(0);

    // A distinctive legal decision: capex cut by a seventh, plus an odd buyback-free tweak.
    const secret = { ...tweak(ta, 7) };
    const secretJson = JSON.stringify(secret);
    const bobSnapshots: string[] = [];
    const spySnapshots: string[] = [];
    bob.room.onStateChange((s) => bobSnapshots.push(JSON.stringify(s.toJSON())));
    spy.room.onStateChange((s) => spySnapshots.push(JSON.stringify(s.toJSON())));

    ann.room.send("decide", { turn: 0, decision: secret });
    // Positive control: Ann's own view shows her pending decision …
    await until(() => ann.room.state.seats.get("microsoft")?.pending === secretJson, 5000, "own pending decision");
    // … and the others learn only that she committed.
    await until(() => bob.room.state.seats.get("microsoft")?.committed === true, 5000, "bob sees committed");
    await until(() => spy.room.state.seats.get("microsoft")?.committed === true, 5000, "spy sees committed");
    expect(bob.room.state.seats.get("microsoft")?.pending ?? "").toBe("");
    expect(spy.room.state.seats.get("microsoft")?.pending ?? "").toBe("");
    // Bob's own private book is his alone too.
    expect(bob.room.state.seats.get("amazon")?.tranches ?? "").not.toBe("");
    expect(bob.room.state.seats.get("amazon")?.coreMarginBp).toBeGreaterThan(0);
    expect(bob.room.state.seats.get("microsoft")?.tranches ?? "").toBe("");
    expect(bob.room.state.seats.get("microsoft")?.coreMarginBp).toBeUndefined();
    expect(spy.room.state.seats.get("microsoft")?.tranches ?? "").toBe("");
    expect(bob.room.state.seats.get("amazon")?.assets?.size ?? 0).toBeGreaterThan(0);
    expect(bob.room.state.seats.get("microsoft")?.assets?.size ?? 0).toBe(0);
    expect(spy.room.state.seats.get("amazon")?.assets?.size ?? 0).toBe(0);

    const beforeReveal = JSON.stringify({
      bobLog: bob.log,
      spyLog: spy.log,
      bobSnapshots,
      spySnapshots,
      bobState: bob.room.state.toJSON(),
      spyState: spy.room.state.toJSON(),
    });
    expect(beforeReveal).not.toContain(secretJson);
    expect(beforeReveal).not.toContain(`"capex":${secret.capex},"customShareBp":${secret.customShareBp}`);

    ann.room.send("ready");
    bob.room.send("ready");
    const r = await bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    // The reveal carries it.
    expect(r.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(secret);
    await until(() => bob.room.state.seats.get("microsoft")?.committed === false || bob.room.state.turn === 1, 5000, "next turn");
    await Promise.all([ann.leave(), bob.leave(), spy.leave()]);
  });
});

describe("HTTP", () => {
  it("answers health, bad ids, bad codes and bad replay bodies with clear errors", async () => {
    const h = await getJson(`${env.app.httpUrl}/healthz`);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, protocol: 1 });
    expect((await getJson(`${env.app.httpUrl}/api/matches/nope/replay`)).status).toBe(400);
    expect((await getJson(`${env.app.httpUrl}/api/matches/m0123456789abcdef/replay`)).status).toBe(404);
    expect((await getJson(`${env.app.httpUrl}/api/codes/OO0011`)).status).toBe(400);
    expect((await getJson(`${env.app.httpUrl}/api/codes/ZZZZZZ`)).status).toBe(404);
    expect((await getJson(`${env.app.httpUrl}/api/matches?limit=0`)).status).toBe(400);
    expect((await getJson(`${env.app.httpUrl}/api/nothing`)).status).toBe(404);
    const notJson = await postJson(`${env.app.httpUrl}/api/replays/verify`, "{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: "http/invalid_json" } });
    const wrongType = await postJson(`${env.app.httpUrl}/api/replays/verify`, "{}", "text/plain");
    expect(wrongType.status).toBe(415);
    const invalid = await postJson(`${env.app.httpUrl}/api/replays/verify`, { version: 2 });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: { code: "http/invalid_replay" } });
    const huge = await postJson(`${env.app.httpUrl}/api/replays/verify`, JSON.stringify({ pad: "x".repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    const get = await fetch(`${env.app.httpUrl}/api/replays/verify`);
    expect(get.status).toBe(405);
  });
});
