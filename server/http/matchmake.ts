/**
 * `POST /matchmake/create/match`, `/matchmake/joinById/:roomId`, `/matchmake/reconnect/:roomId`: Colyseus' matchmaking route, served here so it gets the same
 * limits and error mapping as the rest of the API (Colyseus' own handler answers a refused create
 * with a 500). Only `create`, `joinById` and `reconnect` exist: nobody lands in a stranger's match
 * by `join` or `joinOrCreate`. Room creation is rate-limited per address.
 *
 * Answers keep Colyseus' shape so the SDK reads them: a seat reservation, or `{ code, error }`
 * with a 4xx status and `error` starting with our namespaced code (`join/invalid_options: …`).
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { ErrorCode, ServerError, matchMaker } from "@colyseus/core";
import { ROOM_NAME } from "../../shared/protocol/index.ts";
import type { RouteModule } from "./deps.ts";
import { perAddress } from "./rate-limit.ts";

export const MATCHMAKE_METHODS = ["create", "joinById", "reconnect"] as const;

function cors(req: Request, res: Response, next: NextFunction): void {
  // As Colyseus does: the dev client (Vite on another port) creates and joins cross-origin.
  res.set({
    "access-control-allow-origin": req.get("origin") ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization",
    "access-control-max-age": "600",
  });
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
}

function refuse(res: Response, status: number, code: number | string, error: string): void {
  res.status(status).set("cache-control", "no-store").json({ code, error });
}

/** Our join errors say `namespace/reason: …` and carry 4400; Colyseus' own have their codes. */
function statusOf(e: ServerError): number {
  if (e.code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID) return 404;
  if (e.code === ErrorCode.MATCHMAKE_EXPIRED) return 410;
  if (e.code === ErrorCode.AUTH_FAILED) return 403;
  return /^[a-z]+\/[a-z_]+:/.test(e.message) ? 400 : 409;
}

export const matchmake: RouteModule = {
  name: "matchmake",
  register(router, deps) {
    const createLimit = perAddress("room creation", deps.limits.createsPerMinute, "sdk");
    router.use("/matchmake", cors);
    router.post(
      "/matchmake/:method/:roomName",
      (req, res, next) => {
        const method = req.params["method"] ?? "";
        if (!(MATCHMAKE_METHODS as readonly string[]).includes(method)) {
          return refuse(res, 404, ErrorCode.MATCHMAKE_NO_HANDLER, `matchmake/no_method: ${method.slice(0, 40)} is not offered; join a match by its id or code`);
        }
        // create names the room type; joinById and reconnect name the room id.
        if (method === "create" && req.params["roomName"] !== ROOM_NAME)
          return refuse(res, 404, ErrorCode.MATCHMAKE_NO_HANDLER, "matchmake/no_room: no such room type");
        return method === "create" ? createLimit(req, res, next) : next();
      },
      express.json({ limit: 16 * 1024, strict: true, type: () => true }),
      async (req, res) => {
        const method = req.params["method"] as (typeof MATCHMAKE_METHODS)[number];
        const options: unknown = req.body ?? {};
        if (typeof options !== "object" || options === null || Array.isArray(options))
          return refuse(res, 400, 400, "join/invalid_options: options must be an object");
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, x);
        const auth = { ip: req.ip, headers, req };
        try {
          const target = method === "create" ? ROOM_NAME : (req.params["roomName"] ?? "");
          const reservation = await matchMaker.controller.invokeMethod(method, target, options as Record<string, unknown>, auth);
          res.status(200).set("cache-control", "no-store").json(reservation);
        } catch (e) {
          if (e instanceof ServerError) return refuse(res, statusOf(e), e.code, e.message);
          deps.log(`matchmake ${method} failed: ${e instanceof Error ? e.stack : String(e)}`);
          refuse(res, 500, 500, "server/internal: matchmaking failed");
        }
      },
    );
  },
};
