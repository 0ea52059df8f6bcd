/** Steps 6–8: income statement, emergency borrowing, default, and the bond market. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { interestFor, quarterlyIncome, type IncomeInput } from "../../shared/engine/finance.ts";
import { couponBp, coverageBp, crowdingBp, emergencyCapacity, issueCapacity, leverageBp, nextBonds, ratingFor, tenorsFor } from "../../shared/engine/bonds.ts";
import {
  RATINGS,
  TENORS,
  createMatch,
  decisionBounds,
  defaultDecision,
  resolveTurn,
  score,
  validateDecision,
  type CompanyId,
  type Decision,
  type MarketState,
  type MatchState,
} from "../../shared/engine/index.ts";
import { clone, defaultDecisions, type Mutable } from "./helpers.ts";

const B = MARKET_PARAMS.bonds;

describe("income statement", () => {
  const input: IncomeInput = {
    coreRevenue: 50_000,
    coreMarginBp: 4000,
    aiRevenue: 5000,
    usableMw: 2000,
    powerCostPerMwQK: 150,
    depreciation: 6000,
    rnd: 500,
    tranches: [{ id: "t", principal: 40_000, couponBp: 400, issuedTurn: 0, maturityTurn: 20, tenor: 5, emergency: false }],
    openingCash: 20_000,
    baseRateBp: 400,
    extraExpense: 0,
  };

  test("the lines add up", () => {
    const i = quarterlyIncome(input);
    expect(i.revenue).toBe(55_000);
    expect(i.powerCost).toBe(300);
    expect(i.operatingIncome).toBe(i.revenue - i.coreCosts - i.powerCost - i.aiOpex - i.depreciation - i.rnd);
    expect(i.interestExpense).toBe(400); // 40 000 × 4% / 4
    expect(i.interestIncome).toBe(200);
    expect(i.pretaxIncome).toBe(i.operatingIncome - i.interestExpense + i.interestIncome);
    expect(i.tax).toBe(Math.round((i.pretaxIncome * MARKET_PARAMS.stock.taxRateBp) / 10_000));
    expect(i.netIncome).toBe(i.pretaxIncome - i.tax);
  });

  test("no tax on a loss; fines hit operating income", () => {
    const loss = quarterlyIncome({ ...input, depreciation: 100_000 });
    expect(loss.pretaxIncome).toBeLessThan(0);
    expect(loss.tax).toBe(0);
    expect(loss.netIncome).toBe(loss.pretaxIncome);
    const fined = quarterlyIncome({ ...input, extraExpense: 5000 });
    expect(fined.operatingIncome).toBe(quarterlyIncome(input).operatingIncome - 5000);
  });

  test("interest is principal × coupon ÷ 4 per tranche; negative cash earns nothing", () => {
    expect(interestFor([])).toBe(0);
    expect(interestFor([...input.tranches, { ...input.tranches[0]!, principal: 10_000, couponBp: 1000 }])).toBe(650);
    expect(quarterlyIncome({ ...input, openingCash: -5000 }).interestIncome).toBe(0);
  });
});

describe("bond market functions", () => {
  const bonds: MarketState["bonds"] = { baseRateBp: 400, aiIgShareBp: 1400, crowdingBp: 0, windowOpen: true, windowShutQuarters: 0, seatAiDebt: 0 };

  test("leverage: net cash is 0, losses are extreme", () => {
    expect(leverageBp(-1000, 500)).toBe(0);
    expect(leverageBp(4000, 1000)).toBe(10_000); // 1× annual EBITDA
    expect(leverageBp(1000, 0)).toBeGreaterThan(100_000);
  });

  test("ratings worsen monotonically with leverage", () => {
    let prev = -1;
    for (const lev of [0, 3000, 6000, 12_000, 20_000, 30_000, 50_000, 70_000, 999_999]) {
      const idx = RATINGS.indexOf(ratingFor("meta", lev));
      expect(idx).toBeGreaterThanOrEqual(prev);
      prev = idx;
    }
    expect(RATINGS.indexOf(ratingFor("meta", 999_999))).toBeGreaterThan(RATINGS.indexOf(ratingFor("meta", 0)));
    expect(ratingFor("meta", 999_999)).not.toBe("D"); // default is an event, not a leverage level
  });

  test("coupon = base rate + rating spread + leverage spread + crowding + tenor premium", () => {
    const crowded = { ...bonds, crowdingBp: 35 };
    for (const tenor of TENORS) {
      const c = couponBp(crowded, "A", 20_000, tenor);
      expect(c).toBe(400 + B.spreadByRatingBp.A + Math.floor((20_000 * B.leverageSpreadPerTurnBp) / 10_000) + 35 + (B.tenorPremiumBp[String(tenor)] ?? 0));
    }
    expect(couponBp(bonds, "A", 0, 100)).toBeGreaterThan(couponBp(bonds, "A", 0, 5));
    expect(couponBp(bonds, "BB", 0, 10)).toBeGreaterThan(couponBp(bonds, "AA", 0, 10));
    expect(couponBp(bonds, "A", 30_000, 10)).toBeGreaterThan(couponBp(bonds, "A", 0, 10));
  });

  test("the 100-year tenor only for AAA and AA", () => {
    for (const r of RATINGS) expect(tenorsFor(r).includes(100)).toBe(r === "AAA" || r === "AA");
    for (const r of RATINGS) expect(tenorsFor(r)).toEqual(expect.arrayContaining([5, 10, 30]));
  });

  test("crowding starts above the threshold share and grows with it; issuance raises the share", () => {
    expect(crowdingBp(B.crowdingThresholdBp)).toBe(0);
    expect(crowdingBp(B.crowdingThresholdBp - 500)).toBe(0);
    expect(crowdingBp(B.crowdingThresholdBp + 2000)).toBeGreaterThan(crowdingBp(B.crowdingThresholdBp + 1000));
    const after = nextBonds(bonds, 200_000);
    expect(after.aiIgShareBp).toBeGreaterThan(nextBonds(bonds, 0).aiIgShareBp);
    expect(after.crowdingBp).toBeGreaterThanOrEqual(nextBonds(bonds, 0).crowdingBp);
  });

  test("a shut window: no cover, no capacity, and it reopens as the quarters run out", () => {
    const shut = { ...bonds, windowOpen: false, windowShutQuarters: 2 };
    expect(coverageBp(shut, "AAA", "euphoria", 10_000)).toBe(0);
    expect(issueCapacity(0, 10_000, false)).toBe(0);
    const q1 = nextBonds(shut, 0);
    expect(q1.windowOpen).toBe(false);
    expect(nextBonds(q1, 0).windowOpen).toBe(true);
  });

  test("order-book cover falls with weaker credit, sour markets and jumbo size", () => {
    expect(coverageBp(bonds, "BBB", "euphoria", 10_000)).toBeLessThan(coverageBp(bonds, "AA", "euphoria", 10_000));
    expect(coverageBp(bonds, "AA", "disillusionment", 10_000)).toBeLessThan(coverageBp(bonds, "AA", "euphoria", 10_000));
    expect(coverageBp(bonds, "AA", "euphoria", B.jumboSize * 3)).toBeLessThan(coverageBp(bonds, "AA", "euphoria", B.jumboSize));
  });

  test("capacity: lenders stop at the leverage limit; bridge lenders go further; no EBITDA, no loan", () => {
    expect(issueCapacity(0, 10_000, true)).toBe(Math.min(Math.floor((40_000 * B.maxLeverageTurnsBp) / 10_000), B.jumboSize * 2));
    expect(emergencyCapacity(0, 10_000)).toBeGreaterThan(Math.floor((40_000 * B.maxLeverageTurnsBp) / 10_000) - 1);
    expect(issueCapacity(0, -1, true)).toBe(0);
    expect(emergencyCapacity(0, 0)).toBe(0);
    expect(issueCapacity(10_000_000, 10_000, true)).toBe(0);
  });
});

describe("bonds inside resolveTurn", () => {
  const seats: CompanyId[] = ["alphabet", "oracle"];
  const s0 = createMatch({ seed: 21, seats, randomEvents: false });

  function issue(state: MatchState, seat: CompanyId, amount: number, tenor: Decision["debtTenor"]) {
    const d = defaultDecisions(state) as Record<CompanyId, Decision>;
    d[seat] = { ...d[seat], debtIssue: amount, debtTenor: tenor };
    expect(validateDecision(state, seat, d[seat]).ok).toBe(true);
    return resolveTurn(state, d);
  }

  test("a successful issue adds a tranche with the quoted terms and shows in the cash flow", () => {
    const r = issue(s0, "alphabet", 20_000, 100);
    const rep = r.report.seats.find((x) => x.company === "alphabet")!;
    const c = r.state.companies.alphabet!;
    expect(rep.debtIssued).toBeGreaterThan(0);
    const t = c.tranches.find((x) => x.issuedTurn === 0 && !x.emergency)!;
    expect(t.principal).toBe(rep.debtIssued);
    expect(t.tenor).toBe(100);
    expect(t.maturityTurn).toBe(400);
    expect(t.couponBp).toBe(rep.couponBp);
    expect(t.couponBp).toBeGreaterThanOrEqual(s0.market.bonds.baseRateBp + B.spreadByRatingBp.AAA + (B.tenorPremiumBp["100"] ?? 0));
    expect(c.history[0]!.cashFlow.debtIssued).toBe(rep.debtIssued);
    expect(r.state.market.bonds.seatAiDebt).toBe(rep.debtIssued);
  });

  test("longer tenors and weaker credits pay more", () => {
    const long = issue(s0, "alphabet", 5000, 30).report.seats.find((x) => x.company === "alphabet")!;
    const short = issue(s0, "alphabet", 5000, 5).report.seats.find((x) => x.company === "alphabet")!;
    expect(long.couponBp).toBeGreaterThan(short.couponBp);
    const weak = issue(s0, "oracle", 5000, 5).report.seats.find((x) => x.company === "oracle")!;
    expect(weak.couponBp).toBeGreaterThan(short.couponBp);
  });

  test("with the window shut, a debt issue is refused and nothing is issued", () => {
    const s = clone(s0) as Mutable<MatchState>;
    s.market.bonds.windowOpen = false;
    s.market.bonds.windowShutQuarters = 2;
    const d = defaultDecisions(s as MatchState) as Record<CompanyId, Decision>;
    d.alphabet = { ...d.alphabet, debtIssue: 10_000 };
    const r = resolveTurn(s as MatchState, d);
    const rep = r.report.seats.find((x) => x.company === "alphabet")!;
    expect(rep.replacedInvalid).toBe(true);
    expect(rep.debtIssued).toBe(0);
    expect(r.state.companies.alphabet!.tranches.filter((t) => t.issuedTurn === 0)).toEqual([]);
  });

  test("repayment retires the nearest maturity first", () => {
    const s = clone(s0) as Mutable<MatchState>;
    const c = s.companies.alphabet!;
    c.tranches = [
      { id: "far", principal: 10_000, couponBp: 400, issuedTurn: -4, maturityTurn: 30, tenor: 10, emergency: false },
      { id: "near", principal: 3000, couponBp: 400, issuedTurn: -4, maturityTurn: 8, tenor: 5, emergency: false },
    ];
    const d = defaultDecisions(s as MatchState) as Record<CompanyId, Decision>;
    d.alphabet = { ...d.alphabet, debtRepay: 5000 };
    const r = resolveTurn(s as MatchState, d);
    expect(r.report.seats.find((x) => x.company === "alphabet")!.replacedInvalid).toBe(false);
    expect(r.state.companies.alphabet!.tranches.map((t) => [t.id, t.principal])).toEqual([["far", 8000]]);
    expect(r.state.companies.alphabet!.history[0]!.cashFlow.debtRepaid).toBe(5000);
  });
});

describe("emergency borrowing and default", () => {
  const seats: CompanyId[] = ["microsoft", "oracle", "meta"];
  const s0 = createMatch({ seed: 33, seats, randomEvents: false, turns: 8 });

  /** A maturity falling due this quarter, bigger than the seat can pay from cash. */
  function withMaturity(seat: CompanyId, principal: number): MatchState {
    const s = clone(s0) as Mutable<MatchState>;
    const c = s.companies[seat]!;
    c.tranches = [...c.tranches, { id: `${seat}-due`, principal, couponBp: 400, issuedTurn: -20, maturityTurn: 0, tenor: 5, emergency: false }];
    c.equity -= principal;
    c.cash = 1000;
    c.equity -= s0.companies[seat]!.cash - 1000;
    return s as MatchState;
  }

  test("cash that would go negative is bridged by an emergency loan at a penalty; cash ends at zero", () => {
    const s = withMaturity("microsoft", 80_000);
    const r = resolveTurn(s, defaultDecisions(s));
    const rep = r.report.seats.find((x) => x.company === "microsoft")!;
    const c = r.state.companies.microsoft!;
    expect(rep.emergencyBorrowing).toBeGreaterThan(0);
    expect(rep.defaulted).toBe(false);
    expect(c.status).toBe("active");
    expect(c.cash).toBe(0);
    const bridge = c.tranches.find((t) => t.emergency)!;
    expect(bridge.principal).toBe(rep.emergencyBorrowing);
    expect(bridge.tenor).toBe(1);
    expect(bridge.maturityTurn).toBe(4);
    expect(bridge.couponBp).toBeGreaterThanOrEqual(s.market.bonds.baseRateBp + B.emergencyPenaltyBp);
    expect(c.history[0]!.cashFlow.emergencyBorrowing).toBe(rep.emergencyBorrowing);
    expect(r.report.headlines.some((h) => h.key === "headline.emergency" && h.params.company === "microsoft")).toBe(true);
  });

  test("when no bridge is possible the seat defaults, and stays out unchanged for the rest of the match", () => {
    const s = withMaturity("oracle", 5_000_000);
    let r = resolveTurn(s, defaultDecisions(s));
    const rep = r.report.seats.find((x) => x.company === "oracle")!;
    expect(rep.defaulted).toBe(true);
    const out = r.state.companies.oracle!;
    expect(out.status).toBe("defaulted");
    expect(out.defaultedTurn).toBe(0);
    expect(out.rating).toBe("D");
    expect(r.report.headlines.some((h) => h.key === "headline.default" && h.params.company === "oracle")).toBe(true);
    // Out of the match: no legal decision, no bounds, ranked last, and untouched by later turns.
    expect(validateDecision(r.state, "oracle", defaultDecision(r.state, "oracle"))).toMatchObject({ ok: false, errors: [{ code: "decision/seat_defaulted" }] });
    expect(decisionBounds(r.state, "oracle").budget).toBe(0);
    const frozen = JSON.stringify(out);
    let state = r.state;
    while (!state.ended) {
      r = resolveTurn(state, { ...defaultDecisions(state), oracle: { ...defaultDecision(s, "oracle"), capex: 10 } });
      expect(r.report.seats.map((x) => x.company)).not.toContain("oracle");
      state = r.state;
      expect(JSON.stringify(state.companies.oracle)).toBe(frozen);
    }
    const ranks = score(state);
    expect(ranks.find((x) => x.company === "oracle")).toMatchObject({ defaulted: true, rank: seats.length });
  });

  test("past the bridge limit the seat sells shares at a discount instead of defaulting", () => {
    const s = withMaturity("oracle", 180_000);
    const before = s.companies.oracle!;
    const r = resolveTurn(s, defaultDecisions(s));
    const rep = r.report.seats.find((x) => x.company === "oracle")!;
    const c = r.state.companies.oracle!;
    expect(rep.emergencyBorrowing).toBeGreaterThan(0);
    expect(rep.equityIssued).toBeGreaterThan(0);
    expect(rep.equityIssued).toBeLessThanOrEqual(Math.round((before.marketCap * MARKET_PARAMS.stock.equityRaiseMaxBp) / 10_000));
    expect(rep.defaulted).toBe(false);
    expect(c.cash).toBe(0);
    expect(c.sharesOutstandingM).toBeGreaterThan(before.sharesOutstandingM);
    expect(c.history[0]!.cashFlow.equityIssued).toBe(rep.equityIssued);
    expect(c.equity - before.equity).toBe(c.history[0]!.income.netIncome + rep.equityIssued);
    expect(r.report.headlines.some((h) => h.key === "headline.equity_raise" && h.params.company === "oracle")).toBe(true);
  });

  test("the match ends when every seat has defaulted", () => {
    const s = clone(s0) as Mutable<MatchState>;
    for (const id of seats) {
      const c = s.companies[id]!;
      c.tranches = [...c.tranches, { id: `${id}-due`, principal: 9_000_000, couponBp: 400, issuedTurn: -20, maturityTurn: 0, tenor: 5, emergency: false }];
    }
    const r = resolveTurn(s as MatchState, defaultDecisions(s as MatchState));
    expect(r.report.seats.every((x) => x.defaulted)).toBe(true);
    expect(r.state.ended).toBe(true);
    expect(() => resolveTurn(r.state, {})).toThrow(/ended/);
  });
});
