/**
 * Step 8: the bond market and the agencies. The quarter's AI-related issuance (the seats' and the
 * outside world's) moves the AI share of the investment-grade market and its crowding premium;
 * agencies re-rate each seat from this quarter's leverage and coverage, and cut a distressed seat
 * (bridge loans, a discounted share sale) two notches, saying which door shut; a seat paying out
 * borrowed money goes on watch; debt falling due within a year beyond what the seat can pay without
 * the bond market (a maturity wall) costs a notch.
 */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { agencyStep, interestCoverBp, leverageBp, nextBondMarket, statementPaidOutBorrowed, targetRating, uncoveredWall } from "../credit.ts";
import { totalDebt } from "../validate.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runCredit(ctx: TurnContext): void {
  const outside = MARKET_PARAMS.credit.outsideAiIssuanceQ[ctx.state.config.scenario];
  ctx.bonds = nextBondMarket(ctx.state.market.bonds, ctx.seatIssuance, outside);
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const income = w.income!;
    // The finance step left why the doors shut (a refused bridge, a refused share sale) in ratingReason.
    const distressReason = w.ratingReason;
    if (w.defaultedNow) {
      w.c.rating = "D";
      w.c.creditWatch = "none";
      w.ratingReason = distressReason ?? "credit.reason.default";
      continue;
    }
    const ebitdaQ = income.operatingIncome + income.depreciation;
    // Debt due within a year beyond cash and a year of operating cash flow (beyond cash alone while
    // the window is shut this quarter or next) costs a notch: the seat may not refinance it.
    const windowOpen = ctx.state.market.bonds.windowOpen && ctx.bonds.windowOpen;
    const wall = uncoveredWall(w.c.tranches, ctx.turn, w.c.cash, w.cashFlow!.operatingCashFlow, windowOpen);
    const target = targetRating(id, leverageBp(totalDebt(w.c) - w.c.cash, ebitdaQ), interestCoverBp(ebitdaQ, income.interestExpense), wall);
    const distressed = w.emergency > 0 || w.equityIssued > 0;
    let step = agencyStep(w.c.rating, w.c.creditWatch, target, distressed, w.c.lendersWaryQuarters > 0, distressReason);
    // A quarter whose new borrowing went mostly to shareholders puts the seat on watch even when its
    // ratios hold: the warning before the doors shut (bridge lenders read the same statements).
    if (!distressed && step.rating === w.c.rating && statementPaidOutBorrowed(w.cashFlow!, w.c.cash))
      step = { rating: step.rating, watch: "negative", reason: "credit.reason.payout_debt" };
    w.c.rating = step.rating;
    w.c.creditWatch = step.watch;
    w.ratingReason = step.reason;
  }
}
