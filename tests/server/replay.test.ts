/**
 * Replays on the real server: a room records chained turn hashes (replay files version 2, with who
 * played each seat); an older log of whole-state hashes still restores and exports as version 1;
 * and branching — a new match from a finished match's first quarters, with the other seats played
 * by their AI or by their recorded decisions — records where it came from.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TurnHasher, buildReplay, libraryPage, restoreState } from "../../server/replay.ts";
import { createMatch, defaultDecision, hashState, resolveTurn, validateDecision, type Decision } from "../../shared/engine/index.ts";
import { Replayer } from "../../shared/engine/replay.ts";
import type { MatchEndedMessage, ReplayFile, TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { LibraryQuerySchema, ReplayFileSchema, configOfReplay, verifyReplay } from "../../shared/protocol/index.ts";
import type { MatchRecord, TurnRecord } from "../../server/storage/types.ts";
import { useTestApp, Player, getJson, postJson } from "./harness.ts";

const env = useTestApp("replays");

async function replayOf(matchId: string): Promise<ReplayFile> {
  const r = await getJson(`${env.app.httpUrl}/api/matches/${matchId}/replay`);
  expect(r.status).toBe(200);
  return ReplayFileSchema.parse(r.body);
}

/** Plays every quarter of a solo match with the default decision; returns the ended message. */
async function playOut(p: Player, firstTurn: number, turns: number, decide: (ts: TurnStartedMessage) => Decision = (ts) => ts.defaultDecision) {
  for (let turn = firstTurn; turn < turns; turn++) {
    const ts = await p.turnStarted(turn);
    p.room.send("decide", { turn, decision: decide(ts) });
    p.room.send("ready");
    await p.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === turn);
  }
  return p.waitFor<MatchEndedMessage>("match:ended");
}

describe("recorded hashes", () => {
  it("a new match chains its turn hashes and exports a version-2 file naming its players", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", seat: "meta", turns: 4, mode: "solo", seed: 11, difficulty: "easy" });
    const ended = await playOut(ann, 0, 4);
    const file = await replayOf(ended.replayId);
    expect(file.version).toBe(2);
    if (file.version !== 2) return;
    expect(file.matchId).toBe(ended.replayId);
    expect(file.difficulty).toBe("easy");
    expect(file.players).toEqual({ microsoft: { kind: "ai" }, amazon: { kind: "ai" }, alphabet: { kind: "ai" }, meta: { kind: "human", name: "Ann" } });
    expect(verifyReplay(file)).toMatchObject({ ok: true, scheme: "chain", turnsChecked: 4 });
    // Chained, not whole-state: the last hash is not hashState of the final state.
    let s = createMatch({ scenario: file.scenario, variant: file.variant, turns: file.turnCount, seats: file.seats, seed: file.seed });
    for (const t of file.turns) s = resolveTurn(s, t.decisions).state;
    expect(file.turns[3]!.hash).not.toBe(hashState(s));
    await ann.leave();
  });

  it("a stored log of whole-state hashes restores in its own scheme and exports as version 1", () => {
    const config = createMatch({ seed: 5, turns: 4, seats: ["microsoft", "amazon"] }).config;
    let s = createMatch(config);
    const turns: TurnRecord[] = [];
    for (let i = 0; i < 3; i++) {
      const decisions = { microsoft: defaultDecision(s, "microsoft"), amazon: defaultDecision(s, "amazon") };
      s = resolveTurn(s, decisions).state;
      turns.push({ turn: i, decisions, hash: hashState(s), resolvedAt: "2026-01-01T00:00:00Z" });
    }
    const r = restoreState(config, turns);
    expect(r).toMatchObject({ ok: true, scheme: "state", lastHash: turns[2]!.hash });
    // The room goes on in the log's scheme.
    const before = r.state;
    const after = resolveTurn(before, {}).state;
    expect(new TurnHasher(r.scheme, r.lastHash).hash(before, after)).toBe(hashState(after));
    const rec = { id: "m0000000000000042", config, settings: { mode: "solo", turnSeconds: 0, difficulty: "normal" }, seats: {} } as unknown as MatchRecord;
    const file = buildReplay({ ...rec, engineVersion: createMatch().engineVersion, createdAt: "x" }, turns);
    expect(file.version).toBe(1);
    expect(verifyReplay(file).ok).toBe(true);
  });
});

let source: ReplayFile;
let sourceId = "";
/** The source match's creator's seat token (the match is over). */
let sourceToken = "";

describe("branching", () => {
  beforeAll(async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", seat: "microsoft", turns: 6, mode: "solo", seed: 21, difficulty: "easy" });
    const ended = await playOut(ann, 0, 6);
    sourceId = ended.replayId;
    sourceToken = ann.welcome.token;
    source = await replayOf(sourceId);
    await ann.leave();
  }, 60_000);

  it("plays on from quarter 4 as a new match that keeps the first four quarters and records its origin", async () => {
    const bob = await Player.create(env.app.wsUrl, { name: "Bob", seat: "amazon", branch: { matchId: sourceId, turn: 4 } });
    expect(bob.welcome.seat).toBe("amazon");
    expect(bob.welcome.matchId).not.toBe(sourceId);
    // The first open turn is the branch point, with the state the source had there.
    const ts = await bob.turnStarted(4);
    expect(ts.quarter).toEqual({ year: 2027, q: 1 });
    const ended = await playOut(bob, 4, 6, (t) => ({ ...t.defaultDecision, capex: t.bounds.capex.min }));
    const file = await replayOf(ended.replayId);
    expect(file.version).toBe(2);
    if (file.version !== 2) return;
    expect(file.branch).toEqual({ matchId: sourceId, turn: 4 });
    expect(file.players?.amazon).toEqual({ kind: "human", name: "Bob" });
    expect(file.seed).toBe(source.seed);
    // Same first four quarters, hash for hash; then its own.
    expect(file.turns.slice(0, 4)).toEqual(source.turns.slice(0, 4));
    expect(file.turns[4]!.hash).not.toBe(source.turns[4]!.hash);
    expect(verifyReplay(file)).toMatchObject({ ok: true, turnsChecked: 6 });
    await bob.leave();
  });

  it("with others: recorded, the other seats repeat what they played (while it stays legal)", async () => {
    const cy = await Player.create(env.app.wsUrl, { name: "Cy", seat: "meta", branch: { matchId: sourceId, turn: 2, others: "recorded" } });
    const ended = await playOut(cy, 2, 6);
    const file = await replayOf(ended.replayId);
    // Re-simulate the branch; at each later quarter a rival's recorded decision that is legal there must be the one played.
    const r = new Replayer(configOfReplay(file), file.turns, "chain");
    let state = r.initial;
    let legal = 0;
    for (let step = r.step(); step; step = r.step()) {
      if (step.turn >= 2)
        for (const c of ["microsoft", "amazon", "alphabet"] as const) {
          const then = source.turns[step.turn]!.decisions[c];
          if (!then || !validateDecision(state, c, then).ok) continue;
          legal++;
          expect(file.turns[step.turn]!.decisions[c], `${c} at turn ${step.turn}`).toEqual(then);
        }
      state = step.state;
    }
    expect(legal).toBeGreaterThan(0);
    expect(file.version === 2 && file.branch).toEqual({ matchId: sourceId, turn: 2 });
    await cy.leave();
  });

  it("refuses what cannot be branched, with a reason", async () => {
    const tries: [Record<string, unknown>, RegExp][] = [
      [{ seat: "amazon", branch: { matchId: "m0123456789abcdef", turn: 1 } }, /branch\/not_found/],
      [{ seat: "amazon", branch: { matchId: sourceId, turn: 6 } }, /branch\/turn/],
      [{ seat: "oracle", branch: { matchId: sourceId, turn: 1 } }, /branch\/no_seat/],
      [{ role: "spectator", branch: { matchId: sourceId, turn: 1 } }, /branch\/no_seat/],
      [{ seat: "amazon", branch: { matchId: sourceId, turn: 1, others: "mirror" } }, /others/],
      [{ seat: "amazon", branch: { matchId: "x", turn: 1 } }, /match id/],
    ];
    for (const [options, err] of tries) await expect(Player.create(env.app.wsUrl, options)).rejects.toThrow(err);
    // A match still being played cannot be branched.
    const live = await Player.create(env.app.wsUrl, { name: "Dee", seat: "meta", turns: 4, mode: "solo", seed: 3 });
    await expect(Player.create(env.app.wsUrl, { seat: "amazon", branch: { matchId: live.welcome.matchId, turn: 0 } })).rejects.toThrow(/branch\/not_finished/);
    await live.leave();
  });
});

describe("the library", () => {
  it("lists finished matches only, newest first, with seats, winner, scores and branch origins; searches and pages", async () => {
    const live = await Player.create(env.app.wsUrl, { name: "Liv", seat: "alphabet", turns: 4, mode: "solo", seed: 8 });
    await live.turnStarted(0);
    const all = await libraryPage(env.app.storage, LibraryQuerySchema.parse({ pageSize: 50 }));
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.entries.map((e) => e.matchId)).not.toContain(live.welcome.matchId);
    const ended = all.entries.map((e) => e.endedAt ?? "");
    expect([...ended].sort().reverse()).toEqual(ended);
    for (const e of all.entries) {
      expect(e.seats.filter((s) => s.rank === 1)).toHaveLength(1);
      expect(e.winner).toBe(e.seats.find((s) => s.rank === 1)?.company);
      expect(JSON.stringify(e)).not.toMatch(/seed|token|decisions/i);
      // The scores' unit travels with them: the default handicap where its par is calibrated (the
      // core four's line-up), TSR in any other line-up.
      const core = e.seats.length === 4 && ["microsoft", "amazon", "alphabet", "meta"].every((c) => e.seats.some((x) => x.company === c));
      expect(e.scoring).toBe(core ? "handicap" : "tsr");
    }
    const bobs = await libraryPage(env.app.storage, LibraryQuerySchema.parse({ q: "bob" }));
    expect(bobs.total).toBe(1);
    expect(bobs.entries[0]).toMatchObject({ branch: { turn: 4 } });
    expect(bobs.entries[0]!.seats.find((s) => s.company === "amazon")).toMatchObject({ kind: "human", name: "Bob" });
    expect(bobs.entries[0]!.seats.find((s) => s.company === "meta")).toMatchObject({ kind: "ai" });
    expect((await libraryPage(env.app.storage, LibraryQuerySchema.parse({ q: "cy meta" }))).total).toBe(1);
    expect((await libraryPage(env.app.storage, LibraryQuerySchema.parse({ q: "cy oracle" }))).total).toBe(0);
    const p1 = await libraryPage(env.app.storage, LibraryQuerySchema.parse({ pageSize: 2, page: 1 }));
    const p2 = await libraryPage(env.app.storage, LibraryQuerySchema.parse({ pageSize: 2, page: 2 }));
    expect(p1.pages).toBe(Math.ceil(all.total / 2));
    expect(p1.entries.map((e) => e.matchId)).toEqual(all.entries.slice(0, 2).map((e) => e.matchId));
    expect(p2.entries.map((e) => e.matchId)).toEqual(all.entries.slice(2, 4).map((e) => e.matchId));
    await live.leave();
  });
});

describe("the library over HTTP", () => {
  it("GET /api/library answers a page of finished matches; bad queries are a 400, other methods a 405", async () => {
    const page = await getJson(`${env.app.httpUrl}/api/library?q=bob&pageSize=5`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 5, pages: 1 });
    for (const bad of ["pageSize=500", "page=0", "evil=1", `q=${"x".repeat(81)}`])
      expect((await getJson(`${env.app.httpUrl}/api/library?${bad}`)).status, bad).toBe(400);
    expect((await fetch(`${env.app.httpUrl}/api/library`, { method: "DELETE" })).status).toBe(405);
    // A live match's own player finds it by seat token (POST /api/matches/mine); the library never lists it.
    const kim = await Player.create(env.app.wsUrl, { name: "Kim", seat: "meta", turns: 4, mode: "solo", seed: 19 });
    await kim.turnStarted(0);
    const mine = await postJson(`${env.app.httpUrl}/api/matches/mine`, { tokens: [kim.welcome.token] });
    expect(mine.body).toMatchObject({ matches: [{ id: kim.welcome.matchId, seat: "meta" }] });
    expect(JSON.stringify((await getJson(`${env.app.httpUrl}/api/library?pageSize=50`)).body)).not.toContain(kim.welcome.matchId);
    // The finished source match is not "mine" any more, even with its own seat token.
    expect((await postJson(`${env.app.httpUrl}/api/matches/mine`, { tokens: [sourceToken] })).body).toEqual({ matches: [] });
    await kim.leave();
  });
});

describe("undo keeps the hash chain", () => {
  it("a quarter taken back and played again chains from the quarter before it, so the log still verifies", async () => {
    const teacher = await Player.create(env.app.wsUrl, { role: "teacher", mode: "classroom", turns: 4, seed: 77, aiSeats: "fill", difficulty: "easy" });
    teacher.room.send("teacher:start");
    await teacher.waitFor<MatchEndedMessage>("match:ended", () => true, 30_000);
    const before = await replayOf(teacher.welcome.matchId);
    expect(verifyReplay(before).ok).toBe(true);
    const from = teacher.log.length;
    teacher.room.send("teacher:undo", { turn: 3 });
    // The AI plays the reopened quarter again, as it did (same state, same seed): the same hash, if the chain was rewound.
    await teacher.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 3, 30_000, from);
    await teacher.waitFor<MatchEndedMessage>("match:ended", () => true, 30_000, from);
    const after = await replayOf(teacher.welcome.matchId);
    expect(verifyReplay(after)).toMatchObject({ ok: true, turnsChecked: 4 });
    expect(after.turns.map((t) => t.hash)).toEqual(before.turns.map((t) => t.hash));
    await teacher.leave();
  });
});
