/**
 * Property tests over random legal decision sequences: random configs (both scenarios, both
 * variants, any seats of the seven), random seeds, decisions sampled inside decisionBounds.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  COMPANIES,
  SCENARIOS,
  VARIANTS,
  createMatch,
  hashState,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
  type MatchConfigInput,
  type MatchState,
} from "../../shared/engine/index.ts";
import { activeSeats, decisionFromPlan, deepFreeze, numbersIn, type DecisionPlan } from "./helpers.ts";
import { accumulatedDepAt } from "../../shared/engine/compute.ts";

const bp = fc.oneof(fc.constant(0), fc.constant(10_000), fc.integer({ min: 0, max: 10_000 }));

const planArb: fc.Arbitrary<DecisionPlan> = fc.record({
  capexBp: bp,
  customBp: bp,
  rndBp: bp,
  debtBp: bp,
  tenorIdx: fc.nat({ max: 3 }),
  repayBp: bp,
  bids: fc.array(fc.record({ dealIdx: fc.nat({ max: 7 }), amountBp: bp }), { maxLength: 3 }),
  buybacksBp: bp,
  dividendsBp: bp,
});

const configArb: fc.Arbitrary<MatchConfigInput> = fc.record({
  scenario: fc.constantFrom(...SCENARIOS),
  variant: fc.constantFrom(...VARIANTS),
  seats: fc.oneof(fc.constant([...COMPANIES]), fc.subarray([...COMPANIES], { minLength: 1 })),
  seed: fc.nat({ max: 0xffffffff }),
  turns: fc.integer({ min: 4, max: 10 }),
  randomEvents: fc.boolean(),
});

interface Violation {
  readonly turn: number;
  readonly what: string;
}

/** Every invariant of one resolved turn, as a list of violations (empty = fine). */
function checkTurn(before: MatchState, after: MatchState): Violation[] {
  const out: Violation[] = [];
  const turn = before.turn;
  const add = (what: string): void => void out.push({ turn, what });
  for (const n of numbersIn(after)) {
    if (!Number.isFinite(n.value)) add(`${n.path} is ${n.value}`);
    else if (!Number.isInteger(n.value)) add(`${n.path} = ${n.value} is not an integer`);
  }
  for (const id of after.config.seats) {
    const b = before.companies[id]!;
    const a = after.companies[id]!;
    if (b.status === "defaulted") {
      if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) add(`${id} defaulted earlier but its state changed`);
      if (a.status !== "defaulted") add(`${id} came back from default`);
      continue;
    }
    const rec = a.history[a.history.length - 1];
    if (!rec || rec.turn !== turn) {
      add(`${id} has no history record for turn ${turn}`);
      continue;
    }
    const bs = rec.balance;
    const cf = rec.cashFlow;
    if (bs.totalAssets !== bs.cash + bs.ppe + bs.otherAssets) add(`${id} totalAssets ${bs.totalAssets} ≠ cash + ppe + other`);
    if (bs.totalLiabilities !== bs.debt + bs.otherLiabilities) add(`${id} totalLiabilities ${bs.totalLiabilities} ≠ debt + other`);
    if (bs.totalAssets !== bs.totalLiabilities + bs.equity)
      add(
        `${id} balance sheet off: assets ${bs.totalAssets} vs liabilities ${bs.totalLiabilities} + equity ${bs.equity} (diff ${bs.totalAssets - bs.totalLiabilities - bs.equity})`,
      );
    if (cf.netChangeInCash !== cf.operatingCashFlow + cf.investingCashFlow + cf.financingCashFlow)
      add(`${id} netChangeInCash ${cf.netChangeInCash} ≠ OCF ${cf.operatingCashFlow} + investing ${cf.investingCashFlow} + financing ${cf.financingCashFlow}`);
    if (bs.cash !== b.cash + cf.netChangeInCash) add(`${id} cash ${bs.cash} ≠ opening ${b.cash} + change ${cf.netChangeInCash}`);
    if (a.cash !== bs.cash) add(`${id} state cash ${a.cash} ≠ balance-sheet cash ${bs.cash}`);
    if (a.equity !== bs.equity) add(`${id} state equity ≠ balance-sheet equity`);
    if (cf.operatingCashFlow !== cf.netIncome + cf.depreciation) add(`${id} OCF ≠ net income + depreciation`);
    if (cf.freeCashFlow !== cf.operatingCashFlow + cf.investingCashFlow) add(`${id} FCF ≠ OCF + investing`);
    if (rec.income.netIncome !== cf.netIncome) add(`${id} net income differs between statements`);
    if (rec.usableMw !== Math.min(rec.installedMw, rec.poweredMw))
      add(`${id} usable ${rec.usableMw} ≠ min(installed ${rec.installedMw}, powered ${rec.poweredMw})`);
    if (rec.strandedMw !== rec.installedMw - rec.usableMw) add(`${id} stranded ≠ installed − usable`);
    for (const v of a.assets) {
      const acc = accumulatedDepAt(v, turn + 1);
      if (acc > v.cost) add(`${id} vintage ${v.kind}@${v.boughtTurn}: accumulated depreciation ${acc} > cost ${v.cost}`);
      if (acc < 0 || v.cost <= 0) add(`${id} vintage ${v.kind}@${v.boughtTurn}: cost ${v.cost}, accumulated depreciation ${acc}`);
    }
    for (const t of a.tranches) if (t.principal <= 0) add(`${id} tranche ${t.id} has principal ${t.principal}`);
    if (a.status === "active" && a.cash < 0) add(`${id} is active with negative cash ${a.cash}`);
    if (a.status === "defaulted" && a.defaultedTurn !== turn) add(`${id} defaulted at turn ${turn} but defaultedTurn = ${a.defaultedTurn}`);
  }
  return out;
}

describe("random legal play keeps every invariant", () => {
  test("no NaN/Infinity, integer money, balanced books, reconciled cash, dep ≤ cost, defaults stay out, inputs never mutated", () => {
    const seen = { defaults: 0, emergencies: 0, turns: 0, seatsCovered: new Set<CompanyId>(), scenarios: new Set<string>() };
    fc.assert(
      fc.property(configArb, fc.gen(), (config, g) => {
        let state = createMatch(config);
        seen.scenarios.add(`${state.config.scenario}/${state.config.variant}`);
        for (const id of state.config.seats) seen.seatsCovered.add(id);
        const violations: Violation[] = [];
        while (!state.ended) {
          const decisions: Partial<Record<CompanyId, Decision>> = {};
          for (const id of activeSeats(state)) {
            const d = decisionFromPlan(
              state,
              id,
              g(() => planArb),
            );
            const v = validateDecision(state, id, d);
            if (!v.ok) violations.push({ turn: state.turn, what: `${id}: a decision built inside decisionBounds was rejected: ${JSON.stringify(v.errors)}` });
            decisions[id] = d;
          }
          const before = deepFreeze(state);
          deepFreeze(decisions);
          const hashBefore = hashState(before);
          const { state: next, report } = resolveTurn(before, decisions);
          if (hashState(before) !== hashBefore) violations.push({ turn: state.turn, what: "resolveTurn changed its input state" });
          for (const n of numbersIn(report)) if (!Number.isFinite(n.value)) violations.push({ turn: state.turn, what: `report ${n.path} is ${n.value}` });
          for (const s of report.seats) {
            if (s.replacedInvalid) violations.push({ turn: state.turn, what: `${s.company}: legal decision replaced by the default` });
            if (s.defaulted) seen.defaults++;
            if (s.emergencyBorrowing > 0) seen.emergencies++;
          }
          violations.push(...checkTurn(before, next));
          if (next.turn !== before.turn + 1) violations.push({ turn: state.turn, what: `turn went ${before.turn} → ${next.turn}` });
          seen.turns++;
          state = next;
        }
        expect(violations, `config ${JSON.stringify(state.config)}`).toEqual([]);
      }),
      { numRuns: 80, seed: 20260101 },
    );
    // The sample is wide: both scenarios and variants, all seven seats.
    expect(seen.scenarios.size).toBe(4);
    expect(seen.seatsCovered.size).toBe(7);
    expect(seen.turns).toBeGreaterThan(200);
  });
});

describe("arbitrary (often illegal) decisions", () => {
  const money = fc.oneof(fc.nat({ max: 400_000 }), fc.integer({ min: -10, max: 10 }), fc.constant(10_000_001));
  const wild = fc.record({
    capex: money,
    customShareBp: fc.integer({ min: -1, max: 10_001 }),
    chipRnd: money,
    debtIssue: money,
    debtTenor: fc.constantFrom(5, 10, 30, 100, 7),
    debtRepay: money,
    energyBids: fc.array(fc.record({ dealId: fc.oneof(fc.constant("E0-1"), fc.string({ maxLength: 6 })), amount: money }), { maxLength: 3 }),
    buybacks: money,
    dividends: money,
  });

  test("an illegal decision is replaced by the default exactly when validateDecision rejects it, and the books still balance", () => {
    fc.assert(
      fc.property(configArb, fc.gen(), (config, g) => {
        let state = createMatch(config);
        const violations: Violation[] = [];
        while (!state.ended) {
          const decisions: Partial<Record<CompanyId, unknown>> = {};
          const legal = new Map<CompanyId, boolean>();
          for (const id of activeSeats(state)) {
            const d = g(() => fc.option(wild, { nil: undefined }));
            if (d !== undefined) {
              decisions[id] = d;
              legal.set(id, validateDecision(state, id, d).ok);
            }
          }
          const before = deepFreeze(state);
          const { state: next, report } = resolveTurn(before, deepFreeze(decisions));
          for (const s of report.seats) {
            const ok = legal.get(s.company);
            if (s.replacedInvalid !== (ok === false))
              violations.push({ turn: before.turn, what: `${s.company}: replacedInvalid ${s.replacedInvalid} but validateDecision ok = ${ok}` });
          }
          violations.push(...checkTurn(before, next));
          state = next;
        }
        expect(violations, `config ${JSON.stringify(state.config)}`).toEqual([]);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
