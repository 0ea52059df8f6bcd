/** Request bodies have a size limit: 413, never a 500 or a parse of megabytes. */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../harness.ts";

const env = useTestApp("http-body-limits", { http: { maxBodyBytes: 2048 } });

describe("body limits", () => {
  it("bodies over the limit are 413", async () => {
    const res = await fetch(`${env.app.httpUrl}/api/replays/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(4000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "http/payload_too_large" } });
    const big = await fetch(`${env.app.httpUrl}/matchmake/create/match`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    const mine = await fetch(`${env.app.httpUrl}/api/matches/mine`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: ["a".repeat(10_000)] }),
    });
    expect(mine.status).toBe(413);
  });
});
