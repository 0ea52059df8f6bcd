/**
 * What a decision does to a seat's cash and leverage, estimated from what the seat can see
 * (its private view): the client's live preview, computed by the engine's own rules.
 */
import type { CashFlowStatement, Decision, IncomeStatement } from "./types.ts";
import type { PrivateCompanyView } from "./view.ts";
import type { Rating } from "./ids.ts";
import { interestCoverBp, leverageBp, targetRating } from "./credit.ts";

export interface DecisionPreview {
  /** Last quarter's operating cash flow, assumed to repeat. */
  readonly expectedOcf: number;
  readonly outflows: number;
  readonly cashAfter: number;
  readonly debtAfter: number;
  readonly netDebtAfter: number;
  /** Net debt ÷ annualised EBITDA after the decision, bp. */
  readonly leverageBp: number;
  readonly ratingAfter: Rating;
  /** True when the estimate leaves cash below zero (emergency borrowing would follow). */
  readonly shortfall: boolean;
}

/** Exactly what the preview reads: a client rebuilds it from its synced seat without faking a whole view. */
export type PreviewInput = Pick<PrivateCompanyView, "id" | "cash" | "debt"> & {
  readonly history: readonly {
    readonly income: Pick<IncomeStatement, "operatingIncome" | "depreciation" | "interestExpense">;
    readonly cashFlow: Pick<CashFlowStatement, "operatingCashFlow">;
  }[];
};

/** `maturingNow`: principal falling due this quarter (`DecisionBounds.maturingNow`), repaid from cash. */
export function previewDecision(own: PreviewInput, d: Decision, maturingNow = 0): DecisionPreview {
  const last = own.history[own.history.length - 1];
  const expectedOcf = last ? last.cashFlow.operatingCashFlow : 0;
  const ebitdaQ = last ? last.income.operatingIncome + last.income.depreciation : Math.max(1, expectedOcf);
  const bids = d.energyBids.reduce((s, b) => s + b.amount, 0);
  const outflows = d.capex + d.chipRnd + bids + d.debtRepay + d.buybacks + d.dividends;
  const cashAfter = own.cash + expectedOcf + d.debtIssue - outflows - maturingNow;
  const debtAfter = Math.max(0, own.debt + d.debtIssue - d.debtRepay - maturingNow);
  const netDebtAfter = debtAfter - cashAfter;
  const lev = leverageBp(netDebtAfter, ebitdaQ);
  return {
    expectedOcf,
    outflows,
    cashAfter,
    debtAfter,
    netDebtAfter,
    leverageBp: lev,
    ratingAfter: targetRating(own.id, lev, interestCoverBp(ebitdaQ, last ? last.income.interestExpense : 0)).rating,
    shortfall: cashAfter < 0,
  };
}
