/**
 * The saved-matches library (issue 14): `GET /api/library?q=&page=&pageSize=` — finished matches
 * with their date, scenario, seats (people and AI), winner and scores and branch origin, searched
 * and paged, zod-validated. Nothing about an unfinished match is listed (a player's own live
 * matches are `POST /api/matches/mine`, by seat token).
 */
import { LibraryQuerySchema } from "../../shared/protocol/index.ts";
import { libraryPage } from "../replay.ts";
import { HttpError, onlyMethods, sendJson, zodDetail } from "./errors.ts";
import type { RouteModule } from "./deps.ts";

export const library: RouteModule = {
  name: "library",
  register(router, deps) {
    router.get("/api/library", async (req, res) => {
      const q = LibraryQuerySchema.safeParse(req.query);
      if (!q.success) throw new HttpError(400, "http/invalid_query", "bad query parameters", zodDetail(q.error));
      sendJson(res, 200, await libraryPage(deps.storage, q.data));
    });
    router.all("/api/library", onlyMethods("GET", "HEAD"));
  },
};
