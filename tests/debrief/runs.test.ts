import { describe, expect, test } from "vitest";
import {
  createMatch,
  decisionBounds,
  defaultDecision,
  hashState,
  replayMatch,
  validateDecision,
  viewFor,
  type CompanyId,
  type Decision,
} from "../../shared/engine/index.ts";
import { restrainedScores } from "../../shared/ai/index.ts";
import { ENGINE_VERSION } from "../../shared/engine/index.ts";
import { ReplayFileSchema } from "../../shared/protocol/index.ts";
import {
  RACE_POLICY,
  RESTRAIN_POLICY,
  buildDebrief,
  debriefOfReplay,
  findRun,
  fitDecision,
  playActual,
  playRun,
  runCounterfactuals,
  type DebriefInput,
} from "../../shared/debrief/index.ts";
import { CORE, playLog } from "./helpers.ts";

const played = playLog({ seed: 11, turns: 6 });

/** Replays a run and returns each turn's decision for a seat, from the run's own reports. */
function decisionsOf(run: ReturnType<typeof playRun>, seat: CompanyId): Decision[] {
  return run.reports.map((r) => r.seats.find((s) => s.company === seat)!.decision);
}

describe("the match as played", () => {
  test("re-runs to the same state the log produced (the engine's own replay agrees)", () => {
    const actual = playActual(played.input);
    expect(hashState(actual.state)).toBe(hashState(played.state));
    const viaReplay = replayMatch(played.input.config, played.input.turns);
    expect(hashState(viaReplay.state)).toBe(hashState(actual.state));
  });

  test("every seat repeating its recorded decisions is the match itself, with nothing adjusted", () => {
    const again = playRun(played.input, () => "recorded");
    expect(again.adjusted).toBe(0);
    expect(again.defaulted).toBe(0);
    expect(hashState(again.state)).toBe(hashState(played.state));
  });
});

describe("counterfactual runs", () => {
  test("all-restrain agrees with the lead's end-screen counterfactual (shared/ai)", () => {
    const run = playRun(played.input, () => "restrain");
    const { runs } = runCounterfactuals(played.input);
    const mine = findRun(runs, "allRestrain")!.seats.map((s) => [s.company, s.scoreBp]);
    expect(mine).toEqual(restrainedScores(played.input.config).map((s) => [s.company, s.scoreBp]));
    expect(run.state.ended).toBe(true);
  });

  test("only-me-restrain: the seat follows the restrain policy, every other seat repeats its log", () => {
    for (const seat of CORE) {
      const run = playRun(played.input, (s) => (s === seat ? "restrain" : "recorded"));
      // The seat's decisions are the restrain policy's, turn by turn, in the run's own states.
      const mine = decisionsOf(run, seat);
      for (let t = 0; t < run.reports.length; t++) {
        const st = stateAfter(run, t);
        const ctx = { bounds: decisionBounds(st, seat), defaultDecision: defaultDecision(st, seat), seed: st.config.seed };
        expect(mine[t]).toEqual(RESTRAIN_POLICY(viewFor(st, seat), ctx));
      }
      // Others: exactly their recorded decision unless it had to be trimmed (counted) or replaced (counted).
      let differing = 0;
      for (const other of CORE.filter((x) => x !== seat)) {
        const theirs = decisionsOf(run, other);
        theirs.forEach((d, t) => {
          if (JSON.stringify(d) !== JSON.stringify(played.input.turns[t]!.decisions[other])) differing++;
        });
      }
      expect(differing).toBe(run.adjusted + run.defaulted);
    }
  });

  test("only-me-race: the seat follows the race policy, every other seat restrains", () => {
    const seat: CompanyId = "meta";
    const run = playRun(played.input, (s) => (s === seat ? "race" : "restrain"));
    for (let t = 0; t < run.reports.length; t++) {
      const st = stateAfter(run, t);
      for (const id of CORE) {
        const ctx = { bounds: decisionBounds(st, id), defaultDecision: defaultDecision(st, id), seed: st.config.seed };
        const policy = id === seat ? RACE_POLICY : RESTRAIN_POLICY;
        expect(run.reports[t]!.seats.find((s) => s.company === id)!.decision).toEqual(policy(viewFor(st, id), ctx));
      }
    }
    expect(run.adjusted).toBe(0);
  });

  test("racing spends more than restraining, for every seat", () => {
    const { runs } = runCounterfactuals(played.input);
    for (const seat of CORE) {
      const race = findRun(runs, "onlyRace", seat)!.seats.find((s) => s.company === seat)!;
      const restrain = findRun(runs, "allRestrain")!.seats.find((s) => s.company === seat)!;
      expect(race.capex).toBeGreaterThan(restrain.capex);
    }
  });

  test("teacher events are replayed into every run", () => {
    const events = { 1: [{ turn: 1, kind: "antitrust" as const, target: "alphabet" as const, magnitudeBp: 3000 }] };
    const shocked = playLog({ seed: 11, turns: 6, events });
    const calm = runCounterfactuals(played.input).runs;
    const hit = runCounterfactuals(shocked.input).runs;
    const alpha = (runs: typeof calm) => findRun(runs, "allRestrain")!.seats.find((s) => s.company === "alphabet")!.tsrBp;
    expect(alpha(hit)).toBeLessThan(alpha(calm));
    expect(findRun(hit, "allRestrain")!.seats.map((s) => s.scoreBp)).toEqual(restrainedScores(shocked.input.config, events).map((s) => s.scoreBp));
    expect(hashState(playActual(shocked.input).state)).toBe(hashState(shocked.state));
  });

  test("a 2 + 2 × seats set of runs, deterministic", () => {
    const a = runCounterfactuals(played.input).runs;
    expect(a).toHaveLength(2 + 2 * CORE.length);
    expect(a.map((r) => `${r.kind}:${r.seat ?? ""}`)).toEqual(["actual:", "allRestrain:", ...CORE.flatMap((s) => [`onlyRestrain:${s}`, `onlyRace:${s}`])]);
    expect(runCounterfactuals(played.input).runs).toEqual(a);
  });
});

describe("fitDecision", () => {
  const st = createMatch({ seed: 3, turns: 4 });
  const seat: CompanyId = "meta";
  const base = defaultDecision(st, seat);

  test("a legal decision is kept as it is", () => {
    expect(fitDecision(st, seat, base)).toEqual({ decision: base, adjusted: false });
  });

  test("an illegal one is trimmed into the bounds and the budget", () => {
    const b = decisionBounds(st, seat);
    const wild: Decision = {
      ...base,
      capex: b.budget * 3,
      buybacks: b.buybacks.max,
      customShareBp: 10_000,
      debtIssue: b.debtIssue.max + 50_000,
      energyBids: [{ dealId: "no-such-deal", amount: 10 }],
    };
    expect(validateDecision(st, seat, wild).ok).toBe(false);
    const fit = fitDecision(st, seat, wild);
    expect(fit?.adjusted).toBe(true);
    expect(validateDecision(st, seat, fit!.decision).ok).toBe(true);
    expect(fit!.decision.debtIssue).toBe(b.debtIssue.max);
    expect(fit!.decision.energyBids).toEqual([]);
    // Shareholder returns are cut before capex.
    expect(fit!.decision.buybacks).toBe(0);
    expect(fit!.decision.capex).toBeGreaterThan(0);
  });
});

describe("buildDebrief", () => {
  test("refuses a match that has not ended (no hidden information before the end)", () => {
    const partial: DebriefInput = { config: played.input.config, turns: played.input.turns.slice(0, 3) };
    const r = buildDebrief(partial);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("debrief/not_finished");
  });
});

/** The state of a run after `n` turns, rebuilt from its own reports' decisions. */
function stateAfter(run: ReturnType<typeof playRun>, n: number) {
  return replayMatch(
    run.state.config,
    run.reports.slice(0, n).map((r, i) => {
      const decisions: Partial<Record<CompanyId, Decision>> = {};
      for (const s of r.seats) decisions[s.company] = s.decision;
      return { turn: i, decisions };
    }),
  ).state;
}

describe("debriefOfReplay", () => {
  const hashes = replayMatch(played.input.config, played.input.turns, "chain").hashes;
  const file = ReplayFileSchema.parse({
    version: 2,
    engineVersion: ENGINE_VERSION,
    scenario: played.input.config.scenario,
    variant: played.input.config.variant,
    seed: played.input.config.seed,
    seats: [...played.input.config.seats],
    turnCount: played.input.config.turns,
    scoring: played.input.config.scoring,
    createdAt: "2026-01-01T00:00:00Z",
    turns: played.input.turns.map((t, i) => ({ turn: t.turn, decisions: t.decisions, hash: hashes[i] })),
  });

  test("a verified replay file gives the same debrief as its log", () => {
    const a = debriefOfReplay(file);
    const b = buildDebrief(played.input);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.debrief).toEqual(b.debrief);
  });

  test("a file whose decisions do not reproduce its hashes is refused", () => {
    const t0 = file.turns[0]!;
    const d = t0.decisions.meta!;
    const tampered = { ...file, turns: [{ ...t0, decisions: { ...t0.decisions, meta: { ...d, capex: d.capex + 1 } } }, ...file.turns.slice(1)] };
    const r = debriefOfReplay(tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("debrief/diverged");
  });

  test("a file from another engine version is refused, naming it", () => {
    const r = debriefOfReplay({ ...file, engineVersion: "0.0.1" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.message.includes("0.0.1")]).toEqual(["debrief/engine_version", true]);
  });
});
