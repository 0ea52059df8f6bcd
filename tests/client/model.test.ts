import { describe, expect, test } from "vitest";
import {
  createMatch,
  resolveTurn,
  defaultDecision,
  decisionBounds,
  validateDecision,
  previewDecision,
  viewFor,
  type CompanyId,
  type Decision,
} from "../../shared/engine/index.ts";
import { DIFFICULTIES, headlinesFor, preview, renderHeadline } from "../../client/src/model.ts";
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

describe("decision preview: the engine's budget rule and preview", () => {
  const state = createMatch({ seed: 5 });
  const seat: CompanyId = "microsoft";
  const b = decisionBounds(state, seat);
  const d = defaultDecision(state, seat);
  const me = {
    company: seat,
    cash: state.companies.microsoft!.cash,
    debt: state.companies.microsoft!.tranches.reduce((s, t) => s + t.principal, 0),
    history: [],
  } as unknown as SeatSnap;

  test("the default decision is within budget; cash left moves by the decision's flows", () => {
    const p = preview(me, b, d);
    expect(p.overBudget).toBe(0);
    expect(p.cashLeft).toBeGreaterThanOrEqual(0);
    const q = preview(me, b, { ...d, capex: d.capex + 1000, debtIssue: 2000 });
    expect(q.cashLeft - p.cashLeft).toBe(1000);
    expect(q.outflows - p.outflows).toBe(1000);
  });

  test("spending the whole budget without borrowing is over budget by exactly the bond capacity", () => {
    const all = { ...d, capex: b.budget, chipRnd: 0, buybacks: 0, dividends: 0, debtRepay: 0, energyBids: [], debtIssue: 0 };
    expect(preview(me, b, all).overBudget).toBe(b.debtIssue.max);
    expect(preview(me, b, { ...all, debtIssue: b.debtIssue.max }).overBudget).toBe(0);
  });

  test("cash left is negative exactly when the engine rejects the decision as over budget", () => {
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
        const p = preview(me, b, dd);
        const v = validateDecision(state, seat, dd);
        const engineOver = !v.ok && v.errors.some((e) => e.code === "decision/over_budget");
        expect(p.cashLeft < 0, `capex ${dd.capex} debt ${dd.debtIssue}`).toBe(engineOver);
        expect(p.overBudget > 0).toBe(engineOver);
      }
    }
  });

  test("after a reported quarter the engine's previewDecision gives debt, leverage and rating", () => {
    expect(preview(me, b, d).engine).toBeNull();
    const s1 = resolveTurn(state, {}).state;
    const c = s1.companies.microsoft!;
    const h = c.history[0]!;
    const snap = {
      company: seat,
      cash: c.cash,
      debt: c.tranches.reduce((s, t) => s + t.principal, 0),
      history: [
        {
          operatingIncome: h.income.operatingIncome,
          depreciation: h.income.depreciation,
          interestExpense: h.income.interestExpense,
          operatingCashFlow: h.cashFlow.operatingCashFlow,
        },
      ],
    } as unknown as SeatSnap;
    const b1 = decisionBounds(s1, seat);
    const d1 = { ...defaultDecision(s1, seat), debtIssue: Math.min(1000, b1.debtIssue.max) };
    const p = preview(snap, b1, d1);
    const own = viewFor(s1, seat).own!;
    expect(p.engine).toEqual(previewDecision(own, d1));
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
