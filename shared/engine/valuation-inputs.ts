/**
 * What the market looks at for one seat, gathered from its state: the same gathering at the
 * opening (create-match) and after every quarter (step 9), so the opening price and every later
 * one come from one rule.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { type CohortOutlook, cohortOutlook } from "./cohorts.ts";
import { liftTarget } from "./core-business.ts";
import { leverageBp } from "./credit.ts";
import { strandedAheadBp } from "./energy.ts";
import type { CompanyId } from "./ids.ts";
import { BP, clamp, mulBp } from "./money.ts";
import type { CompanyState, Consensus, CoreBusiness, ValuationInputs } from "./types.ts";
import { riskBp } from "./valuation.ts";

const V = MARKET_PARAMS.valuation;

/**
 * Where the core is heading (bp around 10_000): the lift closing on its target, and the customers
 * the seat is winning or losing a quarter (bp of its core) carried over the market's horizon.
 */
export function outlookBp(id: CompanyId, core: CoreBusiness, servingMw: number, capabilityBp: number, customerFlowBp: number, horizonQ: number): number {
  const target = liftTarget(id, core.baseRevenue, servingMw, capabilityBp);
  const revenue = Math.floor(((BP + target.revenueBp) * BP) / (BP + core.liftRevenueBp));
  const margin = Math.floor(((core.baseMarginBp + target.marginBp) * BP) / Math.max(1, core.marginBp));
  const customers = BP + customerFlowBp * horizonQ;
  return clamp(mulBp(mulBp(revenue, margin), customers), V.outlookMinBp, V.outlookMaxBp);
}

export interface SeatMarketFacts {
  readonly consensus: Consensus;
  /** The sector's multiple from the market's mood (bp). */
  readonly moodBp: number;
  /** This quarter's power cost and programme R&D: the market expects them to go on. */
  readonly powerCost: number;
  readonly chipRnd: number;
  readonly installedMw: number;
  readonly usableMw: number;
  readonly servingMw: number;
  /** Customers the seat is expected to win (+) or lose a quarter at its current standing, bp of its core. */
  readonly customerFlowBp: number;
  /** Quarters of that flow the market capitalises (it lengthens as the race goes on). */
  readonly horizonQ: number;
  /** The seat's franchise, $M (its share of the industry's capitalised AI opportunity). */
  readonly franchise: number;
  readonly fadeBp: number;
  readonly timeValueBp: number;
  readonly quarterlyEbitda: number;
  readonly capexPremiumBp: number;
  readonly beatPremiumBp: number;
  readonly eventPremiumBp: number;
}

/** `fleet`: the seat's cohorts read at `turn` (one pass, cohorts.ts), when the caller has it already. */
export function valuationInputs(c: CompanyState, turn: number, f: SeatMarketFacts, fleet: CohortOutlook = cohortOutlook(c.assets, turn)): ValuationInputs {
  const afterTax = BP - V.taxRateBp;
  const dep = { ai: fleet.forwardAi, other: fleet.forwardOther };
  const debt = c.tranches.reduce((s, t) => s + t.principal, 0);
  const coreQ = mulBp(f.consensus.coreRevenue, c.core.marginBp) - dep.other;
  // The market looks at the AI line's depreciation only in part: capex already spent is sunk; a
  // sour market counts more of it, as earnings per share do ("margins over visions").
  const aiQ = mulBp(f.consensus.aiRevenue, BP - MARKET_PARAMS.demand.aiOpexBp) - f.powerCost - mulBp(dep.ai, V.depreciationWeightBp) - f.chipRnd;
  const strandedBp = strandedAheadBp(c, turn, fleet.serversAhead);
  // Capacity in flight is an asset at cost (construction in progress) as far as power waits for
  // it; its charge is not yet in the forward earnings. So a quarter's capex turns cash into
  // capacity at par, and a seat gains nothing by stopping the build as the match ends.
  const poweredBp = fleet.arrivingMw <= 0 ? BP : Math.floor((arrivingPoweredMw(c, turn, f.installedMw, fleet.arrivingMw) * BP) / fleet.arrivingMw);
  return {
    coreNopat: mulBp(coreQ * 4, afterTax),
    aiNopat: mulBp(aiQ * 4, afterTax),
    outlookBp: outlookBp(c.id, c.core, f.servingMw, c.capabilityBp, f.customerFlowBp, f.horizonQ),
    franchise: f.franchise,
    fadeBp: f.fadeBp,
    timeValueBp: f.timeValueBp,
    regimeBp: f.moodBp,
    riskBp: riskBp(V.riskByRatingBp[c.rating], leverageBp(debt - c.cash, f.quarterlyEbitda), c.valuation.anchor.leverageFreeBp, strandedBp),
    capexPremiumBp: f.capexPremiumBp,
    beatPremiumBp: f.beatPremiumBp,
    eventPremiumBp: f.eventPremiumBp,
    netCash: c.cash - debt + mulBp(fleet.inFlightCost, poweredBp),
  };
}

/** MW of servers arriving within a year that have power waiting for them (online or contracted). */
export function arrivingPoweredMw(c: CompanyState, turn: number, installedMw: number, arrivingMw?: number): number {
  let arriving = 0;
  if (arrivingMw !== undefined) arriving = arrivingMw;
  else for (const v of c.assets) if (v.kind === "ai_servers" && v.inServiceTurn > turn && v.inServiceTurn <= turn + 4) arriving += v.mw;
  let power = Math.max(0, c.power.onlineMw - c.power.outageMw);
  for (const p of c.power.pipeline) if (p.onlineTurn <= turn + 4) power += p.mw;
  return Math.min(arriving, Math.max(0, power - installedMw));
}
