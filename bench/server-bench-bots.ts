/**
 * Bot clients for the CCU bench (bench/server-bench.ts), one process pinned to the bots' core.
 *
 * A light raw client of the real protocol, so one core can drive thousands of connections: the
 * real matchmaking route (`POST /matchmake/create/match`, `/matchmake/joinById/:id`, a seat
 * reservation), then a WebSocket to the reservation's process (its public address when there is
 * one, as the SDK does) that acknowledges the join and speaks Colyseus' framing (ROOM_DATA: type +
 * MessagePack). It decodes only the messages it acts on (`welcome`, `turn:started`,
 * `turn:resolved`, `error`) and counts every byte it receives; state patches are counted, not
 * decoded (a browser decodes them on its own core, not the server's).
 *
 * Driven over IPC by the bench: `setup` (create and join rooms), `go` (play N quarters with a
 * think time per player), `stop`. It reports what it measured: per-turn latency from a room's last
 * `ready` to each of its clients' `turn:resolved`, bytes, and its own CPU and event-loop delay (so
 * the bench can say whether the bots or the server limit a figure).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { decode, encode } from "@colyseus/schema";
import { pack, unpack } from "msgpackr";

const JOIN_ROOM = 10;
const ERROR = 11;
const ROOM_DATA = 13;
const CODE_MASK = 0x3f;

export interface RoomPlan {
  /** HTTP base of the process asked to create the room, and of the one the others join through. */
  readonly createVia: string;
  readonly joinVia: string;
  readonly seed: number;
}

export type ToBots =
  | { readonly type: "setup"; readonly rooms: readonly RoomPlan[]; readonly turns: number; readonly concurrency: number }
  | { readonly type: "go"; readonly quarters: number; readonly thinkMinMs: number; readonly thinkMaxMs: number }
  | { readonly type: "stop" };

export type FromBots =
  | { readonly type: "ready" }
  | { readonly type: "joined"; readonly clients: number; readonly failures: readonly string[]; readonly seconds: number }
  | {
      readonly type: "played";
      readonly latenciesMs: readonly number[];
      readonly bytesPerClientPerTurn: number;
      readonly errors: readonly string[];
      readonly cpuSeconds: number;
      readonly loopDelayP99Ms: number;
      readonly seconds: number;
    };

const SEATS = ["microsoft", "amazon", "alphabet", "meta"] as const;

interface Bot {
  ws: WebSocket;
  bytes: number;
  bytesAtGo: number;
  readyAt: Map<number, number>;
  resolvedAt: Map<number, number>;
  errors: string[];
}

interface BenchRoom {
  readonly bots: Bot[];
  code: string;
}

function send(msg: FromBots): void {
  process.send?.(msg);
}

/** A ROOM_DATA frame: protocol byte, the type as a schema string, the payload as MessagePack. */
function frame(type: string, payload?: unknown): Uint8Array<ArrayBuffer> {
  const head = new Uint8Array(64);
  head[0] = ROOM_DATA;
  const it = { offset: 1 };
  encode.string(head as unknown as Buffer, type, it);
  if (payload === undefined) return head.slice(0, it.offset);
  const body = pack(payload);
  const out = new Uint8Array(it.offset + body.length);
  out.set(head.subarray(0, it.offset), 0);
  out.set(body, it.offset);
  return out;
}

/** Type and payload of a ROOM_DATA frame (null for every other frame: state, patches, pings). */
function readData(buf: Uint8Array): { type: string; payload: unknown } | null {
  if ((buf[0]! & CODE_MASK) !== ROOM_DATA) return null;
  const it = { offset: 1 };
  const b = buf as unknown as Buffer;
  const type = decode.stringCheck(b, it) ? decode.string(b, it) : String(decode.number(b, it));
  return { type, payload: buf.byteLength > it.offset ? unpack(buf.subarray(it.offset)) : undefined };
}

async function reserve(
  base: string,
  path: string,
  options: Record<string, unknown>,
): Promise<{ roomId: string; sessionId: string; processId: string; publicAddress?: string }> {
  const res = await fetch(`${base}/matchmake/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(options) });
  const body = (await res.json()) as { roomId: string; sessionId: string; processId: string; publicAddress?: string; error?: string };
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.error ?? ""}`);
  return body;
}

type Handler = (bot: Bot, type: string, payload: unknown) => void;

/** Connects a reserved seat; resolves once the room's `welcome` arrived (its payload). */
function connect(base: string, r: Awaited<ReturnType<typeof reserve>>, onData: Handler): Promise<{ bot: Bot; welcome: { code: string } }> {
  const host = r.publicAddress ? `ws://${r.publicAddress}` : base.replace(/^http/, "ws");
  const ws = new WebSocket(`${host}/${r.processId}/${r.roomId}?sessionId=${encodeURIComponent(r.sessionId)}`);
  ws.binaryType = "arraybuffer";
  const bot: Bot = { ws, bytes: 0, bytesAtGo: 0, readyAt: new Map(), resolvedAt: new Map(), errors: [] };
  return new Promise((resolve, reject) => {
    let welcomed = false;
    const timer = setTimeout(() => reject(new Error("no welcome within 60 s")), 60_000);
    ws.addEventListener("message", (e) => {
      const buf = new Uint8Array(e.data as ArrayBuffer);
      bot.bytes += buf.byteLength;
      const code = buf[0]! & CODE_MASK;
      if (code === JOIN_ROOM) {
        ws.send(new Uint8Array([JOIN_ROOM]));
        return;
      }
      if (code === ERROR) {
        bot.errors.push("protocol error frame");
        return;
      }
      const m = readData(buf);
      if (!m) return;
      if (!welcomed && m.type === "welcome") {
        welcomed = true;
        clearTimeout(timer);
        resolve({ bot, welcome: m.payload as { code: string } });
      }
      onData(bot, m.type, m.payload);
    });
    ws.addEventListener("error", () => reject(new Error("websocket error")));
    ws.addEventListener("close", () => {
      if (!welcomed) reject(new Error("websocket closed before welcome"));
    });
  });
}

const rooms: BenchRoom[] = [];
let play: { quarters: number; thinkMinMs: number; thinkMaxMs: number; firstTurn: Map<BenchRoom, number>; done: () => void; left: number } | null = null;
const roomOf = new Map<Bot, BenchRoom>();
/** turn:started messages that arrived before `go`, per bot (the first quarter waits for the signal). */
const held = new Map<Bot, { turn: number; decision: unknown }>();

function act(bot: Bot, turn: number, decision: unknown): void {
  const p = play;
  if (!p) {
    held.set(bot, { turn, decision });
    return;
  }
  const room = roomOf.get(bot);
  if (!room) return;
  let first = p.firstTurn.get(room);
  if (first === undefined) {
    first = turn;
    p.firstTurn.set(room, turn);
  }
  if (turn >= first + p.quarters) return;
  const think = p.thinkMaxMs > 0 ? p.thinkMinMs + Math.random() * (p.thinkMaxMs - p.thinkMinMs) : 0;
  const go = (): void => {
    if (bot.ws.readyState !== WebSocket.OPEN) return;
    bot.ws.send(frame("decide", { turn, decision }));
    bot.readyAt.set(turn, performance.now());
    bot.ws.send(frame("ready"));
  };
  if (think > 0) setTimeout(go, think);
  else go();
}

const onData: Handler = (bot, type, payload) => {
  if (type === "turn:started") {
    const m = payload as { turn: number; defaultDecision: unknown };
    act(bot, m.turn, m.defaultDecision);
  } else if (type === "turn:resolved") {
    const turn = (payload as { turn: number }).turn;
    bot.resolvedAt.set(turn, performance.now());
    const p = play;
    const room = roomOf.get(bot);
    const first = room && p ? p.firstTurn.get(room) : undefined;
    if (p && room && first !== undefined && turn === first + p.quarters - 1 && room.bots.every((b) => b.resolvedAt.has(turn))) {
      p.left -= 1;
      if (p.left === 0) p.done();
    }
  } else if (type === "error") {
    const e = payload as { code?: string; message?: string };
    bot.errors.push(`${e.code}: ${e.message}`);
  }
};

async function setupRooms(plans: readonly RoomPlan[], turns: number, concurrency: number): Promise<void> {
  const t0 = performance.now();
  const failures: string[] = [];
  let next = 0;
  const one = async (plan: RoomPlan): Promise<void> => {
    const room: BenchRoom = { bots: [], code: "" };
    const options = { name: "bot0", turns, mode: "multiplayer", turnSeconds: 600, seed: plan.seed, seats: [...SEATS] };
    const created = await reserve(plan.createVia, "create/match", options);
    const first = await connect(plan.createVia, created, onData);
    room.bots.push(first.bot);
    roomOf.set(first.bot, room);
    room.code = first.welcome.code;
    for (let k = 1; k < SEATS.length; k++) {
      const r = await reserve(plan.joinVia, `joinById/${created.roomId}`, { name: `bot${k}`, code: room.code });
      const c = await connect(plan.joinVia, r, onData);
      room.bots.push(c.bot);
      roomOf.set(c.bot, room);
    }
    rooms.push(room);
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < plans.length) {
        const plan = plans[next++]!;
        try {
          await one(plan);
        } catch (e) {
          failures.push(e instanceof Error ? e.message : String(e));
        }
      }
    }),
  );
  send({ type: "joined", clients: rooms.reduce((n, r) => n + r.bots.length, 0), failures: failures.slice(0, 20), seconds: (performance.now() - t0) / 1000 });
}

async function runPlay(quarters: number, thinkMinMs: number, thinkMaxMs: number): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const r of rooms) for (const b of r.bots) b.bytesAtGo = b.bytes;
  await new Promise<void>((resolve) => {
    play = { quarters, thinkMinMs, thinkMaxMs, firstTurn: new Map(), done: resolve, left: rooms.length };
    if (rooms.length === 0) resolve();
    for (const [bot, h] of held) act(bot, h.turn, h.decision);
    held.clear();
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const latencies: number[] = [];
  let bytes = 0;
  let clients = 0;
  const errors: string[] = [];
  const p = play as unknown as { firstTurn: Map<BenchRoom, number> };
  for (const r of rooms) {
    const first = p.firstTurn.get(r) ?? 0;
    for (let t = first; t < first + quarters; t++) {
      const lastReady = Math.max(...r.bots.map((b) => b.readyAt.get(t) ?? Number.NaN));
      for (const b of r.bots) {
        const at = b.resolvedAt.get(t);
        if (at !== undefined && Number.isFinite(lastReady)) latencies.push(at - lastReady);
      }
    }
    for (const b of r.bots) {
      bytes += (b.bytes - b.bytesAtGo) / quarters;
      clients += 1;
      errors.push(...b.errors);
    }
  }
  send({
    type: "played",
    latenciesMs: latencies,
    bytesPerClientPerTurn: clients > 0 ? bytes / clients : 0,
    errors: errors.slice(0, 20),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    seconds,
  });
}

process.on("message", (msg: ToBots) => {
  if (msg.type === "setup") void setupRooms(msg.rooms, msg.turns, msg.concurrency);
  else if (msg.type === "go") void runPlay(msg.quarters, msg.thinkMinMs, msg.thinkMaxMs);
  else {
    for (const r of rooms) for (const b of r.bots) b.ws.close();
    process.exit(0);
  }
});
send({ type: "ready" });
