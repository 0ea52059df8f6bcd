/**
 * Crash safety: a server process killed with SIGKILL mid-match and started again over the same
 * DATA_DIR loses no revealed turn; the players rejoin with code + seat token and finish; the final
 * hash equals an uninterrupted run with the same decisions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { Decision } from "../../shared/engine/index.ts";
import type { MatchEndedMessage, TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import { Player, getJson, postJson, tempDataDir, tweak, freeTestPort } from "./harness.ts";

const PORT = await freeTestPort();
const data = tempDataDir("restart");
const children: ChildProcess[] = [];

async function startChild(): Promise<{ proc: ChildProcess; output: () => string }> {
  let out = "";
  const proc = spawn("node_modules/.bin/node", ["server/main.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(PORT), DATA_DIR: data.dir, GRACE_SECONDS: "60" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  proc.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  // Up when it says so on stdout (an event, not a poll), or failed when it exits first.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not come up: ${out}`)), 20_000);
    const check = (): void => {
      if (/listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", check);
    proc.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`server exited early: ${out}`));
    });
  });
  return { proc, output: () => out };
}

async function kill9(proc: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  proc.kill("SIGKILL");
  await exited;
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  data.cleanup();
});

const WS = `ws://127.0.0.1:${PORT}`;
const HTTP = `http://127.0.0.1:${PORT}`;
const CREATE = { turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], seed: 4242, turnSeconds: 600 } as const;
const annDecision = (ts: TurnStartedMessage): Decision => tweak(ts, 3);
const bobDecision = (ts: TurnStartedMessage): Decision => tweak(ts, 5);

async function playTurn(ann: Player, bob: Player, turn: number): Promise<string> {
  const [ta, tb] = await Promise.all([ann.turnStarted(turn), bob.turnStarted(turn)]);
  ann.room.send("decide", { turn, decision: annDecision(ta) });
  bob.room.send("decide", { turn, decision: bobDecision(tb) });
  ann.room.send("ready");
  bob.room.send("ready");
  const r = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn);
  return r.hash;
}

describe("restart after SIGKILL", () => {
  it("loses no revealed turn and finishes with the same final hash as an uninterrupted run", async () => {
    const first = await startChild();
    let ann = await Player.create(WS, { ...CREATE, name: "Ann" });
    let bob = await Player.join(WS, ann.room.roomId, { name: "Bob" });
    const code = ann.welcome.code;
    const tokens = { ann: ann.welcome.token, bob: bob.welcome.token };
    const revealed = [await playTurn(ann, bob, 0), await playTurn(ann, bob, 1)];
    // Mid-turn: decisions sent for turn 2 but not yet resolved.
    const t2 = await ann.turnStarted(2);
    // Mid-turn: a decision is in for turn 2 (the pong proves the server has it) but not resolved.
    expect(await ann.errorAfter(() => ann.room.send("decide", { turn: 2, decision: annDecision(t2) }))).toBeNull();
    await kill9(first.proc);

    const second = await startChild();
    expect(second.output()).toMatch(/restored 1 unfinished match/);
    const lookup = await getJson(`${HTTP}/api/codes/${code}`);
    expect(lookup.status).toBe(200);
    const roomId = (lookup.body as { roomId: string }).roomId;
    expect(roomId).toBe(ann.room.roomId);
    // The replay of a running match is not published; the restored room says where it stands.
    expect((await getJson(`${HTTP}/api/matches/${roomId}/replay`)).status).toBe(403);

    ann = await Player.join(WS, roomId, { name: "Ann", token: tokens.ann, code });
    bob = await Player.join(WS, roomId, { name: "Bob", token: tokens.bob, code });
    expect([ann.welcome.seat, bob.welcome.seat]).toEqual(["microsoft", "amazon"]);
    await ann.sync();
    expect(ann.room.state.turn).toBe(2);
    expect(ann.room.state.hash).toBe(revealed[1]);
    const hashes = [...revealed, await playTurn(ann, bob, 2), await playTurn(ann, bob, 3)];
    const ended = await ann.waitFor<MatchEndedMessage>("match:ended");
    expect(ended.replayId).toBe(roomId);
    await Promise.all([ann.leave(), bob.leave()]);

    // The same decisions without a crash.
    const ann2 = await Player.create(WS, { ...CREATE, name: "Ann" });
    const bob2 = await Player.join(WS, ann2.room.roomId, { name: "Bob" });
    const clean: string[] = [];
    for (let t = 0; t < 4; t++) clean.push(await playTurn(ann2, bob2, t));
    await ann2.waitFor("match:ended");
    await Promise.all([ann2.leave(), bob2.leave()]);
    expect(hashes).toEqual(clean);

    const replay = ReplayFileSchema.parse((await getJson(`${HTTP}/api/matches/${roomId}/replay`)).body);
    expect(replay.turns.map((t) => t.hash)).toEqual(hashes);
    const verify = await postJson(`${HTTP}/api/replays/verify`, replay);
    expect(verify.body).toMatchObject({ ok: true, finalHash: clean[3] });

    // SIGTERM shuts down cleanly.
    const exited = new Promise<number | null>((r) => second.proc.once("exit", (code) => r(code)));
    second.proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
