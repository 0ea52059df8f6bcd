/**
 * Step 10: events, scheduled by the scenario or drawn from the seeded RNG. Their effects land on
 * the next quarter (the market prices a mega-deal or a ruling in the next quarter's move).
 */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { drawEvents, fromScheduled } from "../events.ts";
import { BP, clamp, mulBp } from "../money.ts";
import type { ActiveEvent } from "../types.ts";
import { type TurnContext, seatWork } from "./context.ts";

const EVP = MARKET_PARAMS.events;

export interface EventEffects {
  readonly baseRateBp: number;
  readonly efficiencyBp: number;
  readonly windowShutQuarters: number;
}

export function runEvents(ctx: TurnContext): EventEffects {
  const { state, turn } = ctx;
  const scheduled = state.schedule.filter((e) => e.turn === turn).map(fromScheduled);
  let drawn: ActiveEvent[] = [];
  if (state.config.randomEvents) {
    const stillActive = ctx.active.filter((id) => !seatWork(ctx, id).defaultedNow);
    const slipPool = stillActive.filter((id) => seatWork(ctx, id).c.chipProgram.maturityBp < BP);
    const d = drawEvents(ctx.rng, turn, stillActive, slipPool);
    ctx.rng = d.rng;
    drawn = d.value;
  }
  ctx.events = [...scheduled, ...drawn];
  const market = state.market;
  let baseRateBp = ctx.bonds.baseRateBp;
  let efficiencyBp = market.efficiencyBp + mulBp(BP - market.efficiencyBp, EVP.efficiencyRecoveryBp);
  let windowShut = ctx.bonds.windowShutQuarters;
  for (const e of ctx.events) {
    const target = e.target && ctx.work.has(e.target) ? seatWork(ctx, e.target) : undefined;
    switch (e.kind) {
      case "efficiency_shock":
        efficiencyBp = Math.max(MARKET_PARAMS.rules.efficiencyFloorBp, efficiencyBp - e.magnitudeBp);
        // The shock shuts the bond window when it surprises a market that had not priced it: a
        // euphoric or recovering one (bond_window_deepseek). A disillusioned market is braced.
        if (market.sentiment.regime === "euphoria" || market.sentiment.regime === "recovery")
          windowShut = Math.max(windowShut, MARKET_PARAMS.credit.windowShutQuarters);
        break;
      case "rate_move":
        baseRateBp = clamp(baseRateBp + e.magnitudeBp, 0, MARKET_PARAMS.rules.maxBaseRateBp);
        break;
      case "bond_window_shut":
        windowShut = Math.max(windowShut, e.magnitudeBp > 0 ? e.magnitudeBp : MARKET_PARAMS.credit.windowShutQuarters);
        break;
      case "bond_window_open":
        windowShut = 0;
        break;
      case "grid_approval":
        if (target)
          target.c.power = {
            ...target.c.power,
            pipeline: [
              ...target.c.power.pipeline,
              { dealId: `grid-approval-${turn}`, kind: "grid", mw: e.magnitudeBp, onlineTurn: turn + 1, costPerMwQK: MARKET_PARAMS.energy.powerCostK.grid },
            ],
          };
        break;
      case "grid_outage":
        if (target) target.c.power = { ...target.c.power, outageMw: mulBp(target.c.power.onlineMw, e.magnitudeBp) };
        break;
      case "chip_slip":
        if (target) target.c.chipProgram = { ...target.c.chipProgram, slipQuarters: target.c.chipProgram.slipQuarters + e.magnitudeBp };
        break;
      case "mega_deal":
        if (target)
          target.c.contracted = {
            perQuarter: target.c.contracted.perQuarter + e.magnitudeBp,
            quartersLeft: Math.max(target.c.contracted.quartersLeft, EVP.megaDealQuarters),
          };
        break;
      case "antitrust":
        // The fine and the valuation discount land next quarter (steps 6 and 9).
        break;
    }
  }
  return { baseRateBp, efficiencyBp, windowShutQuarters: windowShut };
}
