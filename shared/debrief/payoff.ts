/**
 * The realised payoff matrix of a match (calibration.md §I): for each seat, T, R, P and S from
 * named runs of this match — never from averages over other seeds.
 *
 *              rivals restrain          rivals as played
 *   I race     T  (onlyRace)            P  (actual)
 *   I restrain R  (allRestrain)         S  (onlyRestrain)
 */
import type { CompanyId, Scoring } from "../engine/ids.ts";
import { BP } from "../engine/money.ts";
import { findRun, outcomeIn } from "./runs.ts";
import type { PayoffMatrix, RunSummary, SeatPayoff } from "./types.ts";

/** A seat "raced" when its capex over the match ran more than 10% above its capex restraining alone. */
export const RACED_ABOVE_BP = 11_000;

/**
 * A seat's payoff in one run: its score, except under the handicap, where it is its TSR. The
 * dilemma is each seat's own, the handicap only rescales the seat's TSR (same order), and TSR is
 * the unit the lesson speaks in.
 */
export function payoffOf(o: { readonly scoreBp: number; readonly tsrBp: number }, scoring: Scoring | undefined): number {
  return scoring === "handicap" ? o.tsrBp : o.scoreBp;
}

export function payoffMatrix(runs: readonly RunSummary[], seats: readonly CompanyId[], scoring?: Scoring): PayoffMatrix {
  const pay = (o: { scoreBp: number; tsrBp: number }): number => payoffOf(o, scoring);
  const actual = findRun(runs, "actual");
  const allRestrain = findRun(runs, "allRestrain");
  const rows: SeatPayoff[] = seats.map((company) => {
    const p = outcomeIn(actual, company);
    const r = outcomeIn(allRestrain, company);
    const s = outcomeIn(findRun(runs, "onlyRestrain", company), company);
    const t = outcomeIn(findRun(runs, "onlyRace", company), company);
    if (!p || !r || !s || !t) throw new Error(`debrief: a run is missing for ${company}`);
    const capexVsRestraintBp = s.capex <= 0 ? (p.capex > 0 ? 2 * BP : BP) : Math.round((p.capex * BP) / s.capex);
    const T = pay(t);
    const R = pay(r);
    const P = pay(p);
    const S = pay(s);
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
