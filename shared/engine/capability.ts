/** Model capability from recent training compute; the core business feels the gap to the leader. */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import type { CompanyId } from "./ids.ts";
import { BP, isqrt, mulBp } from "./money.ts";

const K = MARKET_PARAMS.capability;

/**
 * Training compute decays so capability tracks recent investment, not history. `trainingMw` is
 * usable MW weighted by the fleet's training efficiency; the company trains its own models on its
 * share of it.
 */
export function nextTrainingCompute(id: CompanyId, prev: number, trainingMw: number): number {
  return prev - mulBp(prev, K.decayBp) + mulBp(trainingMw, COMPANY_PARAMS[id].trainingShareBp);
}

/** Capability relative to the leader: √(own / leader) so doubling compute is not doubling skill. */
export function capabilitiesBp(training: Readonly<Partial<Record<CompanyId, number>>>): Partial<Record<CompanyId, number>> {
  const leader = Math.max(1, ...Object.values(training).map((x) => x ?? 0));
  const out: Partial<Record<CompanyId, number>> = {};
  for (const [id, t] of Object.entries(training) as [CompanyId, number][]) {
    out[id] = Math.min(BP, isqrt(Math.floor(((t * BP) / leader) * BP)));
  }
  return out;
}

/** Tier 1 = frontier … tier 4 = far behind. */
export function capabilityTier(capabilityBp: number): 1 | 2 | 3 | 4 {
  const [t1, t2, t3] = MARKET_PARAMS.rules.capabilityTiersBp;
  return capabilityBp >= t1 ? 1 : capabilityBp >= t2 ? 2 : capabilityBp >= t3 ? 3 : 4;
}

/** What a MW serves at this capability, bp: a share without any frontier model, the rest with the leader's. */
export function servingFactorBp(capabilityBp: number): number {
  const base = MARKET_PARAMS.rules.servingAtZeroCapabilityBp;
  return base + Math.floor((capabilityBp * (10_000 - base)) / 10_000);
}
