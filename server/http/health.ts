/** `GET /healthz`: liveness and the versions this server speaks. */
import { ENGINE_VERSION } from "../../shared/engine/index.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { onlyMethods, sendJson } from "./errors.ts";
import type { RouteModule } from "./deps.ts";

export const health: RouteModule = {
  name: "health",
  register(router, deps) {
    router.get("/healthz", async (_req, res) => {
      sendJson(res, 200, {
        ok: true,
        protocol: PROTOCOL_VERSION,
        engineVersion: ENGINE_VERSION,
        rooms: await deps.roomCount(),
        uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
      });
    });
    router.all("/healthz", onlyMethods("GET", "HEAD"));
  },
};
