/** The end screen's scores with their par (client/src/par.ts draws them). */
import { scoringIn } from "../../shared/engine/score.ts";
import type { SeatScore } from "../../shared/engine/types.ts";
import type { Debrief } from "../../shared/debrief/types.ts";
import { parLevelOf, seatPar } from "../../shared/engine/score.ts";
import type { ScoredSeat } from "./par.ts";

/**
 * The final scores with their par: the server's (which carry it) or, for a client that rejoined
 * after the end, the debrief's replay of the match with the par looked up the way the engine does.
 */
export function scoresWithPar(server: readonly SeatScore[], d: Debrief | null): (ScoredSeat & { readonly rank: number })[] {
  if (server.length > 0) return [...server];
  if (!d || scoringIn(d.config) !== "handicap") return [];
  const actual = d.runs.find((r) => r.kind === "actual");
  return (actual?.seats ?? []).map((s) => {
    const par = seatPar(s.company, parLevelOf(d.config), d.config.scenario, d.config.turns, d.config.turns);
    return { company: s.company, scoreBp: s.scoreBp, tsrBp: s.tsrBp, defaulted: s.defaulted, rank: s.rank, ...(par ? { par } : {}) };
  });
}
