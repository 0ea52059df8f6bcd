/**
 * Decision checks for outside input: `validateDecision` never throws; it returns namespaced error
 * codes with field paths. `decisionBounds` gives each field's legal range now, so clients and
 * bots can always build a legal decision; `defaultDecision` is what stands if a seat sends none.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { customPriceK, maxCustomShareBp } from "./chips.ts";
import { canUseDeal } from "./energy.ts";
import {
  couponBp,
  dueWithinYear,
  type IssueCapacity,
  issueCapacity,
  leverageBp,
  paidOutBorrowedLately,
  STANDARD_TENOR,
  tenorsFor,
  WALL_HORIZON_QUARTERS,
} from "./credit.ts";
import { type CompanyId, isCompanyId, TENORS, type Tenor } from "./ids.ts";
import { BP, mulBp } from "./money.ts";
import { quarterBefore } from "./quarters.ts";
import {
  type BoundReason,
  type CompanyState,
  type Decision,
  type DecisionBounds,
  DECISION_MONEY_FIELDS as MONEY_FIELDS,
  DECISION_MONEY_MAX as MONEY_MAX,
  MAX_ENERGY_BIDS,
  type MatchState,
  type ValidationError,
  type ValidationResult,
} from "./types.ts";

export function totalDebt(c: CompanyState): number {
  return c.tranches.reduce((s, t) => s + t.principal, 0);
}

/** Last quarter's EBITDA (or the opening estimate before the first quarter). */
export function lastEbitda(c: CompanyState): number {
  const h = c.history[c.history.length - 1];
  if (h) return h.income.operatingIncome + h.income.depreciation;
  return Math.max(0, mulBp(c.core.revenue, c.core.marginBp) + c.aiRevenue);
}

/** Cash the seat can count on this quarter besides new debt: cash + last quarter's operating cash flow. */
export function spendableCash(c: CompanyState): number {
  const h = c.history[c.history.length - 1];
  const ocf = h ? h.cashFlow.operatingCashFlow : mulBp(lastEbitda(c), MARKET_PARAMS.rules.openingOcfOfEbitdaBp);
  return Math.max(0, c.cash + Math.max(0, ocf));
}

/** What the bond market would place for this seat now (the largest deal that clears in full, and why it is not larger). */
export function creditCapacity(state: MatchState, c: CompanyState): IssueCapacity {
  return issueCapacity(state.market.bonds, c.rating, state.market.sentiment.regime, totalDebt(c) - c.cash, lastEbitda(c), c.lendersWaryQuarters > 0);
}

export function debtCapacity(state: MatchState, c: CompanyState): number {
  return creditCapacity(state, c).max;
}

/** The most a seat may spend on buybacks this quarter: a share of its float at the current price. */
export function buybackCap(c: CompanyState): number {
  return mulBp(c.marketCap, MARKET_PARAMS.valuation.maxBuybackShareBpQ);
}

const BOUND_KEY: Readonly<Record<NonNullable<IssueCapacity["limitedBy"]>, string>> = {
  window: "bounds.window_shut",
  book: "bounds.order_book",
  covenant: "bounds.leverage_cap",
  payout_debt: "bounds.payout_debt",
};

export function decisionBounds(state: MatchState, seat: CompanyId): DecisionBounds {
  const c = state.companies[seat];
  if (c?.status !== "active" || state.ended) {
    const zero = { min: 0, max: 0 };
    return {
      capex: zero,
      customShareBp: zero,
      chipRnd: zero,
      debtIssue: zero,
      debtTenors: [STANDARD_TENOR],
      debtRepay: zero,
      energyDeals: [],
      buybacks: zero,
      dividends: zero,
      budget: 0,
      maturingNow: 0,
      maturingWithinYear: 0,
      reasons: [{ field: "all", key: c?.status === "defaulted" ? "bounds.defaulted" : "bounds.ended", params: {} }],
      bondQuotes: [],
      chipPricesK: { nvidia: state.market.nvidia.priceK, custom: 0 },
    };
  }
  const credit = creditCapacity(state, c);
  const issue = credit.max;
  const cash = spendableCash(c);
  const budget = cash + issue;
  const lev = currentLeverageBp(c);
  const tenors = tenorsFor(c.rating, lev);
  const reasons: BoundReason[] = [];
  if (credit.limitedBy) {
    const params: Record<string, string | number> = { book: credit.book, max: issue, leverageBp: lev, rating: c.rating };
    if (credit.limitedBy === "window") params.quarters = state.market.bonds.windowShutQuarters;
    reasons.push({ field: "debtIssue", key: BOUND_KEY[credit.limitedBy], params });
  }
  if (!tenors.includes(100))
    reasons.push({ field: "debtTenors", key: "bounds.century_rating", params: { rating: c.rating, min: MARKET_PARAMS.credit.centuryMinRating } });
  const maxCustom = maxCustomShareBp(seat, c.chipProgram.maturityBp);
  if (maxCustom < BP) reasons.push({ field: "customShareBp", key: "bounds.chip_maturity", params: { maturityBp: c.chipProgram.maturityBp, maxBp: maxCustom } });
  const offers = state.market.energy.offers;
  const usable = offers.map((d) => canUseDeal(c, state.turn, d));
  for (const [i, d] of offers.entries())
    if (!usable[i]) reasons.push({ field: `energyBids.${d.id}`, key: "bounds.energy_unneeded", params: { mw: d.mw, quarters: d.leadQuarters } });
  // Bonds falling due are repaid from cash this quarter: say so before a payout turns them into a hole.
  const maturingNow = c.tranches.reduce((s, t) => s + (t.maturityTurn <= state.turn ? t.principal : 0), 0);
  if (maturingNow > 0) reasons.push({ field: "debtIssue", key: "bounds.maturing", params: { amount: maturingNow } });
  // Next year's wall, under the tenor: refinancing it needs an open window then (the agencies mark
  // down an uncovered wall while the window is shut).
  const maturingWithinYear = dueWithinYear(c.tranches, state.turn);
  if (maturingWithinYear > 0)
    reasons.push({
      field: "debtTenors",
      key: state.market.bonds.windowOpen ? "bounds.maturing_year" : "bounds.maturing_year_shut",
      params: { amount: maturingWithinYear, quarters: WALL_HORIZON_QUARTERS, cash: c.cash },
    });
  if (paidOutBorrowedLately(c.history)) for (const field of ["dividends", "buybacks"]) reasons.push({ field, key: "bounds.doors_shut", params: {} });
  const buybacks = Math.min(cash, buybackCap(c));
  if (buybacks < cash) reasons.push({ field: "buybacks", key: "bounds.buyback_float", params: { maxBp: MARKET_PARAMS.valuation.maxBuybackShareBpQ } });
  return {
    capex: { min: 0, max: budget },
    customShareBp: { min: 0, max: maxCustom },
    chipRnd: { min: 0, max: Math.min(budget, 10_000) },
    debtIssue: { min: 0, max: issue },
    debtTenors: tenors,
    debtRepay: { min: 0, max: Math.min(totalDebt(c), cash) },
    // A bid is capped at ten times the reserve: no seat can price rivals out of the grid with its cash pile.
    energyDeals: offers.map((d, i) => ({
      dealId: d.id,
      minBid: d.reservePrice,
      maxBid: Math.max(d.reservePrice, Math.min(budget, d.reservePrice * 10)),
      usable: usable[i]!,
    })),
    buybacks: { min: 0, max: buybacks },
    dividends: { min: 0, max: cash },
    budget,
    maturingNow,
    maturingWithinYear,
    reasons,
    bondQuotes:
      issue > 0
        ? tenors.map((tenor) => ({
            tenor,
            couponBp: couponBp(state.market.bonds, c.rating, lev, tenor, Math.min(issue, credit.book), Math.max(1, credit.book)),
            due: quarterBefore(state.quarter, -tenor * 4),
            dueInMatch: state.turn + tenor * 4 < state.config.turns,
          }))
        : [],
    chipPricesK: { nvidia: state.market.nvidia.priceK, custom: customPriceK(seat, c.chipProgram.maturityBp) },
  };
}

/** The seat's leverage as the bond market reads it now (net debt over last quarter's EBITDA), bp. */
function currentLeverageBp(c: CompanyState): number {
  return leverageBp(totalDebt(c) - c.cash, lastEbitda(c));
}

/**
 * Hold last quarter's capex (or the last historical quarter's), no new debt, no bids, the standard
 * 5-year tenor. Reads the one bound it needs (the custom share's cap) as `decisionBounds` states
 * it, without building the rest (bond quotes, deal usability, reasons).
 */
export function defaultDecision(state: MatchState, seat: CompanyId): Decision {
  const c = state.companies[seat];
  const active = c?.status === "active" && !state.ended;
  const maxCustom = active ? maxCustomShareBp(seat, c.chipProgram.maturityBp) : 0;
  const lastCapex = c ? (c.capexHistory[c.capexHistory.length - 1] ?? 0) : 0;
  const cash = c ? spendableCash(c) : 0;
  return {
    capex: Math.min(lastCapex, cash),
    customShareBp: Math.min(maxCustom, c ? mulBp(c.chipProgram.maturityBp, MARKET_PARAMS.rules.defaultCustomShareOfMaturityBp) : 0),
    chipRnd: 0,
    debtIssue: 0,
    // Every rating is offered the 5-year (only the century bond needs a top credit).
    debtTenor: STANDARD_TENOR,
    debtRepay: 0,
    energyBids: [],
    buybacks: 0,
    dividends: 0,
  };
}

/** Cash a decision spends this quarter (bids counted at their full amount). */
export function decisionOutflows(d: Decision): number {
  return d.capex + d.chipRnd + d.debtRepay + d.buybacks + d.dividends + d.energyBids.reduce((s, x) => s + x.amount, 0);
}

/**
 * How far a decision overspends, from the seat's bounds alone (what a client has): spendable cash
 * is the budget less the bond market's capacity, and new debt adds to it. 0 = within budget; the
 * same rule as `decision/over_budget`.
 */
export function budgetShortfall(bounds: DecisionBounds, d: Decision): number {
  return Math.max(0, decisionOutflows(d) - (bounds.budget - bounds.debtIssue.max + d.debtIssue));
}

function err(code: string, path: string, message: string): ValidationError {
  return { code, path, message };
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...MONEY_FIELDS, "customShareBp", "debtTenor", "energyBids"]);

/** A whole number within [min, max], or the error that says why not. */
function checkInt(errors: ValidationError[], path: string, v: unknown, min: number, max: number): void {
  if (typeof v !== "number" || !Number.isInteger(v)) errors.push(err("decision/malformed", path, `${path} must be a whole number`));
  else if (v < min || v > max) errors.push(err("decision/out_of_range", path, `${path} must be between ${min} and ${max}, got ${v}`));
}

function structuralErrors(d: unknown): ValidationError[] {
  if (typeof d !== "object" || d === null || Array.isArray(d)) return [err("decision/malformed", "", "a decision must be an object")];
  const o = d as Record<string, unknown>;
  const errors: ValidationError[] = [];
  for (const k of Object.keys(o)) if (!KNOWN_FIELDS.has(k)) errors.push(err("decision/unknown_field", k, `unknown field "${k}"`));
  for (const f of MONEY_FIELDS) checkInt(errors, f, o[f], 0, MONEY_MAX);
  checkInt(errors, "customShareBp", o.customShareBp, 0, BP);
  if (!(TENORS as readonly unknown[]).includes(o.debtTenor))
    errors.push(err("decision/malformed", "debtTenor", `debtTenor must be one of ${TENORS.join(", ")}`));
  if (!Array.isArray(o.energyBids)) errors.push(err("decision/malformed", "energyBids", "energyBids must be a list"));
  else if (o.energyBids.length > MAX_ENERGY_BIDS) errors.push(err("decision/out_of_range", "energyBids", `at most ${MAX_ENERGY_BIDS} energy bids`));
  else
    o.energyBids.forEach((b: unknown, i: number) => {
      if (typeof b !== "object" || b === null) {
        errors.push(err("decision/malformed", `energyBids.${i}`, "a bid must be an object"));
        return;
      }
      const bid = b as Record<string, unknown>;
      if (typeof bid.dealId !== "string" || bid.dealId.length === 0)
        errors.push(err("decision/malformed", `energyBids.${i}.dealId`, "dealId must be a string"));
      checkInt(errors, `energyBids.${i}.amount`, bid.amount, 0, MONEY_MAX);
    });
  return errors;
}

/** A seat id from outside, for a message: strings as they are (truncated), anything else by its type. */
function describeSeat(seat: unknown): string {
  if (typeof seat === "string") return seat.length > 40 ? `${seat.slice(0, 40)}…` : seat;
  if (typeof seat === "number" || typeof seat === "boolean") return String(seat);
  return seat === null ? "null" : `of type ${typeof seat}`;
}

/** Checks a decision from outside. Never throws. */
export function validateDecision(state: MatchState, seat: unknown, decision: unknown): ValidationResult {
  if (state.ended) return { ok: false, errors: [err("rule/match_ended", "", "the match has ended")] };
  if (!isCompanyId(seat) || !state.companies[seat])
    return { ok: false, errors: [err("decision/unknown_seat", "", `no seat ${describeSeat(seat)} in this match`)] };
  const c = state.companies[seat]!;
  if (c.status !== "active") return { ok: false, errors: [err("decision/seat_defaulted", "", `${seat} has defaulted and is out of the match`)] };
  const shape = structuralErrors(decision);
  if (shape.length > 0) return { ok: false, errors: shape };
  const d = decision as Decision;
  // The bounds this decision is checked against, each computed only when a field reaches it (as
  // `decisionBounds` states them): validation runs for every seat every quarter.
  const errors: ValidationError[] = [];
  const maxCustom = maxCustomShareBp(seat, c.chipProgram.maturityBp);
  if (d.customShareBp > maxCustom)
    errors.push(err("decision/custom_share_exceeds_maturity", "customShareBp", `the chip programme supports at most ${maxCustom} bp of custom silicon now`));
  if (d.debtIssue > 0) {
    const maxIssue = creditCapacity(state, c).max;
    if (!state.market.bonds.windowOpen) errors.push(err("decision/bond_window_shut", "debtIssue", "the bond window is shut this quarter"));
    else if (d.debtIssue > maxIssue)
      errors.push(err("decision/debt_over_capacity", "debtIssue", `the bond market will lend at most ${maxIssue} $M this quarter`));
    if (!tenorsFor(c.rating, currentLeverageBp(c)).includes(d.debtTenor as Tenor))
      errors.push(err("decision/tenor_not_available", "debtTenor", `a ${d.debtTenor}-year bond needs a top credit rating`));
  }
  const maxBuyback = buybackCap(c);
  if (d.buybacks > maxBuyback)
    errors.push(
      err(
        "decision/buyback_over_float",
        "buybacks",
        `buybacks can retire at most a share of the float worth ${Math.min(spendableCash(c), maxBuyback)} $M this quarter`,
      ),
    );
  const debt = totalDebt(c);
  if (d.debtRepay > debt) errors.push(err("decision/repay_exceeds_debt", "debtRepay", `only ${debt} $M of debt is outstanding`));
  const seen = new Set<string>();
  const offers = state.market.energy.offers;
  d.energyBids.forEach((bid, i) => {
    const deal = offers.find((o) => o.id === bid.dealId);
    if (!deal) errors.push(err("decision/unknown_deal", `energyBids.${i}.dealId`, `no energy deal ${bid.dealId} is on offer this quarter`));
    else if (!canUseDeal(c, state.turn, deal))
      errors.push(
        err(
          "decision/energy_unneeded",
          `energyBids.${i}.dealId`,
          `${seat} could not use half of ${deal.id}'s ${deal.mw} MW within its ${deal.leadQuarters}-quarter lead time`,
        ),
      );
    else if (bid.amount < deal.reservePrice)
      errors.push(err("decision/bid_below_reserve", `energyBids.${i}.amount`, `the reserve price of ${deal.id} is ${deal.reservePrice} $M`));
    if (seen.has(bid.dealId)) errors.push(err("decision/duplicate_bid", `energyBids.${i}.dealId`, `two bids on ${bid.dealId}`));
    seen.add(bid.dealId);
  });
  const outflows = decisionOutflows(d);
  const available = spendableCash(c) + d.debtIssue;
  if (outflows > available)
    errors.push(err("decision/over_budget", "", `spending ${outflows} $M exceeds cash, operating cash flow and new debt of ${available} $M`));
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Parses outside input into a Decision or the errors that reject it. */
export function parseDecision(
  state: MatchState,
  seat: unknown,
  decision: unknown,
): { ok: true; decision: Decision } | { ok: false; errors: readonly ValidationError[] } {
  const r = validateDecision(state, seat, decision);
  return r.ok ? { ok: true, decision: decision as Decision } : r;
}
