/** Step 3: operation. Usable compute = min(installed, powered); unpowered servers are stranded. */
import { fleetEfficiencyBp } from "../chips.ts";
import { COMPANY_PARAMS } from "../../rules/params.ts";
import { poweredCustomShareOf, poweredMw, serverMw } from "../compute.ts";
import { mulBp } from "../money.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runOperation(ctx: TurnContext): void {
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    const fleet = serverMw(w.c, ctx.turn);
    w.installed = fleet.all;
    w.usable = Math.min(w.installed, poweredMw(w.c));
    // When power binds, the chips that serve best get the power; the rest stand idle.
    const customBp = poweredCustomShareOf(fleet.all, fleet.custom, w.usable, COMPANY_PARAMS[id].chipProgram.inferenceBp);
    w.servingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "inference"));
    w.trainingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "training"));
  }
}
