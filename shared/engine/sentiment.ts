/** The market's mood: euphoria → scrutiny → disillusionment → recovery, driven by AI revenue ÷ capex. */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { Regime } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";
import type { CompanyState, MarketState } from "./types.ts";

const S = MARKET_PARAMS.sentiment;

/**
 * coverageBp = industry AI revenue ÷ seats' capex over the last four quarters (bp). The regime
 * moves one step at a time and stays at least `minQuartersInRegime`.
 */
export function nextSentiment(
  s: MarketState["sentiment"],
  coverageBp: number,
  revenueGrowthBp: number,
  capexGrowthBp: number,
  shock: boolean,
): MarketState["sentiment"] {
  const h = S.coverageHurdleBp;
  const improving = revenueGrowthBp > capexGrowthBp;
  let next: Regime = s.regime;
  const canMove = s.quartersInRegime + 1 >= S.minQuartersInRegime;
  if (shock && s.regime !== "disillusionment") next = s.regime === "euphoria" ? "scrutiny" : "disillusionment";
  else if (canMove) {
    // Euphoria forgives thin coverage while AI revenue outgrows capex ("buying chips at any cost").
    if (s.regime === "euphoria" && coverageBp < h.scrutiny && !improving) next = "scrutiny";
    else if (s.regime === "scrutiny" && coverageBp < h.disillusionment && !improving) next = "disillusionment";
    else if (s.regime === "scrutiny" && coverageBp >= h.euphoria && improving) next = "euphoria";
    else if (s.regime === "disillusionment" && improving && coverageBp >= h.recovery) next = "recovery";
    else if (s.regime === "recovery" && coverageBp >= h.euphoria && improving) next = "euphoria";
    else if (s.regime === "recovery" && !improving && coverageBp < h.scrutiny) next = "scrutiny";
  }
  const target = mulBp(S.regimeMultBp[next], clamp(BP + mulBp(coverageBp - s.openingCoverageBp, S.coverageSlopeBp), S.moodMinBp, S.moodMaxBp));
  return {
    ...s,
    moodBp: s.moodBp + Math.trunc((target - s.moodBp) / 2),
    regime: next,
    scoreBp: coverageBp - h.scrutiny + Math.floor((revenueGrowthBp - capexGrowthBp) / 4),
    quartersInRegime: next === s.regime ? s.quartersInRegime + 1 : 0,
  };
}

export function yoyGrowthBp(series: readonly number[]): number {
  const n = series.length;
  if (n < 8) return 0;
  let now = 0;
  let before = 0;
  for (let i = n - 4; i < n; i++) now += series[i] ?? 0;
  for (let i = n - 8; i < n - 4; i++) before += series[i] ?? 0;
  return before <= 0 ? 0 : Math.round(((now - before) * BP) / before);
}

export function lastFour(series: readonly number[]): number {
  let s = 0;
  for (let i = Math.max(0, series.length - 4); i < series.length; i++) s += series[i] ?? 0;
  return s;
}

/** Sums series aligned at their ends (seats' histories may differ in length only before the match). */
export function mergeSeries(series: readonly (readonly number[])[]): number[] {
  const n = Math.max(0, ...series.map((s) => s.length));
  const out = new Array<number>(n).fill(0);
  // Series by series (the same sums in the same order): no reads before a shorter series' start.
  for (const x of series) {
    const offset = n - x.length;
    for (let j = 0; j < x.length; j++) out[offset + j]! += x[j] ?? 0;
  }
  return out;
}

/** The last `k` entries of `mergeSeries(series)` (all of it when shorter), merging only those. */
export function mergeSeriesTail(series: readonly (readonly number[])[], k: number): number[] {
  const n = Math.max(0, ...series.map((s) => s.length));
  const m = Math.min(n, k);
  const out = new Array<number>(m).fill(0);
  for (const x of series) for (let j = Math.max(0, x.length - m); j < x.length; j++) out[m - x.length + j]! += x[j] ?? 0;
  return out;
}

/** The industry's four-quarter AI revenue ÷ capex, bp: what the mood is driven by. */
export function industryCoverageBp(companies: readonly CompanyState[]): number {
  // The last four quarters of the series merged at their ends are each seat's last four: the same
  // whole-dollar sums without merging whole histories.
  let capex = 0;
  let ai = 0;
  for (const c of companies) {
    capex += lastFour(c.capexHistory);
    ai += lastFour(c.aiRevenueHistory);
  }
  return Math.round((ai * BP) / Math.max(1, capex));
}

/** The industry's expected AI revenue ÷ expected capex over the coming year, bp: what the mood is measured on. */
export function forwardCoverageBp(companies: readonly Pick<CompanyState, "consensus">[]): number {
  const ai = companies.reduce((s, c) => s + c.consensus.aiRevenue * 4, 0);
  const capex = companies.reduce((s, c) => s + c.consensus.capexYear, 0);
  return Math.round((ai * BP) / Math.max(1, capex));
}
