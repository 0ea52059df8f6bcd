/**
 * The hostile suite's tools: every raw WebSocket frame a client receives, a server in a child
 * process that can be killed with SIGKILL, byte searches, percentiles. Real server, real SDK.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Room } from "@colyseus/sdk";
import { ROOT } from "../e2e/harness.ts";

// ---------------------------------------------------------------- raw frames

const frames = new WeakMap<object, Buffer[]>();
let patched = false;

/** From now on, every frame any SDK room receives is kept (from its first: the join and full state). */
export function recordFrames(): void {
  if (patched) return;
  patched = true;
  const proto = Room.prototype as unknown as { onMessageCallback(event: { data: ArrayBuffer | Uint8Array }): void };
  const original = proto.onMessageCallback;
  proto.onMessageCallback = function (this: object, event) {
    const list = frames.get(this) ?? [];
    list.push(Buffer.from(event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : event.data));
    frames.set(this, list);
    original.call(this, event);
  };
}

export function framesOf(room: object): Buffer[] {
  return frames.get(room) ?? [];
}

/** Where a value could hide in bytes: its decimal text and its 4-byte big/little-endian forms. */
export function patternsOfU32(n: number): Buffer[] {
  const be = Buffer.alloc(4);
  be.writeUInt32BE(n >>> 0);
  const le = Buffer.alloc(4);
  le.writeUInt32LE(n >>> 0);
  return [Buffer.from(String(n >>> 0)), be, le];
}

export function countIn(haystack: readonly Buffer[], needles: readonly (Buffer | string)[]): number {
  let n = 0;
  for (const h of haystack) {
    for (const raw of needles) {
      const needle = typeof raw === "string" ? Buffer.from(raw) : raw;
      if (needle.length === 0) continue;
      for (let i = h.indexOf(needle); i >= 0; i = h.indexOf(needle, i + 1)) n++;
    }
  }
  return n;
}

export function bytes(list: readonly Buffer[]): number {
  return list.reduce((s, b) => s + b.length, 0);
}

// ---------------------------------------------------------------- numbers

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// ---------------------------------------------------------------- a server to kill

export interface ChildServer {
  readonly proc: ChildProcess;
  readonly port: number;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<number | null>;
}

/** `node server/main.ts` on `port` over `dataDir`; resolves when it says it listens, rejects when it exits first. */
export async function startChild(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  let out = "";
  const proc = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, GRACE_SECONDS: "60", WORKERS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not come up: ${out}`)), 30_000);
    const check = (): void => {
      if (/listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new ChildExited(code, out));
    });
  });
  return {
    proc,
    port,
    output: () => out,
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
  };
}

export class ChildExited extends Error {
  readonly code: number | null;
  readonly output: string;
  constructor(code: number | null, output: string) {
    super(`server exited (${code}) before listening:\n${output}`);
    this.code = code;
    this.output = output;
  }
}

/** Starts a server expected to refuse to start: its exit code and what it said. */
export async function refusedStart(port: number, dataDir: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  try {
    const s = await startChild(port, dataDir, env);
    await s.stop();
    throw new Error(`the server started over ${dataDir}: ${s.output()}`);
  } catch (e) {
    if (e instanceof ChildExited) return { code: e.code, output: e.output };
    throw e;
  }
}
