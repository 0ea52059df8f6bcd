/**
 * The teacher injects an event: it is applied in the open turn, revealed with it, and kept in the
 * replay. Only the teacher key may: a host or a student gets `auth/not_teacher`.
 */
import { describe, expect, it } from "vitest";
import type { ErrorMessage, TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import { useTestApp, Player, getJson, postJson, until } from "./harness.ts";

const env = useTestApp("teacher-event");

describe("teacher:event", () => {
  it("rejects a bad target, applies a good event and records it in the replay", async () => {
    const teacher = await Player.create(env.app.wsUrl, { name: "Teacher", role: "teacher", turns: 4, seed: 5, aiSeats: ["amazon", "alphabet", "meta"] });
    expect(teacher.welcome).toMatchObject({ role: "teacher", host: true, seat: null });
    const student = await Player.join(env.app.wsUrl, teacher.room.roomId, { name: "Sam" });
    const ts = await student.turnStarted(0);
    await until(() => teacher.room.state.phase === "deciding", 5000, "teacher sees the turn open");

    teacher.room.send("teacher:event", { kind: "grid_outage", target: "tesla" });
    const err = await teacher.waitFor<ErrorMessage>("error");
    expect(err.code).toBe("event/bad_target");
    expect(err.message).toMatch(/needs a seat of this match/);

    expect(await teacher.errorAfter(() => teacher.room.send("teacher:event", { kind: "grid_outage", target: "amazon", magnitudeBp: 2500 }))).toBeNull();
    student.room.send("decide", { turn: 0, decision: ts.defaultDecision });
    student.room.send("ready");
    const r = await teacher.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    expect(r.report.events).toContainEqual(expect.objectContaining({ kind: "grid_outage", target: "amazon", magnitudeBp: 2500 }));

    // Events are kept with their turn in the match log (the replay of a finished match carries them).
    teacher.room.send("teacher:advance");
    teacher.room.send("teacher:advance");
    teacher.room.send("teacher:advance");
    await teacher.waitFor("match:ended");
    const replay = ReplayFileSchema.parse((await getJson(`${env.app.httpUrl}/api/matches/${teacher.room.roomId}/replay`)).body);
    expect(replay.turns[0]?.events).toEqual([{ turn: 0, kind: "grid_outage", target: "amazon", magnitudeBp: 2500 }]);
    const verify = await postJson(`${env.app.httpUrl}/api/replays/verify`, replay);
    expect(verify.body).toMatchObject({ ok: true, turnsChecked: 4 });

    // Without the recorded event the log re-simulates to a different state.
    const stripped = structuredClone(replay);
    delete stripped.turns[0]!.events;
    expect((await postJson(`${env.app.httpUrl}/api/replays/verify`, stripped)).body).toMatchObject({ ok: false, firstDivergentTurn: 0 });
    await Promise.all([teacher.leave(), student.leave()]);
  });

  it("is refused to the host of an ordinary match and to its players", async () => {
    const host = await Player.create(env.app.wsUrl, { name: "Hana", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"] });
    const guest = await Player.join(env.app.wsUrl, host.room.roomId, { name: "Guest", code: host.welcome.code });
    await host.turnStarted(0);
    expect(host.welcome.host).toBe(true);
    for (const p of [host, guest]) {
      const err = await p.errorAfter(() => p.room.send("teacher:event", { kind: "rate_move", magnitudeBp: 25 }));
      expect(err?.code).toBe("auth/not_teacher");
    }
    // The host token is not a teacher key.
    await expect(Player.join(env.app.wsUrl, host.room.roomId, { name: "Hana", role: "teacher", token: host.welcome.token })).rejects.toThrow(/bad_token/);
    // The host keeps its own powers over its match.
    expect(await host.errorAfter(() => host.room.send("teacher:pause"))).toBeNull();
    await Promise.all([host.leave(), guest.leave()]);
  });
});
