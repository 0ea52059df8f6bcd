/** Steps 6–8: income statement, emergency borrowing, default, and the bond market. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { interestFor, quarterlyIncome, type IncomeInput } from "../../shared/engine/finance.ts";
import {
  agencyStep,
  couponBp,
  crowdingBp,
  emergencyCapacity,
  interestCoverBp,
  issueCapacity,
  leverageBp,
  nextBondMarket,
  orderBook,
  placeDeal,
  targetRating,
  tenorsFor,
} from "../../shared/engine/credit.ts";
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

const C = MARKET_PARAMS.credit;

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
    expect(i.tax).toBe(Math.round((i.pretaxIncome * MARKET_PARAMS.valuation.taxRateBp) / 10_000));
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

describe("credit functions", () => {
  const bonds: MarketState["bonds"] = {
    baseRateBp: 400,
    aiIgShareBp: 1400,
    crowdingBp: 0,
    windowOpen: true,
    windowShutQuarters: 0,
    aiDebt: 1_400_000,
    igDebt: 10_000_000,
  };

  test("leverage: net cash is 0, losses are extreme; coverage: no interest is off the scale", () => {
    expect(leverageBp(-1000, 500)).toBe(0);
    expect(leverageBp(4000, 1000)).toBe(10_000); // 1× annual EBITDA
    expect(leverageBp(1000, 0)).toBeGreaterThan(100_000);
    expect(interestCoverBp(10_000, 1000)).toBe(100_000); // 10×
    expect(interestCoverBp(10_000, 0)).toBeGreaterThan(1_000_000);
  });

  test("the agencies' target worsens monotonically with leverage and with weaker coverage, never to D", () => {
    let prev = -1;
    for (const lev of [0, 3000, 6000, 12_000, 20_000, 30_000, 50_000, 70_000, 999_999]) {
      const idx = RATINGS.indexOf(targetRating("microsoft", lev, 9_999_999).rating);
      expect(idx).toBeGreaterThanOrEqual(prev);
      prev = idx;
    }
    prev = -1;
    for (const cover of [9_999_999, 200_000, 80_000, 30_000, 12_000, 5000]) {
      const idx = RATINGS.indexOf(targetRating("microsoft", 0, cover).rating);
      expect(idx).toBeGreaterThanOrEqual(prev);
      prev = idx;
    }
    expect(targetRating("meta", 999_999, 0).rating).not.toBe("D"); // default is an event, not a ratio
    // The business notch: Meta's ad-cyclical core sits below Microsoft's on the same ratios.
    expect(RATINGS.indexOf(targetRating("meta", 0, 9_999_999).rating)).toBeGreaterThan(RATINGS.indexOf(targetRating("microsoft", 0, 9_999_999).rating));
  });

  test("agencies watch before they move, one notch at a time, two on distress", () => {
    const worse = { rating: "A+" as const, binding: "leverage" as const };
    const watched = agencyStep("AA", "none", worse, false, false);
    expect(watched).toEqual({ rating: "AA", watch: "negative", reason: "credit.reason.leverage" });
    const moved = agencyStep("AA", "negative", worse, false, false);
    expect(moved.rating).toBe("AA-");
    expect(moved.watch).toBe("negative"); // still above the target
    // Three notches or more below the target, they move two at once.
    expect(agencyStep("AA", "negative", { rating: "A", binding: "coverage" }, false, false)).toMatchObject({ rating: "A+", reason: "credit.reason.coverage" });
    expect(agencyStep("AA", "none", { rating: "AA", binding: "leverage" }, true, false).rating).toBe("A+");
    expect(agencyStep("AA", "none", worse, false, true).reason).toBe("credit.reason.payout_debt");
    const better = agencyStep("A", "none", { rating: "AA", binding: "leverage" }, false, false);
    expect(better).toEqual({ rating: "A", watch: "positive", reason: "credit.reason.improved" });
    expect(agencyStep("A", "positive", { rating: "AA", binding: "leverage" }, false, false).rating).toBe("A+");
  });

  test("coupon = base rate + rating spread + leverage spread + crowding + tenor premium + concession", () => {
    const crowded = { ...bonds, crowdingBp: 35 };
    for (const tenor of TENORS) {
      const c = couponBp(crowded, "A", 20_000, tenor, 0, 100_000);
      expect(c).toBe(400 + C.spreadByRatingBp.A + Math.floor((20_000 * C.leverageSpreadPerTurnBp) / 10_000) + 35 + C.tenorPremiumBp[String(tenor) as "5"]);
    }
    expect(couponBp(bonds, "A", 0, 100, 0, 100_000)).toBeGreaterThan(couponBp(bonds, "A", 0, 5, 0, 100_000));
    expect(couponBp(bonds, "BB", 0, 10, 0, 100_000)).toBeGreaterThan(couponBp(bonds, "AA", 0, 10, 0, 100_000));
    expect(couponBp(bonds, "A", 30_000, 10, 0, 100_000)).toBeGreaterThan(couponBp(bonds, "A", 0, 10, 0, 100_000));
    // A deal taking more of the book pays a concession.
    expect(couponBp(bonds, "A", 0, 10, 50_000, 100_000)).toBeGreaterThan(couponBp(bonds, "A", 0, 10, 10_000, 100_000));
  });

  test("the century bond only for a top credit with little leverage", () => {
    const top = RATINGS.indexOf(C.centuryMinRating);
    for (const r of RATINGS) expect(tenorsFor(r, 0).includes(100)).toBe(RATINGS.indexOf(r) <= top);
    expect(tenorsFor("AAA", C.centuryMaxLeverageBp + 1).includes(100)).toBe(false);
    for (const r of RATINGS) expect(tenorsFor(r, 0)).toEqual(expect.arrayContaining([5, 10, 30]));
  });

  test("order books grow with the credit and shrink with a sour mood and crowding; a shut window has none", () => {
    expect(orderBook(bonds, "BBB", "euphoria")).toBeLessThan(orderBook(bonds, "AA", "euphoria"));
    expect(orderBook(bonds, "AA", "disillusionment")).toBeLessThan(orderBook(bonds, "AA", "euphoria"));
    expect(orderBook({ ...bonds, aiIgShareBp: 2500 }, "AA", "euphoria")).toBeLessThan(orderBook(bonds, "AA", "euphoria"));
    expect(orderBook({ ...bonds, windowOpen: false }, "AAA", "euphoria")).toBe(0);
  });

  test("a deal clears in full on a book that covers it minCover times, and is cut on a thinner one", () => {
    const book = orderBook(bonds, "AA", "scrutiny");
    const small = placeDeal(bonds, "AA", "scrutiny", 0, Math.floor(book / 5), 10);
    expect(small.filled).toBe(Math.floor(book / 5));
    expect(small.coverBp).toBeGreaterThanOrEqual(C.minCoverBp);
    const huge = placeDeal(bonds, "AA", "scrutiny", 0, book, 10);
    expect(huge.filled).toBe(Math.floor((book * 10_000) / C.minCoverBp));
    expect(huge.filled).toBeLessThan(book);
  });

  test("capacity: the book ÷ cover within the covenant; a fifth of it for a seat paying out borrowed money; none when shut or without EBITDA", () => {
    const open = issueCapacity(bonds, "AA", "scrutiny", 0, 100_000, false);
    expect(open.max).toBe(Math.min(Math.floor((open.book * 10_000) / C.minCoverBp), Math.floor((400_000 * C.maxLeverageBp) / 10_000)));
    const wary = issueCapacity(bonds, "AA", "scrutiny", 0, 100_000, true);
    expect(wary.max).toBe(Math.round((open.max * C.payoutFromDebtCapacityBp) / 10_000));
    expect(wary.limitedBy).toBe("payout_debt");
    expect(issueCapacity({ ...bonds, windowOpen: false }, "AA", "scrutiny", 0, 100_000, false)).toMatchObject({ max: 0, limitedBy: "window" });
    expect(issueCapacity(bonds, "AA", "scrutiny", 0, -1, false).max).toBe(0);
    expect(issueCapacity(bonds, "AA", "scrutiny", 10_000_000, 10_000, false)).toMatchObject({ max: 0, limitedBy: "covenant" });
    expect(emergencyCapacity(0, 10_000)).toBeGreaterThan(Math.floor((40_000 * C.maxLeverageBp) / 10_000));
    expect(emergencyCapacity(0, 0)).toBe(0);
  });

  test("issuance (the seats' and the outside world's) raises the AI share of IG and its crowding; a shut window reopens as its quarters run out", () => {
    expect(crowdingBp(C.crowdingThresholdBp)).toBe(0);
    expect(crowdingBp(C.crowdingThresholdBp + 2000)).toBeGreaterThan(crowdingBp(C.crowdingThresholdBp + 1000));
    const quiet = nextBondMarket(bonds, 0, 0);
    const busy = nextBondMarket(bonds, 200_000, 50_000);
    expect(busy.aiIgShareBp).toBeGreaterThan(quiet.aiIgShareBp);
    expect(busy.aiDebt).toBe(bonds.aiDebt + 250_000);
    expect(busy.crowdingBp).toBeGreaterThanOrEqual(quiet.crowdingBp);
    const shut = { ...bonds, windowOpen: false, windowShutQuarters: 2 };
    const q1 = nextBondMarket(shut, 0, 0);
    expect(q1.windowOpen).toBe(false);
    expect(nextBondMarket(q1, 0, 0).windowOpen).toBe(true);
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
    expect(t.couponBp).toBeGreaterThanOrEqual(s0.market.bonds.baseRateBp + C.spreadByRatingBp.AAA + C.tenorPremiumBp["100"]);
    expect(c.history[0]!.cashFlow.debtIssued).toBe(rep.debtIssued);
    expect(r.state.market.bonds.aiDebt - s0.market.bonds.aiDebt).toBe(rep.debtIssued + C.outsideAiIssuanceQ.reckoning);
  });

  test("longer tenors and weaker credits pay more", () => {
    const long = issue(s0, "alphabet", 5000, 30).report.seats.find((x) => x.company === "alphabet")!;
    const short = issue(s0, "alphabet", 5000, 5).report.seats.find((x) => x.company === "alphabet")!;
    expect(long.couponBp).toBeGreaterThan(short.couponBp);
    const weak = issue(s0, "oracle", 1000, 5).report.seats.find((x) => x.company === "oracle")!;
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
    expect(bridge.couponBp).toBeGreaterThanOrEqual(s.market.bonds.baseRateBp + C.emergencyPenaltyBp);
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
    const s = withMaturity("oracle", 100_000);
    const before = s.companies.oracle!;
    const r = resolveTurn(s, defaultDecisions(s));
    const rep = r.report.seats.find((x) => x.company === "oracle")!;
    const c = r.state.companies.oracle!;
    expect(rep.emergencyBorrowing).toBeGreaterThan(0);
    expect(rep.equityIssued).toBeGreaterThan(0);
    expect(rep.equityIssued).toBeLessThanOrEqual(Math.round((before.marketCap * MARKET_PARAMS.valuation.equityRaiseMaxBp) / 10_000));
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
