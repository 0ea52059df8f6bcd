/**
 * Year-on-year capex growth along a company's documented guidance path, read from public rule
 * data (the scenario variant, the calendar year and the company's published figures) — never
 * from the match state. The figures live in shared/rules/guidance.ts, which the market's
 * consensus reads too.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { MatchView } from "../engine/view.ts";
import { documentedGrowthBp } from "../rules/guidance.ts";

/** Growth of the year `view.quarter.year` over the year before, bp, for the seat's company. */
export function guidanceGrowthBp(view: MatchView): number {
  const id = view.seat as CompanyId | null;
  return id ? documentedGrowthBp(id, view.config.variant, view.quarter.year) : 13_500;
}
