/** `npm start` serves the built client from the same port as the API; paths cannot escape it. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../server/app.ts";
import { startTestApp, tempDataDir, freeTestPort } from "./harness.ts";

const PORT = await freeTestPort();
let app: AppHandle;
const data = tempDataDir("static");
const dist = join(data.dir, "dist");

beforeAll(async () => {
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>cp</title>");
  writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
  app = await startTestApp(PORT, join(data.dir, "db"), { staticDir: dist });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

describe("static client", () => {
  it("serves index.html, assets and SPA routes; keeps /api JSON; refuses traversal", async () => {
    const root = await fetch(`${app.httpUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get("content-type")).toMatch(/text\/html/);
    expect(await root.text()).toContain("<title>cp</title>");
    const js = await fetch(`${app.httpUrl}/assets/app.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await (await fetch(`${app.httpUrl}/join/ABCDEF`)).text()).toContain("<title>cp</title>");
    expect((await fetch(`${app.httpUrl}/assets/missing.js`)).status).toBe(404);
    for (const path of ["/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2f..%2fetc%2fpasswd"]) {
      const res = await fetch(`${app.httpUrl}${path}`);
      expect(await res.text()).not.toContain("root:");
    }
    const api = await fetch(`${app.httpUrl}/api/matches`);
    expect(api.headers.get("content-type")).toMatch(/application\/json/);
  });
});
