/** Step 3: operation. Usable compute = min(installed, powered); unpowered servers are stranded. */
import { fleetEfficiencyBp } from "../chips.ts";
import { fleetCustomShareBp, installedMw, poweredMw } from "../compute.ts";
import { mulBp } from "../money.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runOperation(ctx: TurnContext): void {
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    w.installed = installedMw(w.c, ctx.turn);
    w.usable = Math.min(w.installed, poweredMw(w.c));
    // Idle servers are idle in proportion: the usable fleet has the installed fleet's chip mix.
    const customBp = fleetCustomShareBp(w.c, ctx.turn);
    w.servingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "inference"));
    w.trainingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "training"));
  }
}
