/** GAME.md §6: total shareholder return by default; cumulative FCF, AI share or a blend as options. */
import type { CompanyState, EndingVerdict, MatchState, SeatScore } from "./types.ts";
import type { CompanyId, Scoring } from "./ids.ts";
import { BP } from "./money.ts";

/** TSR per share in bp: price change plus dividends paid, over the opening price. */
export function tsrBp(startPriceCents: number, priceCents: number, dividendsCents: number): number {
  if (startPriceCents <= 0) return 0;
  return Math.round(((priceCents - startPriceCents + dividendsCents) * BP) / startPriceCents);
}

/**
 * The price a score counts: fair value per share (the market's noise is not scored, so no
 * last-quarter move can be timed); a defaulted seat's collapsed price.
 */
export function scoredPriceCents(c: CompanyState): number {
  return c.status === "defaulted" ? c.sharePriceCents : c.valuation.fairPriceCents;
}

/** Total shareholder return of a seat so far, bp, at the scored price. */
export function seatTsrBp(c: CompanyState): number {
  return tsrBp(c.valuation.startPriceCents, scoredPriceCents(c), c.dividendsPerShareCents);
}

function metric(state: MatchState, id: CompanyId, scoring: Scoring): number {
  const c = state.companies[id]!;
  const tsr = seatTsrBp(c);
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
      tsrBp: seatTsrBp(c),
      cumulativeFcf: c.cumulativeFcf,
      aiShareBp: c.aiShareBp,
      defaulted: c.status === "defaulted",
    };
  });
  // Defaulted seats rank last whatever their number; ties keep canonical seat order.
  const order = [...rows].sort((a, b) => Number(a.defaulted) - Number(b.defaulted) || b.scoreBp - a.scoreBp);
  return rows.map((r) => ({ ...r, rank: order.indexOf(r) + 1 }));
}

/**
 * The documents' endings by their own tests (EndingVerdict). Risk-free return: the base rate
 * compounded simply over the quarters played.
 */
export function endingVerdict(state: MatchState): EndingVerdict {
  const seats = state.config.seats;
  let ai = 0;
  let costs = 0;
  for (const id of seats) {
    const h = state.companies[id]!.history;
    for (const r of h.slice(Math.max(0, h.length - 4))) {
      ai += r.income.aiRevenue;
      costs += r.income.aiOpex + r.income.powerCost + r.aiDepreciation;
    }
  }
  const aiCoverageBp = costs <= 0 ? 0 : Math.floor((ai * BP) / costs);
  const riskFreeBp = state.industryHistory.reduce((s, r) => s + Math.floor(r.baseRateBp / 4), 0);
  const defaulted = seats.filter((id) => state.companies[id]!.status === "defaulted");
  const belowRiskFree = seats.filter((id) => {
    const c = state.companies[id]!;
    return seatTsrBp(c) < riskFreeBp;
  });
  const refusedWhileShut = seats.some((id) =>
    state.companies[id]!.history.some((r) => r.debtRefused > 0 && state.industryHistory.some((x) => x.turn === r.turn && !x.windowOpen)),
  );
  const windowShut = !state.market.bonds.windowOpen || refusedWhileShut;
  return {
    cloud2: aiCoverageBp >= BP,
    globalCrossing: defaulted.length > 0 || belowRiskFree.length > 0 || refusedWhileShut,
    aiCoverageBp,
    defaulted,
    belowRiskFree,
    riskFreeBp,
    windowShut,
  };
}
