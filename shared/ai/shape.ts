/**
 * Helpers every personality shares: reading the view (capex growth, cash generation, power
 * headroom) and turning an intent ("spend this, finance it like that") into a decision that is
 * legal within the engine's bounds. Integer money throughout; no Math.pow/log (shared/ rules).
 */
import { type CompanyId, RATINGS, type Rating, type Tenor } from "../engine/ids.ts";
import type { Decision, DecisionBounds, EnergyBid, Range } from "../engine/types.ts";
import type { MatchView, PrivateCompanyView, PublicCompanyView } from "../engine/view.ts";
import { spendingTotal, trimSpending } from "../engine/budget.ts";
import { previewDecision } from "../engine/preview.ts";
import { BP, clamp, mulBp } from "../engine/money.ts";
import { COMPANY_PARAMS } from "../rules/params.ts";
import type { PolicyContext } from "./policy.ts";

export function last<T>(xs: readonly T[], back = 1): T | undefined {
  return xs[xs.length - back];
}

export function clampRange(x: number, r: Range): number {
  return clamp(Math.round(x), r.min, Math.max(r.min, r.max));
}

/** Last quarter's capex. */
export function lastCapex(c: PublicCompanyView, fallback: number): number {
  return last(c.capexHistory) ?? fallback;
}

/** Capex of the same quarter a year earlier: the base for year-on-year guidance and caps. */
export function yoyBase(c: PublicCompanyView, fallback: number): number {
  return last(c.capexHistory, 4) ?? lastCapex(c, fallback);
}

/**
 * The seat's capex run rate: the mean of its last four quarters. The planner's stances (and its
 * model of each rival) grow this, not the year-ago quarter, so a spike is not echoed a year later:
 * with the year-ago base the hard planner moved capex by a median 25% a quarter (p90 100%), with
 * the run rate 15% (p90 75%), and it predicts rivals better (hard over normal +8.8 → +14.5 pp a
 * seat over 40 duplicate pairs; issue 11).
 */
export function runRate(o: PublicCompanyView, fallback: number): number {
  const h = o.capexHistory.slice(-4);
  return h.length === 0 ? fallback : Math.round(h.reduce((a, x) => a + x, 0) / h.length);
}

/** Quarter-on-quarter capex growth of the last revealed quarter, bp (10_000 = flat). */
export function qoqGrowthBp(c: PublicCompanyView): number | null {
  const a = last(c.capexHistory, 2);
  const b = last(c.capexHistory, 1);
  if (a === undefined || b === undefined || a <= 0) return null;
  return Math.round((b * BP) / a);
}

/** Year-on-year growth of the last revealed quarter, bp (10_000 = flat). */
export function yoyGrowthBp(c: PublicCompanyView): number | null {
  const a = last(c.capexHistory, 5);
  const b = last(c.capexHistory, 1);
  if (a === undefined || b === undefined || a <= 0) return null;
  return Math.round((b * BP) / a);
}

export function rivals(view: MatchView): PublicCompanyView[] {
  const out: PublicCompanyView[] = [];
  for (const id of view.config.seats) {
    if (id === view.seat) continue;
    const c = view.companies[id as CompanyId];
    if (c && c.status === "active") out.push(c);
  }
  return out;
}

/** Average of the active rivals' year-on-year capex growth in the last revealed quarter, bp. */
export function rivalsYoyGrowthBp(view: MatchView): number | null {
  const gs = rivals(view)
    .map(yoyGrowthBp)
    .filter((g): g is number => g !== null);
  if (gs.length === 0) return null;
  return Math.round(gs.reduce((s, g) => s + g, 0) / gs.length);
}

/** Operating cash flow the seat can expect this quarter: last reported, else core earnings. */
export function expectedOcf(own: PrivateCompanyView): number {
  const r = last(own.history);
  if (r) return r.cashFlow.operatingCashFlow;
  return mulBp(own.coreRevenue, own.coreMarginBp);
}

/** $M of capex per MW of servers at this quarter's Nvidia price (priceK is $K per MW). */
export function costPerMw(view: MatchView): number {
  return Math.max(1, Math.round(view.market.nvidia.priceK / 1000));
}

/** MW contracted but not yet online, arriving by `byTurn` (all of it when omitted). */
export function pipelineMw(own: PrivateCompanyView, byTurn = Number.POSITIVE_INFINITY): number {
  return own.powerPipeline.reduce((s, p) => s + (p.onlineTurn <= byTurn ? p.mw : 0), 0);
}

/** Servers ordered but not yet delivered, MW. */
export function orderedMw(own: PrivateCompanyView, turn: number): number {
  let mw = 0;
  for (const v of own.assets) if (v.kind === "ai_servers" && v.inServiceTurn > turn) mw += v.mw;
  return mw;
}

/**
 * Power the seat will have within a year (online + contracted to arrive by then) minus compute
 * installed or on order: negative = short. A grid contract five years out powers nothing ordered now.
 */
export function powerHeadroomMw(own: PrivateCompanyView, turn: number): number {
  return own.poweredMw + pipelineMw(own, turn + 4) - own.installedMw - orderedMw(own, turn);
}

/** Shares outstanding, M, from the public price and market cap. */
export function sharesM(c: PublicCompanyView): number {
  return c.sharePriceCents > 0 ? Math.max(1, Math.round((c.marketCap * 100) / c.sharePriceCents)) : 1;
}

/** The company's documented quarterly dividend, $M (its per-share rate × shares outstanding now). */
export function documentedDividend(view: MatchView): number {
  const o = view.own;
  if (!o || !view.seat) return 0;
  return Math.round((COMPANY_PARAMS[view.seat as CompanyId].dividendCentsQ * sharesM(o)) / 100);
}

/**
 * The cash a documented company keeps: its opening cash pile. The hyperscalers borrowed rather
 * than run their cash down (bond_meta_size, bond_googl_size): the FCF gap after dividends is debt.
 */
export function documentedCashFloor(view: MatchView): number {
  return view.seat ? COMPANY_PARAMS[view.seat as CompanyId].cash : 0;
}

/** A cash floor the seat tries to keep: a share of a quarter's core revenue. */
export function cashFloor(own: PrivateCompanyView, shareBp: number): number {
  return Math.max(0, mulBp(own.coreRevenue, shareBp));
}

export interface EnergyPlan {
  /** Where to bid between the deal's minimum (0) and maximum (10_000) bid. */
  readonly premiumBp: number;
  /** At most this many deals this quarter. */
  readonly maxDeals: number;
  /** Only bid while the seat is short of power by this many MW or more (negative: always). */
  readonly needMw: number;
  /** Bid on deals until their MW cover the shortfall (up to `maxDeals`), not just on one. */
  readonly coverShortfall?: boolean;
  /** Bid exactly this many $M over the reserve instead of `premiumBp` of the range (a sniper's bid). */
  readonly overReserve?: number;
}

/**
 * Which tenor to issue: a fixed one; `ladder` spreads maturities (the tenor whose year holds the
 * least debt falling due, so no single quarter's refinancing wall is large); `cheapest` takes the
 * lowest coupon on offer now (short money, refinanced inside the match).
 */
export type TenorChoice = Tenor | "ladder" | "cheapest";

export interface Financing {
  /** none: never issue; gap: issue what the plan needs beyond cash + OCF − floor; max: issue up to `maxShareBp` of what the market lends. */
  readonly borrow: "none" | "gap" | "max";
  /** Cash to keep after the quarter, besides the bonds falling due now (always kept for them). */
  readonly floor: number;
  readonly tenor: TenorChoice;
  /** For `max` (and as a cap for `gap`): share of the bond market's limit, bp. */
  readonly maxShareBp?: number;
}

/**
 * A credit line the seat will not cross: the agencies' rating its decision would earn (the
 * engine's own preview: net debt ÷ EBITDA and coverage after this quarter's outflows) stays at
 * `floor` or better. Capex is cut to hold it, but not below `minCapex`.
 */
export interface CreditGuard {
  readonly floor: Rating;
  readonly minCapex: number;
}

export interface Intent {
  readonly capex: number;
  readonly credit?: CreditGuard;
  readonly customShareBp?: number;
  readonly chipRnd?: number;
  readonly energy?: EnergyPlan;
  readonly financing: Financing;
  readonly buybacks?: number;
  readonly dividends?: number;
  readonly debtRepay?: number;
  /**
   * Pay shareholders only out of this quarter's expected free cash flow: lenders cut a seat's
   * capacity to a fifth for a year when it pays out beyond free cash flow while its net debt rises
   * (MARKETS.md §2, payoutFromDebtCapacityBp), which would stop the build-out it borrows for.
   */
  readonly payoutsFromFcf?: boolean;
}

/** Free cash flow a spend leaves this quarter if operating cash flow repeats, with a tenth kept back for the noise. */
function expectedFcfAfter(own: PrivateCompanyView, capex: number, chipRnd: number, bids: readonly EnergyBid[]): number {
  const ocf = mulBp(expectedOcf(own), 9_000);
  return ocf - capex - chipRnd - bids.reduce((s, x) => s + x.amount, 0);
}

/** Debt falling due in each year ahead: index k holds what matures in quarters (4k − 4, 4k] from `turn`. */
function dueByYear(own: PrivateCompanyView, turn: number, years: number): number[] {
  const out = new Array<number>(years + 1).fill(0);
  for (const t of own.tranches) {
    const k = Math.ceil((t.maturityTurn - turn) / 4);
    if (k >= 1 && k <= years) out[k] = (out[k] ?? 0) + t.principal;
  }
  return out;
}

/** The offered tenor (century bond aside) whose maturity year holds the least debt; the shorter on a tie. */
export function ladderTenor(own: PrivateCompanyView, turn: number, allowed: readonly Tenor[]): Tenor | undefined {
  const candidates = allowed.filter((t) => t !== 100);
  const due = dueByYear(own, turn, Math.max(0, ...candidates));
  let best: Tenor | undefined;
  for (const t of candidates) if (best === undefined || (due[t] ?? 0) < (due[best] ?? 0)) best = t;
  return best;
}

function pickTenor(want: TenorChoice, b: DecisionBounds, own: PrivateCompanyView, turn: number, fallback: Tenor): Tenor {
  const allowed = b.debtTenors;
  if (want === "ladder") return ladderTenor(own, turn, allowed) ?? allowed[0] ?? fallback;
  if (want === "cheapest") {
    let best: (typeof b.bondQuotes)[number] | undefined;
    for (const q of b.bondQuotes) if (!best || q.couponBp < best.couponBp) best = q;
    return best?.tenor ?? allowed[0] ?? fallback;
  }
  if (allowed.includes(want)) return want;
  return allowed[0] ?? fallback;
}

function energyBids(view: MatchView, b: DecisionBounds, plan: EnergyPlan | undefined, shortMw: number): EnergyBid[] {
  if (!plan || plan.maxDeals <= 0) return [];
  if (plan.needMw >= 0 && shortMw < plan.needMw) return [];
  const offers = new Map(view.market.energyOffers.map((o) => [o.id, o]));
  // Soonest first, then the cheapest to run, then id (stable order): a quarter of stranded servers
  // forgoes about as much revenue per MW as years of the running-cost gap between deal kinds.
  const rank = (o: (typeof view.market.energyOffers)[number] | undefined): number => (o ? o.leadQuarters * 1000 + o.costPerMwQK : 0);
  const deals = [...b.energyDeals].sort((x, y) => {
    const cx = rank(offers.get(x.dealId));
    const cy = rank(offers.get(y.dealId));
    return cx - cy || (x.dealId < y.dealId ? -1 : x.dealId > y.dealId ? 1 : 0);
  });
  const out: EnergyBid[] = [];
  let covered = 0;
  for (const d of deals) {
    if (out.length >= plan.maxDeals) break;
    if (plan.coverShortfall && out.length > 0 && covered >= shortMw) break;
    if (d.maxBid < d.minBid || !d.usable) continue;
    const over = plan.overReserve ?? mulBp(d.maxBid - d.minBid, plan.premiumBp);
    const amount = clamp(d.minBid + over, d.minBid, d.maxBid);
    out.push({ dealId: d.dealId, amount });
    covered += offers.get(d.dealId)?.mw ?? 0;
  }
  return out;
}

/**
 * Turns an intent into a legal decision: every field inside its range, energy bids only on
 * offered deals, all outflows within the budget. When money is short, shareholder returns go
 * first, then repayments, then capex, then energy, then chip R&D.
 */
export function shape(view: MatchView, ctx: PolicyContext, intent: Intent): Decision {
  const d = shapeOnce(view, ctx, intent);
  const guard = intent.credit;
  if (!guard || !view.own || holdsRating(view.own, ctx, d, guard.floor)) return d;
  // The largest capex (in 1/16ths between the floor and the intent) that keeps the rating.
  const lo = Math.min(guard.minCapex, intent.capex);
  let best = shapeOnce(view, ctx, { ...intent, capex: lo });
  for (let k = 15; k >= 1; k--) {
    const capex = lo + Math.floor(((intent.capex - lo) * k) / 16);
    const trial = shapeOnce(view, ctx, { ...intent, capex });
    if (holdsRating(view.own, ctx, trial, guard.floor)) {
      best = trial;
      break;
    }
  }
  return best;
}

/**
 * Whether the rating the agencies would give after `d` is `floor` or better. Before the seat's
 * first statement there is no EBITDA to preview from: the opening rating stands.
 */
export function holdsRating(own: PrivateCompanyView, ctx: PolicyContext, d: Decision, floor: Rating): boolean {
  if (own.history.length === 0) return true;
  return RATINGS.indexOf(previewDecision(own, d, ctx.bounds.maturingNow).ratingAfter) <= RATINGS.indexOf(floor);
}

function shapeOnce(view: MatchView, ctx: PolicyContext, intent: Intent): Decision {
  const b = ctx.bounds;
  const own = view.own;
  if (!own) return ctx.defaultDecision;

  const capex = clampRange(intent.capex, b.capex);
  const chipRnd = clampRange(intent.chipRnd ?? ctx.defaultDecision.chipRnd, b.chipRnd);
  const customShareBp = clampRange(intent.customShareBp ?? b.customShareBp.max, b.customShareBp);
  const debtRepay = clampRange(intent.debtRepay ?? 0, b.debtRepay);

  const newMw = Math.floor(capex / costPerMw(view));
  const bids = energyBids(view, b, intent.energy, newMw - powerHeadroomMw(own, view.turn));
  // Dividends first, then buybacks, out of what free cash flow leaves when the intent says so.
  let room = intent.payoutsFromFcf ? Math.max(0, expectedFcfAfter(own, capex, chipRnd, bids)) : Number.POSITIVE_INFINITY;
  const dividends = clampRange(Math.min(intent.dividends ?? 0, room), b.dividends);
  room -= dividends;
  const buybacks = clampRange(Math.min(intent.buybacks ?? 0, room), b.buybacks);

  const f = intent.financing;
  // The engine's rule: outflows ≤ cash + last quarter's operating cash flow + the debt issued now.
  const spendable = Math.max(0, b.budget - b.debtIssue.max);
  const canIssue = b.debtIssue.max > 0 && b.debtTenors.length > 0;
  const issueCap = f.borrow === "none" || !canIssue ? 0 : Math.max(0, mulBp(b.debtIssue.max, f.maxShareBp ?? BP));
  // Bonds falling due now are repaid from cash after the decision: keep them besides the floor,
  // so a borrower refinances them (the wall) and a non-borrower pays them from what it would spend.
  const floor = Math.max(0, f.floor) + b.maturingNow;
  const cap = Math.max(0, spendable + issueCap - floor);

  // Payouts go first, chip R&D last.
  let spend = trimSpending({ capex, chipRnd, debtRepay, buybacks, dividends, bids }, cap, ["buybacks", "dividends", "debtRepay", "capex", "bids", "chipRnd"]);

  let debtIssue = 0;
  if (f.borrow === "max") debtIssue = issueCap;
  else if (f.borrow === "gap") debtIssue = clamp(spendingTotal(spend) + floor - spendable, 0, issueCap);
  debtIssue = clamp(debtIssue, 0, Math.max(0, b.debtIssue.max));
  // Never repay and issue in the same quarter.
  if (debtIssue > 0) spend = { ...spend, debtRepay: 0 };
  // Last guard: the engine's budget rule exactly.
  spend = trimSpending(spend, spendable + debtIssue, ["capex", "bids", "chipRnd", "buybacks", "dividends", "debtRepay"]);

  return {
    capex: spend.capex,
    customShareBp,
    chipRnd: spend.chipRnd,
    debtIssue,
    debtTenor: pickTenor(f.tenor, b, own, view.turn, ctx.defaultDecision.debtTenor),
    debtRepay: spend.debtRepay,
    energyBids: [...spend.bids],
    buybacks: spend.buybacks,
    dividends: spend.dividends,
  };
}

/** Shareholder returns a seat pays from the cash it does not need: a share of last quarter's positive FCF. */
export function returnsFromFcf(own: PrivateCompanyView, shareBp: number): number {
  const r = last(own.history);
  if (!r || r.cashFlow.freeCashFlow <= 0) return 0;
  return mulBp(r.cashFlow.freeCashFlow, shareBp);
}

/** Deterministic small integer hash → uint32 for seeds and tie-breaks. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
