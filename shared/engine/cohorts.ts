/**
 * What the market reads from a seat's cohorts, gathered in one pass: the consensus's depreciation
 * for the coming quarter, the year's forward depreciation, the fleet a year out and the servers
 * arriving within it. The same figures as `quarterDepreciation`,
 * `powerAhead` and `arrivingPoweredMw` compute one loop each; a seat holds 60–90 cohorts and the
 * stock step reads all four, every quarter.
 */
import type { Vintage } from "./types.ts";

export interface CohortOutlook {
  /** Depreciation charged in quarter `turn + 1`, $M. */
  readonly nextDepreciation: number;
  /**
   * Average quarterly depreciation over quarters `turn + 1 … turn + 4` (floored), AI line (servers,
   * facilities) and the rest. The AI line counts only cohorts in service by `turn`: those still in
   * flight are valued at cost (`inFlightCost`) until they earn, so their charge is not counted
   * against revenue they have not begun to earn.
   */
  readonly forwardAi: number;
  readonly forwardOther: number;
  /** MW of servers live at `turn + 4` (installed or ordered, not yet past their life). */
  readonly serversAhead: number;
  /** MW of servers coming into service after `turn`, by `turn + 4`. */
  readonly arrivingMw: number;
  /** What the AI cohorts (servers, facilities) not yet in service by `turn` cost, $M. */
  readonly inFlightCost: number;
}

/** `accumulatedDepAt` for a cohort `quarters` quarters into its service, with its straight-line step `per` computed once. */
function depAfter(cost: number, life: number, per: number, quarters: number): number {
  if (quarters <= 0) return 0;
  if (quarters >= life) return cost;
  return Math.min(cost, quarters * per);
}

/** The running sums behind a `CohortOutlook`, one cohort at a time. */
class OutlookSums {
  next = 0;
  ai = 0;
  other = 0;
  servers = 0;
  arriving = 0;
  inFlight = 0;

  /** Adds cohort `v` read at `turn`; `at1` is its accumulated depreciation before `turn + 1`. */
  add(v: Vintage, per: number, at1: number, turn: number): void {
    const cost = v.cost;
    const life = v.lifeQuarters;
    const start = v.inServiceTurn;
    // quarterDepreciation(v, turn + 1): nothing before the cohort is in service.
    if (start <= turn + 1) this.next += depAfter(cost, life, per, turn + 2 - start) - at1;
    const d = depAfter(cost, life, per, turn + 5 - start) - at1;
    const flying = start > turn && (v.kind === "ai_servers" || v.kind === "facilities");
    if (flying) this.inFlight += cost;
    if (v.kind === "ai_servers") {
      if (!flying) this.ai += d;
      const ahead = turn + 4;
      if (start <= ahead && start + life > ahead) this.servers += v.mw;
      if (start > turn && start <= ahead) this.arriving += v.mw;
    } else if (v.kind === "facilities") {
      if (!flying) this.ai += d;
    } else this.other += d;
  }

  outlook(): CohortOutlook {
    return {
      nextDepreciation: this.next,
      forwardAi: Math.floor(this.ai / 4),
      forwardOther: Math.floor(this.other / 4),
      serversAhead: this.servers,
      arrivingMw: this.arriving,
      inFlightCost: this.inFlight,
    };
  }
}

export function cohortOutlook(assets: readonly Vintage[], turn: number): CohortOutlook {
  const sums = new OutlookSums();
  for (const v of assets) {
    const per = Math.max(1, Math.round(v.cost / v.lifeQuarters));
    sums.add(v, per, depAfter(v.cost, v.lifeQuarters, per, turn + 1 - v.inServiceTurn), turn);
  }
  return sums.outlook();
}

export interface Depreciation {
  /** The cohorts this was read from. */
  readonly source: readonly Vintage[];
  /** MW of servers in service in quarter `turn` (`installedMw`), and those on the seat's own silicon (`serverMw`). */
  readonly installedMw: number;
  readonly installedCustomMw: number;
  /** The cohorts still on the books after quarter `turn` (the fully written-off ones retire). */
  readonly kept: Vintage[];
  /** The quarter's depreciation, all of it and the AI line's (servers, facilities). */
  readonly depreciation: number;
  readonly aiDepreciation: number;
  /** Net book value of the kept cohorts after the quarter. */
  readonly ppe: number;
  /** `cohortOutlook(kept, turn)`, read in the same pass. */
  readonly outlook: CohortOutlook;
}

/**
 * Charges each cohort's quarter `turn` and retires the ones now fully written off (gross and
 * accumulated leave together); reads the servers in service in the quarter, and the kept cohorts
 * for the market, on the way (`serverMw`, `cohortOutlook`).
 */
export function depreciateCohorts(assets: readonly Vintage[], turn: number): Depreciation {
  let dep = 0;
  let aiDep = 0;
  let ppe = 0;
  let installed = 0;
  let custom = 0;
  const kept: Vintage[] = [];
  const sums = new OutlookSums();
  for (const v of assets) {
    const cost = v.cost;
    const life = v.lifeQuarters;
    const start = v.inServiceTurn;
    const per = Math.max(1, Math.round(cost / life));
    const q0 = turn - start;
    if (q0 >= 0 && q0 + 5 < life && (q0 + 5) * per <= cost) {
      // Mid-life (most cohorts): on the straight line through the coming year and nothing written
      // off, so each depAfter below is quarters × per: the same sums without their branches.
      dep += per;
      ppe += cost - (q0 + 1) * per;
      kept.push(v);
      sums.next += per;
      if (v.kind === "ai_servers") {
        aiDep += per;
        installed += v.mw;
        if (v.chip === "custom") custom += v.mw;
        sums.ai += 4 * per;
        if (start + life > turn + 4) sums.servers += v.mw;
      } else if (v.kind === "facilities") {
        aiDep += per;
        sums.ai += 4 * per;
      } else sums.other += 4 * per;
      continue;
    }
    const after = depAfter(cost, life, per, turn + 1 - start);
    if (start <= turn) {
      const before = depAfter(cost, life, per, turn - start);
      const q = after - before;
      dep += q;
      if (v.kind === "ai_servers") {
        aiDep += q;
        // inService(v, turn): in service and not yet written off.
        if (before < cost) {
          installed += v.mw;
          if (v.chip === "custom") custom += v.mw;
        }
      } else if (v.kind === "facilities") aiDep += q;
    }
    if (start > turn || after < cost) {
      kept.push(v);
      ppe += cost - after;
      sums.add(v, per, after, turn);
    }
  }
  return {
    source: assets,
    installedMw: installed,
    installedCustomMw: custom,
    kept,
    depreciation: dep,
    aiDepreciation: aiDep,
    ppe,
    outlook: sums.outlook(),
  };
}
