/** Expensive requests are limited per client address: 429 with Retry-After; bodies have a size limit. */
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../harness.ts";

const env = useTestApp("http-limits", { http: { createsPerMinute: 3, verifiesPerMinute: 2, maxBodyBytes: 2048 } });

const post = (path: string, body: string) => fetch(`${env.app.httpUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("limits", () => {
  it("room creation: the 4th create in a minute is 429 with Retry-After; joining is not limited", async () => {
    const rooms = [];
    for (let i = 0; i < 3; i++) rooms.push(await new Client(env.app.wsUrl).create("match", { name: "Ann" }));
    const res = await post("/matchmake/create/match", "{}");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: string }).error).toMatch(/^http\/rate_limited: /);
    await expect(new Client(env.app.wsUrl).create("match", {})).rejects.toThrow(/too many room creation/);
    const spectator = await new Client(env.app.wsUrl).joinById(rooms[0]!.roomId, { name: "Eve", role: "spectator" });
    await spectator.leave(true);
    for (const r of rooms) await r.leave(true);
  });

  it("replay verification: the 3rd in a minute is 429 with Retry-After", async () => {
    for (let i = 0; i < 2; i++) expect((await post("/api/replays/verify", JSON.stringify({ version: 1 }))).status).toBe(422);
    const res = await post("/api/replays/verify", JSON.stringify({ version: 1 }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
