/**
 * GAME.md §6: total shareholder return; cumulative FCF, AI share or a blend as options; and the
 * handicap (issue 11): TSR against the seat's own par, so no seat's starting hand decides the match.
 */
import type { CompanyState, EndingVerdict, MatchState, SeatPar, SeatScore } from "./types.ts";
import { CORE_FOUR, type CompanyId, type ParLevel, type ScenarioId, type Scoring } from "./ids.ts";
import { BP } from "./money.ts";
import { PAR_TABLE } from "../rules/params.ts";

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

/**
 * The seat's par after `quarters` quarters of a `turns`-quarter match of `scenario` against AI of
 * `level` (balance/params/par.json, calibrated by `npm run par`); null before the first quarter,
 * when every seat is at par. A length the table has no calibration for uses the nearest one
 * (the longer on a tie), aligned on the quarters left: the AIs play a match's last quarters
 * differently, so the end of a match is compared with the end of a calibrated one.
 */
export function seatPar(id: CompanyId, level: ParLevel, scenario: ScenarioId, turns: number, quarters: number): SeatPar | null {
  if (quarters < 1) return null;
  const byLength = PAR_TABLE.levels[level][id][scenario];
  let best = "";
  let gap = Infinity;
  for (const len of Object.keys(byLength)) {
    const d = Math.abs(Number(len) - turns);
    if (d < gap || (d === gap && Number(len) > Number(best))) [best, gap] = [len, d];
  }
  const p = byLength[best]!;
  const i = Math.max(1, Math.min(p.parBp.length, p.parBp.length - (turns - quarters))) - 1;
  return { parBp: p.parBp[i]!, swingBp: p.swingBp[i]! };
}

/** The AI level a match's handicap reads its par at: the match's, or `normal` (the product's default level). */
export function parLevelOf(config: { readonly parLevel?: ParLevel }): ParLevel {
  return config.parLevel ?? "normal";
}

/** A seat's par in this match after the quarters played so far. */
export function matchPar(state: MatchState, id: CompanyId): SeatPar | null {
  const c = state.config;
  return seatPar(id, parLevelOf(c), c.scenario, c.turns, state.turn);
}

/**
 * The handicap: how many of its usual swings the seat's TSR beat its par by, in bp of a swing
 * (+1.3 swings = 13_000), like a golfer's net score. Null par (no quarter played) = 0.
 */
export function handicapBp(tsr: number, par: SeatPar | null): number {
  if (!par) return 0;
  return Math.round(((tsr - par.parBp) * BP) / par.swingBp);
}

/**
 * The scoring a match actually ranks by. Par is calibrated on the four core companies' match (the
 * default line-up, `npm run par`): in any other line-up the AI franchise is shared among other
 * rivals and a par would mislead, so a handicap match of another line-up ranks by TSR.
 */
export function scoringIn(config: { readonly scoring: Scoring; readonly seats: readonly CompanyId[] }): Scoring {
  if (config.scoring !== "handicap") return config.scoring;
  const core = config.seats.length === CORE_FOUR.length && CORE_FOUR.every((id) => config.seats.includes(id));
  return core ? "handicap" : "tsr";
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
    case "handicap":
      return handicapBp(tsr, matchPar(state, id));
  }
}

export function score(state: MatchState): SeatScore[] {
  const rows = state.config.seats.map((id) => {
    const c = state.companies[id]!;
    const scoring = scoringIn(state.config);
    const par = scoring === "handicap" ? matchPar(state, id) : null;
    return {
      company: id,
      scoreBp: metric(state, id, scoring),
      tsrBp: seatTsrBp(c),
      cumulativeFcf: c.cumulativeFcf,
      aiShareBp: c.aiShareBp,
      defaulted: c.status === "defaulted",
      ...(par ? { par } : {}),
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
