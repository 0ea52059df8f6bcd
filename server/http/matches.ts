/** `GET /api/matches`: the saved matches list. */
import { z } from "zod";
import { HttpError, onlyMethods, sendJson, zodDetail } from "./errors.ts";
import type { RouteModule } from "./deps.ts";

export const ListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const matches: RouteModule = {
  name: "matches",
  register(router, deps) {
    router.get("/api/matches", async (req, res) => {
      const q = ListQuerySchema.safeParse(req.query);
      if (!q.success) throw new HttpError(400, "http/invalid_query", "bad query parameters", zodDetail(q.error));
      sendJson(res, 200, { matches: await deps.storage.listMatches(q.data.limit) });
    });
    router.all("/api/matches", onlyMethods("GET", "HEAD"));
  },
};
