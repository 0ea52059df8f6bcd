/**
 * Teacher events are bounded (shared/engine/inject.ts): each kind's range comes from its documented
 * default in balance/params, out-of-range, mis-targeted or duplicate events are refused with a
 * typed code, and what an in-range event does stays sane. No economic number is pinned here: the
 * bounds are checked against the parameters they derive from.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import {
  EVENT_KINDS,
  INJECT_BOUNDS,
  createMatch,
  eventEffect,
  injectEvents,
  magnitudeOf,
  resolveTurn,
  validateInjectedEvent,
  type CompanyId,
  type EventKind,
  type MatchState,
  type ScheduledEvent,
} from "../../shared/engine/index.ts";
import { clone, defaultDecisions, type Mutable } from "./helpers.ts";

const EV = MARKET_PARAMS.events;
const SEATS: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
const T1 = resolveTurn(createMatch({ seed: 71, seats: SEATS, randomEvents: false }), {}).state;

function at(state: MatchState, e: Omit<ScheduledEvent, "turn">): ScheduledEvent {
  return { ...e, turn: state.turn };
}

function codes(state: MatchState, e: Omit<ScheduledEvent, "turn">): string[] {
  const v = validateInjectedEvent(state, at(state, e));
  return v.ok ? [] : v.errors.map((x) => x.code);
}

function sample(kind: EventKind): Omit<ScheduledEvent, "turn"> {
  return INJECT_BOUNDS[kind].targeted ? { kind, target: "meta" } : { kind };
}

describe("bounds", () => {
  test("every kind has a range that holds its documented default", () => {
    for (const kind of EVENT_KINDS) {
      const b = INJECT_BOUNDS[kind];
      expect(b.kind).toBe(kind);
      expect(b.min, kind).toBeLessThanOrEqual(b.default);
      expect(b.max, kind).toBeGreaterThanOrEqual(b.default);
      expect(Number.isInteger(b.min) && Number.isInteger(b.max) && Number.isInteger(b.step), kind).toBe(true);
      expect(b.step, kind).toBeGreaterThan(0);
    }
  });

  test("the ranges are the documented multiples of the parameters", () => {
    expect(INJECT_BOUNDS.efficiency_shock.max).toBe(2 * EV.efficiencyShockBp);
    expect(INJECT_BOUNDS.rate_move).toMatchObject({ min: -4 * EV.rateMoveBp, max: 4 * EV.rateMoveBp, nonZero: true });
    expect(INJECT_BOUNDS.grid_approval.max).toBe(2 * EV.gridApprovalMw);
    expect(INJECT_BOUNDS.grid_outage.max).toBe(Math.min(10_000, 2 * EV.gridOutageBp));
    expect(INJECT_BOUNDS.chip_slip).toMatchObject({ min: 1, max: 2 * EV.chipSlipQuarters });
    expect(INJECT_BOUNDS.antitrust.max).toBe(2 * EV.antitrustValuationBp);
    expect(INJECT_BOUNDS.mega_deal.max).toBe(2 * EV.megaDealQ);
    expect(INJECT_BOUNDS.bond_window_shut).toMatchObject({ min: 1, max: 2 * MARKET_PARAMS.credit.windowShutQuarters });
    expect(INJECT_BOUNDS.bond_window_open.unit).toBe("none");
    for (const kind of EVENT_KINDS) expect(magnitudeOf({ kind }), kind).toBe(INJECT_BOUNDS[kind].default);
  });
});

describe("validateInjectedEvent", () => {
  test("the issue's runaway events are refused as out of bounds", () => {
    expect(codes(T1, { kind: "grid_approval", target: "meta", magnitudeBp: -2495 })).toEqual(["event/out_of_bounds"]);
    expect(codes(T1, { kind: "chip_slip", target: "microsoft", magnitudeBp: 9997 })).toEqual(["event/out_of_bounds"]);
    expect(codes(T1, { kind: "mega_deal", target: "alphabet", magnitudeBp: 10_000_000 })).toEqual(["event/out_of_bounds"]);
    expect(codes(T1, { kind: "grid_outage", target: "amazon", magnitudeBp: -5000 })).toEqual(["event/out_of_bounds"]);
    expect(codes(T1, { kind: "rate_move", magnitudeBp: 0 })).toEqual(["event/out_of_bounds"]);
    expect(codes(T1, { kind: "rate_move", magnitudeBp: 5 * EV.rateMoveBp })).toEqual(["event/out_of_bounds"]);
    const v = validateInjectedEvent(T1, at(T1, { kind: "chip_slip", target: "microsoft", magnitudeBp: 9997 }));
    expect(v.ok ? "" : v.errors[0]?.message).toMatch(/between 1 and \d+ quarters/);
  });

  test("the edges of every range are accepted, one past them refused", () => {
    for (const kind of EVENT_KINDS) {
      const b = INJECT_BOUNDS[kind];
      if (b.unit === "none") continue;
      expect(codes(T1, { ...sample(kind), magnitudeBp: b.min }), `${kind} min`).toEqual([]);
      expect(codes(T1, { ...sample(kind), magnitudeBp: b.max }), `${kind} max`).toEqual([]);
      expect(codes(T1, { ...sample(kind), magnitudeBp: b.min - 1 }), `${kind} below`).toEqual(["event/out_of_bounds"]);
      expect(codes(T1, { ...sample(kind), magnitudeBp: b.max + 1 }), `${kind} above`).toEqual(["event/out_of_bounds"]);
      expect(codes(T1, sample(kind)), `${kind} default`).toEqual([]);
    }
  });

  test("targets: needed by seat events, refused on market events, never a seat that is out", () => {
    expect(codes(T1, { kind: "antitrust" })).toEqual(["event/bad_target"]);
    expect(codes(T1, { kind: "antitrust", target: "tesla" })).toEqual(["event/bad_target"]);
    expect(codes(T1, { kind: "rate_move", target: "meta", magnitudeBp: 25 })).toEqual(["event/unexpected_target"]);
    expect(codes(T1, { kind: "bond_window_open", magnitudeBp: 3 })).toEqual(["event/unexpected_magnitude"]);
    const out = clone(T1) as Mutable<MatchState>;
    out.companies = { ...out.companies, meta: { ...out.companies.meta!, status: "defaulted" } };
    expect(codes(out as MatchState, { kind: "grid_outage", target: "meta" })).toEqual(["event/target_out"]);
  });

  test("a second event of the same kind and target in one quarter is a duplicate", () => {
    const s = injectEvents(T1, [at(T1, { kind: "antitrust", target: "meta" }), at(T1, { kind: "rate_move", magnitudeBp: 25 })]);
    expect(codes(s, { kind: "antitrust", target: "meta" })).toEqual(["event/duplicate"]);
    expect(codes(s, { kind: "rate_move", magnitudeBp: -25 })).toEqual(["event/duplicate"]);
    expect(codes(s, { kind: "antitrust", target: "amazon" })).toEqual([]);
  });

  test("a recorded event outside today's bounds still re-simulates (injectEvents checks only the structure)", () => {
    const wild = at(T1, { kind: "rate_move", magnitudeBp: 300 });
    expect(validateInjectedEvent(T1, wild).ok).toBe(false);
    const s = injectEvents(T1, [wild, at(T1, { kind: "antitrust" })]);
    expect(s.schedule.length).toBe(T1.schedule.length + 1);
    expect(resolveTurn(s, defaultDecisions(s)).state.market.bonds.baseRateBp).toBe(Math.min(1500, T1.market.bonds.baseRateBp + 300));
  });
});

describe("in-range events keep the match sane", () => {
  const kindArb = fc.constantFrom(...EVENT_KINDS);
  test("any in-bounds event on any seat: accepted, and the next state has no negative power, price or cap", () => {
    fc.assert(
      fc.property(kindArb, fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...SEATS), (kind, frac, target) => {
        const b = INJECT_BOUNDS[kind];
        const magnitudeBp = b.unit === "none" ? undefined : b.min + Math.floor(((b.max - b.min) * frac) / 10_000);
        if (b.nonZero && magnitudeBp === 0) return;
        const e = at(T1, { kind, ...(b.targeted ? { target } : {}), ...(magnitudeBp !== undefined ? { magnitudeBp } : {}) });
        expect(validateInjectedEvent(T1, e)).toEqual({ ok: true });
        const s = injectEvents(T1, [e]);
        const next = resolveTurn(s, defaultDecisions(s)).state;
        const after = resolveTurn(next, defaultDecisions(next)).state;
        for (const st of [next, after])
          for (const id of SEATS) {
            const c = st.companies[id]!;
            expect(c.power.onlineMw).toBeGreaterThanOrEqual(0);
            expect(c.power.outageMw).toBeLessThanOrEqual(c.power.onlineMw);
            expect(c.sharePriceCents).toBeGreaterThan(0);
            expect(c.marketCap).toBeGreaterThan(0);
            expect(c.chipProgram.slipQuarters).toBeLessThanOrEqual(INJECT_BOUNDS.chip_slip.max + T1.companies[id]!.chipProgram.slipQuarters);
          }
      }),
      { numRuns: 40 },
    );
  });
});

describe("eventEffect (the teacher's preview)", () => {
  const ctx = { baseRateBp: T1.market.bonds.baseRateBp, target: { onlineMw: 1000, marketCap: 2_000_000 } };
  test("a rate move says where the base rate goes, as the engine moves it", () => {
    const e = eventEffect({ kind: "rate_move", magnitudeBp: -50 }, ctx);
    expect(e).toEqual({ kind: "rate_move", moveBp: -50, fromBp: ctx.baseRateBp, toBp: Math.max(0, ctx.baseRateBp - 50) });
    const s = injectEvents(T1, [at(T1, { kind: "rate_move", magnitudeBp: -50 })]);
    expect(resolveTurn(s, defaultDecisions(s)).state.market.bonds.baseRateBp).toBe(e.kind === "rate_move" ? e.toBp : -1);
    expect(eventEffect({ kind: "rate_move", magnitudeBp: -100 }, { baseRateBp: 20 })).toMatchObject({ toBp: 0 });
  });

  test("seat events scale with the target's figures; defaults apply without a magnitude", () => {
    expect(eventEffect({ kind: "grid_outage", magnitudeBp: 2500 }, ctx)).toEqual({ kind: "grid_outage", shareBp: 2500, mw: 250 });
    const deal = eventEffect({ kind: "mega_deal" }, ctx);
    expect(deal).toMatchObject({ kind: "mega_deal", perQuarter: EV.megaDealQ, quarters: EV.megaDealQuarters, total: EV.megaDealQ * EV.megaDealQuarters });
    expect(deal.kind === "mega_deal" && deal.popAmount).toBeGreaterThan(0);
    expect(eventEffect({ kind: "bond_window_shut" }, ctx)).toEqual({ kind: "bond_window_shut", quarters: MARKET_PARAMS.credit.windowShutQuarters });
    expect(eventEffect({ kind: "antitrust" }, ctx)).toEqual({ kind: "antitrust", discountBp: EV.antitrustValuationBp, fine: EV.antitrustFine });
  });
});
