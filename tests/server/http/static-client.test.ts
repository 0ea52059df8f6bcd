/**
 * `npm start` serves the built client from the same port as the API: compressed, hashed assets
 * cached for a year, index.html and SPA routes revalidated every time; paths cannot escape.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../../server/app.ts";
import { startTestApp, tempDataDir, freeTestPort } from "../harness.ts";

let app: AppHandle;
const data = tempDataDir("static");
const dist = join(data.dir, "dist");
const BUNDLE = `console.log(${JSON.stringify("x".repeat(20_000))});`;

beforeAll(async () => {
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>cp</title>");
  writeFileSync(join(dist, "assets", "app-1a2b3c.js"), BUNDLE);
  app = await startTestApp(await freeTestPort(), join(data.dir, "db"), { staticDir: dist });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

/** fetch() always decompresses; this reads the raw bytes and headers. */
function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.httpUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static client", () => {
  it("serves index.html, assets and SPA routes; keeps /api JSON; refuses traversal", async () => {
    const root = await fetch(`${app.httpUrl}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get("content-type")).toMatch(/text\/html/);
    expect(await root.text()).toContain("<title>cp</title>");
    const js = await fetch(`${app.httpUrl}/assets/app-1a2b3c.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await (await fetch(`${app.httpUrl}/join/ABCDEF`)).text()).toContain("<title>cp</title>");
    expect((await fetch(`${app.httpUrl}/assets/missing.js`)).status).toBe(404);
    for (const path of ["/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2f..%2fetc%2fpasswd"]) {
      const res = await fetch(`${app.httpUrl}${path}`);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toContain("root:");
    }
    const api = await fetch(`${app.httpUrl}/api/matches`);
    expect(api.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("caches hashed assets for a year and revalidates index.html and app routes", async () => {
    expect((await raw("/assets/app-1a2b3c.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await raw("/")).headers["cache-control"]).toBe("no-cache");
    expect((await raw("/index.html")).headers["cache-control"]).toBe("no-cache");
    expect((await raw("/join/ABCDEF")).headers["cache-control"]).toBe("no-cache");
    expect((await raw("/api/matches")).headers["cache-control"]).toBe("no-store");
  });

  it("compresses the bundle for clients that accept gzip", async () => {
    const gz = await raw("/assets/app-1a2b3c.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.length).toBeLessThan(BUNDLE.length / 10);
    expect(gunzipSync(gz.body).toString()).toBe(BUNDLE);
    const plain = await raw("/assets/app-1a2b3c.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(BUNDLE);
  });
});
