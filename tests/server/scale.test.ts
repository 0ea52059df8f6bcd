/**
 * Scale-out, for real: two server processes on one Redis and one PostgreSQL (both started by the
 * test on loopback ports), plus a third, C. A match is created on A and joined by its code through
 * B (the SDK's WebSocket goes to A, the address A put in the seat reservation); two quarters are
 * played; A is killed with SIGKILL mid-quarter; asked for the code at once, B and C find A dead and
 * exactly one of them restores the match from PostgreSQL; the players rejoin it through B with
 * their seat tokens and finish it; the final hash
 * equals an uninterrupted run of the same decisions. A class made on A is found and joined by its
 * code through B the same way, and reopened on B once A is gone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../shared/engine/index.ts";
import type { MatchEndedMessage, TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import type { ClassLocation } from "../../shared/protocol/class.ts";
import { Member, createClass } from "./class/harness.ts";
import { Player, freeTestPort, getJson, tempDataDir, tweak } from "./harness.ts";
import { type PostgresService, type Service, startPostgres, startRedis } from "./services.ts";

interface Proc {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly ws: string;
  readonly http: string;
  output(): string;
}

const data = tempDataDir("scale");
const children: ChildProcess[] = [];
let redis: Service | null = null;
let postgres: PostgresService | null = null;
let databaseUrl = "";

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis("scale-redis"), startPostgres("scale-pg")]);
  databaseUrl = await postgres.createDatabase("scale");
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await Promise.all([redis?.stop(), postgres?.stop()]);
  data.cleanup();
});

async function startServer(name: string): Promise<Proc> {
  const port = await freeTestPort();
  let out = "";
  const proc = spawn("node_modules/.bin/node", ["server/main.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: data.dir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis?.url ?? "",
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      GRACE_SECONDS: "60",
      WORKERS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  proc.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server ${name} did not come up: ${out}`)), 30_000);
    proc.stdout?.on("data", () => {
      if (/listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`server ${name} exited early: ${out}`));
    });
  });
  return { proc, port, ws: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}`, output: () => out };
}

async function kill9(proc: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  proc.kill("SIGKILL");
  await exited;
}

const CREATE = { turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], seed: 5151, turnSeconds: 600 } as const;
const annDecision = (ts: TurnStartedMessage): Decision => tweak(ts, 3);
const bobDecision = (ts: TurnStartedMessage): Decision => tweak(ts, 5);

async function playTurn(ann: Player, bob: Player, turn: number): Promise<string> {
  const [ta, tb] = await Promise.all([ann.turnStarted(turn), bob.turnStarted(turn)]);
  ann.room.send("decide", { turn, decision: annDecision(ta) });
  bob.room.send("decide", { turn, decision: bobDecision(tb) });
  ann.room.send("ready");
  bob.room.send("ready");
  const [ra, rb] = await Promise.all([
    ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn),
    bob.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn),
  ]);
  expect(rb.hash).toBe(ra.hash);
  return ra.hash;
}

describe("two processes on one Redis and one PostgreSQL", () => {
  it("create on A, join by code through B, kill A mid-match: one of B and C restores it from PostgreSQL, and it ends with the uninterrupted run's hash", async () => {
    const [a, b, c] = await Promise.all([startServer("A"), startServer("B"), startServer("C")]);
    expect(a.output()).toMatch(/storage: PostgreSQL postgres:\/\/cp@127\.0\.0\.1:\d+\/scale; rooms: Redis redis:\/\/127\.0\.0\.1:\d+/);

    let ann = await Player.create(a.ws, { ...CREATE, name: "Ann" });
    const code = ann.welcome.code;
    const matchId = ann.room.roomId;
    // B has never seen this match: the code resolves through PostgreSQL, the room through Redis.
    const found = await getJson(`${b.http}/api/codes/${code}`);
    expect(found).toMatchObject({ status: 200, body: { code, matchId, roomId: matchId, joinable: true } });
    let bob = await Player.join(b.ws, matchId, { name: "Bob", code });
    expect([ann.welcome.seat, bob.welcome.seat]).toEqual(["microsoft", "amazon"]);
    // Bob asked B, but his WebSocket went to A (A's address is in the seat reservation): A's death drops him.
    const bobDropped = new Promise<number>((r) => bob.room.onLeave((c) => r(c)));

    // A class made on A: its code resolves through B, and a student joins it through B.
    const made = await createClass(a.http, { matches: 1, seats: ["microsoft", "amazon"], turns: 4 });
    const byCode = (server: Proc) => getJson(`${server.http}/api/class-codes/${made.code}`);
    expect(await byCode(b)).toMatchObject({ status: 200, body: { classId: made.classId, roomId: made.roomId } });
    const student = await Member.join(b.ws, made.roomId, { role: "student", name: "Cy" });
    const studentDropped = new Promise<number>((r) => student.room.onLeave((c) => r(c)));
    const tokens = { ann: ann.welcome.token, bob: bob.welcome.token };
    const revealed = [await playTurn(ann, bob, 0), await playTurn(ann, bob, 1)];
    // Mid-quarter: Ann's decision for quarter 2 is in (the pong proves A has it), nothing resolved.
    const t2 = await ann.turnStarted(2);
    expect(await ann.errorAfter(() => ann.room.send("decide", { turn: 2, decision: annDecision(t2) }))).toBeNull();
    await kill9(a.proc);
    await Promise.all([bobDropped, studentDropped]);

    // The class reopens on B from PostgreSQL; the teacher's key still governs it.
    const loc = (await byCode(b)).body as ClassLocation;
    expect(loc).toMatchObject({ classId: made.classId, roomId: made.roomId, code: made.code });
    const teacher = await Member.join(b.ws, loc.roomId, { role: "teacher", key: made.teacherKey });
    expect(teacher.welcome).toMatchObject({ role: "teacher" });
    await teacher.leave();

    // B and C asked at once: A does not answer its health check, so the match is opened again from
    // PostgreSQL — by exactly one of them (the opening lock in Redis); the other finds its room.
    const [again, viaC] = await Promise.all([getJson(`${b.http}/api/codes/${code}`), getJson(`${c.http}/api/codes/${code}`)]);
    expect(again).toEqual({ status: 200, body: { code, matchId, roomId: matchId, status: "active", joinable: true } });
    expect(viaC).toEqual(again);
    const restoredBy = [b, c].filter((p) => p.output().includes(`restored match ${matchId} at turn 2/4`));
    expect(restoredBy).toHaveLength(1);
    ann = await Player.join(b.ws, matchId, { name: "Ann", token: tokens.ann, code });
    bob = await Player.join(b.ws, matchId, { name: "Bob", token: tokens.bob, code });
    expect([ann.welcome.seat, bob.welcome.seat]).toEqual(["microsoft", "amazon"]);
    await ann.sync();
    expect(ann.room.state.turn).toBe(2);
    expect(ann.room.state.hash).toBe(revealed[1]);
    const hashes = [...revealed, await playTurn(ann, bob, 2), await playTurn(ann, bob, 3)];
    const ended = await ann.waitFor<MatchEndedMessage>("match:ended");
    expect(ended.replayId).toBe(matchId);
    await Promise.all([ann.leave(), bob.leave()]);

    // The same decisions, uninterrupted, on B.
    const ann2 = await Player.create(b.ws, { ...CREATE, name: "Ann" });
    const bob2 = await Player.join(b.ws, ann2.room.roomId, { name: "Bob", code: ann2.welcome.code });
    const clean: string[] = [];
    for (let t = 0; t < 4; t++) clean.push(await playTurn(ann2, bob2, t));
    await ann2.waitFor("match:ended");
    await Promise.all([ann2.leave(), bob2.leave()]);
    expect(hashes).toEqual(clean);

    // What PostgreSQL holds: the match ended with that hash, four turns, each once.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const m = await db.query("SELECT status, final_hash FROM matches WHERE id = $1", [matchId]);
      expect(m.rows).toEqual([{ status: "ended", final_hash: clean[3] }]);
      const t = await db.query("SELECT turn, hash FROM turns WHERE match_id = $1 ORDER BY turn", [matchId]);
      expect(t.rows.map((r: { hash: string }) => r.hash)).toEqual(clean);
    } finally {
      await db.end();
    }
    const exited = new Promise<number | null>((r) => b.proc.once("exit", (c) => r(c)));
    b.proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
