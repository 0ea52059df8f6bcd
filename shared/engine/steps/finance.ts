/**
 * Steps 6–7: costs, the income statement, and cash. Depreciation by cohort (retiring the ones
 * written off); bonds that fall due are repaid from cash (the refinancing wall); early repayment,
 * then the new issue, placed with the order book; a bridge falling due is taken out with a bond
 * if the market has room left; buybacks and dividends. Cash below zero forces a bridge loan at a
 * penalty, if bridge lenders will lend (credit.ts `bridgeRefusal`); past them, a discounted share
 * sale, if shareholders will buy (`equityRoom`); past both, default. A seat that pays out more than
 * its free cash flow while its net debt rises gets less from bond investors for a year; one whose
 * statements show most of a quarter's new borrowing going out to shareholders finds the doors shut.
 */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { depreciateCohorts } from "../cohorts.ts";
import { bridgeRefusal, couponBp, emergencyCapacity, equityRoom, LENDERS_MEMORY_QUARTERS, leverageBp, paidOutBorrowedLately, placeDeal } from "../credit.ts";
import { quarterlyIncome } from "../finance.ts";
import { mulBp } from "../money.ts";
import type { CashFlowStatement, DebtTranche } from "../types.ts";
import { creditCapacity, totalDebt } from "../validate.ts";
import { type SeatWork, type TurnContext, seatWork } from "./context.ts";

const CR = MARKET_PARAMS.credit;
const V = MARKET_PARAMS.valuation;

/**
 * Charges each cohort's quarter and retires the ones now fully written off (step 3 read the same
 * cohorts already); keeps what the stock step will read from them (no cohort is added or retired
 * between here and there).
 */
function depreciate(w: SeatWork, turn: number): number {
  const d = w.cohorts?.source === w.c.assets ? w.cohorts : depreciateCohorts(w.c.assets, turn);
  w.c.assets = d.kept;
  w.ppe = d.ppe;
  w.aiDep = d.aiDepreciation;
  w.fleet = d.outlook;
  return d.depreciation;
}

/** Maturities fall due, then early repayment (nearest maturity first). */
function repayDebt(
  tranches: readonly DebtTranche[],
  turn: number,
  repayAsked: number,
): { kept: DebtTranche[]; matured: number; bridgesDue: number; repaid: number } {
  let kept: DebtTranche[] = [];
  let matured = 0;
  let bridgesDue = 0;
  for (const t of tranches) {
    if (t.maturityTurn <= turn) {
      matured += t.principal;
      if (t.emergency) bridgesDue += t.principal;
    } else kept.push(t);
  }
  let repay = Math.min(
    repayAsked,
    kept.reduce((s, t) => s + t.principal, 0),
  );
  const repaid = repay;
  // `kept` is this call's own array: sorted in place; a tranche nothing is repaid on stays as it is.
  kept.sort((a, b) => a.maturityTurn - b.maturityTurn || (a.id < b.id ? -1 : 1));
  const out: DebtTranche[] = [];
  for (const t of kept) {
    const r = Math.min(repay, t.principal);
    repay -= r;
    const left = t.principal - r;
    if (left > 0) out.push(r === 0 ? t : { ...t, principal: left });
  }
  kept = out;
  return { kept, matured, bridgesDue, repaid };
}

/** The seat's bonds as this quarter's steps add to them: the tranches and the next tranche number. */
interface Book {
  readonly tranches: DebtTranche[];
  seq: number;
}

function addTranche(book: Book, w: SeatWork, turn: number, principal: number, couponBp: number, tenor: DebtTranche["tenor"], emergency: boolean): void {
  book.tranches.push({
    id: `${w.c.id}-${book.seq}`,
    principal,
    couponBp,
    issuedTurn: turn,
    maturityTurn: turn + tenor * 4,
    tenor,
    emergency,
  });
  book.seq++;
}

/**
 * Step 6b: the seat's own bond deal, then the take-out of bridges falling due (refinanced in the
 * bond market, as their lenders counted on, within the room the seat's own deal left; what the
 * market will not take stays a hole).
 */
function placeBonds(ctx: TurnContext, w: SeatWork, book: Book, levBp: number, bridgesDue: number): { issued: number; takeOut: number } {
  const { turn, state } = ctx;
  const bonds = state.market.bonds;
  const c = w.c;
  const d = w.decision;
  let issued = 0;
  if (d.debtIssue > 0 && bonds.windowOpen) {
    const deal = placeDeal(bonds, c.rating, ctx.sentiment.regime, levBp, d.debtIssue, d.debtTenor);
    w.couponBp = deal.couponBp;
    w.coverBp = deal.coverBp;
    if (deal.filled > 0) {
      addTranche(book, w, turn, deal.filled, deal.couponBp, d.debtTenor, false);
      issued = deal.filled;
    }
  }
  let takeOut = 0;
  if (bridgesDue > 0 && bonds.windowOpen) {
    const room = Math.max(0, creditCapacity(state, c).max - issued);
    const deal = placeDeal(bonds, c.rating, ctx.sentiment.regime, levBp, Math.min(bridgesDue, room), CR.takeOutTenor);
    if (deal.filled > 0) {
      addTranche(book, w, turn, deal.filled, deal.couponBp, CR.takeOutTenor, false);
      takeOut = deal.filled;
    }
  }
  return { issued, takeOut };
}

/**
 * Step 7: a hole in cash is filled by a bridge loan (if lenders will), then by a discounted share
 * sale (Oracle's equity raise, orcl_equity_raise: dilution before default, unless shareholders will
 * not buy either); what is left means default. The reason is kept for the agencies
 * (steps/credit.ts reads it back as the rating action's reason).
 */
function fillHole(
  ctx: TurnContext,
  w: SeatWork,
  book: Book,
  cashBefore: number,
  f: { ebitdaQ: number; levBp: number; paidOutLately: boolean; bridgeLeft: boolean },
): { cash: number; emergency: number; equityIssued: number; newShares: number; distressReason: string | null } {
  const bonds = ctx.state.market.bonds;
  const c = w.c;
  let cash = cashBefore;
  let emergency = 0;
  let distressReason: string | null = null;
  if (cash < 0) {
    const refusal = bridgeRefusal(c.rating, f.paidOutLately, f.bridgeLeft);
    const room = refusal ? 0 : emergencyCapacity(book.tranches.reduce((s, t) => s + t.principal, 0) - cash, f.ebitdaQ);
    emergency = Math.min(-cash, bonds.windowOpen ? room : Math.floor(room / 2));
    if (emergency > 0) addTranche(book, w, ctx.turn, emergency, couponBp(bonds, c.rating, f.levBp, 1, emergency, 0) + CR.emergencyPenaltyBp, 1, true);
    cash += emergency;
    if (refusal) distressReason = `credit.reason.${refusal}`;
  }
  let equityIssued = 0;
  let newShares = 0;
  if (cash < 0) {
    const offerCents = Math.max(1, mulBp(c.sharePriceCents, 10_000 - V.equityRaiseDiscountBp));
    const room = equityRoom(c.marketCap, ctx.sentiment.regime, f.paidOutLately);
    equityIssued = Math.min(-cash, room);
    newShares = Math.ceil((equityIssued * 100) / offerCents);
    cash += equityIssued;
    if (cash < 0) distressReason = room === 0 ? "credit.reason.default_equity_shut" : "credit.reason.default_too_big";
  }
  return { cash, emergency, equityIssued, newShares, distressReason };
}

export function runFinance(ctx: TurnContext): void {
  const { turn, state } = ctx;
  const market = state.market;
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const c = w.c;
    const d = w.decision;
    const dep = depreciate(w, turn);
    const fine = market.events.some((e) => e.kind === "antitrust" && e.target === id) ? MARKET_PARAMS.events.antitrustFine : 0;
    const income = quarterlyIncome({
      coreRevenue: c.core.revenue,
      coreMarginBp: c.core.marginBp,
      aiRevenue: c.aiRevenue,
      usableMw: w.usable,
      powerCostPerMwQK: c.power.costPerMwQK,
      depreciation: dep,
      rnd: d.chipRnd,
      tranches: c.tranches,
      openingCash: c.cash,
      baseRateBp: market.bonds.baseRateBp,
      extraExpense: fine,
    });
    const ocf = income.netIncome + dep;
    const investing = -(d.capex + w.energyPaid);
    const fcf = ocf + investing;
    const debtBefore = totalDebt(c);
    const netDebtBefore = debtBefore - c.cash;
    const ebitdaQ = income.operatingIncome + dep;
    const levBp = leverageBp(netDebtBefore, ebitdaQ);
    const repaid = repayDebt(c.tranches, turn, d.debtRepay);
    const tranches = repaid.kept;
    const book: Book = { tranches, seq: c.nextTrancheSeq };
    const { issued: ownIssue, takeOut } = placeBonds(ctx, w, book, levBp, repaid.bridgesDue);
    let issued = ownIssue;
    // Bridge lenders and shareholders read the statements: did the seat pay out borrowed money lately?
    const paidOutLately = paidOutBorrowedLately(c.history);
    const returned = d.buybacks + d.dividends;
    const ownCash = c.cash + ocf + investing - repaid.matured - repaid.repaid - returned;
    const hole = fillHole(ctx, w, book, ownCash + issued + takeOut, { ebitdaQ, levBp, paidOutLately, bridgeLeft: repaid.bridgesDue > takeOut });
    const { cash, emergency, equityIssued, newShares } = hole;
    const seq = book.seq;
    w.defaultedNow = cash < 0;
    w.ratingReason = hole.distressReason;
    issued += takeOut;
    ctx.seatIssuance += issued + emergency;
    const cashFlow: CashFlowStatement = {
      netIncome: income.netIncome,
      depreciation: dep,
      operatingCashFlow: ocf,
      capex: d.capex,
      energyPayments: w.energyPaid,
      investingCashFlow: investing,
      freeCashFlow: fcf,
      debtIssued: issued,
      emergencyBorrowing: emergency,
      equityIssued,
      debtRepaid: repaid.matured + repaid.repaid,
      buybacks: d.buybacks,
      dividends: d.dividends,
      financingCashFlow: issued + emergency + equityIssued - repaid.matured - repaid.repaid - returned,
      netChangeInCash: cash - c.cash,
    };
    // Buybacks retire shares at the opening price (validation caps them at a share of the float);
    // dividends accrue per share for TSR.
    const retired = c.sharePriceCents > 0 ? Math.floor((d.buybacks * 100) / c.sharePriceCents) : 0;
    const shares = Math.max(1, c.sharesOutstandingM - retired) + newShares;
    const dpsCents = Math.floor((d.dividends * 100) / Math.max(1, c.sharesOutstandingM));
    // Bond investors trim capacity for any payout beyond free cash flow while net debt rises
    // (`payoutFromDebtCapacityBp`); the doors above shut only on the statements' stricter test.
    const netDebtAfter = tranches.reduce((s, t) => s + t.principal, 0) - cash;
    const payoutFromDebt = returned > Math.max(0, fcf) && netDebtAfter > netDebtBefore;
    w.income = income;
    w.cashFlow = cashFlow;
    w.debtIssued = issued;
    w.emergency = emergency;
    w.equityIssued = equityIssued;
    // Field by field (each reads only its own old value): Object.assign from a literal is a slow path.
    c.cash = cash;
    c.tranches = tranches;
    c.nextTrancheSeq = seq;
    c.equity = c.equity + income.netIncome - returned + equityIssued;
    c.sharesOutstandingM = shares;
    c.cashReturned = c.cashReturned + returned;
    c.dividendsPerShareCents = c.dividendsPerShareCents + dpsCents;
    c.cumulativeFcf = c.cumulativeFcf + fcf;
    c.capexHistory = [...c.capexHistory, d.capex];
    c.aiRevenueHistory = [...c.aiRevenueHistory, c.aiRevenue];
    c.lendersWaryQuarters = payoutFromDebt ? LENDERS_MEMORY_QUARTERS : Math.max(0, c.lendersWaryQuarters - 1);
  }
}
