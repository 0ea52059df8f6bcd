/**
 * The harness's policies on the real engine: every key builds legal decisions; `reckless` borrows
 * all the market lends and pays the most dividends; `guide_no_tpu` buys no custom silicon;
 * `ai_normal` gives each seat the personality shared/ai gives it at `normal`; the probe's capex
 * scaling stays legal.
 */
import { describe, expect, test } from "vitest";
import { CORE_FOUR, createMatch, decisionBounds, defaultDecision, resolveTurn, validateDecision, viewFor } from "../../shared/engine/index.ts";
import type { CompanyId, Decision, MatchState } from "../../shared/engine/index.ts";
import { guidancePolicy } from "../../shared/ai/personalities.ts";
import { personalityFor, policyFor as aiPolicyFor } from "../../shared/ai/index.ts";
import { policyFor } from "../../balance/policies.ts";
import { scaleCapex } from "../../balance/sim.ts";
import { POLICY_KEYS } from "../../balance/types.ts";
import type { PolicyKey } from "../../balance/types.ts";
import { openingCredit } from "../../balance/agency.ts";

const SEATS = [...CORE_FOUR];
const ctxFor = (state: MatchState, seat: CompanyId, seed = 7) => ({ bounds: decisionBounds(state, seat), defaultDecision: defaultDecision(state, seat), seed });

function play(keys: Partial<Record<CompanyId, PolicyKey>>, turns: number, check: (state: MatchState, seat: CompanyId, d: Decision) => void): MatchState {
  let state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: SEATS, seed: 11, scoring: "tsr", randomEvents: true });
  const policies = new Map(SEATS.map((s) => [s, policyFor(keys[s] ?? "guide", SEATS, s)]));
  for (let t = 0; t < turns && !state.ended; t++) {
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    for (const seat of SEATS) {
      if (state.companies[seat]?.status !== "active") continue;
      const d = policies.get(seat)!(viewFor(state, seat), ctxFor(state, seat, t));
      check(state, seat, d);
      decisions[seat] = d;
    }
    state = resolveTurn(state, decisions).state;
  }
  return state;
}

describe("harness policies", () => {
  test.each(POLICY_KEYS.filter((k) => !k.startsWith("ai_")))("%s sends legal decisions for 4 quarters in every seat", (key) => {
    play(Object.fromEntries(SEATS.map((s) => [s, key])), 4, (state, seat, d) => {
      expect(validateDecision(state, seat, d), `${key} ${seat} turn ${state.turn}`).toEqual({ ok: true });
    });
  });

  test("reckless borrows all the bond market lends, pays the most dividends the cash allows, and spends the rest on capex", () => {
    let seen = 0;
    play({ meta: "reckless" }, 3, (state, seat, d) => {
      if (seat !== "meta") return;
      const b = decisionBounds(state, seat);
      const available = b.budget - b.debtIssue.max + d.debtIssue;
      expect(d.debtIssue).toBe(b.debtTenors.length > 0 ? b.debtIssue.max : 0);
      expect(d.dividends).toBe(Math.min(b.dividends.max, available));
      expect(d.capex + d.dividends).toBe(available);
      expect(d.buybacks + d.chipRnd + d.energyBids.length).toBe(0);
      seen++;
    });
    expect(seen).toBe(3);
  });

  test("guide_no_tpu is the guidance path with no custom silicon", () => {
    play({ alphabet: "guide_no_tpu" }, 2, (state, seat, d) => {
      if (seat !== "alphabet") return;
      const g = guidancePolicy(viewFor(state, seat), ctxFor(state, seat, state.turn));
      expect(d).toEqual({ ...g, customShareBp: 0 });
      expect(g.customShareBp).toBeGreaterThan(0);
    });
  });

  test("ai_normal is shared/ai's normal level, by seat", () => {
    const state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: SEATS, seed: 3, scoring: "tsr", randomEvents: true });
    expect(personalityFor(SEATS, "microsoft", "normal")).toBe("disciplined");
    expect(new Set(SEATS.map((s) => personalityFor(SEATS, s, "normal"))).size).toBe(4);
    for (const seat of SEATS) {
      const ctx = ctxFor(state, seat);
      const mine = policyFor("ai_normal", SEATS, seat)(viewFor(state, seat), ctx);
      expect(mine).toEqual(aiPolicyFor("normal", SEATS, seat)(viewFor(state, seat), ctx));
      expect(validateDecision(state, seat, mine)).toEqual({ ok: true });
    }
  });

  test("ai_hard is shared/ai's hard level (the roster seat par is calibrated on)", () => {
    const state = createMatch({ scenario: "buildout", variant: "cons", turns: 12, seats: SEATS, seed: 4, scoring: "tsr", randomEvents: true });
    const seat = "alphabet";
    const ctx = ctxFor(state, seat);
    const mine = policyFor("ai_hard", SEATS, seat)(viewFor(state, seat), ctx);
    expect(mine).toEqual(aiPolicyFor("hard", SEATS, seat)(viewFor(state, seat), ctx));
    expect(validateDecision(state, seat, mine)).toEqual({ ok: true });
  });
});

test("the probe's capex scaling keeps the decision legal and borrows the extra", () => {
  // The January-2026 probe's premise: Microsoft can fund its first-quarter capex × 1.23 in full.
  const s0 = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: SEATS, seed: 5, scoring: "tsr", randomEvents: true });
  const g = guidancePolicy(viewFor(s0, "microsoft"), ctxFor(s0, "microsoft"));
  const scaled = scaleCapex(g, decisionBounds(s0, "microsoft"), 12_300);
  expect(scaled.capex).toBe(Math.round((g.capex * 12_300) / 10_000));
  expect(scaled.buybacks).toBe(g.buybacks);
  const state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: SEATS, seed: 5, scoring: "tsr", randomEvents: true });
  for (const seat of SEATS) {
    const b = decisionBounds(state, seat);
    const d = guidancePolicy(viewFor(state, seat), ctxFor(state, seat));
    for (const bp of [12_300, 30_000, 1_000_000]) {
      const s = scaleCapex(d, b, bp);
      expect(validateDecision(state, seat, s), `${seat} ×${bp}`).toEqual({ ok: true });
      expect(s.capex).toBeGreaterThanOrEqual(d.capex);
      expect(s.dividends).toBe(d.dividends);
    }
  }
});

test("the agencies' opening view reads the opening state through the engine's rating rule", () => {
  const state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: SEATS, seed: 1, scoring: "tsr", randomEvents: false });
  for (const seat of SEATS) {
    const o = openingCredit(state, seat);
    expect(o.rating).toBe(state.companies[seat]!.rating);
    expect(o.leverageBp).toBeGreaterThanOrEqual(0);
    expect(o.coverBp).toBeGreaterThan(0);
  }
  // A seat loaded with debt it cannot cover is put below its rating.
  const c = state.companies.meta!;
  const loaded: MatchState = {
    ...state,
    companies: {
      ...state.companies,
      meta: {
        ...c,
        tranches: [...c.tranches, { id: "x", principal: 2_000_000, couponBp: 900, issuedTurn: -1, maturityTurn: 40, tenor: 10, emergency: false } as never],
      },
    },
  };
  expect(openingCredit(loaded, "meta").target).not.toBe(openingCredit(state, "meta").target);
});
