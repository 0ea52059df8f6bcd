/** The decision history: every seat's decision per quarter and the market's reaction, from the TurnReports. */
import type { MatchState, TurnReport } from "../engine/types.ts";
import type { HistoryQuarter } from "./types.ts";

export function decisionHistory(state: MatchState, reports: readonly TurnReport[]): HistoryQuarter[] {
  return reports.map((r) => ({
    turn: r.turn,
    year: r.quarter.year,
    q: r.quarter.q,
    seats: r.seats.map((s) => {
      const rec = state.companies[s.company]?.history.find((h) => h.turn === r.turn);
      return {
        company: s.company,
        decision: s.decision,
        replacedInvalid: s.replacedInvalid,
        capexSpent: s.capexSpent,
        energyWon: s.energyWon,
        debtIssued: s.debtIssued,
        couponBp: s.couponBp,
        emergencyBorrowing: s.emergencyBorrowing,
        equityIssued: s.equityIssued,
        aiRevenue: s.aiRevenue,
        netIncome: s.netIncome,
        freeCashFlow: s.freeCashFlow,
        sharePriceChangeBp: s.sharePriceChangeBp,
        sharePriceCents: rec?.sharePriceCents ?? 0,
        marketCap: rec?.marketCap ?? 0,
        priceMove: s.priceMove,
        expectations: s.expectations,
        ratingBefore: s.ratingBefore,
        ratingAfter: s.ratingAfter,
        defaulted: s.defaulted,
      };
    }),
    industryCapex: r.market.industryCapex,
    industryAiRevenue: r.market.industryAiRevenue,
    regimeBefore: r.market.regimeBefore,
    regimeAfter: r.market.regimeAfter,
    windowOpen: r.market.windowOpen,
    auctions: r.auctions,
    headlines: r.headlines,
  }));
}
