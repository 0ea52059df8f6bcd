/**
 * `kill -9` between turns and in the middle of a resolve, then restart over the same data and
 * rejoin with the seat tokens: no revealed turn is lost, and the final hash equals the hash of the
 * same match played without a crash.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { MatchEndedMessage, TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { Player, freeTestPort, getJson, tempDataDir, tweak } from "../server/harness.ts";
import { startChild, type ChildServer } from "./harness.ts";
import { FULL, summary } from "./summary.ts";

const TURNS = FULL ? 12 : 6;
/** Turns after which the server is killed: "between" (after the reveal) or "mid" (right after the last ready). */
const KILLS: readonly (readonly [number, "between" | "mid"])[] = FULL
  ? [
      [0, "mid"],
      [1, "between"],
      [2, "mid"],
      [4, "between"],
      [5, "mid"],
      [7, "mid"],
      [8, "between"],
      [10, "mid"],
    ]
  : [
      [1, "between"],
      [3, "mid"],
    ];
const CREATE = { turns: TURNS, mode: "multiplayer", aiSeats: ["alphabet", "meta"], seed: 777, turnSeconds: 600 } as const;
const dirs = [tempDataDir("hostile-crash"), tempDataDir("hostile-crash-ref")];
const servers: ChildServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.kill9();
  for (const d of dirs) d.cleanup();
});

async function start(port: number, dir: string): Promise<ChildServer> {
  const s = await startChild(port, dir);
  servers.push(s);
  return s;
}

const decisionFor = (who: "ann" | "bob", ts: TurnStartedMessage) => tweak(ts, who === "ann" ? 3 : 5);

/** Plays one turn; with `kill` set, kills the server at that moment and returns without waiting for the reveal. */
async function playTurn(ann: Player, bob: Player, turn: number, kill?: { when: "between" | "mid"; server: ChildServer }): Promise<string | null> {
  const [ta, tb] = await Promise.all([ann.turnStarted(turn), bob.turnStarted(turn)]);
  ann.room.send("decide", { turn, decision: decisionFor("ann", ta) });
  bob.room.send("decide", { turn, decision: decisionFor("bob", tb) });
  await Promise.all([ann.sync(), bob.sync()]);
  ann.room.send("ready");
  if (kill?.when === "mid") {
    bob.room.send("ready");
    await kill.server.kill9();
    return null;
  }
  bob.room.send("ready");
  const r = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn, 60_000);
  if (kill?.when === "between") {
    await Promise.all([ann.turnStarted(turn + 1), bob.turnStarted(turn + 1)]);
    await kill.server.kill9();
  }
  return r.hash;
}

describe("kill -9", () => {
  it(`${KILLS.length} kills between turns and mid-resolve lose no revealed turn; the final hash matches an uninterrupted run`, async () => {
    const port = await freeTestPort();
    let server = await start(port, dirs[0]!.dir);
    const ws = `ws://127.0.0.1:${port}`;
    let ann = await Player.create(ws, { ...CREATE, name: "Ann" });
    let bob = await Player.join(ws, ann.room.roomId, { name: "Bob" });
    const code = ann.welcome.code;
    const tokens = { ann: ann.welcome.token, bob: bob.welcome.token };
    const revealed = new Map<number, string>();
    let lost = 0;
    let committedMid = 0;
    let turn = 0;
    const kills = new Map(KILLS);
    while (turn < TURNS) {
      const when = kills.get(turn);
      const hash = await playTurn(ann, bob, turn, when ? { when, server } : undefined);
      if (hash) revealed.set(turn, hash);
      if (!when) {
        turn++;
        continue;
      }
      kills.delete(turn);
      server = await start(port, dirs[0]!.dir);
      const lookup = await getJson(`http://127.0.0.1:${port}/api/codes/${code}`);
      const roomId = (lookup.body as { roomId: string }).roomId;
      ann = await Player.join(ws, roomId, { name: "Ann", token: tokens.ann, code });
      bob = await Player.join(ws, roomId, { name: "Bob", token: tokens.bob, code });
      await Promise.all([ann.sync(), bob.sync()]);
      const at = ann.room.state.turn;
      // Every turn someone saw revealed is in the restored match; a mid-resolve kill may have saved one more.
      for (const t of revealed.keys()) if (t >= at) lost++;
      if (when === "mid" && at === turn + 1) committedMid++;
      expect(at === turn || at === turn + 1, `restored at turn ${at} after a kill in turn ${turn}`).toBe(true);
      turn = at;
    }
    const ended = await ann.waitFor<MatchEndedMessage>("match:ended", () => true, 60_000);
    await ann.sync();
    const finalHash = ann.room.state.hash;
    await Promise.all([ann.leave(), bob.leave()]);
    await server.stop();

    // The same match, no crash.
    const ref = await start(port, dirs[1]!.dir);
    const a2 = await Player.create(ws, { ...CREATE, name: "Ann" });
    const b2 = await Player.join(ws, a2.room.roomId, { name: "Bob" });
    const clean: string[] = [];
    for (let t = 0; t < TURNS; t++) clean.push((await playTurn(a2, b2, t)) ?? "");
    await a2.waitFor("match:ended", () => true, 60_000);
    await Promise.all([a2.leave(), b2.leave()]);
    expect(await ref.stop()).toBe(0);

    const mismatched = [...revealed].filter(([t, h]) => clean[t] !== h).length;
    summary(
      "kill-9",
      `${KILLS.length} kills (${KILLS.filter(([, w]) => w === "between").length} between turns, ${KILLS.filter(([, w]) => w === "mid").length} mid-resolve, ` +
        `${committedMid} of those had saved the turn): ${lost} revealed turns lost, ${mismatched} revealed hashes differ, final hash ${finalHash === clean[TURNS - 1] ? "identical" : "DIFFERENT"} (${finalHash.slice(0, 12)}…)`,
    );
    expect(ended.scores.length).toBe(4);
    expect(lost).toBe(0);
    expect(mismatched).toBe(0);
    expect(finalHash).toBe(clean[TURNS - 1]);
  }, 600_000);
});
