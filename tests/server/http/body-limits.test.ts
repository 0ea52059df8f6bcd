/** Request bodies have a size limit: 413, never a 500 or a parse of megabytes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../../server/app.ts";
import { freeTestPort, startTestApp, tempDataDir } from "../harness.ts";

let app: AppHandle;
const data = tempDataDir("http-body-limits");

beforeAll(async () => {
  app = await startTestApp(await freeTestPort(), data.dir, { http: { maxBodyBytes: 2048 } });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

describe("body limits", () => {
  it("bodies over the limit are 413", async () => {
    const res = await fetch(`${app.httpUrl}/api/replays/verify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(4000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "http/payload_too_large" } });
    const big = await fetch(`${app.httpUrl}/matchmake/create/match`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    const mine = await fetch(`${app.httpUrl}/api/matches/mine`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: ["a".repeat(10_000)] }),
    });
    expect(mine.status).toBe(413);
  });
});
