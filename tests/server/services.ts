/**
 * Real Redis and PostgreSQL for tests and benches: each started from the Debian packages (.ci/run
 * installs them) on a free loopback port in its own temp dir, never as a system service, and
 * stopped (and its dir removed) by the caller. PostgreSQL refuses to run as root: as root, the
 * server runs as the `postgres` user the Debian package creates (setpriv execs in place, so the
 * process we spawn is the database itself and we stop exactly it).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freeTestPort } from "./harness.ts";

export interface Service {
  readonly url: string;
  readonly port: number;
  /** The server process (to pin it to a core in a bench). */
  readonly pid: number;
  /** What the service printed (for a failure message). */
  output(): string;
  stop(): Promise<void>;
}

export interface PostgresService extends Service {
  /** A new, empty database on this server; its URL. */
  createDatabase(name?: string): Promise<string>;
}

function waitForLine(proc: ChildProcess, pattern: RegExp, what: string, out: () => string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs} ms:\n${out()}`)), timeoutMs);
    const check = (): void => {
      if (pattern.test(out())) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", check);
    proc.stderr?.on("data", check);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${out()}`));
    });
  });
}

function capture(proc: ChildProcess): () => string {
  let text = "";
  proc.stdout?.on("data", (b: Buffer) => (text += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (text += b.toString()));
  return () => text;
}

async function stopProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  proc.kill(signal);
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** `redis-server` on a free loopback port, no persistence, in a temp dir. */
export async function startRedis(tag = "redis"): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), `cp-${tag}-`));
  const port = await freeTestPort();
  const proc = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--loglevel", "notice"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const out = capture(proc);
  const failed = new Promise<never>((_, reject) =>
    proc.once("error", (e) => reject(new Error(`redis-server could not run (${e.message}); install it: apt-get install redis-server`))),
  );
  try {
    await Promise.race([waitForLine(proc, /Ready to accept connections/, "redis-server", out), failed]);
  } catch (e) {
    await stopProcess(proc, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: proc.pid ?? 0,
    output: out,
    async stop() {
      await stopProcess(proc, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest PostgreSQL server binaries the Debian packages installed (or $PG_BIN). */
export function postgresBin(): string {
  if (process.env["PG_BIN"]) return process.env["PG_BIN"];
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql");
  return join(root, newest, "bin");
}

/** As root, the command runs as `postgres` (exec'd in place by setpriv); otherwise as ourselves. */
function asDatabaseUser(bin: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [bin, [...args]];
  return ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", bin, ...args]];
}

function databaseUserIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

/** A throwaway PostgreSQL cluster: `initdb` in a temp dir, `postgres` on a free loopback port, trust auth for user `cp`. */
export async function startPostgres(tag = "pg"): Promise<PostgresService> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), `cp-${tag}-`));
  const ids = databaseUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, "data");
  const [initCmd, initArgs] = asDatabaseUser(join(bin, "initdb"), ["-D", data, "-U", "cp", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  try {
    execFileSync(initCmd, initArgs, { stdio: "pipe" });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`initdb failed: ${err.stderr?.toString() || err.message}`);
  }
  const port = await freeTestPort();
  // fsync off: the tests kill our server, never the database; the machine's disk is shared.
  const [cmd, args] = asDatabaseUser(join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "max_connections=200",
  ]);
  const proc = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  const out = capture(proc);
  try {
    await waitForLine(proc, /database system is ready to accept connections/, "postgres", out);
  } catch (e) {
    await stopProcess(proc, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const base = `postgres://cp@127.0.0.1:${port}`;
  let made = 0;
  return {
    url: `${base}/postgres`,
    port,
    pid: proc.pid ?? 0,
    output: out,
    async createDatabase(name = `t${++made}_${process.pid}`) {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await c.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      // Fast shutdown: open sessions are ended, no recovery needed (the dir goes anyway).
      await stopProcess(proc, "SIGINT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
