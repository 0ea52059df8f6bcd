/** GAME.md §6: total shareholder return by default; cumulative FCF, AI share or a blend as options. */
import type { MatchState, SeatScore } from "./types.ts";
import type { CompanyId, Scoring } from "./ids.ts";
import { BP } from "./money.ts";

/** TSR per share in bp: price change plus dividends paid, over the opening price. */
export function tsrBp(startPriceCents: number, priceCents: number, dividendsCents: number): number {
  if (startPriceCents <= 0) return 0;
  return Math.round(((priceCents - startPriceCents + dividendsCents) * BP) / startPriceCents);
}

function metric(state: MatchState, id: CompanyId, scoring: Scoring): number {
  const c = state.companies[id]!;
  const tsr = tsrBp(c.valuation.startPriceCents, c.sharePriceCents, c.dividendsPerShareCents);
  // Cumulative FCF relative to the opening market cap, so companies of any size compare.
  const fcfBp = Math.round((c.cumulativeFcf * BP) / Math.max(1, c.startMarketCap));
  switch (scoring) {
    case "tsr":
      return tsr;
    case "fcf":
      return fcfBp;
    case "aiShare":
      return c.aiShareBp;
    case "blend":
      return Math.round(tsr / 2 + fcfBp / 4 + c.aiShareBp / 4);
  }
}

export function score(state: MatchState): SeatScore[] {
  const rows = state.config.seats.map((id) => {
    const c = state.companies[id]!;
    return {
      company: id,
      scoreBp: metric(state, id, state.config.scoring),
      tsrBp: tsrBp(c.valuation.startPriceCents, c.sharePriceCents, c.dividendsPerShareCents),
      cumulativeFcf: c.cumulativeFcf,
      aiShareBp: c.aiShareBp,
      defaulted: c.status === "defaulted",
    };
  });
  // Defaulted seats rank last whatever their number; ties keep canonical seat order.
  const order = [...rows].sort((a, b) => Number(a.defaulted) - Number(b.defaulted) || b.scoreBp - a.scoreBp);
  return rows.map((r) => ({ ...r, rank: order.indexOf(r) + 1 }));
}
