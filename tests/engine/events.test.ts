/** Step 10: scheduled events (as a teacher injects them: into state.schedule) and seeded random events. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { drawEvents, fromScheduled } from "../../shared/engine/events.ts";
import { seedRng } from "../../shared/engine/rng.ts";
import { SCENARIO_DEFS } from "../../shared/rules/scenarios.ts";
import {
  EVENT_KINDS,
  SCENARIOS,
  createMatch,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
  type MatchState,
  type ScheduledEvent,
} from "../../shared/engine/index.ts";
import { clone, defaultDecisions, play, scriptedDecisions, type Mutable } from "./helpers.ts";

const EV = MARKET_PARAMS.events;
const SEATS: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
/** Turn 1 of a match without random events, so only what a test schedules happens. */
const T1 = resolveTurn(createMatch({ seed: 60, seats: SEATS, randomEvents: false }), {}).state;

function inject(state: MatchState, ...events: Omit<ScheduledEvent, "turn">[]): MatchState {
  const s = clone(state) as Mutable<MatchState>;
  s.schedule = [...s.schedule, ...events.map((e) => ({ ...e, turn: state.turn }))];
  return s as MatchState;
}

function step(state: MatchState, decisions = defaultDecisions(state)) {
  return resolveTurn(state, decisions);
}

describe("scheduled events", () => {
  test("each scenario's DeepSeek shock lands in January 2026, when doc 004 dates it", () => {
    for (const scenario of SCENARIOS) {
      let s = createMatch({ scenario, seed: 1, randomEvents: false });
      expect(s.schedule).toEqual(SCENARIO_DEFS[scenario].schedule);
      const shock = SCENARIO_DEFS[scenario].schedule.find((e) => e.kind === "efficiency_shock")!;
      for (let t = 0; t < shock.turn; t++) s = step(s).state;
      expect(s.quarter).toEqual({ year: 2026, q: 1 });
      expect(s.market.efficiencyBp).toBe(10_000);
      const r = step(s);
      expect(r.report.events.map((e) => e.kind)).toEqual(["efficiency_shock"]);
      expect(r.state.market.efficiencyBp).toBeLessThan(10_000);
      expect(r.report.headlines.some((h) => h.key === "headline.event.efficiency_shock")).toBe(true);
    }
  });

  test("The Build-out opens in the training phase's euphoria, the bond window open", () => {
    const s = createMatch({ scenario: "buildout", seed: 1, randomEvents: false });
    expect(s.market.sentiment.regime).toBe("euphoria");
    expect(s.market.bonds.windowOpen).toBe(true);
    expect(step(s).report.market.regimeAfter).toBe("euphoria");
  });

  test("without random events only scheduled events ever happen", () => {
    const { reports } = play({ seed: 61, seats: SEATS, randomEvents: false, turns: 12 }, scriptedDecisions);
    const scheduled = SCENARIO_DEFS.reckoning.schedule;
    for (const r of reports) expect(r.events.length).toBe(scheduled.filter((e) => e.turn === r.turn).length);
  });

  test("rate move: the base rate moves by the magnitude next quarter", () => {
    const r = step(inject(T1, { kind: "rate_move", magnitudeBp: 100 }));
    expect(r.state.market.bonds.baseRateBp).toBe(T1.market.bonds.baseRateBp + 100);
    expect(r.report.events).toEqual([{ kind: "rate_move", turn: 1, magnitudeBp: 100 }]);
    const down = step(inject(T1, { kind: "rate_move", magnitudeBp: -10_000 }));
    expect(down.state.market.bonds.baseRateBp).toBe(0);
  });

  test("bond window shut: closed for the given quarters, debt refused, then open again", () => {
    let s = step(inject(T1, { kind: "bond_window_shut", magnitudeBp: 2 })).state;
    expect(s.market.bonds.windowOpen).toBe(false);
    const d = defaultDecisions(s) as Record<CompanyId, Decision>;
    const issue = { ...d.alphabet, debtIssue: 1000 };
    expect(validateDecision(s, "alphabet", issue)).toMatchObject({ ok: false, errors: [{ code: "decision/bond_window_shut" }] });
    s = step(s).state;
    expect(s.market.bonds.windowOpen).toBe(false);
    s = step(s).state;
    expect(s.market.bonds.windowOpen).toBe(true);
    const reopened = step(inject(step(inject(T1, { kind: "bond_window_shut", magnitudeBp: 5 })).state, { kind: "bond_window_open" })).state;
    expect(reopened.market.bonds.windowOpen).toBe(true);
  });

  test("efficiency shock: demand multiplier falls, the bond window shuts if the market was euphoric, then demand recovers", () => {
    const r = step(inject(T1, { kind: "efficiency_shock", magnitudeBp: 2000 }));
    const after = r.state.market.efficiencyBp;
    expect(after).toBeLessThan(T1.market.efficiencyBp);
    // T1's market is disillusioned already: braced for bad news, it keeps lending.
    expect(T1.market.sentiment.regime).toBe("disillusionment");
    expect(r.state.market.bonds.windowOpen).toBe(true);
    const euphoric = clone(T1) as Mutable<MatchState>;
    euphoric.market = { ...euphoric.market, sentiment: { ...euphoric.market.sentiment, regime: "euphoria" } };
    expect(step(inject(euphoric as MatchState, { kind: "efficiency_shock", magnitudeBp: 2000 })).state.market.bonds.windowOpen).toBe(false);
    const later = step(step(r.state).state).state;
    expect(later.market.efficiencyBp).toBeGreaterThan(after);
  });

  test("grid outage: the target loses that share of its power for one quarter", () => {
    const r = step(inject(T1, { kind: "grid_outage", target: "meta", magnitudeBp: 5000 }));
    const meta = r.state.companies.meta!;
    expect(meta.power.outageMw).toBe(Math.round((meta.power.onlineMw * 5000) / 10_000));
    expect(r.state.companies.amazon!.power.outageMw).toBe(0);
    const next = step(r.state).state.companies.meta!;
    expect(next.history[next.history.length - 1]!.poweredMw).toBeLessThan(next.power.onlineMw);
    expect(next.power.outageMw).toBe(0);
  });

  test("grid approval: extra MW for the target, online next quarter", () => {
    const r = step(inject(T1, { kind: "grid_approval", target: "amazon", magnitudeBp: 700 }));
    expect(r.state.companies.amazon!.power.pipeline.some((p) => p.mw === 700 && p.onlineTurn === 2)).toBe(true);
    const base = step(step(T1).state).state.companies.amazon!.power.onlineMw;
    const boosted = step(r.state).state.companies.amazon!.power.onlineMw;
    expect(boosted - base).toBe(700);
  });

  test("chip slip: the target's programme stands still for the slip", () => {
    const r = step(inject(T1, { kind: "chip_slip", target: "microsoft", magnitudeBp: 2 }));
    const p = r.state.companies.microsoft!.chipProgram;
    expect(p.slipQuarters).toBe(2);
    const d = defaultDecisions(r.state) as Record<CompanyId, Decision>;
    const next = step(r.state, { ...d, microsoft: { ...d.microsoft, chipRnd: 5000 } }).state.companies.microsoft!.chipProgram;
    // Maturity and the next generation's design both stand still; only the slip counts down.
    expect(next).toEqual({ ...p, slipQuarters: 1 });
  });

  test("antitrust: next quarter, a one-off fine and a valuation discount the reveal shows as an event", () => {
    const r = step(inject(T1, { kind: "antitrust", target: "alphabet" }));
    const next = step(r.state);
    const fined = next.state.companies.alphabet!.history.at(-1)!.income;
    const cleanNext = step(step(T1).state);
    const clean = cleanNext.state.companies.alphabet!.history.at(-1)!.income;
    expect(fined.coreCosts - clean.coreCosts).toBe(EV.antitrustFine);
    expect(next.state.companies.alphabet!.valuation.inputs.eventPremiumBp).toBe(-EV.antitrustValuationBp);
    expect(next.report.seats.find((s) => s.company === "alphabet")!.priceMove.eventsBp).toBeLessThan(-200);
  });

  test("mega deal: contracted AI revenue for the target and a share-price pop", () => {
    const r = step(inject(T1, { kind: "mega_deal", target: "meta", magnitudeBp: 3000 }));
    const meta = r.state.companies.meta!;
    expect(meta.contracted.perQuarter).toBe(T1.companies.meta!.contracted.perQuarter + 3000);
    expect(meta.contracted.quartersLeft).toBeGreaterThanOrEqual(EV.megaDealQuarters);
    // The market prices the deal in the next quarter's move, as an event.
    const next = step(r.state);
    expect(next.state.companies.meta!.valuation.inputs.eventPremiumBp).toBe(EV.megaDealPopBp);
    expect(next.report.seats.find((s) => s.company === "meta")!.priceMove.eventsBp).toBeGreaterThan(500);
  });

  test("an event scheduled for another turn does nothing now", () => {
    const s = clone(T1) as Mutable<MatchState>;
    s.schedule = [...s.schedule, { turn: 5, kind: "rate_move", magnitudeBp: 300 }];
    const r = step(s as MatchState);
    expect(r.report.events).toEqual([]);
    expect(r.state.market.bonds.baseRateBp).toBe(T1.market.bonds.baseRateBp);
  });

  test("fromScheduled fills the default magnitude of each kind", () => {
    expect(fromScheduled({ turn: 3, kind: "chip_slip", target: "meta" })).toEqual({
      kind: "chip_slip",
      turn: 3,
      magnitudeBp: EV.chipSlipQuarters,
      target: "meta",
    });
    for (const kind of EVENT_KINDS) expect(Number.isInteger(fromScheduled({ turn: 0, kind }).magnitudeBp)).toBe(true);
  });
});

describe("random events", () => {
  test("drawn from the seeded RNG: same state → same events; over many states every kind appears", () => {
    const kinds = new Set<string>();
    const targets = ["microsoft", "amazon"] as CompanyId[];
    for (let seed = 0; seed < 600; seed++) {
      const a = drawEvents(seedRng(seed), 4, targets, ["amazon"]);
      expect(drawEvents(seedRng(seed), 4, targets, ["amazon"])).toEqual(a);
      for (const e of a.value) {
        kinds.add(e.kind);
        expect(e.turn).toBe(4);
        if (e.kind === "efficiency_shock" || e.kind === "rate_move") expect(e.target).toBeUndefined();
        else expect(targets).toContain(e.target);
        if (e.kind === "chip_slip") expect(e.target).toBe("amazon");
        if (e.kind === "rate_move") expect(Math.abs(e.magnitudeBp)).toBe(EV.rateMoveBp);
      }
    }
    for (const k of Object.keys(EV.chanceBp)) if ((EV.chanceBp as Record<string, number>)[k]! > 0) expect(kinds).toContain(k);
  });

  test("no chip slip without an eligible programme; no seat events without seats", () => {
    for (let seed = 0; seed < 300; seed++) {
      expect(drawEvents(seedRng(seed), 0, ["meta"], []).value.some((e) => e.kind === "chip_slip")).toBe(false);
      expect(drawEvents(seedRng(seed), 0, [], []).value.every((e) => e.kind === "efficiency_shock" || e.kind === "rate_move")).toBe(true);
    }
  });

  test("random events in a match land in the report and the next market", () => {
    let found = false;
    for (let seed = 0; seed < 40 && !found; seed++) {
      const { reports } = play({ seed, seats: SEATS, turns: 8 }, scriptedDecisions);
      found = reports.some((r) => r.events.some((e) => e.kind === "rate_move"));
    }
    expect(found).toBe(true);
  });
});

describe("a random efficiency shock moves the market's mood", () => {
  test("a shock drawn last quarter pushes euphoria into scrutiny; without it the regime holds", () => {
    const calm = clone(T1) as Mutable<MatchState>;
    calm.market = { ...calm.market, sentiment: { ...calm.market.sentiment, regime: "euphoria", scoreBp: 0, quartersInRegime: 0 }, events: [] };
    calm.schedule = []; // a scheduled shock in the same quarter would already have moved the mood
    const shocked = clone(calm) as Mutable<MatchState>;
    shocked.market = { ...shocked.market, events: [{ kind: "efficiency_shock", turn: 0, magnitudeBp: 2000 }] };
    expect(step(calm as MatchState).report.market.regimeAfter).toBe("euphoria");
    expect(step(shocked as MatchState).report.market.regimeAfter).toBe("scrutiny");
  });
});

describe("teacher injection through injectEvents", () => {
  test("valid events join this turn's schedule; invalid ones are refused with a reason", async () => {
    const { injectEvents, validateInjectedEvent } = await import("../../shared/engine/index.ts");
    expect(validateInjectedEvent(T1, { turn: T1.turn, kind: "antitrust", target: "tesla" })).toMatchObject({
      ok: false,
      errors: [{ code: "event/bad_target" }],
    });
    expect(validateInjectedEvent(T1, { turn: T1.turn + 1, kind: "rate_move" })).toMatchObject({ ok: false, errors: [{ code: "event/wrong_turn" }] });
    const s = injectEvents(T1, [
      { turn: T1.turn, kind: "rate_move", magnitudeBp: 50 },
      { turn: T1.turn, kind: "antitrust", target: "tesla" },
    ]);
    expect(s.schedule.length).toBe(T1.schedule.length + 1);
    expect(step(s).state.market.bonds.baseRateBp).toBe(T1.market.bonds.baseRateBp + 50);
  });
});
