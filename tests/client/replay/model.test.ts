/** The viewer's model (re-simulation frame by frame, per-turn checks) and its URLs, without a browser. */
import { describe, expect, test } from "vitest";
import { ENGINE_VERSION } from "../../../shared/engine/index.ts";
import { ReplayFileSchema, type ReplayFile } from "../../../shared/protocol/index.ts";
import { simReplayFile, simulateMatch } from "../../../cli/simulate.ts";
import { ReplayModel } from "../../../client/src/replay/model.ts";
import { pageOf, pathOf } from "../../../client/src/replay/route.ts";

function file(version: 1 | 2): ReplayFile {
  const sim = simulateMatch({
    config: { seed: 9, turns: 6, seats: ["microsoft", "meta", "oracle"] },
    policies: ["guidance"],
    scheme: version === 1 ? "state" : "chain",
  });
  return ReplayFileSchema.parse(simReplayFile(sim.state, sim.turns, version, "2026-01-01T00:00:00Z"));
}
const V2 = file(2);

/** A clock that says the budget is spent after every step: one turn per `advance`. */
const stepClock = () => {
  let now = 0;
  return () => (now += 1000);
};

describe("ReplayModel", () => {
  test("re-simulates a turn at a time within its budget and verifies each", () => {
    const m = new ReplayModel(V2, "chain");
    expect(m.computed).toBe(1);
    expect(m.statuses).toEqual(Array(6).fill("pending"));
    const clock = stepClock();
    m.advance(1, clock);
    expect(m.computed).toBe(2);
    expect(m.statuses.slice(0, 2)).toEqual(["verified", "pending"]);
    while (!m.done) m.advance(1, clock);
    expect(m.allVerified).toBe(true);
    expect(m.frames.map((f) => f.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(m.frames.slice(1).map((f) => f.hash)).toEqual(V2.turns.map((t) => t.hash));
    expect(
      m
        .finalScores()
        ?.map((s) => s.rank)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  test("a tampered decision marks its turn and keeps going", () => {
    const bad = structuredClone(V2);
    const d = bad.turns[2]!.decisions.meta!;
    bad.turns[2]!.decisions.meta = { ...d, capex: d.capex + 3000 };
    const m = new ReplayModel(bad, "chain");
    m.advance(10_000);
    expect(m.done).toBe(true);
    expect(m.firstMismatch).toBe(2);
    expect(m.statuses.slice(0, 3)).toEqual(["verified", "verified", "mismatch"]);
    expect(m.allVerified).toBe(false);
    expect(m.computed).toBe(7);
  });

  test("the wrong scheme for a file fails at the first turn; version 1 files verify in theirs", () => {
    const m = new ReplayModel(V2, "state");
    m.advance(10_000);
    expect(m.firstMismatch).toBe(0);
    const v1 = new ReplayModel(file(1), "state");
    v1.advance(10_000);
    expect(v1.allVerified).toBe(true);
  });

  test("another engine version is fatal before any re-simulation; structural errors stop the fold", () => {
    const old = new ReplayModel({ ...V2, engineVersion: `${ENGINE_VERSION}-old` }, "chain");
    expect(old.fatal).toBe("engine");
    expect(old.computed).toBe(0);
    old.advance(10_000);
    expect(old.done).toBe(true);
    const misnumbered = structuredClone(V2);
    misnumbered.turns[3]!.turn = 5;
    const m = new ReplayModel(misnumbered, "chain");
    m.advance(10_000);
    expect(m.error).toMatch(/turn 3/);
    expect(m.statuses.slice(3)).toEqual(["unplayable", "unplayable", "unplayable"]);
  });
});

describe("viewer URLs", () => {
  test("/replay/<matchId> and /replay are the viewer's; anything else is not", () => {
    expect(pageOf("/replay/m0123456789abcdef")).toEqual({ kind: "replay", matchId: "m0123456789abcdef" });
    expect(pageOf("/replay")).toEqual({ kind: "replay", matchId: null });
    expect(pageOf("/replay/")).toEqual({ kind: "replay", matchId: null });
    for (const bad of ["/", "/replay/nope", "/replay/m0123456789abcdef/x", "/replays", "/REPLAY/m0123456789abcdef"]) expect(pageOf(bad)).toBeNull();
    expect(pathOf({ kind: "replay", matchId: "m0123456789abcdef" })).toBe("/replay/m0123456789abcdef");
    expect(pathOf(null)).toBe("/");
  });
});
