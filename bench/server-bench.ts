/**
 * The CCU bench (`npm run bench -- --only server`, issue 17): what one server core holds.
 *
 * - The server runs as in production (`server/main.ts`, its own process, WORKERS=0 so all of its
 *   work is on its one core), pinned with `taskset` to core 0; the bots run in another process
 *   pinned to core 1 (bench/server-bench-bots.ts: the real matchmaking route and WebSocket
 *   protocol, a light client so one core drives thousands of connections). 4 bots per room.
 * - Pacings: idle (1 room, bots decide at once), stress (many rooms, every bot decides at once
 *   each quarter: the worst case for one event loop), realistic (players think 10–60 s per
 *   quarter, uniformly, as in a class or a solo game), ramped until p99 passes 100 ms, the joins
 *   fail or the level list ends.
 * - Figures per level: p50/p99/max from a room's last `ready` (the last commit) to each client's
 *   `turn:resolved` (the reveal); bytes each client receives per quarter ÷ the full engine state
 *   as JSON; server memory per room (RSS growth over the level's joins ÷ rooms); server CPU per
 *   client (CPU seconds ÷ wall seconds ÷ clients) and the clients one core would hold at that
 *   rate; the bots' own CPU and event-loop delay (when the bots' core is saturated, the figure
 *   is the bots', not the server's).
 * - With Redis: two server processes (both on core 0: the same one core in total) on one Redis
 *   and one PostgreSQL (started here on loopback; both on core 1 with the bots), each room created
 *   through one process and joined through the other.
 *
 *   node_modules/.bin/node bench/server-bench.ts [--quick] [--realistic 1000,2000,4000] [--stress 50,200]
 *     [--quarters 2] [--think 10000-60000] [--no-redis] [--json FILE]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createMatch, defaultDecision, resolveTurn, type CompanyId, type Decision } from "../shared/engine/index.ts";
import { freeTestPort } from "../tests/server/harness.ts";
import { startPostgres, startRedis } from "../tests/server/services.ts";
import type { FromBots, RoomPlan, ToBots } from "./server-bench-bots.ts";
import { median, percentile } from "./stats.ts";

const SEATS: readonly CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
const TURNS = 4;

export interface CcuLevel {
  readonly setup: "one process, SQLite" | "two processes, Redis + PostgreSQL";
  readonly pacing: "idle" | "stress" | "realistic";
  readonly rooms: number;
  readonly clients: number;
  readonly joinFailures: number;
  readonly joinSeconds: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number; readonly samples: number };
  readonly bytesPerClientPerTurn: number;
  readonly fullStateJsonBytes: number;
  readonly bytesRatio: number;
  /** Server RSS growth over this level's joins ÷ rooms (all server processes). */
  readonly memoryPerRoomKB: number;
  /**
   * Server CPU per connected client while nobody acts (10 s after the joins, realistic levels):
   * the fixed cost of a connection and its room (Colyseus' patch loop, WebSocket pings, timers).
   */
  readonly serverCpuPerIdleClient: number;
  /** Server CPU seconds per wall second while playing (1 = one core busy). */
  readonly serverCpuCores: number;
  /** serverCpuCores ÷ clients. */
  readonly serverCpuPerClient: number;
  /** 1 ÷ serverCpuPerClient: clients one core would hold at this pacing, CPU-bound (no latency margin). */
  readonly clientsPerCoreAtFullCpu: number;
  readonly botCpuCores: number;
  readonly botLoopDelayP99Ms: number;
  /**
   * Share of the playing time the server's event loop was ready to run but waited for its core
   * (other processes on it): on a shared machine, latency the server did not cause.
   */
  readonly serverRunQueueWait: number;
  readonly botRunQueueWait: number;
  readonly playSeconds: number;
  readonly errors: readonly string[];
}

export interface ServerBench {
  readonly cores: number;
  readonly pinned: boolean;
  readonly thinkMs: readonly [number, number];
  readonly levels: readonly CcuLevel[];
  /** The most clients at realistic pacing with p99 ≤ 100 ms measured on one core (one process). */
  readonly clientsPerCoreMeasured: number;
  /** p99 at that level ÷ p99 idle. */
  readonly p99LoadOverIdle: number;
  readonly worstBytesRatio: number;
  /** What limited the measured figure, in words. */
  readonly limitedBy: string;
  /** Clients per core from the server's own CPU per client at realistic pacing, at 50% CPU (headroom for bursts). */
  readonly clientsPerCoreExtrapolated: number;
  readonly goals: { readonly clientsPerCore5000: boolean; readonly p99Within2xIdle: boolean; readonly bytes10pct: boolean };
}

export interface ServerBenchOptions {
  readonly stressRooms?: readonly number[];
  readonly realisticClients?: readonly number[];
  readonly quarters?: number;
  readonly thinkMs?: readonly [number, number];
  readonly redis?: boolean;
  readonly log?: (line: string) => void;
}

interface ServerProc {
  readonly proc: ChildProcess;
  readonly http: string;
}

const CLK_TCK = 100;

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 (utime, stime) are at 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Nanoseconds the process's main thread has spent runnable but waiting for a CPU (taken by other processes). */
function runQueueWaitSeconds(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e9;
  } catch {
    return 0;
  }
}

function rssKB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `taskset -c core …` when there are two cores to split, else the command as is. */
function pinned(core: number | null, cmd: string, args: readonly string[]): [string, string[]] {
  return core === null ? [cmd, [...args]] : ["taskset", ["-c", String(core), cmd, ...args]];
}

export async function startServer(core: number | null, env: Record<string, string>, port?: number): Promise<ServerProc> {
  port ??= await freeTestPort();
  const [cmd, args] = pinned(core, process.execPath, [resolve("server/main.ts")]);
  const proc = spawn(cmd, args, {
    env: {
      ...process.env,
      PORT: String(port),
      WORKERS: "0",
      IDLE_SECONDS: "5",
      CREATES_PER_MINUTE: "100000",
      LOOKUPS_PER_MINUTE: "100000",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error("bench server exited early");
    try {
      if ((await fetch(`${http}/healthz`)).ok) return { proc, http };
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error("bench server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopProc(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  proc.kill("SIGTERM");
  const t = setTimeout(() => proc.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(t);
}

/** One bot process on the bots' core, with a typed message channel. */
async function startBots(
  core: number | null,
): Promise<{ proc: ChildProcess; next: <T extends FromBots["type"]>(t: T) => Promise<Extract<FromBots, { type: T }>>; send: (m: ToBots) => void }> {
  const [cmd, args] = pinned(core, process.execPath, [resolve("bench/server-bench-bots.ts")]);
  const proc = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const inbox: FromBots[] = [];
  const waiters: (() => void)[] = [];
  proc.on("message", (m: FromBots) => {
    inbox.push(m);
    for (const w of waiters.splice(0)) w();
  });
  const next = async <T extends FromBots["type"]>(t: T): Promise<Extract<FromBots, { type: T }>> => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === t);
      if (i >= 0) return inbox.splice(i, 1)[0] as Extract<FromBots, { type: T }>;
      if (proc.exitCode !== null) throw new Error("bot process exited");
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  await next("ready");
  return { proc, next, send: (m) => proc.send(m) };
}

/** Mean size of the full engine state as JSON over the quarters the bots play (default decisions). */
function fullStateJsonBytes(quarters: number): number {
  let state = createMatch({ seats: [...SEATS], turns: TURNS, seed: 1 });
  const sizes: number[] = [];
  for (let q = 0; q < quarters && q < TURNS; q++) {
    sizes.push(Buffer.byteLength(JSON.stringify(state)));
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    for (const s of SEATS) decisions[s] = defaultDecision(state, s);
    state = resolveTurn(state, decisions).state;
  }
  return sizes.reduce((a, b) => a + b, 0) / sizes.length;
}

interface LevelSpec {
  readonly setup: CcuLevel["setup"];
  readonly pacing: CcuLevel["pacing"];
  readonly rooms: number;
  readonly quarters: number;
  readonly think: readonly [number, number];
}

export async function runLevel(
  servers: readonly ServerProc[],
  botCore: number | null,
  spec: LevelSpec,
  seed0: number,
  log: (l: string) => void,
): Promise<CcuLevel> {
  const pids = servers.map((s) => s.proc.pid!);
  const bots = await startBots(botCore);
  try {
    // Each room is created through one process and joined through the next (the same one when alone).
    const plans: RoomPlan[] = Array.from({ length: spec.rooms }, (_, i) => ({
      createVia: servers[i % servers.length]!.http,
      joinVia: servers[(i + 1) % servers.length]!.http,
      seed: seed0 + i,
    }));
    const rss0 = pids.reduce((n, p) => n + rssKB(p), 0);
    bots.send({ type: "setup", rooms: plans, turns: TURNS, concurrency: 16 });
    const joined = await bots.next("joined");
    // Let the join storm's garbage settle before reading memory and starting the clock.
    await new Promise((r) => setTimeout(r, 2000));
    const rss1 = pids.reduce((n, p) => n + rssKB(p), 0);
    let idlePerClient = 0;
    if (spec.pacing === "realistic" && joined.clients > 0) {
      const idle0 = pids.reduce((n, p) => n + cpuSeconds(p), 0);
      const i0 = performance.now();
      await new Promise((r) => setTimeout(r, 10_000));
      idlePerClient = (pids.reduce((n, p) => n + cpuSeconds(p), 0) - idle0) / ((performance.now() - i0) / 1000) / joined.clients;
    }
    const cpu0 = pids.reduce((n, p) => n + cpuSeconds(p), 0);
    const wait0 = pids.reduce((n, p) => n + runQueueWaitSeconds(p), 0);
    const botWait0 = runQueueWaitSeconds(bots.proc.pid!);
    const t0 = performance.now();
    bots.send({ type: "go", quarters: spec.quarters, thinkMinMs: spec.think[0], thinkMaxMs: spec.think[1] });
    const played = await bots.next("played");
    const wall = (performance.now() - t0) / 1000;
    const serverCpu = pids.reduce((n, p) => n + cpuSeconds(p), 0) - cpu0;
    const serverWait = pids.reduce((n, p) => n + runQueueWaitSeconds(p), 0) - wait0;
    const botWait = runQueueWaitSeconds(bots.proc.pid!) - botWait0;
    const rooms = joined.clients / SEATS.length;
    const full = fullStateJsonBytes(spec.quarters);
    const serverCpuCores = serverCpu / wall;
    const perClient = joined.clients > 0 ? serverCpuCores / joined.clients : 0;
    const lat = played.latenciesMs;
    const level: CcuLevel = {
      setup: spec.setup,
      pacing: spec.pacing,
      rooms,
      clients: joined.clients,
      joinFailures: joined.failures.length,
      joinSeconds: round(joined.seconds, 1),
      latencyMs: { p50: round(median(lat)), p99: round(percentile(lat, 99)), max: round(lat.length ? Math.max(...lat) : 0), samples: lat.length },
      bytesPerClientPerTurn: Math.round(played.bytesPerClientPerTurn),
      fullStateJsonBytes: Math.round(full),
      bytesRatio: round(played.bytesPerClientPerTurn / full, 4),
      memoryPerRoomKB: rooms > 0 ? Math.round((rss1 - rss0) / rooms) : 0,
      serverCpuPerIdleClient: idlePerClient,
      serverCpuCores: round(serverCpuCores, 3),
      serverCpuPerClient: perClient,
      clientsPerCoreAtFullCpu: perClient > 0 ? Math.round(1 / perClient) : 0,
      botCpuCores: round(played.cpuSeconds / played.seconds, 3),
      botLoopDelayP99Ms: round(played.loopDelayP99Ms),
      serverRunQueueWait: round(serverWait / wall / pids.length, 3),
      botRunQueueWait: round(botWait / wall, 3),
      playSeconds: round(wall, 1),
      errors: [...joined.failures, ...played.errors].slice(0, 10),
    };
    log(
      `server [${spec.setup}, ${spec.pacing}] ${level.rooms} rooms / ${level.clients} clients` +
        ` (joined in ${level.joinSeconds} s${level.joinFailures ? `, ${level.joinFailures} joins failed` : ""}): last commit→reveal p50 ${level.latencyMs.p50} ms, p99 ${level.latencyMs.p99} ms, max ${level.latencyMs.max} ms; ` +
        `${level.bytesPerClientPerTurn} B/client/quarter = ${(level.bytesRatio * 100).toFixed(1)}% of ${level.fullStateJsonBytes} B full JSON; ` +
        `${level.memoryPerRoomKB} KB/room; ${idlePerClient > 0 ? `idle ${(idlePerClient * 1e6).toFixed(1)} µs CPU/s per client; ` : ""}server ${(level.serverCpuCores * 100).toFixed(1)}% of a core (${level.clientsPerCoreAtFullCpu} clients/core at 100%); ` +
        `bots ${(level.botCpuCores * 100).toFixed(0)}% of their core, loop delay p99 ${level.botLoopDelayP99Ms} ms; ` +
        `waiting for a CPU taken by others: server ${(level.serverRunQueueWait * 100).toFixed(0)}%, bots ${(level.botRunQueueWait * 100).toFixed(0)}% of the time; ${level.playSeconds} s`,
    );
    return level;
  } finally {
    bots.send({ type: "stop" });
    await new Promise<void>((r) => (bots.proc.exitCode !== null ? r() : bots.proc.once("exit", () => r())));
    // Rooms left empty dispose after IDLE_SECONDS (5): the next level starts without them.
    await new Promise((r) => setTimeout(r, 7000));
  }
}

export async function runServerBench(opts: ServerBenchOptions = {}): Promise<ServerBench> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const quarters = opts.quarters ?? 2;
  const think = opts.thinkMs ?? [10_000, 60_000];
  const stress = opts.stressRooms ?? [50, 250];
  const realistic = opts.realisticClients ?? [1000, 2000, 4000, 8000];
  const cores = cpus().length;
  let canPin = false;
  try {
    execFileSync("taskset", ["-c", "0", "true"]);
    canPin = cores >= 2;
  } catch {
    canPin = false;
  }
  const serverCore = canPin ? 0 : null;
  const botCore = canPin ? 1 : null;
  if (!canPin) log("server bench: fewer than 2 cores or no taskset: server and bots share the machine unpinned");
  const levels: CcuLevel[] = [];
  let seed = 1;
  // Every level's rooms get their own seeds.
  const nextSeed = (step: number): number => {
    seed += step;
    return seed;
  };

  // One process, SQLite: the default deployment.
  const single = "one process, SQLite" as const;
  const dataDir = mkdtempSync(join(tmpdir(), "cp-bench-"));
  const server = await startServer(serverCore, { DATA_DIR: dataDir });
  let measured = 0;
  let limit = "";
  try {
    await runLevel([server], botCore, { setup: single, pacing: "stress", rooms: 2, quarters: TURNS, think: [0, 0] }, 100_000, () => undefined); // warm-up
    const idle = await runLevel([server], botCore, { setup: single, pacing: "idle", rooms: 1, quarters: TURNS, think: [0, 0] }, nextSeed(1), log);
    levels.push(idle);
    for (const rooms of stress) {
      levels.push(await runLevel([server], botCore, { setup: single, pacing: "stress", rooms, quarters: TURNS, think: [0, 0] }, nextSeed(1000), log));
    }
    for (const clients of realistic) {
      const l = await runLevel(
        [server],
        botCore,
        { setup: single, pacing: "realistic", rooms: Math.ceil(clients / 4), quarters, think },
        nextSeed(10_000),
        log,
      );
      levels.push(l);
      if (l.joinFailures > 0) {
        limit = `joins failed at ${clients} clients (${l.errors[0] ?? "?"})`;
        break;
      }
      // On a shared machine one noisy level is not the server's limit: the ramp goes on (CPU per
      // client keeps being measured) and the figure is the largest level that met the target.
      if (l.latencyMs.p99 > 100) {
        if (!limit)
          limit = `p99 ${l.latencyMs.p99} ms > 100 ms at ${l.clients} clients (server ${(l.serverCpuCores * 100).toFixed(0)}% of its core, bots ${(l.botCpuCores * 100).toFixed(0)}% of theirs, bots' loop delay p99 ${l.botLoopDelayP99Ms} ms)`;
      } else measured = Math.max(measured, l.clients);
    }
  } finally {
    await stopProc(server.proc);
    rmSync(dataDir, { recursive: true, force: true });
  }

  // Two processes on Redis + PostgreSQL: rooms created through one, joined through the other.
  if (opts.redis !== false) {
    const shared = "two processes, Redis + PostgreSQL" as const;
    const [redis, pg] = await Promise.all([startRedis("bench-redis"), startPostgres("bench-pg")]);
    const servers: ServerProc[] = [];
    const scratch = mkdtempSync(join(tmpdir(), "cp-bench-"));
    try {
      if (botCore !== null) {
        // Redis and PostgreSQL share the bots' core, so the server core stays the servers' alone.
        for (const pid of [redis.pid, pg.pid]) execFileSync("taskset", ["-a", "-p", "-c", String(botCore), String(pid)], { stdio: "ignore" });
      }
      const databaseUrl = await pg.createDatabase("bench");
      for (let i = 0; i < 2; i++) {
        const port = await freeTestPort();
        servers.push(
          await startServer(serverCore, { DATA_DIR: scratch, DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}` }, port),
        );
      }
      await runLevel(servers, botCore, { setup: shared, pacing: "stress", rooms: 2, quarters: TURNS, think: [0, 0] }, 200_000, () => undefined); // warm-up
      levels.push(await runLevel(servers, botCore, { setup: shared, pacing: "idle", rooms: 1, quarters: TURNS, think: [0, 0] }, nextSeed(1), log));
      const top = stress[stress.length - 1];
      if (top)
        levels.push(await runLevel(servers, botCore, { setup: shared, pacing: "stress", rooms: top, quarters: TURNS, think: [0, 0] }, nextSeed(1000), log));
      const clients = measured || realistic[0] || 1000;
      levels.push(
        await runLevel(servers, botCore, { setup: shared, pacing: "realistic", rooms: Math.ceil(clients / 4), quarters, think }, nextSeed(10_000), log),
      );
    } finally {
      for (const s of servers) await stopProc(s.proc);
      await Promise.all([redis.stop(), pg.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  const singleLevels = levels.filter((l) => l.setup === single);
  const idle = singleLevels.find((l) => l.pacing === "idle")!;
  const realisticPassing = singleLevels.filter((l) => l.pacing === "realistic" && l.latencyMs.p99 <= 100 && l.joinFailures === 0);
  const best = realisticPassing[realisticPassing.length - 1];
  const lastRealistic = singleLevels.filter((l) => l.pacing === "realistic").at(-1);
  // CPU per client from the largest realistic level (the most clients: the steadiest per-client figure).
  const perClient = lastRealistic?.serverCpuPerClient ?? 0;
  const extrapolated = perClient > 0 ? Math.round(0.5 / perClient) : 0;
  const p99LoadOverIdle = best ? round(best.latencyMs.p99 / Math.max(0.01, idle.latencyMs.p99)) : 0;
  if (!limit) {
    const l = lastRealistic;
    limit = l
      ? `the level list ended at ${l.clients} clients with p99 ${l.latencyMs.p99} ms: the server used ${(l.serverCpuCores * 100).toFixed(1)}% of its core, the bots ${(l.botCpuCores * 100).toFixed(0)}% of theirs (loop delay p99 ${l.botLoopDelayP99Ms} ms)`
      : "no realistic level ran";
  }
  const worstBytesRatio = Math.max(...levels.map((l) => l.bytesRatio));
  return {
    cores,
    pinned: canPin,
    thinkMs: [think[0], think[1]],
    levels,
    clientsPerCoreMeasured: measured,
    p99LoadOverIdle,
    worstBytesRatio,
    limitedBy: limit,
    clientsPerCoreExtrapolated: extrapolated,
    goals: {
      clientsPerCore5000: Math.max(measured, extrapolated) >= 5000,
      p99Within2xIdle: p99LoadOverIdle > 0 && p99LoadOverIdle <= 2,
      bytes10pct: worstBytesRatio <= 0.1,
    },
  };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const get = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const list = (s: string | undefined): number[] | undefined => s?.split(",").map(Number);
  const quick = args.includes("--quick");
  const thinkArg = get("--think")?.split("-").map(Number);
  const out = await runServerBench({
    ...(quick ? { stressRooms: [20], realisticClients: [200], quarters: 1, thinkMs: [1000, 3000] as const } : {}),
    ...(list(get("--stress")) ? { stressRooms: list(get("--stress"))! } : {}),
    ...(list(get("--realistic")) ? { realisticClients: list(get("--realistic"))! } : {}),
    ...(get("--quarters") ? { quarters: Number(get("--quarters")) } : {}),
    ...(thinkArg && thinkArg.length === 2 ? { thinkMs: [thinkArg[0]!, thinkArg[1]!] as const } : {}),
    ...(args.includes("--no-redis") ? { redis: false } : {}),
  });
  console.log(
    `server: ${out.clientsPerCoreMeasured} clients measured on one core at realistic pacing with p99 ≤ 100 ms (limited by: ${out.limitedBy}); ` +
      `${out.clientsPerCoreExtrapolated} clients/core extrapolated from server CPU per client at 50% CPU (goal ≥ 5000: ${out.goals.clientsPerCore5000 ? "met" : "MISSED"}); ` +
      `p99 load/idle ${out.p99LoadOverIdle} (goal ≤ 2: ${out.goals.p99Within2xIdle ? "met" : "MISSED"}); worst bytes ratio ${(out.worstBytesRatio * 100).toFixed(1)}% (goal ≤ 10%: ${out.goals.bytes10pct ? "met" : "MISSED"})`,
  );
  const json = get("--json");
  if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  process.exit(0);
}
