/** Step 2: chips. Nvidia's price clears the industry's demand against its supply; own silicon by the programme's maturity. */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { advanceProgram, aiShareOfCapex, blendUpliftBp, buyCompute, maxCustomShareBp, newChipUpliftBp, nextNvidia, nvidiaDemandAtListMw } from "../chips.ts";
import { BP } from "../money.ts";
import type { Vintage } from "../types.ts";
import { type TurnContext, seatWork } from "./context.ts";

const CH = MARKET_PARAMS.chips;
const CAPEX = MARKET_PARAMS.capex;

/** Custom servers installed or on order, MW. */
function customFleetMw(assets: readonly Vintage[]): number {
  let mw = 0;
  for (const v of assets) if (v.kind === "ai_servers" && v.chip === "custom") mw += v.mw;
  return mw;
}

export function runChips(ctx: TurnContext): void {
  const { turn } = ctx;
  const outside = CH.outsideNvidiaDemandMwQ + Math.floor((turn * CH.outsideNvidiaDemandMwQ * MARKET_PARAMS.demand.outsideGrowthBp) / BP);
  let nvidiaDemand = outside;
  for (const id of ctx.active) {
    const d = seatWork(ctx, id).decision;
    nvidiaDemand += nvidiaDemandAtListMw(aiShareOfCapex(d.capex).ai, d.customShareBp);
  }
  const leadNow = ctx.state.market.nvidia.leadQuarters;
  ctx.nvidia = nextNvidia(ctx.state.market.nvidia, nvidiaDemand);
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const d = w.decision;
    const { traditional, ai } = aiShareOfCapex(d.capex);
    const maturity = w.c.chipProgram.maturityBp;
    const customBp = Math.min(d.customShareBp, maxCustomShareBp(id, maturity));
    const buy = buyCompute(id, ai, customBp, maturity, ctx.nvidia.priceK);
    const life = w.c.serverLifeQuarters;
    const add: Vintage[] = [];
    const push = (v: Vintage): void => {
      if (v.cost > 0) add.push(v);
    };
    push({
      kind: "ai_servers",
      chip: "nvidia",
      boughtTurn: turn,
      inServiceTurn: turn + leadNow,
      cost: buy.nvidiaServerCost,
      mw: buy.nvidiaMw,
      lifeQuarters: life,
    });
    push({
      kind: "ai_servers",
      chip: "custom",
      boughtTurn: turn,
      inServiceTurn: turn + CH.customLeadQuarters,
      cost: buy.customServerCost,
      mw: buy.customMw,
      lifeQuarters: life,
    });
    push({ kind: "facilities", boughtTurn: turn, inServiceTurn: turn + leadNow, cost: buy.facilityCost, mw: 0, lifeQuarters: CAPEX.facilityLifeQuarters });
    push({ kind: "traditional", boughtTurn: turn, inServiceTurn: turn + 1, cost: traditional, mw: 0, lifeQuarters: CAPEX.traditionalLifeQuarters });
    w.mwOrdered = buy.nvidiaMw + buy.customMw;
    // New custom servers carry the generation the programme's design has reached; the fleet's
    // uplift is their MW-weighted average with the custom servers already installed or on order.
    const program = w.c.chipProgram;
    const fleetUpliftBp =
      buy.customMw > 0 ? blendUpliftBp(program.fleetUpliftBp, customFleetMw(w.c.assets), buy.customMw, newChipUpliftBp(program)) : program.fleetUpliftBp;
    w.c.assets = [...w.c.assets, ...add];
    w.c.chipProgram = advanceProgram(id, { ...program, fleetUpliftBp }, d.chipRnd);
  }
}
