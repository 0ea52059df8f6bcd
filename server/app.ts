/**
 * Builds one server process: Colyseus rooms (WebSocket), the HTTP API and the static client on
 * one port, SQLite under the data dir. Tests start it on their own ports; `main.ts` wraps it.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import { ENGINE_VERSION, type Decision } from "../shared/engine/index.ts";
import { ROOM_NAME, verifyReplay, type ReplayVerdict } from "../shared/protocol/index.ts";
import { aiDecision } from "./ai.ts";
import { HttpError } from "./http/errors.ts";
import { createHttpApp, type HttpLimits } from "./http/index.ts";
import { ROOM_CONTEXT_KEY, serverCreate, type RoomContext } from "./rooms/context.ts";
import { MatchRoom } from "./rooms/match-room.ts";
import { openStorage } from "./storage/open-storage.ts";
import { clusterParts } from "./scale/cluster.ts";
import { openOnce } from "./scale/rooms.ts";
import { CLASS_ROOM_NAME } from "../shared/protocol/class.ts";
import { ClassRoom } from "./class/class-room.ts";
import { CLASS_CONTEXT_KEY, type ClassContext } from "./class/context.ts";
import { CLASS_HTTP_DEFAULTS, classHttp, type ClassHttpOptions } from "./class/http.ts";
import { ClassPool } from "./class/pool.ts";
import { classSource, restoreClasses } from "./class/service.ts";
import { createExportsHandler } from "./http/exports.ts";
import type { Storage } from "./storage/types.ts";
import { PoolBusy, TaskPool } from "./workers/pool.ts";

export interface AppOptions {
  readonly port: number;
  readonly dataDir: string;
  /** client/dist; served when it exists. Default: <cwd>/client/dist. null = never. */
  readonly staticDir?: string | null;
  readonly graceSeconds?: number;
  readonly idleSeconds?: number;
  /** Longest reading pause after a reveal before the next turn's timer starts anyway (ms). */
  readonly revealMs?: number;
  /** Tests only: every timed turn lasts this many ms. */
  readonly turnMsOverride?: number;
  readonly ratePerSecond?: number;
  readonly rateBurst?: number;
  readonly maxMessageBytes?: number;
  /** WebSocket frame limit: larger frames close the connection (Colyseus/ws behaviour). */
  readonly maxFrameBytes?: number;
  /** The classroom's HTTP limits (classes created, class lookups per client address per minute). */
  readonly classHttp?: Partial<ClassHttpOptions>;
  /** HTTP limits (body size, creations and verifications per address per minute). */
  readonly http?: Partial<HttpLimits>;
  /** express `trust proxy` (behind a reverse proxy, so limits see the client's address). */
  readonly trustProxy?: boolean | number | string;
  /**
   * Worker threads for AI decisions and replay verification (default: cores − 1, 1–4). 0 runs them
   * on the event loop (only for tools that need no isolation).
   */
  readonly workers?: number;
  /** Hours after which a running match nobody plays is closed (lobbies: a quarter of it). Default 168 (7 days). */
  readonly abandonAfterHours?: number;
  /** SQLite `synchronous`: NORMAL survives process crashes (default), FULL also power loss. */
  readonly sqliteSync?: "NORMAL" | "FULL";
  /** `postgres://…`: PostgreSQL instead of the SQLite file (what several processes share). */
  readonly databaseUrl?: string;
  /** `redis://…`: Colyseus' Redis presence and driver, so several processes share rooms, matchmaking and codes. Needs `databaseUrl`. */
  readonly redisUrl?: string;
  /** Where clients reach this process's WebSockets (`host:port` or `host/prefix`), put in its seat reservations. */
  readonly publicAddress?: string;
  readonly log?: (line: string) => void;
}

export interface AppHandle {
  readonly port: number;
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly storage: Storage;
  readonly server: Server;
  /** Matches restored from the data dir at start. */
  readonly restored: readonly string[];
  close(): Promise<void>;
}

export const DEFAULT_ABANDON_HOURS = 168;

/** Running matches untouched for `hours` and lobbies for a quarter of that are closed (abandoned, with the reason). */
async function closeStale(storage: Storage, hours: number, log: (line: string) => void): Promise<void> {
  const now = Date.now();
  const ids = await storage.closeStale(new Date(now - hours * 3_600_000).toISOString(), new Date(now - (hours / 4) * 3_600_000).toISOString());
  if (ids.length > 0) log(`closed ${ids.length} match(es) nobody played for ${hours} h: ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`);
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 1024 * 1024, createsPerMinute: 60, verifiesPerMinute: 30, lookupsPerMinute: 120 };

export async function startApp(opts: AppOptions): Promise<AppHandle> {
  // A match's full state (4–8 seats with quarterly histories) outgrows the 8 KB default.
  if (Encoder.BUFFER_SIZE < 256 * 1024) Encoder.BUFFER_SIZE = 256 * 1024;
  const log = opts.log ?? ((line: string) => console.log(`[server] ${line}`));
  // Processes that share rooms must share the matches behind them: one database for all.
  if (opts.redisUrl && !opts.databaseUrl) throw new Error("REDIS_URL is for several processes, which must share one database: set DATABASE_URL too");
  // Refuses (StorageRefused, naming it) a truncated or damaged database rather than start empty.
  const opened = await openStorage({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, sqliteSync: opts.sqliteSync ?? "NORMAL", log });
  const storage = opened.storage;
  let cluster: Awaited<ReturnType<typeof clusterParts>>;
  try {
    cluster = await clusterParts({ redisUrl: opts.redisUrl, publicAddress: opts.publicAddress });
  } catch (e) {
    await storage.close();
    throw e;
  }
  const pool = opts.workers === 0 ? null : new TaskPool({ ...(opts.workers !== undefined ? { size: opts.workers } : {}), log });
  const ctx: RoomContext = {
    storage,
    // A hard AI's look-ahead takes ~0.1–0.4 s: in a worker, so no room waits for another's AI.
    ai: pool
      ? (state, seat, difficulty, seed) => pool.run<Decision>({ kind: "ai", state, seat, difficulty, seed }, "game", 60_000)
      : async (state, seat, difficulty, seed) => aiDecision(state, seat, difficulty, seed),
    graceSeconds: opts.graceSeconds ?? 60,
    idleSeconds: opts.idleSeconds ?? 600,
    revealMs: opts.revealMs ?? 20_000,
    turnMsOverride: opts.turnMsOverride,
    serverRequests: new Map(),
    ratePerSecond: opts.ratePerSecond ?? 10,
    rateBurst: opts.rateBurst ?? 20,
    maxMessageBytes: opts.maxMessageBytes ?? 4096,
    log,
  };
  const staticDir = opts.staticDir === undefined ? resolve("client/dist") : opts.staticDir;

  // The match's room wherever it runs (any process, with Redis), else restored here from storage.
  const ensureRoom = (matchId: string): Promise<string | null> =>
    openOnce(matchId, async () => {
      const rec = await storage.getMatch(matchId);
      if (rec?.status !== "active") return null;
      try {
        const listing = await matchMaker.createRoom(ROOM_NAME, serverCreate(ctx, { kind: "restore", matchId }));
        return listing.roomId;
      } catch (e) {
        log(`could not restore ${matchId}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      }
    });

  const classCtx: ClassContext = {
    rooms: ctx,
    storage,
    ensureMatchRoom: ensureRoom,
    pool: new ClassPool(log),
    idleSeconds: ctx.idleSeconds,
    graceSeconds: ctx.graceSeconds,
    requests: new Map(),
    log,
  };
  const classRoutes = classHttp(classCtx, { ...CLASS_HTTP_DEFAULTS, ...opts.classHttp });

  const http = createHttpApp(
    {
      storage,
      ensureRoom,
      roomCount: async () => (await matchMaker.query({ name: ROOM_NAME })).length,
      startedAt: Date.now(),
      staticDir: staticDir && existsSync(staticDir) ? staticDir : null,
      limits: { ...DEFAULT_HTTP_LIMITS, ...opts.http },
      verifyReplay: async (file) => {
        if (!pool) return verifyReplay(file);
        try {
          return await pool.run<ReplayVerdict>({ kind: "verify", file }, "background", 20_000);
        } catch (e) {
          if (e instanceof PoolBusy) throw new HttpError(503, "http/busy", e.message, undefined, { "retry-after": "5" });
          throw new HttpError(422, "http/verify_failed", `the replay could not be re-simulated: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      log,
    },
    {
      ...(opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy }),
      // Route handlers other modules own, mounted before the API's catch-all 404.
      mount: [createExportsHandler({ storage, classes: classSource(storage) }), classRoutes],
    },
  );

  const httpServer = createServer();
  const server = defineServer({
    rooms: {
      [ROOM_NAME]: defineRoom(MatchRoom, { [ROOM_CONTEXT_KEY]: ctx } as never),
      [CLASS_ROOM_NAME]: defineRoom(ClassRoom, { [CLASS_CONTEXT_KEY]: classCtx } as never),
    },
    transport: new WebSocketTransport({ server: httpServer, maxPayload: opts.maxFrameBytes ?? 64 * 1024 }),
    ...(cluster.presence ? { presence: cluster.presence } : {}),
    ...(cluster.driver ? { driver: cluster.driver } : {}),
    ...(cluster.publicAddress ? { publicAddress: cluster.publicAddress } : {}),
    selectProcessIdToCreateRoom: cluster.selectProcessIdToCreateRoom,
    greet: false,
    gracefullyShutdown: false,
  });
  await server.listen(opts.port);
  log(`storage: ${opened.describe}; rooms: ${cluster.describe}`);
  // Colyseus installs its own request listener (its matchmaking route, answering a refused create
  // with a 500). Ours serves that route too (http/matchmake.ts), with limits and 4xx answers, so it
  // replaces Colyseus' as the only request listener; WebSocket upgrades are a separate event.
  httpServer.removeAllListeners("request");
  httpServer.on("request", http);

  await closeStale(storage, opts.abandonAfterHours ?? DEFAULT_ABANDON_HOURS, log);
  const restored: string[] = [];
  for (const rec of await storage.listUnfinished()) {
    if (rec.engineVersion !== ENGINE_VERSION) {
      // Another engine cannot re-run this log: the match is over, but its replay stays readable.
      const closedReason = `played with engine ${rec.engineVersion}; this server runs ${ENGINE_VERSION}`;
      await storage.updateMatch(rec.id, { status: "abandoned", closedReason });
      log(`match ${rec.id} was ${closedReason}: closed; its replay stays readable at /api/matches/${rec.id}/replay`);
      continue;
    }
    const id = await ensureRoom(rec.id);
    if (id) restored.push(id);
  }
  if (restored.length > 0) log(`restored ${restored.length} unfinished match(es)`);
  await restoreClasses(classCtx);

  // Matches abandoned while the server runs are closed too (hourly; the timer never keeps the process up).
  const sweep = setInterval(() => void closeStale(storage, opts.abandonAfterHours ?? DEFAULT_ABANDON_HOURS, log), 3_600_000);
  sweep.unref();

  let closed = false;
  return {
    port: opts.port,
    httpUrl: `http://127.0.0.1:${opts.port}`,
    wsUrl: `ws://127.0.0.1:${opts.port}`,
    storage,
    server,
    restored,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      await server.gracefullyShutdown(false);
      await classCtx.pool.close();
      await pool?.close();
      await storage.close();
    },
  };
}
