/** Replay files version 1 and 2: parsing, verification in each hash scheme, and the engine-version check. */
import { describe, expect, test } from "vitest";
import { ENGINE_VERSION, createMatch, hashState, resolveTurn, type MatchConfig } from "../../shared/engine/index.ts";
import type { HashScheme } from "../../shared/engine/replay.ts";
import { playRecorded } from "../../shared/engine/play.ts";
import {
  REPLAY_VERSION,
  ReplayFileSchema,
  engineMismatch,
  hashSchemeOf,
  parseReplayText,
  verifyReplay,
  type ReplayFile,
  type ReplayFileV2,
} from "../../shared/protocol/index.ts";
import { scriptedDecisions } from "../engine/helpers.ts";

const CONFIG: MatchConfig = {
  scenario: "buildout",
  variant: "cons",
  seed: 314,
  turns: 6,
  seats: ["amazon", "meta", "tesla"],
  scoring: "tsr",
  randomEvents: true,
};

function makeFile(scheme: HashScheme): ReplayFile {
  const turns = playRecorded(CONFIG, scriptedDecisions, scheme).turns as ReplayFile["turns"];
  const common = {
    engineVersion: ENGINE_VERSION,
    scenario: CONFIG.scenario,
    variant: CONFIG.variant,
    seed: CONFIG.seed,
    seats: [...CONFIG.seats],
    turnCount: CONFIG.turns,
    scoring: CONFIG.scoring,
    randomEvents: CONFIG.randomEvents,
    createdAt: "2026-02-03T04:05:06.000Z",
    turns,
  };
  return scheme === "state"
    ? { version: 1, ...common }
    : {
        version: 2,
        ...common,
        matchId: "m0123456789abcdef",
        difficulty: "normal",
        players: { amazon: { kind: "human", name: "Ada" }, meta: { kind: "ai" }, tesla: { kind: "ai" } },
        branch: { matchId: "mfedcba9876543210", turn: 2 },
      };
}
const V1 = makeFile("state");
const V2 = makeFile("chain");

describe("both versions", () => {
  test("this build writes version 2 and reads 1 and 2", () => {
    expect(REPLAY_VERSION).toBe(2);
    expect(hashSchemeOf(V1)).toBe("state");
    expect(hashSchemeOf(V2)).toBe("chain");
  });

  test.each([
    ["version 1", V1],
    ["version 2", V2],
  ])("%s round-trips through text and verifies", (_name, file) => {
    const parsed = parseReplayText(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual(file);
    const v = verifyReplay(parsed.file);
    expect(v).toMatchObject({ ok: true, reason: "verified", version: file.version, turnsChecked: 6, firstDivergentTurn: null, engineVersionMatches: true });
    expect(v.finalHash).toBe(file.turns[5]!.hash);
  });

  test("the two versions pin different hashes for the same match, and the last v1 hash is hashState of the end state", () => {
    expect(V1.turns.map((t) => t.hash)).not.toEqual(V2.turns.map((t) => t.hash));
    let s = createMatch(CONFIG);
    for (const t of V1.turns) s = resolveTurn(s, t.decisions).state;
    expect(V1.turns[5]!.hash).toBe(hashState(s));
  });

  test.each([
    ["version 1", V1],
    ["version 2", V2],
  ])("%s: a tampered decision is reported at its turn with both hashes", (_name, file) => {
    const bad = structuredClone(file) as ReplayFile;
    const d = bad.turns[3]!.decisions.meta!;
    bad.turns[3]!.decisions.meta = { ...d, capex: d.capex > 1000 ? d.capex - 1000 : d.capex + 1000 };
    const v = verifyReplay(bad);
    expect(v).toMatchObject({ ok: false, reason: "diverged", firstDivergentTurn: 3, expectedHash: file.turns[3]!.hash, turnsChecked: 4 });
    expect(v.gotHash).not.toBe(file.turns[3]!.hash);
    expect(v.message).toMatch(/turn 3 diverges/);
  });

  test("a version-1 file relabelled as version 2 (or back) is caught at turn 0, not accepted", () => {
    expect(verifyReplay({ ...V1, version: 2 } as ReplayFile)).toMatchObject({ ok: false, firstDivergentTurn: 0 });
    const { matchId: _m, difficulty: _d, players: _p, branch: _b, ...rest } = V2 as ReplayFileV2;
    expect(verifyReplay({ ...rest, version: 1 })).toMatchObject({ ok: false, firstDivergentTurn: 0 });
  });
});

describe("the engine version", () => {
  test("a file from another engine version is refused, naming both versions, without re-simulating", () => {
    for (const file of [V1, V2]) {
      const old = { ...file, engineVersion: "0.9.0" } as ReplayFile;
      const v = verifyReplay(old);
      expect(v).toMatchObject({ ok: false, reason: "engine_version", turnsChecked: 0, fileEngineVersion: "0.9.0", engineVersion: ENGINE_VERSION });
      expect(v.message).toContain("0.9.0");
      expect(v.message).toContain(ENGINE_VERSION);
      expect(v.message).toMatch(/only be re-simulated by the engine version that recorded it/);
    }
    expect(engineMismatch(V2)).toBeNull();
  });
});

describe("what a file may not say", () => {
  test("decisions or event targets for a company that is not a seat are refused", () => {
    const extra = structuredClone(V2) as ReplayFileV2;
    extra.turns[1]!.decisions.oracle = extra.turns[1]!.decisions.meta!;
    expect(parseReplayText(JSON.stringify(extra))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/turns\.1\.decisions\.oracle: oracle is not a seat/),
    });
    const target = structuredClone(V1) as ReplayFile;
    target.turns[0]!.events = [{ turn: 0, kind: "grid_outage", target: "apple" }];
    expect(parseReplayText(JSON.stringify(target))).toMatchObject({ ok: false, error: expect.stringMatching(/turns\.0\.events\.0\.target/) });
  });

  test("unknown versions, version-2 fields in a version-1 file, and bad branch ids get sentences", () => {
    expect(parseReplayText(JSON.stringify({ ...V1, version: 3 }))).toMatchObject({ ok: false, error: expect.stringMatching(/version 3.*versions 1 and 2/) });
    expect(parseReplayText(JSON.stringify({ version: "2" }))).toMatchObject({ ok: false, error: expect.stringMatching(/unsupported replay version "2"/) });
    expect(parseReplayText(JSON.stringify({ ...V1, players: {} }))).toMatchObject({ ok: false, error: expect.stringMatching(/players/) });
    expect(parseReplayText(JSON.stringify({ ...V2, branch: { matchId: "x", turn: 1 } }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/branch\.matchId/),
    });
    expect(ReplayFileSchema.safeParse({ ...V2, seats: ["meta", "meta", "amazon", "tesla"] }).success).toBe(false);
  });
});
