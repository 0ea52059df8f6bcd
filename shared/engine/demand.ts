/**
 * Step 4: demand and revenue — the dilemma's engine. More usable compute wins share from rivals,
 * but everyone's capacity together pushes the price per unit down for all.
 */
import { MARKET_PARAMS, COMPANY_PARAMS } from "../rules/params.ts";
import { servingFactorBp } from "./capability.ts";
import type { CompanyId } from "./ids.ts";
import { BP, isqrt, mulBp } from "./money.ts";

const D = MARKET_PARAMS.demand;

export interface Contender {
  readonly id: CompanyId;
  readonly usableMw: number;
  readonly capabilityBp: number;
  readonly prevShareBp: number;
}

/** Weight of a seat in the AI cloud market: compute × capability × its route to customers. */
export function marketWeight(c: Contender): number {
  const capFactor = servingFactorBp(c.capabilityBp);
  return Math.floor((c.usableMw * capFactor * COMPANY_PARAMS[c.id].aiMarketWeightBp) / (BP * BP));
}

export interface DemandOutcome {
  readonly industryRevenue: number;
  readonly yieldPerMwK: number;
  readonly sharesBp: Readonly<Partial<Record<CompanyId, number>>>;
  readonly revenue: Readonly<Partial<Record<CompanyId, number>>>;
  /** Capability-weighted MW serving the market (seats with a route to customers, plus the outside world). */
  readonly weightedMw: number;
}

/**
 * Industry revenue: below demand, capacity-limited at a scarcity price (up to `scarcityCapBp` of the
 * reference yield); above it, price falls roughly as 1/x while volume rises a little (Jevons), so
 * revenue grows only as 1 + J·(√x − 1).
 */
export function industryRevenue(potential: number, weightedMw: number): number {
  const neededMw = Math.max(1, Math.floor((potential * 1000) / D.refYieldK));
  // Short of capacity, the price per unit rises (scarcity) up to a cap, so a demand boom can be
  // monetised before the capacity arrives (the bull path: CAL-REV-12).
  if (weightedMw <= neededMw) return Math.min(potential, Math.floor((weightedMw * mulBp(D.refYieldK, D.scarcityCapBp)) / 1000));
  const xBp = Math.floor((weightedMw * BP) / neededMw);
  const sqrtXBp = isqrt(xBp * BP);
  return potential + mulBp(potential, mulBp(sqrtXBp - BP, D.jevonsBp));
}

/** Capability-weighted MW a seat brings to the market (what serves demand, before its route to customers). */
function servingWeight(c: Contender): number {
  return Math.floor((c.usableMw * servingFactorBp(c.capabilityBp)) / BP);
}

/**
 * The industry's revenue is set by all the capacity serving it (every MW sells at the same price
 * when compute is short); each seat's share of it by its route to customers (`marketWeight`).
 */
export function splitDemand(potential: number, outsideMw: number, seats: readonly Contender[]): DemandOutcome {
  const weights = seats.map(marketWeight);
  const outsideWeighted = mulBp(outsideMw, D.outsideWeightBp);
  const total = weights.reduce((s, w) => s + w, 0) + outsideWeighted;
  const serving = seats.reduce((s, c) => s + (COMPANY_PARAMS[c.id].aiMarketWeightBp > 0 ? servingWeight(c) : 0), 0) + outsideWeighted;
  const revenue = industryRevenue(potential, serving);
  const sharesBp: Partial<Record<CompanyId, number>> = {};
  const rev: Partial<Record<CompanyId, number>> = {};
  seats.forEach((c, i) => {
    const target = total === 0 ? 0 : Math.floor(((weights[i] ?? 0) * BP) / total);
    // Customers move slowly: the share closes part of the gap to its compute-weighted target.
    const share = c.prevShareBp + mulBp(target - c.prevShareBp, D.shareSmoothingBp);
    sharesBp[c.id] = COMPANY_PARAMS[c.id].aiMarketWeightBp === 0 ? 0 : Math.max(0, share);
    rev[c.id] = mulBp(revenue, sharesBp[c.id] ?? 0);
  });
  return {
    industryRevenue: revenue,
    yieldPerMwK: serving === 0 ? 0 : Math.floor((revenue * 1000) / serving),
    sharesBp,
    revenue: rev,
    weightedMw: serving,
  };
}

/** Contracted (circular) demand is paid only for the capacity that can serve it. */
export function servedContract(perQuarter: number, usableMw: number, yieldPerMwK: number): number {
  const cap = Math.floor((usableMw * mulBp(yieldPerMwK, D.contractYieldMultBp)) / 1000);
  return Math.min(perQuarter, cap);
}

export function nextPotential(potential: number, growthBp: number): number {
  return potential + mulBp(potential, growthBp);
}
