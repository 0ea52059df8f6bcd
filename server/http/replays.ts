/** `GET /api/matches/:id/replay` (the replay file) and `POST /api/replays/verify` (re-simulate one). */
import express from "express";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import { buildReplay } from "../replay.ts";
import { HttpError, onlyMethods, sendJson, zodDetail } from "./errors.ts";
import type { RouteModule } from "./deps.ts";
import { MatchIdSchema, parseParam } from "./params.ts";
import { perAddress } from "./rate-limit.ts";

export const replays: RouteModule = {
  name: "replays",
  register(router, deps) {
    router.get("/api/matches/:id/replay", async (req, res) => {
      const id = parseParam(MatchIdSchema, req.params["id"], "http/invalid_id");
      const rec = await deps.storage.getMatch(id);
      if (!rec) throw new HttpError(404, "http/not_found", `no match ${id}`);
      // A running match's log holds its seed and every past decision: it is published at the end.
      if (rec.status !== "ended" && rec.status !== "abandoned")
        throw new HttpError(403, "http/match_not_finished", `match ${id} has not ended; its replay is published when it does`);
      const replay = ReplayFileSchema.parse(buildReplay(rec, await deps.storage.getTurns(rec.id)));
      res.set("content-disposition", `inline; filename="${rec.id}.replay.json"`);
      sendJson(res, 200, replay);
    });

    router.post(
      "/api/replays/verify",
      perAddress("verify", deps.limits.verifiesPerMinute),
      (req, _res, next) => {
        if (!req.is("application/json")) throw new HttpError(415, "http/unsupported_media_type", "send the body as application/json");
        next();
      },
      express.json({ limit: deps.limits.maxBodyBytes, strict: false }),
      async (req, res) => {
        const parsed = ReplayFileSchema.safeParse(req.body);
        if (!parsed.success) throw new HttpError(422, "http/invalid_replay", "the body is not a valid replay file", zodDetail(parsed.error));
        sendJson(res, 200, await deps.verifyReplay(parsed.data));
      },
    );
    router.all("/api/matches/:id/replay", onlyMethods("GET", "HEAD"));
    router.all("/api/replays/verify", onlyMethods("POST"));
  },
};
