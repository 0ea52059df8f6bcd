/**
 * The credit market's doors when cash runs short (MARKETS.md §2): bridge lenders lend only to an
 * investment-grade seat that is not paying out borrowed money, and a bridge falling due is taken
 * out by the bond market or not at all; past them, a share sale at a discount, which shareholders
 * refuse a seat paying out borrowed money in a sour regime; past both, default.
 */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { decideActive, playMatch } from "../../shared/engine/play.ts";
import {
  type BridgeRefusal,
  agencyStep,
  bridgeRefusal,
  equityRoom,
  LENDERS_MEMORY_QUARTERS,
  leverageBp,
  targetRating,
  paidOutBorrowed,
  paidOutBorrowedLately,
} from "../../shared/engine/credit.ts";
import {
  RATINGS,
  REGIMES,
  createMatch,
  decisionBounds,
  defaultDecision,
  resolveTurn,
  validateDecision,
  viewFor,
  type CompanyId,
  type Decision,
  type MatchState,
  type Regime,
  type SeatReport,
} from "../../shared/engine/index.ts";
import { totalDebt } from "../../shared/engine/validate.ts";
import { guidancePolicy } from "../../shared/ai/personalities.ts";
import { hasKey } from "../../shared/i18n/index.ts";
import { clone, defaultDecisions, type Mutable } from "./helpers.ts";

const C = MARKET_PARAMS.credit;
const V = MARKET_PARAMS.valuation;
const seats: CompanyId[] = ["microsoft", "meta"];
const s0 = createMatch({ seed: 5, seats, randomEvents: false, turns: 8 });

const ebitdaOf = (r: { state: MatchState }, id: CompanyId): number => {
  const i = r.state.companies[id]!.history.at(-1)!.income;
  return i.operatingIncome + i.depreciation;
};
const seatOf = (r: { report: { seats: readonly SeatReport[] } }, id: CompanyId): SeatReport => r.report.seats.find((x) => x.company === id)!;

/** "Loot": borrow all the bond market lends, pay out all the cash allows, the rest on capex (legal by the bounds). */
function loot(state: MatchState, seat: CompanyId): Decision {
  const b = decisionBounds(state, seat);
  const d: Decision = {
    ...defaultDecision(state, seat),
    capex: b.budget - b.dividends.max,
    debtIssue: b.debtIssue.max,
    debtTenor: b.debtTenors[0]!,
    dividends: b.dividends.max,
    buybacks: 0,
    energyBids: [],
  };
  expect(validateDecision(state, seat, d).ok).toBe(true);
  return d;
}

/** A quiet quarter: no capex, no payout, no new debt. */
function quiet(state: MatchState): Partial<Record<CompanyId, Decision>> {
  const out: Partial<Record<CompanyId, Decision>> = {};
  for (const id of seats) out[id] = { ...defaultDecision(state, id), capex: 0 };
  return out;
}

/** Adds a bond falling due this quarter, `beyond` $M more than the seat's cash, and sets the regime. */
function withMaturity(state: MatchState, seat: CompanyId, beyond: number, regime: Regime, emergency = false): MatchState {
  const s = clone(state) as Mutable<MatchState>;
  const c = s.companies[seat]!;
  const principal = c.cash + beyond;
  c.tranches = [
    ...c.tranches,
    { id: `${seat}-due`, principal, couponBp: 500, issuedTurn: s.turn - 4, maturityTurn: s.turn, tenor: emergency ? 1 : 5, emergency },
  ];
  c.equity -= principal;
  s.market.sentiment.regime = regime;
  return s as MatchState;
}

describe("who is paying out borrowed money", () => {
  test("an ordinary dividend from a cash pile while borrowing for capex is not; most of the borrowing going out to shareholders is", () => {
    // Meta on the documented path: pays its dividend, free cash flow negative, borrows, keeps a cash pile.
    expect(paidOutBorrowed(1310, -5596, 53_000, 11_552)).toBe(false);
    // Loot: the payout needed the bonds, and took most of them.
    expect(paidOutBorrowed(83_199, -14_733, -37_932, 41_140)).toBe(true);
    // A payout covered by free cash flow is not borrowed, whatever the seat borrows for.
    expect(paidOutBorrowed(5000, 6000, -20_000, 30_000)).toBe(false);
    // Nothing borrowed: nothing borrowed paid out.
    expect(paidOutBorrowed(5000, 0, -3000, 0)).toBe(false);
    // A small dividend in a quarter that borrowed mostly for something else.
    expect(paidOutBorrowed(1000, -4000, -9000, 9000)).toBe(false);
    // The threshold: more than `payoutFromDebtShareBp` of the borrowing.
    const borrowed = 10_000;
    const edge = Math.floor((borrowed * C.payoutFromDebtShareBp) / 10_000);
    expect(paidOutBorrowed(edge, 0, -borrowed, borrowed)).toBe(false);
    expect(paidOutBorrowed(edge + 1, 0, -borrowed, borrowed)).toBe(true);
  });

  test("the agencies put a seat paying out borrowed money on watch, even when its ratios hold", () => {
    // Microsoft's ratios stay AAA after one quarter of it: the watch is the payout's alone.
    const r = resolveTurn(s0, { ...defaultDecisions(s0), microsoft: loot(s0, "microsoft") });
    const ms = seatOf(r, "microsoft");
    expect(
      targetRating("microsoft", leverageBp(totalDebt(r.state.companies.microsoft!) - r.state.companies.microsoft!.cash, ebitdaOf(r, "microsoft")), 9_999_999)
        .rating,
    ).toBe("AAA");
    expect(ms).toMatchObject({ ratingAfter: "AAA", creditWatch: "negative", ratingReason: "credit.reason.payout_debt" });
    expect(r.report.headlines.some((h) => h.key === "headline.watch_negative" && h.params.company === "microsoft")).toBe(true);
    expect(seatOf(r, "meta").creditWatch).toBe("none");
  });

  test("lenders read the last year of statements, and forget after it", () => {
    let s = s0;
    s = resolveTurn(s, { ...defaultDecisions(s), meta: loot(s, "meta") }).state;
    expect(paidOutBorrowedLately(s.companies.meta!.history)).toBe(true);
    expect(paidOutBorrowedLately(s.companies.microsoft!.history)).toBe(false);
    for (let q = 1; q < LENDERS_MEMORY_QUARTERS; q++) {
      s = resolveTurn(s, quiet(s)).state;
      expect(paidOutBorrowedLately(s.companies.meta!.history), `quarter ${q}`).toBe(true);
    }
    s = resolveTurn(s, quiet(s)).state;
    expect(paidOutBorrowedLately(s.companies.meta!.history)).toBe(false);
  });
});

describe("the doors", () => {
  test("bridge lenders: a clean investment-grade seat gets one; a junk seat, a seat paying out borrowed money, or a bridge not taken out does not", () => {
    expect(bridgeRefusal("AAA", false, false)).toBeNull();
    expect(bridgeRefusal(C.bridgeMinRating, false, false)).toBeNull();
    expect(bridgeRefusal("BB", false, false)).toBe("bridge_refused_junk");
    expect(bridgeRefusal("AAA", true, false)).toBe("bridge_refused_payout");
    expect(bridgeRefusal("AAA", false, true)).toBe("refinance_failed");
  });

  test("shareholders: a share of the market cap, nothing to a seat paying out borrowed money in a sour regime", () => {
    const cap = 2_000_000;
    for (const regime of REGIMES) {
      expect(equityRoom(cap, regime, false)).toBe(Math.round((cap * V.equityRaiseMaxBp) / 10_000));
      expect(equityRoom(cap, regime, true)).toBe(C.payoutEquityShutRegimes.includes(regime) ? 0 : equityRoom(cap, regime, false));
    }
    expect(C.payoutEquityShutRegimes).toContain("disillusionment");
    expect(C.payoutEquityShutRegimes).not.toContain("euphoria");
  });

  test("agencies cut a distressed seat two notches and say which door shut", () => {
    const steady = { rating: "AA" as const, binding: "leverage" as const };
    expect(agencyStep("AA", "none", steady, true, false, "credit.reason.bridge_refused_payout")).toEqual({
      rating: "A+",
      watch: "negative",
      reason: "credit.reason.bridge_refused_payout",
    });
    expect(agencyStep("AA", "none", steady, true, false).reason).toBe("credit.reason.distress");
  });

  test("every reason a door gives has its words and its downgrade headline in both languages", () => {
    const refusals: BridgeRefusal[] = ["refinance_failed", "bridge_refused_payout", "bridge_refused_junk"];
    for (const r of refusals) {
      expect(hasKey(`credit.reason.${r}`), r).toBe(true);
      expect(hasKey(`headline.downgrade.${r}`), r).toBe(true);
    }
    expect(hasKey("credit.reason.default_equity_shut")).toBe(true);
    expect(hasKey("credit.reason.default_too_big")).toBe(true);
    expect(hasKey("bounds.doors_shut")).toBe(true);
  });
});

describe("cash running short inside resolveTurn", () => {
  test("an investment-grade seat with a temporary gap gets its bridge, and the bond market takes it out when it falls due", () => {
    const s = withMaturity(s0, "microsoft", 60_000, "disillusionment");
    const r = resolveTurn(s, quiet(s));
    const rep = seatOf(r, "microsoft");
    expect(rep.emergencyBorrowing).toBeGreaterThan(0);
    expect(rep.equityIssued).toBe(0);
    expect(rep.defaulted).toBe(false);
    expect(rep.ratingReason).toBe("credit.reason.distress");
    const bridge = r.state.companies.microsoft!.tranches.find((t) => t.emergency)!;
    expect(bridge.principal).toBe(rep.emergencyBorrowing);
    // Four quarters on, the bridge falls due and a bond takes it out: no new bridge, no share sale.
    let state = r.state;
    while (state.turn < bridge.maturityTurn) state = resolveTurn(state, defaultDecisions(state)).state;
    expect(state.market.bonds.windowOpen).toBe(true);
    const due = resolveTurn(state, defaultDecisions(state));
    const later = seatOf(due, "microsoft");
    expect(later.emergencyBorrowing).toBe(0);
    expect(later.equityIssued).toBe(0);
    const c = due.state.companies.microsoft!;
    expect(c.tranches.some((t) => t.id === bridge.id)).toBe(false);
    const takeOut = c.tranches.find((t) => t.issuedTurn === state.turn && !t.emergency)!;
    expect(takeOut).toMatchObject({ principal: bridge.principal, tenor: C.takeOutTenor, maturityTurn: state.turn + C.takeOutTenor * 4 });
    expect(c.history.at(-1)!.cashFlow.debtIssued).toBe(bridge.principal);
  });

  test("a bridge the bond market will not take out is not rolled: the seat sells shares at a discount to the market price", () => {
    const s = clone(withMaturity(s0, "microsoft", 90_000, "disillusionment", true)) as Mutable<MatchState>;
    s.market.bonds.windowOpen = false;
    s.market.bonds.windowShutQuarters = 2;
    const before = s.companies.microsoft!;
    const r = resolveTurn(s as MatchState, quiet(s as MatchState));
    const rep = seatOf(r, "microsoft");
    expect(rep.emergencyBorrowing).toBe(0);
    expect(rep.equityIssued).toBeGreaterThan(0);
    expect(rep.defaulted).toBe(false);
    expect(rep.ratingReason).toBe("credit.reason.refinance_failed");
    const c = r.state.companies.microsoft!;
    expect(c.cash).toBe(0);
    expect(c.tranches.some((t) => t.emergency)).toBe(false);
    // The new shares were sold at the discount to the opening price.
    const offerCents = Math.round((before.sharePriceCents * (10_000 - V.equityRaiseDiscountBp)) / 10_000);
    expect(c.sharesOutstandingM - before.sharesOutstandingM).toBe(Math.ceil((rep.equityIssued * 100) / offerCents));
    expect(RATINGS.indexOf(rep.ratingAfter)).toBeGreaterThanOrEqual(RATINGS.indexOf(before.rating) + 2);
    expect(r.report.headlines.some((h) => h.key === "headline.downgrade.refinance_failed" && h.params.company === "microsoft")).toBe(true);
  });

  test("bridge lenders turn away a junk-rated seat: it sells shares instead", () => {
    const s = clone(withMaturity(s0, "meta", 40_000, "disillusionment")) as Mutable<MatchState>;
    s.companies.meta!.rating = "BB";
    const r = resolveTurn(s as MatchState, quiet(s as MatchState));
    const rep = seatOf(r, "meta");
    expect(rep.emergencyBorrowing).toBe(0);
    expect(rep.equityIssued).toBeGreaterThan(0);
    expect(rep.ratingReason).toBe("credit.reason.bridge_refused_junk");
    // The same hole at investment grade is bridged.
    const ig = seatOf(resolveTurn(withMaturity(s0, "meta", 40_000, "disillusionment"), quiet(s0)), "meta");
    expect(ig.emergencyBorrowing).toBeGreaterThan(0);
    expect(ig.equityIssued).toBe(0);
  });

  describe("a seat that paid out borrowed money", () => {
    const looted = resolveTurn(s0, { ...defaultDecisions(s0), meta: loot(s0, "meta") }).state;

    test("gets no bridge; while the market is warm, shareholders still buy its shares at a discount", () => {
      expect(looted.companies.meta!.rating).not.toBe("BB"); // still investment grade: the refusal is about the payout
      const s = withMaturity(looted, "meta", 30_000, "euphoria");
      const r = resolveTurn(s, quiet(s));
      const rep = seatOf(r, "meta");
      expect(rep.emergencyBorrowing).toBe(0);
      expect(rep.equityIssued).toBeGreaterThan(0);
      expect(rep.defaulted).toBe(false);
      expect(rep.ratingReason).toBe("credit.reason.bridge_refused_payout");
      expect(r.state.companies.meta!.status).toBe("active");
      expect(r.state.companies.meta!.cash).toBe(0);
    });

    test("in a sour regime shareholders will not refill the hole either: it defaults, and stays out", () => {
      const s = withMaturity(looted, "meta", 30_000, "disillusionment");
      const r = resolveTurn(s, quiet(s));
      const rep = seatOf(r, "meta");
      expect(rep.emergencyBorrowing).toBe(0);
      expect(rep.equityIssued).toBe(0);
      expect(rep.defaulted).toBe(true);
      expect(rep.ratingReason).toBe("credit.reason.default_equity_shut");
      const c = r.state.companies.meta!;
      expect(c).toMatchObject({ status: "defaulted", rating: "D", defaultedTurn: s.turn });
      expect(r.report.headlines.some((h) => h.key === "headline.default" && h.params.company === "meta")).toBe(true);
      // A seat that did not pay out borrowed money survives the same hole in the same regime.
      const clean = resolveTurn(s0, defaultDecisions(s0)).state;
      const sane = seatOf(resolveTurn(withMaturity(clean, "meta", 30_000, "disillusionment"), quiet(clean)), "meta");
      expect(sane.defaulted).toBe(false);
      expect(sane.emergencyBorrowing).toBeGreaterThan(0);
    });
  });

  test("a hole bigger than the bridge and a share sale together defaults, saying so", () => {
    const s = withMaturity(s0, "meta", 50_000_000, "euphoria");
    const rep = seatOf(resolveTurn(s, quiet(s)), "meta");
    expect(rep.defaulted).toBe(true);
    expect(rep.ratingReason).toBe("credit.reason.default_too_big");
  });
});

describe("sane play", () => {
  test("the guidance path never needs a share sale or defaults", () => {
    for (const scenario of ["reckoning", "buildout"] as const)
      for (const seed of [1, 2, 3]) {
        const config = { scenario, seed, seats: ["microsoft", "amazon", "alphabet", "meta"], randomEvents: true, turns: 12 } as const;
        const guide = (s: MatchState) =>
          decideActive(s, (id) =>
            guidancePolicy(viewFor(s, id), { bounds: decisionBounds(s, id), defaultDecision: defaultDecision(s, id), seed: seed + s.turn }),
          );
        playMatch({ ...config, seats: [...config.seats] }, guide, {
          onTurn: ({ turn, report }) => {
            for (const x of report.seats) {
              expect(x.defaulted, `${scenario}/${seed} ${x.company} t${turn}`).toBe(false);
              expect(x.equityIssued, `${scenario}/${seed} ${x.company} t${turn}`).toBe(0);
              expect(x.replacedInvalid).toBe(false);
            }
          },
        });
      }
  });
});
