/**
 * The classroom's HTTP routes, as one Node request handler (`(req, res, next)`, so it mounts in
 * express as middleware):
 *
 * - `POST /api/classes` `{ settings }` → 201 `{ classId, code, teacherKey, roomId }`: a new class;
 *   the teacher key is in this answer only (the server keeps its hash). Rate-limited per address.
 * - `GET /api/classes/:classId` → `{ classId, code, roomId, status, title }` (the teacher console
 *   coming back; the room is reopened if it had gone).
 * - `GET /api/class-codes/:code` → the same, by class code (a student typing or scanning the code).
 *
 * Errors are JSON `{ error: { code, message, detail? } }` with a 4xx status.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ClassIdSchema, CreateClassBodySchema } from "../../shared/protocol/class.ts";
import { HttpError } from "../http/errors.ts";
import { CODE_PATTERN, RateLimiter, normaliseCode } from "../util.ts";
import type { ClassContext } from "./context.ts";
import { createClass, locateClass } from "./service.ts";

export interface ClassHttpOptions {
  /** Classes created per client address per minute. */
  readonly createsPerMinute: number;
  /** Class lookups (by id or code) per client address per minute: a class code is not guessed by brute force. */
  readonly lookupsPerMinute: number;
  readonly maxBodyBytes: number;
}

export const CLASS_HTTP_DEFAULTS: ClassHttpOptions = { createsPerMinute: 10, lookupsPerMinute: 120, maxBodyBytes: 16 * 1024 };

const ClassCodeSchema = z
  .string()
  .max(32)
  .transform(normaliseCode)
  .pipe(z.string().regex(CODE_PATTERN, "a class code is 6 characters from A-Z and 2-9 without look-alikes (no O, 0, I, 1, L)"));

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
    throw new HttpError(415, "http/unsupported_media_type", "send the body as application/json");
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
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "http/invalid_json", "the body is not valid JSON");
  }
}

function zodDetail(e: z.ZodError): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, "http/bad_url", "the URL path is not valid percent-encoding");
  }
}

/** The client's address: express's `req.ip` (which honours `trust proxy`) when mounted there. */
function addressOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { ip?: string }).ip ?? req.socket.remoteAddress ?? "?";
}

export function classHttp(
  ctx: ClassContext,
  opts: ClassHttpOptions = CLASS_HTTP_DEFAULTS,
): (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void {
  /** A token bucket per client address: `perMinute` sustained, as a burst too. */
  const perAddress = (perMinute: number): ((address: string) => boolean) => {
    const buckets = new Map<string, RateLimiter>();
    return (address) => {
      const now = Date.now();
      if (buckets.size > 10_000) buckets.clear();
      let l = buckets.get(address);
      if (!l) {
        l = new RateLimiter(perMinute / 60, perMinute, now);
        buckets.set(address, l);
      }
      return l.take(now);
    };
  };
  const allowCreate = perAddress(opts.createsPerMinute);
  const allowLookup = perAddress(opts.lookupsPerMinute);
  const lookupLimit = (req: IncomingMessage): void => {
    if (!allowLookup(addressOf(req)))
      throw new HttpError(429, "http/rate_limited", `at most ${opts.lookupsPerMinute} class lookups a minute from one address`, undefined, {
        "retry-after": "60",
      });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const method = req.method ?? "GET";
    const only = (...allowed: string[]): void => {
      if (!allowed.includes(method))
        throw new HttpError(405, "http/method_not_allowed", `${path.slice(0, 80)} accepts ${allowed.join(", ")} only`, undefined, {
          allow: allowed.join(", "),
        });
    };
    if (path === "/api/classes") {
      only("POST");
      const body = CreateClassBodySchema.safeParse(await readJson(req, opts.maxBodyBytes));
      if (!body.success) throw new HttpError(400, "http/invalid_body", "the class settings are not valid", zodDetail(body.error));
      // Creating is what costs (a record, a room): only valid requests count.
      if (!allowCreate(addressOf(req)))
        throw new HttpError(429, "http/rate_limited", `at most ${opts.createsPerMinute} classes a minute from one address`, undefined, { "retry-after": "60" });
      sendJson(res, 201, await createClass(ctx, body.data.settings));
      return true;
    }
    const byId = /^\/api\/classes\/([^/]+)$/.exec(path);
    if (byId) {
      only("GET", "HEAD");
      lookupLimit(req);
      const id = ClassIdSchema.safeParse(segment(byId[1] ?? ""));
      if (!id.success) throw new HttpError(400, "http/invalid_id", id.error.issues[0]?.message ?? "bad class id");
      const loc = await locateClass(ctx, { id: id.data });
      if (!loc) throw new HttpError(404, "http/not_found", `no class ${id.data}`);
      sendJson(res, 200, loc);
      return true;
    }
    const byCode = /^\/api\/class-codes\/([^/]+)$/.exec(path);
    if (byCode) {
      only("GET", "HEAD");
      lookupLimit(req);
      const code = ClassCodeSchema.safeParse(segment(byCode[1] ?? ""));
      if (!code.success) throw new HttpError(400, "http/invalid_code", code.error.issues[0]?.message ?? "bad class code");
      const loc = await locateClass(ctx, { code: code.data });
      if (!loc) throw new HttpError(404, "http/not_found", `no class has the code ${code.data}`);
      sendJson(res, 200, loc);
      return true;
    }
    return false;
  };

  return (req, res, next) => {
    route(req, res)
      .then((handled) => {
        if (!handled) next?.();
      })
      .catch((e: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (e instanceof HttpError) {
          for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
          return sendJson(res, e.status, { error: { code: e.code, message: e.message, ...(e.detail !== undefined ? { detail: e.detail } : {}) } });
        }
        ctx.log(`class http 500 on ${req.method} ${(req.url ?? "").slice(0, 80)}: ${e instanceof Error ? e.stack : String(e)}`);
        sendJson(res, 500, { error: { code: "http/internal", message: "internal error" } });
      });
  };
}
