/**
 * Debian's Chromium for the browser benches and the end-to-end tests (one launch line), and a
 * static server for the built client (client/dist) with a few JSON answers under /api/.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const DIST = join(resolve(import.meta.dirname, ".."), "client/dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

/**
 * client/dist on a free port in 2800–2899: `api` answers exact /api/ paths with JSON bodies (any
 * other /api/ path is a JSON 404); any other path is its file, or index.html (the client's routes).
 */
export async function serveDist(api: Readonly<Record<string, string>> = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const body = api[path];
    if (body !== undefined) return void res.writeHead(200, { "content-type": "application/json" }).end(body);
    if (path.startsWith("/api/"))
      return void res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"http/not_found","message":"-"}}');
    let f = join(DIST, path);
    if (!f.startsWith(DIST) || !existsSync(f) || statSync(f).isDirectory()) f = join(DIST, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(f)] ?? "application/octet-stream" }).end(readFileSync(f));
  });
  for (let i = 0; i < 100; i++) {
    const port = 2800 + ((Math.floor(Math.random() * 100) + i) % 100);
    const ok = await new Promise<boolean>((r) => {
      server.once("error", () => r(false));
      server.listen(port, "127.0.0.1", () => r(true));
    });
    if (ok) return { server, url: `http://127.0.0.1:${port}` };
  }
  throw new Error("no free port in 2800-2899");
}
