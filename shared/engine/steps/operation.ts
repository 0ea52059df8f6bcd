/** Step 3: operation. Usable compute = min(installed, powered); unpowered servers are stranded. */
import { fleetEfficiencyBp } from "../chips.ts";
import { COMPANY_PARAMS } from "../../rules/params.ts";
import { depreciateCohorts } from "../cohorts.ts";
import { poweredCustomShareOf, poweredMw } from "../compute.ts";
import { mulBp } from "../money.ts";
import { type TurnContext, seatWork } from "./context.ts";

export function runOperation(ctx: TurnContext): void {
  for (const id of ctx.active) {
    const w = seatWork(ctx, id);
    // One pass over the cohorts for the quarter: the fleet in service now, and the depreciation
    // step 6 charges (no cohort is added or retired between here and there).
    const cohorts = depreciateCohorts(w.c.assets, ctx.turn);
    w.cohorts = cohorts;
    w.installed = cohorts.installedMw;
    w.usable = Math.min(w.installed, poweredMw(w.c));
    // When power binds, the chips that serve best get the power; the rest stand idle.
    const customBp = poweredCustomShareOf(cohorts.installedMw, cohorts.installedCustomMw, w.usable, COMPANY_PARAMS[id].chipProgram.inferenceBp);
    const uplift = w.c.chipProgram.fleetUpliftBp;
    w.servingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "inference", uplift));
    w.trainingMw = mulBp(w.usable, fleetEfficiencyBp(id, customBp, "training", uplift));
  }
}
