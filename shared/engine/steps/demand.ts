/**
 * Step 4: demand and revenue — the dilemma's engine. Capability first (this quarter's training
 * counts); then the industry's AI demand is split by serving compute × capability, and everyone's
 * capacity together sets the price per unit for all.
 */
import { capabilitiesBp, nextTrainingCompute } from "../capability.ts";
import { servedContract, splitDemand } from "../demand.ts";
import type { CompanyId } from "../ids.ts";
import { mulBp } from "../money.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runDemand(ctx: TurnContext): void {
  const market = ctx.state.market;
  const training: Partial<Record<CompanyId, number>> = {};
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    w.c.trainingCompute = nextTrainingCompute(id, w.c.trainingCompute, w.trainingMw);
    training[id] = w.c.trainingCompute;
  }
  const caps = capabilitiesBp(training);
  ctx.potential = mulBp(market.demandPotential, market.efficiencyBp);
  ctx.demand = splitDemand(
    ctx.potential,
    market.outsideMw,
    ctx.active.map((id) => {
      const w = seatWork(ctx, id);
      return { id, usableMw: w.servingMw, capabilityBp: caps[id] ?? 0, prevShareBp: w.c.aiShareBp };
    }),
  );
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const contract = w.c.contracted;
    const served = contract.quartersLeft > 0 ? servedContract(contract.perQuarter, w.servingMw, ctx.demand.yieldPerMwK) : 0;
    w.c.capabilityBp = caps[id] ?? 0;
    w.c.aiShareBp = ctx.demand.sharesBp[id] ?? 0;
    w.c.aiRevenue = (ctx.demand.revenue[id] ?? 0) + served;
    w.contractServed = served;
    if (contract.quartersLeft > 0) w.c.contracted = { perQuarter: contract.perQuarter, quartersLeft: contract.quartersLeft - 1 };
  }
}
