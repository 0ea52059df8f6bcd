/**
 * A spy seat and a spectator record every raw frame they receive before each reveal. In them:
 * 0 bytes of another seat's pending decision, 0 seeds, 0 RNG states (any turn's), 0 of another
 * seat's private books — while the seat itself does see its own decision (the search works).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../server/app.ts";
import { createMatch, injectEvents, resolveTurn, viewFor, type Decision, type MatchState } from "../../shared/engine/index.ts";
import { ReplayFileSchema, configOfReplay, type TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { Player, freeTestPort, getJson, startTestApp, tempDataDir } from "../server/harness.ts";
import { bytes, countIn, framesOf, patternsOfU32, recordFrames } from "./harness.ts";
import { FULL, summary } from "./summary.ts";

const TURNS = FULL ? 12 : 4;
const SEED = 3_141_592_653;
let app: AppHandle;
const data = tempDataDir("hostile-spy");

beforeAll(async () => {
  recordFrames();
  app = await startTestApp(await freeTestPort(), data.dir, { revealMs: 60_000 });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

function deepContains(x: unknown, target: string): boolean {
  if (x === null || typeof x !== "object") return false;
  if (JSON.stringify(x) === target) return true;
  return Object.values(x as Record<string, unknown>).some((v) => deepContains(v, target));
}

describe("spy seat and spectator", () => {
  it("see nothing sealed or secret before the reveal", async () => {
    const ann = await Player.create(app.wsUrl, { name: "Ann", turns: TURNS, mode: "multiplayer", aiSeats: ["alphabet", "meta"], seed: SEED, turnSeconds: 600 });
    const bob = await Player.join(app.wsUrl, ann.room.roomId, { name: "Bob" });
    const eve = await Player.join(app.wsUrl, ann.room.roomId, { name: "Eve", role: "spectator" });
    const secrets: string[][] = [];
    const annPrivate: string[] = [];
    const decodedLeaks: number[] = [];
    for (let turn = 0; turn < TURNS; turn++) {
      const [ta, tb] = await Promise.all([ann.turnStarted(turn), bob.turnStarted(turn)]);
      // A distinctive legal decision: capex cut by an odd amount.
      const secret: Decision = { ...ta.defaultDecision, capex: Math.max(ta.bounds.capex.min, ta.defaultDecision.capex - 1237 - turn) };
      const json = JSON.stringify(secret);
      secrets.push([json, `"capex":${secret.capex},`]);
      expect(await ann.errorAfter(() => ann.room.send("decide", { turn, decision: secret }))).toBeNull();
      bob.room.send("decide", { turn, decision: tb.defaultDecision });
      // Everything the room had to say before the reveal has reached the spies.
      await Promise.all([bob.sync(), eve.sync(), ann.sync()]);
      expect(ann.room.state.seats.get("microsoft")?.pending).toBe(json);
      decodedLeaks.push(
        [bob, eve].filter((p) => p.log.some((m) => deepContains(m.payload, json)) || JSON.stringify(p.room.state.toJSON()).includes(json)).length,
      );
      const own = ann.room.state.seats.get("microsoft");
      for (const s of [own?.tranches, own?.powerPipeline]) if (s && s !== "[]" && s.length > 20) annPrivate.push(s);
      ann.room.send("ready");
      bob.room.send("ready");
      await Promise.all([ann, bob, eve].map((p) => p.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn)));
    }
    await ann.waitFor("match:ended");

    // Every RNG state the match went through, from its (now public) replay.
    const replay = ReplayFileSchema.parse((await getJson(`${app.httpUrl}/api/matches/${ann.room.roomId}/replay`)).body);
    expect(replay.seed).toBe(SEED);
    let state: MatchState = createMatch(configOfReplay(replay));
    const rngs = [state.rng];
    for (const t of replay.turns) {
      state = resolveTurn(injectEvents(state, t.events ?? []), t.decisions).state;
      rngs.push(state.rng);
    }
    expect(viewFor(state, null).config).not.toHaveProperty("seed");

    // Before reveal t: every frame up to the one carrying turn t's `turn:resolved`.
    const spies = [framesOf(bob.room), framesOf(eve.room)];
    const REVEAL = Buffer.from("turn:resolved");
    let pendingHits = 0;
    let checkedFrames = 0;
    for (const frames of spies) {
      const reveals = frames.flatMap((f, i) => (f.includes(REVEAL) ? [i] : []));
      expect(reveals.length).toBe(TURNS);
      for (let t = 0; t < TURNS; t++) {
        const window = frames.slice(0, reveals[t]);
        pendingHits += countIn(window, secrets[t] ?? []);
        if (t === TURNS - 1) checkedFrames += window.length;
      }
    }
    // Seeds, RNG states and private books: in no frame at all, up to the end of the match.
    const spyFrames = spies.flat();
    const seedHits = countIn(spyFrames, patternsOfU32(SEED));
    const rngHits = countIn(
      spyFrames,
      rngs.flatMap((r) => patternsOfU32(r).slice(0, 1)),
    );
    // 4-byte forms of RNG states can occur by chance in binary frames; count them apart.
    const rngBinaryHits = countIn(
      spyFrames,
      rngs.flatMap((r) => patternsOfU32(r).slice(1)),
    );
    const privateHits = countIn(spyFrames, annPrivate);
    // Positive control: the seat itself received its own sealed decision.
    const ownHits = countIn(
      framesOf(ann.room),
      secrets.map((x) => x[0] ?? ""),
    );
    summary(
      "spy",
      `${checkedFrames} frames before the last of ${TURNS} reveals, ${spyFrames.length} in all (${(bytes(spyFrames) / 1024).toFixed(1)} kB), seen by a spy seat and a spectator: ` +
        `${pendingHits} bytes-matches of another seat's pending decision, ${seedHits} seeds, ${rngHits + rngBinaryHits} RNG states (${rngs.length} checked), ` +
        `${privateHits} private figures; the seat's own frames carry its decision ${ownHits}×`,
    );
    expect(ownHits).toBeGreaterThanOrEqual(TURNS);
    expect(pendingHits).toBe(0);
    expect(decodedLeaks.every((n) => n === 0)).toBe(true);
    expect(seedHits).toBe(0);
    expect(rngHits).toBe(0);
    expect(rngBinaryHits).toBe(0);
    expect(privateHits).toBe(0);
    await Promise.all([ann.leave(), bob.leave(), eve.leave()]);
  }, 180_000);
});
