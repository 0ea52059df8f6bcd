/**
 * The documented capex path: year-on-year growth a company's guidance implies for a calendar
 * year, by scenario variant. One source for the market's consensus (engine) and for the guidance
 * follower (AI): both read the same public figures.
 */
import type { CompanyId, Variant } from "../engine/ids.ts";
import { clamp } from "../engine/money.ts";
import { COMPANY_PARAMS, MARKET_PARAMS } from "./params.ts";

const FLAT = 10_000;

/**
 * The growth the market expects for `year` when the match starts in `startYear`: the documented
 * path, except that a market living in 2025 cannot know the February 2026 guidance and expects the
 * end-2025 consensus for 2026 (capex_2026_consensus_growth_end2025) — which the guidance then beats
 * twice over.
 */
export function consensusGrowthBp(id: CompanyId, variant: Variant, year: number, startYear: number): number {
  if (year === 2026 && startYear < 2026) return FLAT + MARKET_PARAMS.guidance.consensusCapBp;
  return documentedGrowthBp(id, variant, year);
}

/** Growth of `year`'s capex over the year before, bp (10_000 = flat). */
export function documentedGrowthBp(id: CompanyId, variant: Variant, year: number): number {
  const p = COMPANY_PARAMS[id];
  const ratio = (next: number, prev: number): number => (prev > 0 ? clamp(Math.round((next * FLAT) / prev), 8_000, 25_000) : 13_500);
  if (year === 2026) return ratio(p.capex2026[variant], p.capexHistory["2025"] ?? 0);
  if (year <= 2025) return ratio(p.capexHistory[String(year)] ?? 0, p.capexHistory[String(year - 1)] ?? 0);
  return FLAT + MARKET_PARAMS.guidance.growthAfter2026Bp[variant];
}
