/**
 * Every bad URL is a 4xx, never a 500: malformed percent-encoding anywhere, wrong methods, unknown
 * paths, bad ids and codes, refused creates. Matchmaking offers create, joinById and reconnect only.
 */
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../harness.ts";

const env = useTestApp("http-routes", { log: (l: string) => logged.push(l) });
const logged: string[] = [];

const BAD = ["%", "%ZZ", "%E0%A4%A", "%C0%AF", "%00", "%%", "a%2", "%uD800"];

describe("bad URLs", () => {
  it.each(BAD)("%s anywhere in a path is a 4xx with a JSON error", async (bad) => {
    const paths = [
      `/${bad}`,
      `/api/${bad}`,
      `/api/matches/${bad}/replay`,
      `/api/matches/m${bad}/replay`,
      `/api/codes/${bad}`,
      `/assets/${bad}`,
      `/matchmake/create/${bad}`,
      `/matchmake/${bad}/match`,
      `/api/matches?limit=${bad}`,
      `/healthz?${bad}=${bad}`,
    ];
    for (const path of paths) {
      for (const method of ["GET", "POST"]) {
        const res = await fetch(`${env.app.httpUrl}${path}`, {
          method,
          headers: { "content-type": "application/json" },
          ...(method === "POST" ? { body: "{}" } : {}),
        });
        expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        await res.arrayBuffer();
      }
    }
    expect(logged.filter((l) => l.includes("http 500"))).toEqual([]);
  });

  it("answers wrong methods 405 with Allow, unknown API paths 404", async () => {
    const verifyGet = await fetch(`${env.app.httpUrl}/api/replays/verify`);
    expect(verifyGet.status).toBe(405);
    expect(verifyGet.headers.get("allow")).toBe("POST");
    expect((await fetch(`${env.app.httpUrl}/api/matches`, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${env.app.httpUrl}/healthz`, { method: "PUT" })).status).toBe(405);
    const nothing = await fetch(`${env.app.httpUrl}/api/nothing`);
    expect(nothing.status).toBe(404);
    expect(await nothing.json()).toMatchObject({ error: { code: "http/not_found" } });
  });
});

describe("matchmaking", () => {
  it("refused creates are 400 with the namespaced reason, not 500", async () => {
    const res = await fetch(`${env.app.httpUrl}/matchmake/create/match`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bogus: 1 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^join\/invalid_options: /);
    const notJson = await fetch(`${env.app.httpUrl}/matchmake/create/match`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    const array = await fetch(`${env.app.httpUrl}/matchmake/create/match`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1]" });
    expect(array.status).toBe(400);
    await expect(new Client(env.app.wsUrl).create("match", { turns: 999 })).rejects.toThrow(/join\/invalid_options/);
    await expect(new Client(env.app.wsUrl).create("nope", {})).rejects.toThrow(/no_room/);
    expect(logged.filter((l) => l.includes("500"))).toEqual([]);
  });

  it("offers no join or joinOrCreate: nobody lands in a stranger's match", async () => {
    const host = await new Client(env.app.wsUrl).create("match", { name: "Ann", mode: "multiplayer" });
    for (const method of ["join", "joinOrCreate"]) {
      const res = await fetch(`${env.app.httpUrl}/matchmake/${method}/match`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status, method).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/matchmake\/no_method/);
    }
    await expect(new Client(env.app.wsUrl).join("match", { role: "spectator" })).rejects.toThrow(/no_method/);
    await expect(new Client(env.app.wsUrl).joinOrCreate("match", { name: "Eve" })).rejects.toThrow(/no_method/);
    await expect(new Client(env.app.wsUrl).joinById("m0000000000000000", { name: "Eve" })).rejects.toThrow();
    expect(host.state).toBeDefined();
    await host.leave(true);
  });
});
