/**
 * What the market reads from a seat's cohorts, gathered in one pass: the consensus's depreciation
 * for the coming quarter, the year's forward depreciation, the fleet a year out and the servers
 * arriving within it. The same figures as `quarterDepreciation`, `forwardDepreciation`,
 * `powerAhead` and `arrivingPoweredMw` compute one loop each; a seat holds 60–90 cohorts and the
 * stock step reads all four, every quarter.
 */
import type { Vintage } from "./types.ts";

export interface CohortOutlook {
  /** Depreciation charged in quarter `turn + 1`, $M. */
  readonly nextDepreciation: number;
  /** Average quarterly depreciation over quarters `turn + 1 … turn + 4` (floored), AI line (servers, facilities) and the rest. */
  readonly forwardAi: number;
  readonly forwardOther: number;
  /** MW of servers live at `turn + 4` (installed or ordered, not yet past their life). */
  readonly serversAhead: number;
  /** MW of servers coming into service after `turn`, by `turn + 4`. */
  readonly arrivingMw: number;
}

/** `accumulatedDepAt` for a cohort `quarters` quarters into its service, with its straight-line step `per` computed once. */
function depAfter(cost: number, life: number, per: number, quarters: number): number {
  if (quarters <= 0) return 0;
  if (quarters >= life) return cost;
  return Math.min(cost, quarters * per);
}

export function cohortOutlook(assets: readonly Vintage[], turn: number): CohortOutlook {
  let next = 0;
  let ai = 0;
  let other = 0;
  let servers = 0;
  let arriving = 0;
  const ahead = turn + 4;
  for (const v of assets) {
    const cost = v.cost;
    const life = v.lifeQuarters;
    const start = v.inServiceTurn;
    const per = Math.max(1, Math.round(cost / life));
    const at1 = depAfter(cost, life, per, turn + 1 - start);
    // quarterDepreciation(v, turn + 1): nothing before the cohort is in service.
    if (start <= turn + 1) next += depAfter(cost, life, per, turn + 2 - start) - at1;
    const d = depAfter(cost, life, per, turn + 5 - start) - at1;
    if (v.kind === "ai_servers") {
      ai += d;
      if (start <= ahead && start + life > ahead) servers += v.mw;
      if (start > turn && start <= ahead) arriving += v.mw;
    } else if (v.kind === "facilities") ai += d;
    else other += d;
  }
  return { nextDepreciation: next, forwardAi: Math.floor(ai / 4), forwardOther: Math.floor(other / 4), serversAhead: servers, arrivingMw: arriving };
}
