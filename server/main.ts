/**
 * `npm start`: one process serving the client (client/dist), the rooms and the HTTP API on one
 * port. Environment (all optional):
 *   PORT (2567), DATA_DIR (./data), GRACE_SECONDS (60), IDLE_SECONDS (600), REVEAL_SECONDS (20),
 *   ABANDON_HOURS (168: a running match nobody plays is closed after it, a lobby after a quarter of it),
 *   WORKERS (cores − 1, 1–4; 0 = none), CREATES_PER_MINUTE (60), VERIFIES_PER_MINUTE (30),
 *   LOOKUPS_PER_MINUTE (120), TRUST_PROXY (unset; e.g. 1 behind one reverse proxy),
 *   SQLITE_SYNCHRONOUS (NORMAL | FULL), TURN_MS_OVERRIDE (tests only);
 *   scale-out: DATABASE_URL (postgres://…: PostgreSQL instead of SQLite), REDIS_URL (redis://…:
 *   several processes share rooms, matchmaking and codes; needs DATABASE_URL), PUBLIC_ADDRESS
 *   (host:port or host/prefix where clients reach this process's WebSockets).
 * SIGTERM/SIGINT shut down cleanly. A bad value is refused at start, naming the variable.
 */
import { z } from "zod";
import { startApp } from "./app.ts";

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z
  .object({
    PORT: int(1, 65535).default(2567),
    DATA_DIR: z.string().min(1).default("./data"),
    GRACE_SECONDS: int(1, 86_400).default(60),
    IDLE_SECONDS: int(1, 86_400).default(600),
    REVEAL_SECONDS: int(1, 3600).default(20),
    ABANDON_HOURS: int(1, 100_000).default(168),
    WORKERS: int(0, 16).optional(),
    CREATES_PER_MINUTE: int(1, 100_000).default(60),
    VERIFIES_PER_MINUTE: int(1, 100_000).default(30),
    LOOKUPS_PER_MINUTE: int(1, 100_000).default(120),
    TRUST_PROXY: z.string().min(1).optional(),
    TURN_MS_OVERRIDE: int(50, 3_600_000).optional(),
    SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "a postgres:// or postgresql:// URL")
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, "a redis:// or rediss:// URL")
      .optional(),
    // No scheme: the client adds ws:// or wss:// as its page was loaded.
    PUBLIC_ADDRESS: z
      .string()
      .regex(/^[A-Za-z0-9.\-[\]:]+(\/[A-Za-z0-9._~\-/]*)?$/, "host[:port][/path] without a scheme")
      .optional(),
  })
  .refine((v) => !v.REDIS_URL || v.DATABASE_URL, {
    path: ["REDIS_URL"],
    message: "several processes must share one database: set DATABASE_URL too",
  });

const env = EnvSchema.safeParse(process.env);
if (!env.success) {
  for (const i of env.error.issues) console.error(`[server] environment ${i.path.join(".")}: ${i.message}`);
  process.exit(2);
}
const e = env.data;
const trustProxy =
  e.TRUST_PROXY === undefined ? undefined : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY === "true" ? true : e.TRUST_PROXY;

let app: Awaited<ReturnType<typeof startApp>>;
try {
  app = await startApp({
    port: e.PORT,
    dataDir: e.DATA_DIR,
    graceSeconds: e.GRACE_SECONDS,
    idleSeconds: e.IDLE_SECONDS,
    revealMs: e.REVEAL_SECONDS * 1000,
    abandonAfterHours: e.ABANDON_HOURS,
    http: { createsPerMinute: e.CREATES_PER_MINUTE, verifiesPerMinute: e.VERIFIES_PER_MINUTE, lookupsPerMinute: e.LOOKUPS_PER_MINUTE },
    sqliteSync: e.SQLITE_SYNCHRONOUS,
    ...(e.DATABASE_URL !== undefined ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.REDIS_URL !== undefined ? { redisUrl: e.REDIS_URL } : {}),
    ...(e.PUBLIC_ADDRESS !== undefined ? { publicAddress: e.PUBLIC_ADDRESS.replace(/\/+$/, "") } : {}),
    ...(e.WORKERS !== undefined ? { workers: e.WORKERS } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(e.TURN_MS_OVERRIDE !== undefined ? { turnMsOverride: e.TURN_MS_OVERRIDE } : {}),
  });
} catch (err) {
  // A refused start (a corrupt database, a port in use) is one clear line, not a stack trace.
  console.error(`[server] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
console.log(`[server] listening on http://localhost:${app.port} (data: ${e.DATABASE_URL ? "PostgreSQL" : e.DATA_DIR})`);

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
  } catch (err) {
    console.error("[server] shutdown failed", err);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
