/** `GET /api/codes/:code`: the room behind a join code (restoring its match's room if needed), or the class page behind a class code. */
import { HttpError, onlyMethods, sendJson } from "./errors.ts";
import type { RouteModule } from "./deps.ts";
import { CodeSchema, parseParam } from "./params.ts";
import { perAddress } from "./rate-limit.ts";

export const codes: RouteModule = {
  name: "codes",
  register(router, deps) {
    // Codes are the invitation to a live match: guessing them is limited per address.
    router.get("/api/codes/:code", perAddress("code lookup", deps.limits.lookupsPerMinute), async (req, res) => {
      const code = parseParam(CodeSchema, req.params["code"], "http/invalid_code");
      const rec = await deps.storage.findByCode(code);
      if (!rec) {
        // Students type a class code into whatever code box they find: point them to their class page.
        if (await deps.storage.findClassByCode(code)) {
          sendJson(res, 200, { code, classPath: `/class/${code}` });
          return;
        }
        throw new HttpError(404, "http/not_found", `no match has the code ${code}`);
      }
      if (rec.status === "abandoned")
        throw new HttpError(
          410,
          "http/match_closed",
          `match ${rec.id} was closed (${rec.closedReason ?? "abandoned"}); its replay: /api/matches/${rec.id}/replay`,
        );
      const roomId = rec.status === "ended" ? null : await deps.ensureRoom(rec.id);
      sendJson(res, 200, { code: rec.code, matchId: rec.id, roomId, status: rec.status, joinable: roomId !== null });
    });
    router.all("/api/codes/:code", onlyMethods("GET", "HEAD"));
  },
};
