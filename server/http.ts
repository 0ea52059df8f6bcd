/**
 * The HTTP API (JSON in and out, zod-validated) and the static client, as one Node request
 * handler mounted into Colyseus' express app. Colyseus' own matchmaking routes run first.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { z } from "zod";
import { ENGINE_VERSION } from "../shared/engine/index.ts";
import { PROTOCOL_VERSION, ReplayFileSchema } from "../shared/protocol/index.ts";
import { buildReplay, verifyReplay } from "./replay.ts";
import type { Storage } from "./storage/types.ts";
import { CODE_PATTERN, normaliseCode } from "./util.ts";

export interface HttpDeps {
  readonly storage: Storage;
  /** Room id of the live room for a match, restoring an unfinished match on demand; null if none. */
  readonly ensureRoom: (matchId: string) => Promise<string | null>;
  readonly roomCount: () => Promise<number>;
  readonly startedAt: number;
  /** client/dist, served when it exists. */
  readonly staticDir: string | null;
  readonly maxBodyBytes: number;
}

export const MatchIdSchema = z.string().regex(/^m[0-9a-f]{16}$/, "match id must be 'm' and 16 hex characters");
export const ListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const CodeSchema = z
  .string()
  .transform(normaliseCode)
  .pipe(z.string().regex(CODE_PATTERN, "a join code is 6 characters from A-Z and 2-9 without look-alikes (no O, 0, I, 1, L)"));

class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: unknown;
  constructor(status: number, code: string, message: string, detail?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

function zodDetail(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "http/unsupported_media_type", "send the body as application/json");
  }
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw new HttpError(413, "http/payload_too_large", `body is ${declared} bytes; the limit is ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw new HttpError(413, "http/payload_too_large", `body exceeds the limit of ${limit} bytes`);
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, "http/invalid_json", `body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
};

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    return false;
  }
  if (pathname.includes("\0")) return false;
  const rootAbs = resolve(root);
  let file = resolve(join(rootAbs, normalize(pathname)));
  if (file !== rootAbs && !file.startsWith(rootAbs + sep)) return false;
  let st = existsSync(file) ? statSync(file) : null;
  if (st?.isDirectory()) {
    file = join(file, "index.html");
    st = existsSync(file) ? statSync(file) : null;
  }
  if (!st) {
    // Single-page app: unknown non-file paths fall back to index.html.
    if (extname(pathname) !== "") return false;
    file = join(rootAbs, "index.html");
    st = existsSync(file) ? statSync(file) : null;
    if (!st) return false;
  }
  res.statusCode = 200;
  res.setHeader("content-type", MIME[extname(file).toLowerCase()] ?? "application/octet-stream");
  res.setHeader("content-length", st.size);
  res.setHeader("cache-control", file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file).pipe(res);
  return true;
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse, next?: () => void) => void {
  const route = async (req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const onlyMethod = (allowed: string): void => {
      if (method !== allowed && !(allowed === "GET" && method === "HEAD")) {
        res.setHeader("allow", allowed);
        throw new HttpError(405, "http/method_not_allowed", `${path} accepts ${allowed} only`);
      }
    };

    if (path === "/healthz") {
      onlyMethod("GET");
      return sendJson(res, 200, {
        ok: true,
        protocol: PROTOCOL_VERSION,
        engineVersion: ENGINE_VERSION,
        rooms: await deps.roomCount(),
        uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
      });
    }
    if (path === "/api/matches") {
      onlyMethod("GET");
      const q = ListQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!q.success) throw new HttpError(400, "http/invalid_query", "bad query parameters", zodDetail(q.error));
      return sendJson(res, 200, { matches: await deps.storage.listMatches(q.data.limit) });
    }
    const replayMatch = /^\/api\/matches\/([^/]+)\/replay$/.exec(path);
    if (replayMatch) {
      onlyMethod("GET");
      const id = MatchIdSchema.safeParse(decodeURIComponent(replayMatch[1] ?? ""));
      if (!id.success) throw new HttpError(400, "http/invalid_id", id.error.issues[0]?.message ?? "bad match id");
      const rec = await deps.storage.getMatch(id.data);
      if (!rec) throw new HttpError(404, "http/not_found", `no match ${id.data}`);
      const replay = ReplayFileSchema.parse(buildReplay(rec, await deps.storage.getTurns(rec.id)));
      res.setHeader("content-disposition", `inline; filename="${rec.id}.replay.json"`);
      return sendJson(res, 200, replay);
    }
    if (path === "/api/replays/verify") {
      onlyMethod("POST");
      const body = await readJsonBody(req, deps.maxBodyBytes);
      const parsed = ReplayFileSchema.safeParse(body);
      if (!parsed.success) throw new HttpError(422, "http/invalid_replay", "the body is not a valid replay file", zodDetail(parsed.error));
      return sendJson(res, 200, verifyReplay(parsed.data));
    }
    const codeMatch = /^\/api\/codes\/([^/]+)$/.exec(path);
    if (codeMatch) {
      onlyMethod("GET");
      const code = CodeSchema.safeParse(decodeURIComponent(codeMatch[1] ?? ""));
      if (!code.success) throw new HttpError(400, "http/invalid_code", code.error.issues[0]?.message ?? "bad code");
      const rec = await deps.storage.findByCode(code.data);
      if (!rec || rec.status === "abandoned") throw new HttpError(404, "http/not_found", `no match has the code ${code.data}`);
      const roomId = rec.status === "ended" ? null : await deps.ensureRoom(rec.id);
      return sendJson(res, 200, { code: rec.code, matchId: rec.id, roomId, status: rec.status, joinable: roomId !== null });
    }
    if (path.startsWith("/api/") || path === "/api") throw new HttpError(404, "http/not_found", `no endpoint ${method} ${path}`);
    if (deps.staticDir && serveStatic(deps.staticDir, req, res)) return;
    if (next) return next();
    throw new HttpError(404, "http/not_found", `nothing at ${path}`);
  };

  return (req, res, next) => {
    route(req, res, next).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        sendJson(res, e.status, { error: { code: e.code, message: e.message, ...(e.detail !== undefined ? { detail: e.detail } : {}) } });
      } else {
        console.error("[http]", e);
        sendJson(res, 500, { error: { code: "http/internal", message: "internal error" } });
      }
    });
  };
}
