/**
 * Server benchmark (issue 4): turn latency — last `ready` sent → `turn:resolved` received —
 * p50/p99 with 1, 50 and 200 concurrent 4-seat rooms of bot clients over loopback, and the bytes
 * each client receives per turn against the size of the full JSON state.
 *
 * The server runs as its own process (`node server/main.ts`, as in production) so the bots and the
 * server do not share an event loop. Goals: p99 under load ≤ 2× idle; bytes ≤ 10% of full state.
 *
 *   node_modules/.bin/node bench/server-bench.ts [--rooms 1,50,200] [--turns 12] [--think 1500] [--json FILE]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { createMatch, resolveTurn, type CompanyId, type Decision } from "../shared/engine/index.ts";
import { ReplayFileSchema, type TurnStartedMessage } from "../shared/protocol/index.ts";
import { median, percentile } from "./stats.ts";

export interface ServerBenchLevel {
  readonly rooms: number;
  readonly clients: number;
  readonly turnsMeasured: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Mean bytes a client receives per turn: every frame from turn:started(0) to match end ÷ turns. */
  readonly bytesPerClientPerTurn: number;
  /** Mean size of the full engine state as JSON over the same turns. */
  readonly fullStateJsonBytes: number;
  readonly bytesRatio: number;
  readonly wallSeconds: number;
}

export interface ServerBench {
  readonly thinkMs: number;
  readonly levels: readonly ServerBenchLevel[];
  /** p99 at the largest level ÷ p99 at the smallest. Goal ≤ 2. */
  readonly p99LoadOverIdle: number;
  /** Largest bytes ratio over the levels. Goal ≤ 0.10. */
  readonly worstBytesRatio: number;
  readonly goals: { readonly latency: boolean; readonly bytes: boolean };
}

export interface ServerBenchOptions {
  readonly roomCounts?: readonly number[];
  readonly turns?: number;
  readonly port?: number;
  /**
   * Each bot "thinks" a uniform random 0..thinkMs before deciding, so rooms' turns are spread in
   * time as with people (default 1500). 0 = lockstep: every room resolves at the same instant,
   * the worst case for a single-threaded server.
   */
  readonly thinkMs?: number;
  readonly log?: (line: string) => void;
}

interface Bot {
  readonly room: Room;
  bytes: number;
  readyAt: Map<number, number>;
  resolvedAt: Map<number, number>;
  bytesAtStart: Map<number, number>;
  bytesAtResolved: Map<number, number>;
  /** Every error the server answered this bot with (a healthy run has none). */
  errors: string[];
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, resolve("server/main.ts")], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error("bench server exited early");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return proc;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error("bench server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Bots hold their first move until every room has joined, so the join storm is not measured. */
interface Gate {
  open: boolean;
  readonly held: (() => void)[];
}

function attach(room: Room, turns: number, thinkMs: number, gate: Gate, done: () => void): Bot {
  const bot: Bot = { room, bytes: 0, readyAt: new Map(), resolvedAt: new Map(), bytesAtStart: new Map(), bytesAtResolved: new Map(), errors: [] };
  room.reconnection.enabled = false;
  const ws = (room.connection.transport as unknown as { ws: { addEventListener: (t: string, f: (e: { data: unknown }) => void) => void } }).ws;
  ws.addEventListener("message", (e) => {
    const d = e.data;
    bot.bytes += d instanceof ArrayBuffer ? d.byteLength : ArrayBuffer.isView(d) ? d.byteLength : typeof d === "string" ? Buffer.byteLength(d) : 0;
  });
  room.onMessage("turn:started", (m: TurnStartedMessage) => {
    bot.bytesAtStart.set(m.turn, bot.bytes);
    const act = (): void => {
      room.send("decide", { turn: m.turn, decision: m.defaultDecision });
      bot.readyAt.set(m.turn, performance.now());
      room.send("ready");
    };
    const go = (): void => {
      if (thinkMs > 0) setTimeout(act, Math.floor(Math.random() * thinkMs));
      else act();
    };
    if (gate.open) go();
    else gate.held.push(go);
  });
  room.onMessage("turn:resolved", (m: { turn: number }) => {
    bot.resolvedAt.set(m.turn, performance.now());
    bot.bytesAtResolved.set(m.turn, bot.bytes);
    if (m.turn === turns - 1) done();
  });
  room.onMessage("error", (m: { code: string; message: string }) => {
    bot.errors.push(`${m.code}: ${m.message}`);
  });
  room.onMessage("*", () => undefined);
  return bot;
}

/** Full JSON state size after each turn of a match, re-simulated from its replay. */
async function fullStateSizes(httpUrl: string, matchId: string): Promise<number[]> {
  const replay = ReplayFileSchema.parse(await (await fetch(`${httpUrl}/api/matches/${matchId}/replay`)).json());
  let state = createMatch({
    scenario: replay.scenario,
    variant: replay.variant,
    seed: replay.seed,
    seats: replay.seats,
    turns: replay.turnCount,
    scoring: replay.scoring,
    randomEvents: replay.randomEvents,
  });
  const sizes: number[] = [];
  for (const t of replay.turns) {
    sizes.push(Buffer.byteLength(JSON.stringify(state)));
    state = resolveTurn(state, t.decisions as Partial<Record<CompanyId, Decision>>).state;
  }
  return sizes;
}

async function runLevel(port: number, rooms: number, turns: number, thinkMs: number, log: (l: string) => void): Promise<ServerBenchLevel> {
  const wsUrl = `ws://127.0.0.1:${port}`;
  const httpUrl = `http://127.0.0.1:${port}`;
  const matches: { id: string; bots: Bot[]; finished: Promise<void> }[] = [];
  const gate: Gate = { open: false, held: [] };
  // Join in batches so the join storm itself is not what we measure.
  const batch = 25;
  for (let i = 0; i < rooms; i += batch) {
    const n = Math.min(batch, rooms - i);
    const made = await Promise.all(
      Array.from({ length: n }, async () => {
        let left = 4;
        let resolveDone!: () => void;
        const finished = new Promise<void>((r) => (resolveDone = r));
        const done = (): void => {
          left -= 1;
          if (left === 0) resolveDone();
        };
        const first = await new Client(wsUrl).create("match", { name: "bot", turns, mode: "multiplayer", turnSeconds: 600, seed: 1 + i });
        const bots = [attach(first, turns, thinkMs, gate, done)];
        for (let k = 0; k < 3; k++) bots.push(attach(await new Client(wsUrl).joinById(first.roomId, { name: `bot${k}` }), turns, thinkMs, gate, done));
        return { id: first.roomId, bots, finished };
      }),
    );
    matches.push(...made);
  }
  // Every room joined: let the bots play.
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  gate.open = true;
  for (const f of gate.held.splice(0)) f();
  // A bench must stop by itself: if no room makes progress for 60 s, say which rooms are stuck where.
  let lastProgress = performance.now();
  let resolvedSeen = 0;
  const watchdog = new Promise<never>((_, reject) => {
    const tick = setInterval(() => {
      const seen = matches.reduce((n, m) => n + m.bots.reduce((k, b) => k + b.resolvedAt.size, 0), 0);
      if (seen !== resolvedSeen) {
        resolvedSeen = seen;
        lastProgress = performance.now();
      } else if (performance.now() - lastProgress > 60_000) {
        clearInterval(tick);
        const stuck = matches
          .filter((m) => m.bots.some((b) => !b.resolvedAt.has(turns - 1)))
          .slice(0, 5)
          .map(
            (m) =>
              `${m.id}: resolved turns ${m.bots.map((b) => b.resolvedAt.size).join("/")}, started ${m.bots.map((b) => b.bytesAtStart.size).join("/")}, errors ${m.bots.flatMap((b) => b.errors).join(" | ") || "none"}`,
          );
        reject(new Error(`server bench stalled with ${rooms} rooms: ${stuck.join("; ")}`));
      }
    }, 1000);
    void Promise.all(matches.map((m) => m.finished)).then(() => clearInterval(tick));
  });
  await Promise.race([Promise.all(matches.map((m) => m.finished)), watchdog]);
  const wallSeconds = (performance.now() - t0) / 1000;

  // Let the last patches land, then count every byte from turn:started(0) to the end.
  await new Promise((r) => setTimeout(r, 300));
  const latencies: number[] = [];
  const bytes: number[] = [];
  for (const m of matches) {
    for (let t = 0; t < turns; t++) {
      const lastReady = Math.max(...m.bots.map((b) => b.readyAt.get(t) ?? Number.NaN));
      for (const b of m.bots) {
        const r = b.resolvedAt.get(t);
        if (r !== undefined && Number.isFinite(lastReady)) latencies.push(r - lastReady);
      }
    }
    // bytesAtStart(0) is taken before turn:started(0) itself is counted: the difference is every
    // frame of the match (turn:started, patches, turn:resolved, match:ended) for this client.
    for (const b of m.bots) {
      const s0 = b.bytesAtStart.get(0);
      if (s0 !== undefined) bytes.push((b.bytes - s0) / turns);
    }
  }
  const sizes = await fullStateSizes(httpUrl, matches[0]!.id);
  const fullStateJsonBytes = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const bytesPerClientPerTurn = bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length);
  for (const m of matches) for (const b of m.bots) await b.room.leave(true).catch(() => undefined);
  const level: ServerBenchLevel = {
    rooms,
    clients: rooms * 4,
    turnsMeasured: rooms * turns,
    latencyMs: { p50: round(median(latencies)), p99: round(percentile(latencies, 99)), max: round(Math.max(...latencies)) },
    bytesPerClientPerTurn: Math.round(bytesPerClientPerTurn),
    fullStateJsonBytes: Math.round(fullStateJsonBytes),
    bytesRatio: round(bytesPerClientPerTurn / fullStateJsonBytes, 4),
    wallSeconds: round(wallSeconds),
  };
  log(
    `server (think ${thinkMs} ms): ${rooms} room(s) × 4 bots: turn latency p50 ${level.latencyMs.p50} ms, p99 ${level.latencyMs.p99} ms; ` +
      `${level.bytesPerClientPerTurn} B/client/turn vs ${level.fullStateJsonBytes} B full JSON state (${(level.bytesRatio * 100).toFixed(1)}%)`,
  );
  return level;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function runServerBench(opts: ServerBenchOptions = {}): Promise<ServerBench> {
  const roomCounts = opts.roomCounts ?? [1, 50, 200];
  const turns = opts.turns ?? 12;
  const port = opts.port ?? 2790;
  const thinkMs = opts.thinkMs ?? 1500;
  const log = opts.log ?? ((l: string) => console.log(l));
  const dataDir = mkdtempSync(join(tmpdir(), "cp-bench-"));
  const proc = await startServer(port, dataDir);
  try {
    // Warm-up room (JIT, SQLite file creation), not measured. Four quarters with no think time stay
    // inside the per-client rate limit (a burst of 20 messages).
    await runLevel(port, 1, 4, 0, () => undefined);
    const levels: ServerBenchLevel[] = [];
    for (const n of roomCounts) levels.push(await runLevel(port, n, turns, thinkMs, log));
    const idle = levels[0]!;
    const load = levels[levels.length - 1]!;
    const p99LoadOverIdle = round(load.latencyMs.p99 / Math.max(0.01, idle.latencyMs.p99));
    const worstBytesRatio = Math.max(...levels.map((l) => l.bytesRatio));
    return { thinkMs, levels, p99LoadOverIdle, worstBytesRatio, goals: { latency: p99LoadOverIdle <= 2, bytes: worstBytesRatio <= 0.1 } };
  } finally {
    const exited = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const get = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rooms = get("--rooms")?.split(",").map(Number);
  const turns = get("--turns");
  const think = get("--think");
  const out = await runServerBench({
    ...(rooms ? { roomCounts: rooms } : {}),
    ...(turns ? { turns: Number(turns) } : {}),
    ...(think ? { thinkMs: Number(think) } : {}),
  });
  console.log(
    `server: p99 load/idle = ${out.p99LoadOverIdle} (goal ≤ 2: ${out.goals.latency ? "met" : "MISSED"}); worst bytes ratio ${(out.worstBytesRatio * 100).toFixed(1)}% (goal ≤ 10%: ${out.goals.bytes ? "met" : "MISSED"})`,
  );
  const json = get("--json");
  if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  process.exit(0);
}
