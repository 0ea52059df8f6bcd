/** The quarter's statements for each seat: income, cash flow and balance sheet, with the fleet's figures. */
import { poweredMw } from "../compute.ts";
import type { BalanceSheet, QuarterRecord } from "../types.ts";
import { totalDebt } from "../validate.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function recordStatements(ctx: TurnContext): void {
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const c = w.c;
    const debt = totalDebt(c);
    const balance: BalanceSheet = {
      cash: c.cash,
      ppe: w.ppe,
      otherAssets: c.otherAssets,
      totalAssets: c.cash + w.ppe + c.otherAssets,
      debt,
      otherLiabilities: c.otherLiabilities,
      totalLiabilities: debt + c.otherLiabilities,
      equity: c.equity,
    };
    const record: QuarterRecord = {
      turn: ctx.turn,
      quarter: ctx.state.quarter,
      income: w.income!,
      cashFlow: w.cashFlow!,
      balance,
      capex: w.decision.capex,
      installedMw: w.installed,
      poweredMw: poweredMw(c),
      usableMw: w.usable,
      strandedMw: w.installed - w.usable,
      aiDepreciation: w.aiDep,
      debtRefused: Math.max(0, w.decision.debtIssue - w.debtIssued),
      aiShareBp: c.aiShareBp,
      sharePriceCents: c.sharePriceCents,
      marketCap: c.marketCap,
      rating: c.rating,
    };
    c.history = [...c.history, record];
    c.power = { ...c.power, outageMw: 0 };
  }
}
