/**
 * Property tests over random legal decision sequences: random configs (both scenarios, both
 * variants, any seats of the seven), random seeds, decisions sampled inside decisionBounds.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  createMatch,
  defaultDecision,
  hashState,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
  type MatchState,
} from "../../shared/engine/index.ts";
import { activeSeats, decisionFromPlan, deepFreeze, numbersIn } from "./helpers.ts";
import { configArb, nearValidArb, planArb } from "./arbitraries.ts";
import { accumulatedDepAt } from "../../shared/engine/compute.ts";

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

/** What a sample reached: each counter must be above zero, or the invariant it guards went unexercised. */
interface Reach {
  turns: number;
  /** Seat-turns where the seat sent nothing and the engine's default decision stood. */
  defaultsUsed: number;
  bondsIssued: number;
  dealsWon: number;
  emergencies: number;
  equityIssued: number;
  /** Seats that defaulted on their debt this turn. */
  creditDefaults: number;
  /** Seat-turns of a seat already defaulted (the "defaults stay out" check ran). */
  defaultedSeatTurns: number;
  ratingMoves: number;
  seatsCovered: Set<CompanyId>;
  scenarios: Set<string>;
}

describe("random legal play keeps every invariant", () => {
  test("no NaN/Infinity, integer money, balanced books, reconciled cash, dep ≤ cost, defaults stay out, silent seats get the default, inputs never mutated", () => {
    const seen: Reach = {
      turns: 0,
      defaultsUsed: 0,
      bondsIssued: 0,
      dealsWon: 0,
      emergencies: 0,
      equityIssued: 0,
      creditDefaults: 0,
      defaultedSeatTurns: 0,
      ratingMoves: 0,
      seatsCovered: new Set(),
      scenarios: new Set(),
    };
    // One seat-turn in five sends nothing: the default decision must stand for it.
    const maybePlan = fc.option(planArb, { freq: 5, nil: undefined });
    fc.assert(
      fc.property(configArb, fc.gen(), (config, g) => {
        let state = createMatch(config);
        seen.scenarios.add(`${state.config.scenario}/${state.config.variant}`);
        for (const id of state.config.seats) seen.seatsCovered.add(id);
        const violations: Violation[] = [];
        while (!state.ended) {
          const decisions: Partial<Record<CompanyId, Decision>> = {};
          const silent = new Set<CompanyId>();
          for (const id of activeSeats(state)) {
            const plan = g(() => maybePlan);
            if (plan === undefined) {
              silent.add(id);
              continue;
            }
            const d = decisionFromPlan(state, id, plan);
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
            if (silent.has(s.company)) {
              seen.defaultsUsed++;
              if (JSON.stringify(s.decision) !== JSON.stringify(defaultDecision(before, s.company)))
                violations.push({ turn: state.turn, what: `${s.company} sent nothing but ${JSON.stringify(s.decision)} stood, not the default` });
            }
            if (s.debtIssued > 0) seen.bondsIssued++;
            if (s.defaulted) seen.creditDefaults++;
            if (s.emergencyBorrowing > 0) seen.emergencies++;
            if (s.equityIssued > 0) seen.equityIssued++;
            if (s.ratingAfter !== s.ratingBefore) seen.ratingMoves++;
          }
          for (const id of before.config.seats) if (before.companies[id]?.status === "defaulted") seen.defaultedSeatTurns++;
          seen.dealsWon += report.auctions.filter((a) => a.winner !== null).length;
          violations.push(...checkTurn(before, next));
          if (next.turn !== before.turn + 1) violations.push({ turn: state.turn, what: `turn went ${before.turn} → ${next.turn}` });
          seen.turns++;
          state = next;
        }
        expect(violations, `config ${JSON.stringify(state.config)}`).toEqual([]);
      }),
      { numRuns: 80, seed: 20260101 },
    );
    // The sample is wide: both scenarios and variants, all seven seats …
    expect(seen.scenarios.size).toBe(4);
    expect(seen.seatsCovered.size).toBe(7);
    expect(seen.turns).toBeGreaterThan(200);
    // … and it reached what the title promises (each count would be 0 if the arbitraries stopped reaching it).
    expect(seen.defaultsUsed).toBeGreaterThan(seen.turns / 4);
    expect(seen.bondsIssued).toBeGreaterThan(seen.turns);
    expect(seen.dealsWon).toBeGreaterThan(seen.turns / 4);
    expect(seen.emergencies).toBeGreaterThan(0);
    expect(seen.equityIssued).toBeGreaterThan(0);
    expect(seen.creditDefaults).toBeGreaterThan(0);
    expect(seen.defaultedSeatTurns).toBeGreaterThan(seen.creditDefaults);
    expect(seen.ratingMoves).toBeGreaterThan(0);
    console.log(`property reach: ${JSON.stringify({ ...seen, seatsCovered: seen.seatsCovered.size, scenarios: seen.scenarios.size })}`);
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
    const seen = { replaced: 0, legal: 0, silent: 0, wild: 0, nearValid: 0 };
    fc.assert(
      fc.property(configArb, fc.gen(), (config, g) => {
        let state = createMatch(config);
        const violations: Violation[] = [];
        while (!state.ended) {
          const decisions: Partial<Record<CompanyId, unknown>> = {};
          const legal = new Map<CompanyId, boolean>();
          for (const id of activeSeats(state)) {
            // Half wild input, half a legal decision with at most one field nudged across a bound.
            const near = g(() => fc.boolean());
            const d = near ? g(() => fc.option(nearValidArb(state, id), { nil: undefined }))?.decision : g(() => fc.option(wild, { nil: undefined }));
            if (d !== undefined) seen[near ? "nearValid" : "wild"]++;
            if (d === undefined) seen.silent++;
            else {
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
            if (ok === false) seen.replaced++;
            if (ok === true) seen.legal++;
          }
          violations.push(...checkTurn(before, next));
          state = next;
        }
        expect(violations, `config ${JSON.stringify(state.config)}`).toEqual([]);
      }),
      { numRuns: 25, seed: 7 },
    );
    // Both sides of "exactly when" were reached, and seats that sent nothing too.
    expect(seen.replaced).toBeGreaterThan(0);
    expect(seen.legal).toBeGreaterThan(seen.nearValid / 5);
    expect(seen.silent).toBeGreaterThan(0);
    console.log(`illegal-decision reach: ${JSON.stringify(seen)}`);
  });
});
