/**
 * `GET /api/matches`: finished matches only (a live match's code, seats or progress are nobody's
 * business but its players'). `POST /api/matches/mine` with `{ tokens }`: the live matches those
 * seat, host or teacher tokens belong to — a player's own, to that player.
 */
import express from "express";
import { z } from "zod";
import { hashToken } from "../util.ts";
import { HttpError, onlyMethods, sendJson, zodDetail } from "./errors.ts";
import type { RouteModule } from "./deps.ts";

export const ListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const MineBodySchema = z.strictObject({
  tokens: z
    .array(z.string().regex(/^[0-9a-f]{32}$/, "a token is 32 hex characters"))
    .min(1)
    .max(20),
});

export const matches: RouteModule = {
  name: "matches",
  register(router, deps) {
    router.get("/api/matches", async (req, res) => {
      const q = ListQuerySchema.safeParse(req.query);
      if (!q.success) throw new HttpError(400, "http/invalid_query", "bad query parameters", zodDetail(q.error));
      sendJson(res, 200, { matches: await deps.storage.listFinished(q.data.limit) });
    });
    router.all("/api/matches", onlyMethods("GET", "HEAD"));

    router.post(
      "/api/matches/mine",
      (req, _res, next) => {
        if (!req.is("application/json")) throw new HttpError(415, "http/unsupported_media_type", "send the body as application/json");
        next();
      },
      express.json({ limit: 4096 }),
      async (req, res) => {
        const body = MineBodySchema.safeParse(req.body);
        if (!body.success) throw new HttpError(400, "http/invalid_body", "expected { tokens: [32-hex-digit tokens] }", zodDetail(body.error));
        const byHash = new Map(body.data.tokens.map((t) => [hashToken(t), t]));
        const live = await deps.storage.listLiveFor([...byHash.keys()]);
        const mine = live.map((m) => {
          const seat = m.config.seats.find((c) => byHash.has(m.seats[c]?.tokenHash ?? "")) ?? null;
          return {
            id: m.id,
            code: m.code,
            status: m.status,
            scenario: m.config.scenario,
            variant: m.config.variant,
            turns: m.config.turns,
            seat,
            host: byHash.has(m.hostTokenHash),
            teacher: byHash.has(m.teacherKeyHash),
            updatedAt: m.updatedAt,
          };
        });
        sendJson(res, 200, { matches: mine });
      },
    );
    router.all("/api/matches/mine", onlyMethods("POST"));
  },
};
