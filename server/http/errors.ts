/**
 * HTTP errors as JSON: `{ error: { code, message, detail? } }` with a 4xx status for anything a
 * client did, 500 only for our own bugs (logged once, never with the request's data).
 */
import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: unknown;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, code: string, message: string, detail?: unknown, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.headers = headers;
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set("cache-control", "no-store").json(body);
}

export function sendError(res: Response, status: number, code: string, message: string, detail?: unknown): void {
  sendJson(res, status, { error: { code, message, ...(detail !== undefined ? { detail } : {}) } });
}

export function zodDetail(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** body-parser and friends throw errors carrying `status` and `type`: map the common ones to our codes. */
function fromLibrary(e: unknown): HttpError | null {
  if (typeof e !== "object" || e === null) return null;
  const status = (e as { status?: unknown }).status;
  if (typeof status !== "number" || status < 400 || status >= 500) return null;
  const type = String((e as { type?: unknown }).type ?? "");
  if (type === "entity.too.large") return new HttpError(413, "http/payload_too_large", "the request body is too large");
  if (type === "entity.parse.failed") return new HttpError(400, "http/invalid_json", "the body is not valid JSON");
  if (type === "encoding.unsupported" || type === "charset.unsupported") return new HttpError(415, "http/unsupported_media_type", "unsupported body encoding");
  return new HttpError(status, "http/bad_request", e instanceof Error ? e.message : "bad request");
}

/** The last middleware: every error becomes a JSON answer; only unknown ones are 500 and logged. */
export function errorHandler(log: (line: string) => void) {
  return (e: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const known = e instanceof HttpError ? e : fromLibrary(e);
    if (known) {
      for (const [k, v] of Object.entries(known.headers)) res.set(k, v);
      sendError(res, known.status, known.code, known.message, known.detail);
      return;
    }
    if (e instanceof Error && e.name === "CorruptRow") {
      // One damaged match: this request fails, naming it; nothing else does.
      log(`http 500 on ${req.method} ${req.path.slice(0, 120)}: ${e.message}`);
      sendError(res, 500, "storage/corrupt_match", e.message);
      return;
    }
    log(`http 500 on ${req.method} ${req.path.slice(0, 120)}: ${e instanceof Error ? e.stack : String(e)}`);
    sendError(res, 500, "http/internal", "internal error");
  };
}

/** For a path that exists with other methods: 405 with `Allow`. */
export function onlyMethods(...allowed: string[]) {
  return (req: Request): never => {
    throw new HttpError(405, "http/method_not_allowed", `${req.path.slice(0, 120)} accepts ${allowed.join(", ")} only`, undefined, {
      allow: allowed.join(", "),
    });
  };
}
