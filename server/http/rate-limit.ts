/**
 * Per-address limits for expensive requests (room creation, replay verification): a fixed
 * one-minute window per client address (express-rate-limit), answered 429 with `Retry-After`.
 */
import { rateLimit } from "express-rate-limit";
import type { RequestHandler } from "express";
import { sendError } from "./errors.ts";

/** `sdk`: answer in the matchmaking shape the Colyseus SDK reads (`{ code, error: string }`). */
export function perAddress(what: string, perMinute: number, shape: "api" | "sdk" = "api"): RequestHandler {
  const message = `too many ${what} requests from this address; retry later`;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // One client per address as the socket sees it (set `trust proxy` in app.ts behind a proxy).
    handler: (_req, res) =>
      shape === "api"
        ? sendError(res, 429, "http/rate_limited", message)
        : res
            .status(429)
            .set("cache-control", "no-store")
            .json({ code: 429, error: `http/rate_limited: ${message}` }),
  });
}
