/**
 * The dual leaderboard: each seat's private score (the engine's `score`) next to collective
 * welfare — the industry's value and profit as played against the all-restrain run.
 */
import type { CompanyId } from "../engine/ids.ts";
import { findRun, outcomeIn } from "./runs.ts";
import type { LeaderRow, RunSummary, Welfare } from "./types.ts";

export function welfare(runs: readonly RunSummary[], seats: readonly CompanyId[]): Welfare {
  const actual = findRun(runs, "actual");
  const allRestrain = findRun(runs, "allRestrain");
  if (!actual || !allRestrain) throw new Error("debrief: the actual and all-restrain runs are needed");
  const rows: LeaderRow[] = seats.map((company) => {
    const a = outcomeIn(actual, company)!;
    const r = outcomeIn(allRestrain, company)!;
    return {
      company,
      rank: a.rank,
      scoreBp: a.scoreBp,
      restrainScoreBp: r.scoreBp,
      valueCreated: a.valueCreated,
      restrainValueCreated: r.valueCreated,
      netIncome: a.netIncome,
      restrainNetIncome: r.netIncome,
      defaulted: a.defaulted,
    };
  });
  rows.sort((x, y) => x.rank - y.rank);
  return {
    rows,
    actual: actual.industry,
    allRestrain: allRestrain.industry,
    raceCostValue: allRestrain.industry.value - actual.industry.value,
    raceCostProfit: allRestrain.industry.netIncome - actual.industry.netIncome,
  };
}
