/** The market's mood: euphoria → scrutiny → disillusionment → recovery, driven by AI revenue ÷ capex. */
import { MARKET_PARAMS } from "../rules/params.ts";
import type { Regime } from "./ids.ts";
import type { MarketState } from "./types.ts";

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
    if (s.regime === "euphoria" && (coverageBp < h.scrutiny || !improving)) next = "scrutiny";
    else if (s.regime === "scrutiny" && coverageBp < h.disillusionment && !improving) next = "disillusionment";
    else if (s.regime === "scrutiny" && coverageBp >= h.euphoria && improving) next = "euphoria";
    else if (s.regime === "disillusionment" && improving && coverageBp >= h.disillusionment) next = "recovery";
    else if (s.regime === "recovery" && coverageBp >= h.euphoria && improving) next = "euphoria";
    else if (s.regime === "recovery" && !improving && coverageBp < h.scrutiny) next = "scrutiny";
  }
  return {
    regime: next,
    scoreBp: coverageBp - h.scrutiny + Math.floor((revenueGrowthBp - capexGrowthBp) / 4),
    quartersInRegime: next === s.regime ? s.quartersInRegime + 1 : 0,
  };
}
