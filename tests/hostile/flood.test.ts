/**
 * Back-pressure, measured: another room's turn latency (its player's `ready` → `turn:resolved`,
 * its AI seats already decided) at idle, then during a flood — replay verifications of a 24-quarter
 * 7-seat file, a room with four hard AI seats playing non-stop, a client spamming messages, and a
 * create flood. The p95 under the flood stays within 2× of idle (idle floored at 20 ms: below that
 * the figure is timer noise); creations and verifications beyond their limits get 429/503.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simReplayFile, simulateMatch } from "../../cli/simulate.ts";
import type { TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { Player, freeTestPort, tempDataDir, until } from "../server/harness.ts";
import { percentile, startChild, type ChildServer } from "./harness.ts";
import { FULL, summary } from "./summary.ts";

const SAMPLES = FULL ? 60 : 16;
const data = tempDataDir("hostile-flood");
let server: ChildServer;
let http: string;
let ws: string;

beforeAll(async () => {
  const port = await freeTestPort();
  // Verifications admitted far beyond the default so the flood really reaches the worker pool.
  // Behind "one proxy": the flooders come from their own addresses (x-forwarded-for), the probe from loopback.
  server = await startChild(port, data.dir, { VERIFIES_PER_MINUTE: "100000", CREATES_PER_MINUTE: "20", TRUST_PROXY: "1" });
  http = `http://127.0.0.1:${port}`;
  ws = `ws://127.0.0.1:${port}`;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  data.cleanup();
});

const PROBE = { turns: 24, mode: "multiplayer", aiSeats: ["amazon", "alphabet", "meta"], difficulty: "easy", turnSeconds: 3600 } as const;

/** Turn latencies of a probe room: the player readies once every AI seat has decided. */
async function probe(n: number): Promise<number[]> {
  const out: number[] = [];
  const warmUp = 2;
  let p = await Player.create(ws, { ...PROBE, name: "Probe" });
  let turn = 0;
  while (out.length < n + warmUp) {
    if (turn === PROBE.turns) {
      await p.waitFor("match:ended", () => true, 60_000);
      await p.leave();
      p = await Player.create(ws, { ...PROBE, name: "Probe" });
      turn = 0;
    }
    await p.turnStarted(turn);
    await until(
      () => p.room.state.turn === turn && ["amazon", "alphabet", "meta"].every((s) => p.room.state.seats.get(s)?.ready === true),
      60_000,
      "probe AI ready",
    );
    const t0 = performance.now();
    p.room.send("ready");
    await p.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn, 60_000);
    out.push(performance.now() - t0);
    turn++;
  }
  await p.leave();
  // The first turns warm the server's code paths up (JIT): not part of the figure.
  return out.slice(warmUp);
}

describe("flood", () => {
  it("keeps other rooms' turn latency within 2× of idle; refuses what is over the limits", async () => {
    const idle = await probe(SAMPLES);

    const sim = simulateMatch({
      config: { seats: ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"], turns: 24, seed: 5 },
      policies: ["guidance", "disciplined"],
      scheme: "state",
    });
    const replay = JSON.stringify(simReplayFile(sim.state, sim.turns, 1, "2026-01-01T00:00:00.000Z"));
    let stop = false;
    const counts = { verified: 0, busy: 0, limited: 0, other: 0, creates: 0, createsRefused: 0, spam: 0, hardTurns: 0 };
    const verifier = async () => {
      while (!stop) {
        const res = await fetch(`${http}/api/replays/verify`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
          body: replay,
        });
        await res.arrayBuffer();
        if (res.status === 200) counts.verified++;
        else if (res.status === 503) counts.busy++;
        else if (res.status === 429) counts.limited++;
        else counts.other++;
      }
    };
    const creator = async () => {
      while (!stop) {
        const res = await fetch(`${http}/matchmake/create/match`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          body: "{}",
        });
        await res.arrayBuffer();
        if (res.status === 200) counts.creates++;
        else if (res.status === 429) counts.createsRefused++;
        else counts.other++;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const hardAi = async () => {
      const h = await Player.create(ws, {
        turns: 24,
        seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"],
        aiSeats: ["amazon", "alphabet", "meta", "oracle"],
        difficulty: "hard",
        mode: "multiplayer",
        turnSeconds: 3600,
        name: "Hard",
      });
      for (let t = 0; t < 24 && !stop; t++) {
        await h.turnStarted(t);
        h.room.send("ready");
        await h.waitFor("turn:resolved", (m: { turn: number }) => m.turn === t, 120_000);
        counts.hardTurns++;
      }
      await h.leave();
    };
    const spammer = async () => {
      const s = await Player.create(ws, { name: "Spam", turns: 4 });
      while (!stop) {
        for (let i = 0; i < 50; i++) s.room.send("chat", { text: `spam ${i}` });
        counts.spam += 50;
        await s.sync();
        await new Promise((r) => setTimeout(r, 300));
      }
      await s.leave();
    };
    const load = [verifier(), verifier(), verifier(), verifier(), creator(), hardAi(), spammer()];
    // Let the flood build up before measuring.
    await until(() => counts.verified + counts.busy > 8 && counts.hardTurns > 0, 120_000, "flood under way");
    const flooded = await probe(SAMPLES);
    stop = true;
    await Promise.all(load);

    const idleP95 = percentile(idle, 95);
    const floodP95 = percentile(flooded, 95);
    const floor = Math.max(idleP95, 20);
    summary(
      "flood",
      `turn latency of another room: p95 ${idleP95.toFixed(1)} ms idle (median ${percentile(idle, 50).toFixed(1)}), ${floodP95.toFixed(1)} ms under flood ` +
        `(median ${percentile(flooded, 50).toFixed(1)}; ${(floodP95 / idleP95).toFixed(2)}× idle) over ${SAMPLES} turns each; flood: ${counts.verified} verifications done, ` +
        `${counts.busy} answered 503 busy, ${counts.hardTurns} turns of 4 hard AI seats, ${counts.spam} chat messages, ${counts.creates} creates then ${counts.createsRefused} refused 429`,
    );
    expect(counts.other).toBe(0);
    expect(counts.createsRefused).toBeGreaterThan(0);
    expect(floodP95).toBeLessThanOrEqual(2 * floor);
  }, 900_000);
});
