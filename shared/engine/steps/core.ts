/**
 * Step 5: core businesses grow, are lifted by internal AI use, and win or lose customers to the
 * seats whose models pulled ahead or fell behind.
 */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { customerFlows, stepCore } from "../core-business.ts";
import { nextNoise } from "../rng.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runCore(ctx: TurnContext): void {
  const works = ctx.active.map((id) => seatWork(ctx, id));
  const flows = customerFlows(
    works.map((w) => ({ id: w.c.id, capabilityBp: w.c.capabilityBp, openingCapabilityBp: w.c.core.openingCapabilityBp, revenue: w.c.core.revenue })),
  );
  works.forEach((w, k) => {
    const noise = nextNoise(ctx.rng, MARKET_PARAMS.core.revenueNoiseBp);
    ctx.rng = noise.rng;
    w.c.core = stepCore(w.c.id, w.c.core, w.servingMw, w.c.capabilityBp, noise.value, flows[k] ?? 0).core;
  });
}
