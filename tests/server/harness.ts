/** Test harness: a real server on a loopback port and real @colyseus/sdk clients. No mocks. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll } from "vitest";
import { startApp, type AppHandle, type AppOptions } from "../../server/app.ts";
import type { Decision } from "../../shared/engine/index.ts";
import type { TurnStartedMessage, WelcomeMessage } from "../../shared/protocol/index.ts";

export function tempDataDir(tag: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `cp-${tag}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A loopback port the OS says is free now: test files never share a fixed port, so suites in parallel checkouts do not collide. */
export function freeTestPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A real app on `port` with its data in `dataDir`; its log is dropped, or printed with CP_TEST_LOG=1 (debugging). */
export async function startTestApp(port: number, dataDir: string, extra: Partial<AppOptions> = {}): Promise<AppHandle> {
  const log = process.env["CP_TEST_LOG"] ? (l: string) => console.log(`[server] ${l}`) : () => undefined;
  return startApp({ port, dataDir, staticDir: null, log, ...extra });
}

export interface TestApp {
  /** The running app (set before the file's first test). */
  readonly app: AppHandle;
  readonly dataDir: string;
}

/**
 * A test file's server: a temporary data folder and a real app on a free port (or `extra.port`),
 * started before the file's tests and closed and removed after them. One per file: Colyseus'
 * matchmaker is per process.
 */
export function useTestApp(tag: string, extra: Partial<AppOptions> = {}): TestApp {
  const data = tempDataDir(tag);
  let app: AppHandle | undefined;
  beforeAll(async () => {
    app = await startTestApp(extra.port ?? (await freeTestPort()), data.dir, extra);
  });
  afterAll(async () => {
    await app?.close();
    data.cleanup();
  });
  return {
    get app(): AppHandle {
      if (!app) throw new Error(`the ${tag} test app has not started`);
      return app;
    },
    dataDir: data.dir,
  };
}

export interface Received {
  readonly type: string;
  readonly payload: unknown;
  readonly at: number;
}

/**
 * One connection that records every message it receives, waits for the ones a test expects, and
 * tells whether a message it sent was refused (a ping's pong proves ordering, no fixed wait).
 */
export class Recorder {
  readonly room: Room;
  readonly log: Received[] = [];
  /** How long `waitFor` and `sync` wait by default, ms. */
  readonly timeoutMs: number;
  #waiters: (() => void)[] = [];
  #pings = 0;

  constructor(room: Room, timeoutMs = 15_000) {
    this.room = room;
    this.timeoutMs = timeoutMs;
    room.reconnection.enabled = false;
    room.onMessage("*", (type, payload) => {
      this.log.push({ type: String(type), payload, at: Date.now() });
      const w = this.#waiters;
      this.#waiters = [];
      for (const f of w) f();
    });
  }

  /** First message of `type` (at index ≥ from) matching `pred`; waits for it if needed. */
  async waitFor<T = unknown>(type: string, pred: (m: T) => boolean = () => true, timeoutMs = this.timeoutMs, from = 0): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.log.length; i++) {
        const m = this.log[i];
        if (m && m.type === type && pred(m.payload as T)) return m.payload as T;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${type}; got: ${this.log.map((m) => m.type).join(", ")}; last: ${JSON.stringify(this.log.at(-1)).slice(0, 400)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Sends `x`, then a `ping`; the room handles a connection's messages in order, so once the `pong`
   * is back, the error `x` caused (if any) has arrived. Null = `x` was accepted. No fixed wait.
   */
  async errorAfter(send: () => void): Promise<{ code: string; message: string; detail?: unknown } | null> {
    const from = this.log.length;
    send();
    await this.sync(from);
    for (let i = from; i < this.log.length; i++) {
      const m = this.log[i];
      if (m?.type === "error") return m.payload as { code: string; message: string; detail?: unknown };
    }
    return null;
  }

  /** Waits until the room has handled every message this client sent so far (a ping's pong). */
  async sync(from = this.log.length): Promise<void> {
    const id = ++this.#pings;
    this.room.send("ping", { id });
    await this.waitFor<{ id: number }>("pong", (m) => m.id === id, this.timeoutMs, from);
  }

  async leave(): Promise<void> {
    if (!this.room.connection.isOpen) return;
    await this.room.leave(true).catch(() => undefined);
  }
}

/** One connection to a match room. */
export class Player extends Recorder {
  static async create(wsUrl: string, options: Record<string, unknown>): Promise<Player> {
    const p = new Player(await new Client(wsUrl).create("match", options));
    await p.waitFor("welcome");
    return p;
  }

  static async join(wsUrl: string, roomId: string, options: Record<string, unknown>): Promise<Player> {
    const p = new Player(await new Client(wsUrl).joinById(roomId, options));
    await p.waitFor("welcome");
    return p;
  }

  get welcome(): WelcomeMessage {
    const w = this.log.find((m) => m.type === "welcome");
    if (!w) throw new Error("no welcome yet");
    return w.payload as WelcomeMessage;
  }

  turnStarted(turn: number): Promise<TurnStartedMessage> {
    return this.waitFor<TurnStartedMessage>("turn:started", (m) => m.turn === turn);
  }
}

export function tweak(ts: TurnStartedMessage, frac = 3): Decision {
  const d = ts.defaultDecision;
  const capex = Math.max(ts.bounds.capex.min, d.capex - Math.floor(d.capex / frac));
  return { ...d, capex };
}

/** Waits for a condition the test cannot be told about by an event (a synced field, a room count), checking every 20 ms. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

export async function postJson(url: string, body: unknown, contentType = "application/json"): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": contentType }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
