/** A host injects an event: it is applied in the open turn, revealed with it, and kept in the replay. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../server/app.ts";
import type { ErrorMessage, TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import { Player, getJson, postJson, startTestApp, tempDataDir, freeTestPort } from "./harness.ts";

const PORT = await freeTestPort();
let app: AppHandle;
const data = tempDataDir("teacher-event");

beforeAll(async () => {
  app = await startTestApp(PORT, data.dir);
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

describe("teacher:event", () => {
  it("rejects a bad target, applies a good event and records it in the replay", async () => {
    const host = await Player.create(app.wsUrl, { name: "Teacher", turns: 4, seed: 5 });
    const ts = await host.turnStarted(0);

    host.room.send("teacher:event", { kind: "grid_outage", target: "tesla" });
    const err = await host.waitFor<ErrorMessage>("error");
    expect(err.code).toBe("event/bad_target");
    expect(err.message).toMatch(/needs a seat of this match/);

    host.room.send("teacher:event", { kind: "grid_outage", target: "amazon", magnitudeBp: 2500 });
    host.room.send("decide", { turn: 0, decision: ts.defaultDecision });
    host.room.send("ready");
    const r = await host.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    expect(r.report.events).toContainEqual(expect.objectContaining({ kind: "grid_outage", target: "amazon", magnitudeBp: 2500 }));

    const replay = ReplayFileSchema.parse((await getJson(`${app.httpUrl}/api/matches/${host.room.roomId}/replay`)).body);
    expect(replay.turns[0]?.events).toEqual([{ turn: 0, kind: "grid_outage", target: "amazon", magnitudeBp: 2500 }]);
    const verify = await postJson(`${app.httpUrl}/api/replays/verify`, replay);
    expect(verify.body).toMatchObject({ ok: true, turnsChecked: 1 });

    // Without the recorded event the log re-simulates to a different state.
    const stripped = structuredClone(replay);
    delete stripped.turns[0]!.events;
    expect((await postJson(`${app.httpUrl}/api/replays/verify`, stripped)).body).toMatchObject({ ok: false, firstDivergentTurn: 0 });
    await host.leave();
  });

  it("is refused to a player who is not the host", async () => {
    const host = await Player.create(app.wsUrl, { name: "Host", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"] });
    const guest = await Player.join(app.wsUrl, host.room.roomId, { name: "Guest", code: host.welcome.code });
    guest.room.send("teacher:event", { kind: "rate_move", magnitudeBp: 25 });
    const err = await guest.waitFor<ErrorMessage>("error");
    expect(err.code).toBe("auth/not_host");
    await Promise.all([host.leave(), guest.leave()]);
  });
});
