/**
 * `npm start`: one process serving the client (client/dist), the rooms and the HTTP API on one
 * port. Environment: PORT (2567), DATA_DIR (./data), GRACE_SECONDS (60), IDLE_SECONDS (600),
 * SQLITE_SYNCHRONOUS (NORMAL | FULL), TURN_MS_OVERRIDE (tests only). SIGTERM/SIGINT shut down cleanly.
 */
import { z } from "zod";
import { startApp } from "./app.ts";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(2567),
  DATA_DIR: z.string().min(1).default("./data"),
  GRACE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  IDLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  TURN_MS_OVERRIDE: z.coerce.number().int().min(50).max(3_600_000).optional(),
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
});

const env = EnvSchema.safeParse(process.env);
if (!env.success) {
  for (const i of env.error.issues) console.error(`environment ${i.path.join(".")}: ${i.message}`);
  process.exit(2);
}

const app = await startApp({
  port: env.data.PORT,
  dataDir: env.data.DATA_DIR,
  graceSeconds: env.data.GRACE_SECONDS,
  idleSeconds: env.data.IDLE_SECONDS,
  sqliteSync: env.data.SQLITE_SYNCHRONOUS,
  ...(env.data.TURN_MS_OVERRIDE !== undefined ? { turnMsOverride: env.data.TURN_MS_OVERRIDE } : {}),
});
console.log(`[server] listening on http://localhost:${app.port} (data: ${env.data.DATA_DIR})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    console.error("[server] shutdown failed", e);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
