/**
 * Step 8: the credit market. Agencies rate each seat from its leverage (net debt ÷ EBITDA) and
 * coverage (EBITDA ÷ interest) plus a notch for the business itself, put it on watch before they
 * move, and move one notch at a time (two on distress). Investors' order books decide how much a
 * deal raises and at what price: a book that covers the deal `minCover` times clears it in full, a
 * thinner one cuts it; books grow with the credit and shrink with the mood and with crowding (the
 * AI share of the investment-grade market). The coupon is the base rate + the rating's spread +
 * leverage + crowding + the tenor's premium + a concession for taking a big slice of the book.
 * Only a top credit sells a century bond; lenders stop lending to a seat paying borrowed money out.
 * Short notes are cheaper (the term premium) but fall due inside a match: the agencies count debt
 * falling due within a year against what the seat can pay without the bond market.
 *
 * When cash runs short the doors shut in order (MARKETS.md §2): bridge lenders lend only to an
 * investment-grade seat that is not paying out borrowed money, against a bond take-out; a bridge
 * falling due is taken out by the bond market or not at all (never rolled into another bridge);
 * past the lenders, a share sale at a discount (orcl_equity_raise), which shareholders refuse a seat
 * paying out borrowed money while the market doubts the build-out; past both, default.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import { type CompanyId, RATINGS, type Rating, type Regime, TENORS, type Tenor } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";
import type { CashFlowStatement, CreditWatch, DebtTranche, MarketState, QuarterRecord } from "./types.ts";

const C = MARKET_PARAMS.credit;
const V = MARKET_PARAMS.valuation;
const D_INDEX = RATINGS.indexOf("D");

/** Quarters lenders remember a seat paying out borrowed money ("for a year"). */
export const LENDERS_MEMORY_QUARTERS = 4;

/** Net debt ÷ annual EBITDA in bp (a net-cash company scores 0; no EBITDA scores off the scale). */
export function leverageBp(netDebt: number, quarterlyEbitda: number): number {
  if (netDebt <= 0) return 0;
  if (quarterlyEbitda <= 0) return 999_999;
  return Math.floor((netDebt * BP) / (quarterlyEbitda * 4));
}

/** EBITDA ÷ interest expense in bp (no interest scores off the scale). */
export function interestCoverBp(quarterlyEbitda: number, quarterlyInterest: number): number {
  if (quarterlyInterest <= 0) return 9_999_999;
  return Math.max(0, Math.floor((quarterlyEbitda * BP) / quarterlyInterest));
}

/** The notch the ratios alone support: the worse of leverage and coverage. */
function ratioNotch(levBp: number, coverBp: number): { notch: number; binding: "leverage" | "coverage" } {
  let lev = C.leverageCeilingsBp.findIndex((ceiling) => levBp <= ceiling);
  if (lev < 0) lev = D_INDEX - 1;
  let cov = C.coverageFloorsBp.findIndex((floor) => coverBp >= floor);
  if (cov < 0) cov = D_INDEX - 1;
  return lev >= cov ? { notch: lev, binding: "leverage" } : { notch: cov, binding: "coverage" };
}

export interface AgencyView {
  readonly rating: Rating;
  readonly binding: "leverage" | "coverage" | "maturity_wall";
}

/**
 * Where the agencies would put a seat now, from its ratios and its business notch, one notch
 * lower while a maturity wall stands uncovered (`uncoveredWall` > 0).
 */
export function targetRating(id: CompanyId, levBp: number, coverBp: number, wall = 0): AgencyView {
  const r = ratioNotch(levBp, coverBp);
  const i = clamp(r.notch + COMPANY_PARAMS[id].businessNotch + (wall > 0 ? 1 : 0), 0, D_INDEX - 1);
  return { rating: RATINGS[i] ?? "CCC", binding: wall > 0 ? "maturity_wall" : r.binding };
}

export interface AgencyStep {
  readonly rating: Rating;
  readonly watch: CreditWatch;
  /** i18n key of the reason for an action or a watch, or null. */
  readonly reason: string | null;
}

/**
 * One quarter of the agencies: a watch first, then a notch once the watch has stood
 * `watchQuarters`; a distressed seat (bridge loans, a discounted share sale) loses two at once,
 * with `distressReason` (which door shut) when the finance step gave one.
 */
export function agencyStep(
  current: Rating,
  watch: CreditWatch,
  target: AgencyView,
  distressed: boolean,
  payoutFromDebt: boolean,
  distressReason: string | null = null,
): AgencyStep {
  const cur = RATINGS.indexOf(current);
  const tgt = RATINGS.indexOf(target.rating);
  if (distressed)
    return {
      rating: RATINGS[Math.min(D_INDEX - 1, Math.max(cur, tgt, cur + 2))] ?? "CCC",
      watch: "negative",
      reason: distressReason ?? "credit.reason.distress",
    };
  const why = payoutFromDebt ? "credit.reason.payout_debt" : `credit.reason.${target.binding}`;
  if (tgt > cur) {
    if (watch === "negative" || C.watchQuarters === 0) {
      // Far below the target (three notches or more), agencies move two at once.
      const step = tgt - cur >= 3 ? 2 : 1;
      return { rating: RATINGS[cur + step] ?? "CCC", watch: tgt > cur + step ? "negative" : "none", reason: why };
    }
    return { rating: current, watch: "negative", reason: why };
  }
  if (tgt < cur) {
    if (watch === "positive") return { rating: RATINGS[cur - 1] ?? current, watch: tgt < cur - 1 ? "positive" : "none", reason: "credit.reason.improved" };
    return { rating: current, watch: "positive", reason: "credit.reason.improved" };
  }
  return { rating: current, watch: "none", reason: null };
}

/** Investors' orders for a jumbo deal from this seat now, $M. */
export function orderBook(bonds: MarketState["bonds"], rating: Rating, regime: Regime): number {
  if (!bonds.windowOpen) return 0;
  const crowdedPts = Math.max(0, Math.floor((bonds.aiIgShareBp - C.crowdingThresholdBp) / 100));
  const crowding = Math.max(MARKET_PARAMS.rules.bookCrowdingFloorBp, BP - crowdedPts * C.bookCrowdingBp);
  return mulBp(mulBp(mulBp(C.baseBook, C.bookByRatingBp[rating]), C.bookByRegimeBp[regime]), crowding);
}

export function crowdingBp(aiIgShareBp: number): number {
  return Math.max(0, mulBp(aiIgShareBp - C.crowdingThresholdBp, C.crowdingPerShareBp));
}

/** The coupon a deal of `size` pays, bp a year. */
export function couponBp(bonds: MarketState["bonds"], rating: Rating, levBp: number, tenor: Tenor | 1, size: number, book: number): number {
  const tenorPremium = tenor === 1 ? 0 : C.tenorPremiumBp[`${tenor}`];
  const leverageSpread = Math.floor((levBp * C.leverageSpreadPerTurnBp) / BP);
  const concession = book <= 0 ? 0 : Math.floor((Math.min(size, book) * C.concessionBp) / book);
  return bonds.baseRateBp + C.spreadByRatingBp[rating] + leverageSpread + bonds.crowdingBp + tenorPremium + concession;
}

/** Tenors on offer: the century bond only to a top credit with little leverage (bond_googl_100yr). */
export function tenorsFor(rating: Rating, levBp: number): Tenor[] {
  const top = RATINGS.indexOf(rating) <= RATINGS.indexOf(C.centuryMinRating) && levBp <= C.centuryMaxLeverageBp;
  return top ? [...TENORS] : TENORS.filter((t) => t !== 100);
}

/** The tenor a seat issues when it says nothing: the 5-year benchmark, the market's standard deal. */
export const STANDARD_TENOR: Tenor = 5;

/** Quarters ahead the agencies look for debt falling due (a year: their liquidity horizon). */
export const WALL_HORIZON_QUARTERS = 4;

/** Principal falling due after `turn` and within the next `WALL_HORIZON_QUARTERS` quarters, $M. */
export function dueWithinYear(tranches: readonly DebtTranche[], turn: number): number {
  let due = 0;
  for (const t of tranches) if (t.maturityTurn > turn && t.maturityTurn <= turn + WALL_HORIZON_QUARTERS) due += t.principal;
  return due;
}

/**
 * A maturity wall the agencies mark down (INFERRED, standard liquidity analysis: sources against
 * uses over the next year): debt falling due within a year beyond what the seat can pay without
 * the bond market. While the window is open a year of operating cash flow counts besides cash;
 * while it is shut only cash does (the year's cash flow is spoken for and nobody refinances).
 * 0 when covered; otherwise the uncovered principal, $M.
 */
export function uncoveredWall(tranches: readonly DebtTranche[], turn: number, cash: number, quarterlyOcf: number, windowOpen: boolean): number {
  const sources = Math.max(0, cash) + (windowOpen ? 4 * Math.max(0, quarterlyOcf) : 0);
  return Math.max(0, dueWithinYear(tranches, turn) - sources);
}

export interface IssueCapacity {
  /** The largest deal that clears in full now, $M. */
  readonly max: number;
  readonly book: number;
  readonly limitedBy: "window" | "book" | "covenant" | "payout_debt" | null;
}

/**
 * The largest deal that clears in full: the book ÷ `minCover`, within the lenders' covenant
 * (net debt ≤ `maxLeverage` × EBITDA after the issue), and a fraction of it for a seat that paid
 * out borrowed money last quarter.
 */
export function issueCapacity(
  bonds: MarketState["bonds"],
  rating: Rating,
  regime: Regime,
  netDebt: number,
  quarterlyEbitda: number,
  payoutFromDebt: boolean,
): IssueCapacity {
  if (!bonds.windowOpen) return { max: 0, book: 0, limitedBy: "window" };
  const book = orderBook(bonds, rating, regime);
  const byBook = Math.floor((book * BP) / C.minCoverBp);
  // Lenders size a deal as if its proceeds will be spent: net debt after spending them must stay
  // within the covenant.
  const byCovenant = quarterlyEbitda <= 0 ? 0 : Math.max(0, Math.floor((quarterlyEbitda * 4 * C.maxLeverageBp) / BP) - Math.max(0, netDebt));
  let max = Math.min(byBook, byCovenant);
  let limitedBy: IssueCapacity["limitedBy"] = byBook <= byCovenant ? "book" : "covenant";
  if (payoutFromDebt) {
    max = mulBp(max, C.payoutFromDebtCapacityBp);
    limitedBy = "payout_debt";
  }
  return { max, book, limitedBy };
}

export interface DealOutcome {
  readonly filled: number;
  readonly coverBp: number;
  readonly couponBp: number;
  readonly book: number;
}

/** Places a deal: filled in full when the book covers it `minCover` times, cut to book ÷ minCover otherwise. */
export function placeDeal(bonds: MarketState["bonds"], rating: Rating, regime: Regime, levBp: number, size: number, tenor: Tenor): DealOutcome {
  const book = orderBook(bonds, rating, regime);
  if (size <= 0 || book <= 0) return { filled: 0, coverBp: 0, couponBp: 0, book };
  const coverBp = Math.floor((book * BP) / size);
  const filled = coverBp >= C.minCoverBp ? size : Math.floor((book * BP) / C.minCoverBp);
  return { filled, coverBp, couponBp: couponBp(bonds, rating, levBp, tenor, filled, book), book };
}

/** Bridge lenders go further than bond investors, at a penalty, before a default. */
export function emergencyCapacity(netDebt: number, quarterlyEbitda: number): number {
  if (quarterlyEbitda <= 0) return 0;
  return Math.max(0, Math.floor((quarterlyEbitda * 4 * C.emergencyMaxLeverageBp) / BP) - netDebt);
}

/**
 * Did the quarter pay shareholders with borrowed money? `ownCash` is the cash the seat would have
 * ended with without its new borrowing (bonds, take-outs, bridges): the part of the payout beyond
 * free cash flow that its own cash could not cover came out of the borrowing. Lenders react when
 * that is most of what they lent (`payoutFromDebtShareBp`), not to an ordinary dividend paid from a
 * cash pile while the seat also borrows for its capex.
 */
export function paidOutBorrowed(returned: number, freeCashFlow: number, ownCash: number, borrowed: number): boolean {
  if (borrowed <= 0 || ownCash >= 0) return false;
  const fromDebt = Math.min(returned - Math.max(0, freeCashFlow), -ownCash, borrowed);
  return fromDebt > 0 && fromDebt * BP > borrowed * C.payoutFromDebtShareBp;
}

/** `paidOutBorrowed` read from a quarter's cash-flow statement and the cash it ended with. */
export function statementPaidOutBorrowed(cf: CashFlowStatement, cashAfter: number): boolean {
  const borrowed = cf.debtIssued + cf.emergencyBorrowing;
  return paidOutBorrowed(cf.buybacks + cf.dividends, cf.freeCashFlow, cashAfter - borrowed - cf.equityIssued, borrowed);
}

/**
 * Did any of the last `LENDERS_MEMORY_QUARTERS` quarters pay shareholders with borrowed money, as
 * its published statements show? What bridge lenders and shareholders read before they say yes.
 */
export function paidOutBorrowedLately(history: readonly QuarterRecord[]): boolean {
  for (let i = Math.max(0, history.length - LENDERS_MEMORY_QUARTERS); i < history.length; i++) {
    const r = history[i];
    if (r && statementPaidOutBorrowed(r.cashFlow, r.balance.cash)) return true;
  }
  return false;
}

/** Why bridge lenders turn a seat away (the suffix of its `credit.reason.*` key). */
export type BridgeRefusal = "refinance_failed" | "bridge_refused_payout" | "bridge_refused_junk";

/**
 * Bridge lenders lend against a bond take-out: never to roll a bridge that the bond market would
 * not take out, never to a seat paying out borrowed money, and only to an investment-grade name.
 * Null when they lend (up to `emergencyCapacity`).
 */
export function bridgeRefusal(rating: Rating, payingOutBorrowed: boolean, bridgeNotTakenOut: boolean): BridgeRefusal | null {
  if (bridgeNotTakenOut) return "refinance_failed";
  if (payingOutBorrowed) return "bridge_refused_payout";
  if (RATINGS.indexOf(rating) > RATINGS.indexOf(C.bridgeMinRating)) return "bridge_refused_junk";
  return null;
}

/**
 * The most a seat can raise by selling shares at a discount this quarter, $M: a share of its market
 * cap, and nothing for a seat paying out borrowed money while the regime is sour (shareholders will
 * not refill the hole their own payout dug).
 */
export function equityRoom(marketCap: number, regime: Regime, payingOutBorrowed: boolean): number {
  if (payingOutBorrowed && C.payoutEquityShutRegimes.includes(regime)) return 0;
  return Math.max(0, mulBp(marketCap, V.equityRaiseMaxBp));
}

/**
 * The bond market after a quarter's issuance: the seats' and the outside world's AI-related
 * deals add to the AI debt, the investment-grade market grows, and the AI share and its crowding
 * premium follow.
 */
export function nextBondMarket(bonds: MarketState["bonds"], seatIssuance: number, outsideIssuance: number): MarketState["bonds"] {
  const aiDebt = bonds.aiDebt + seatIssuance + outsideIssuance;
  const igDebt = bonds.igDebt + mulBp(bonds.igDebt, C.igGrowthBpQ) + seatIssuance + outsideIssuance;
  const aiIgShareBp = Math.floor((aiDebt * BP) / Math.max(1, igDebt));
  const shut = Math.max(0, bonds.windowShutQuarters - 1);
  return { ...bonds, aiDebt, igDebt, aiIgShareBp, crowdingBp: crowdingBp(aiIgShareBp), windowShutQuarters: shut, windowOpen: shut === 0 };
}
