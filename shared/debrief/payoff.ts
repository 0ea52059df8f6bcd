/**
 * The realised payoff matrix of a match (calibration.md §I): for each seat, T, R, P and S from
 * named runs of this match — never from averages over other seeds.
 *
 *              rivals restrain          rivals as played
 *   I race     T  (onlyRace)            P  (actual)
 *   I restrain R  (allRestrain)         S  (onlyRestrain)
 */
import type { CompanyId } from "../engine/ids.ts";
import { BP } from "../engine/money.ts";
import { findRun, outcomeIn } from "./runs.ts";
import type { PayoffMatrix, RunSummary, SeatPayoff } from "./types.ts";

/** A seat "raced" when its capex over the match ran more than 10% above its capex restraining alone. */
export const RACED_ABOVE_BP = 11_000;

export function payoffMatrix(runs: readonly RunSummary[], seats: readonly CompanyId[]): PayoffMatrix {
  const actual = findRun(runs, "actual");
  const allRestrain = findRun(runs, "allRestrain");
  const rows: SeatPayoff[] = seats.map((company) => {
    const p = outcomeIn(actual, company);
    const r = outcomeIn(allRestrain, company);
    const s = outcomeIn(findRun(runs, "onlyRestrain", company), company);
    const t = outcomeIn(findRun(runs, "onlyRace", company), company);
    if (!p || !r || !s || !t) throw new Error(`debrief: a run is missing for ${company}`);
    const capexVsRestraintBp = s.capex <= 0 ? (p.capex > 0 ? 2 * BP : BP) : Math.round((p.capex * BP) / s.capex);
    const T = t.scoreBp;
    const R = r.scoreBp;
    const P = p.scoreBp;
    const S = s.scoreBp;
    return {
      company,
      T,
      R,
      P,
      S,
      capexVsRestraintBp,
      raced: capexVsRestraintBp > RACED_ABOVE_BP,
      racingGainBp: P - S,
      orderHolds: T > R && R > P && P > S,
      iteratedHolds: 2 * R > T + S,
    };
  });
  return { seats: rows, dilemmaSeats: rows.filter((x) => x.orderHolds).map((x) => x.company) };
}
