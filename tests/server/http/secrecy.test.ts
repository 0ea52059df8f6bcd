/**
 * Nothing about a running match reaches someone who is not in it: the public list holds finished
 * matches only, a running match's replay (seed, past decisions) is not served, and a player finds
 * its own live matches with its token.
 */
import { describe, expect, it } from "vitest";
import type { TurnResolvedMessage } from "../../../shared/protocol/index.ts";
import { useTestApp, Player, getJson } from "../harness.ts";

const env = useTestApp("secrecy");

const mine = (tokens: string[]) =>
  fetch(`${env.app.httpUrl}/api/matches/mine`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tokens }) });

describe("no hidden information before the end", () => {
  it("lists, serves and finds a match only as its status and the asker allow", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", turns: 4, seed: 99 });
    await ann.turnStarted(0);
    ann.room.send("ready");
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0);
    const id = ann.room.roomId;

    const list = JSON.stringify((await getJson(`${env.app.httpUrl}/api/matches`)).body);
    expect(list).not.toContain(id);
    expect(list).not.toContain(ann.welcome.code);
    const replay = await getJson(`${env.app.httpUrl}/api/matches/${id}/replay`);
    expect(replay.status).toBe(403);
    expect(JSON.stringify(replay.body)).not.toMatch(/"seed"/);

    const own = await mine([ann.welcome.token]);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({
      matches: [expect.objectContaining({ id, code: ann.welcome.code, seat: "microsoft", host: true, teacher: false, status: "active" })],
    });
    expect(await (await mine(["0".repeat(32)])).json()).toEqual({ matches: [] });
    expect((await mine(["short"])).status).toBe(400);
    expect((await mine([])).status).toBe(400);

    // After the end, everything is public.
    for (let i = 0; i < 3; i++) ann.room.send("teacher:advance");
    await ann.waitFor("match:ended");
    const after = await getJson(`${env.app.httpUrl}/api/matches`);
    expect(JSON.stringify(after.body)).toContain(id);
    const done = await getJson(`${env.app.httpUrl}/api/matches/${id}/replay`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ seed: 99 });
    expect(await (await mine([ann.welcome.token])).json()).toEqual({ matches: [] });
    await ann.leave();
  });
});
