import { describe, expect, test } from "vitest";
import { createMatch, resolveTurn, defaultDecision, decisionBounds, validateDecision, type CompanyId, type Decision } from "../../shared/engine/index.ts";
import { DIFFICULTIES, headlinesFor, previewDecision, renderHeadline } from "../../client/src/model.ts";
import { DIFFICULTIES as PROTOCOL_DIFFICULTIES } from "../../shared/protocol/messages.ts";
import { TABLES } from "../../shared/i18n/index.ts";
import type { SeatSnap } from "../../client/src/net.ts";

/** Plays real engine quarters (every seat on its default decision, some heavy spenders) and collects the reports. */
function reports(seed: number, turns: number) {
  let state = createMatch({ seed, turns: Math.max(4, turns) });
  const out = [];
  for (let i = 0; i < turns && !state.ended; i++) {
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    for (const id of state.config.seats) {
      const d = defaultDecision(state, id);
      const b = decisionBounds(state, id);
      // Alternate restraint and a debt-funded splurge so price moves, bonds and stranding happen.
      decisions[id] = i % 2 === 0 ? d : { ...d, capex: Math.min(b.capex.max, d.capex * 2), debtIssue: b.debtIssue.max };
    }
    const r = resolveTurn(state, decisions);
    state = r.state;
    out.push(r.report);
  }
  return out;
}

describe("reveal headlines from real engine reports", () => {
  const all = [1, 2, 3, 7, 11].flatMap((seed) => reports(seed, 6));

  test("every headline key the engine emits is translated in both languages, with no placeholder left", () => {
    const keys = new Set(all.flatMap((r) => r.headlines.map((h) => h.key)));
    expect(keys.size).toBeGreaterThan(1);
    for (const k of keys) {
      expect(TABLES.en[k], k).toBeDefined();
      expect(TABLES["zh-CN"][k], k).toBeDefined();
    }
    for (const r of all)
      for (const h of r.headlines) {
        const text = renderHeadline(h);
        expect(text).not.toBe(h.key);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toMatch(/undefined|NaN/);
      }
  });

  test("the reveal opens with the industry's capex against its AI revenue", () => {
    const lines = headlinesFor(all[0]!);
    expect(lines[0]).toMatch(/^Industry capex runs at \$\d/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });
});

describe("decision preview from the server's bounds", () => {
  const state = createMatch({ seed: 5 });
  const seat: CompanyId = "microsoft";
  const b = decisionBounds(state, seat);
  const d = defaultDecision(state, seat);
  const me = { cash: state.companies.microsoft!.cash, debt: state.companies.microsoft!.tranches.reduce((s, t) => s + t.principal, 0) } as SeatSnap;

  test("the default decision is within budget; cash and debt move by the decision's flows", () => {
    const p = previewDecision(me, b, d);
    expect(p.overBudget).toBe(0);
    const q = previewDecision(me, b, { ...d, capex: d.capex + 1000, debtIssue: 2000 });
    expect(q.cashAfter - p.cashAfter).toBe(1000);
    expect(q.debtAfter - p.debtAfter).toBe(2000);
  });

  test("spending the whole budget without borrowing is over budget by exactly the bond capacity", () => {
    const p = previewDecision(me, b, { ...d, capex: b.budget, chipRnd: 0, buybacks: 0, dividends: 0, debtRepay: 0, energyBids: [], debtIssue: 0 });
    expect(p.overBudget).toBe(b.debtIssue.max);
    const q = previewDecision(me, b, {
      ...d,
      capex: b.budget,
      chipRnd: 0,
      buybacks: 0,
      dividends: 0,
      debtRepay: 0,
      energyBids: [],
      debtIssue: b.debtIssue.max,
    });
    expect(q.overBudget).toBe(0);
  });

  test("agrees with the engine's own budget check", () => {
    for (const frac of [0, 0.3, 0.6, 0.9, 1, 1.05, 1.2]) {
      for (const borrow of [0, 0.5, 1]) {
        const dd = {
          ...d,
          capex: Math.round((b.budget - b.debtIssue.max) * frac),
          chipRnd: 0,
          buybacks: 0,
          dividends: 0,
          debtRepay: 0,
          energyBids: [],
          debtIssue: Math.round(b.debtIssue.max * borrow),
        };
        const over = previewDecision(me, b, dd).overBudget > 0;
        const v = validateDecision(state, seat, dd);
        const engineOver = !v.ok && v.errors.some((e) => e.code === "decision/over_budget");
        expect(over, `capex ${dd.capex} debt ${dd.debtIssue}`).toBe(engineOver);
      }
    }
  });
});

test("the client's difficulty list is the protocol's", () => {
  expect([...DIFFICULTIES]).toEqual([...PROTOCOL_DIFFICULTIES]);
});

test("every energy-deal region the engine offers has a label in both languages", () => {
  const regions = new Set<string>();
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    let state = createMatch({ seed, turns: 8 });
    for (let i = 0; i < 8 && !state.ended; i++) {
      for (const o of state.market.energy.offers) regions.add(o.region);
      const ds: Partial<Record<CompanyId, Decision>> = {};
      for (const id of state.config.seats) ds[id] = defaultDecision(state, id);
      state = resolveTurn(state, ds).state;
    }
  }
  expect(regions.size).toBeGreaterThan(3);
  for (const r of regions) {
    expect(TABLES.en[`region.${r}`], r).toBeDefined();
    expect(TABLES["zh-CN"][`region.${r}`], r).toBeDefined();
  }
});
