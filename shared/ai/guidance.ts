/**
 * Year-on-year capex growth along a company's documented guidance path, read from public rule
 * data (the scenario variant, the calendar year and the company's published figures) — never
 * from the match state.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { MatchView } from "../engine/view.ts";
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import { clamp } from "../engine/money.ts";

/** After 2026 the documents give no company guidance: growth from balance/params (guidance.growthAfter2026Bp). */
const GROWTH_LATER_BP = {
  guide: 10_000 + MARKET_PARAMS.guidance.growthAfter2026Bp.guide,
  cons: 10_000 + MARKET_PARAMS.guidance.growthAfter2026Bp.cons,
} as const;

/** Growth of the year `year` over the year before, bp, for the seat's company. */
export function guidanceGrowthBp(view: MatchView): number {
  const id = view.seat as CompanyId | null;
  const p = id ? COMPANY_PARAMS[id] : undefined;
  const y = view.quarter.year;
  if (!p) return 13_500;
  if (y === 2026) {
    const prev = p.capexHistory["2025"] ?? 0;
    const next = p.capex2026[view.config.variant];
    return prev > 0 ? clamp(Math.round((next * 10_000) / prev), 8_000, 25_000) : 13_500;
  }
  if (y <= 2025) {
    const prev = p.capexHistory[String(y - 1)] ?? 0;
    const next = p.capexHistory[String(y)] ?? 0;
    return prev > 0 ? clamp(Math.round((next * 10_000) / prev), 8_000, 25_000) : 13_500;
  }
  return GROWTH_LATER_BP[view.config.variant];
}
