/**
 * One-lever probes (issue 11): each moves one field of a seat's decision away from what its
 * policy chose, every quarter, by a fixed, explainable step, within the seat's bounds. The
 * sensitivity table plays each against the same match without the probe (same seed and seat).
 */
import type { CompanyId } from "../shared/engine/ids.ts";
import type { Decision, DecisionBounds, MatchState } from "../shared/engine/types.ts";
import { decisionBounds, validateDecision } from "../shared/engine/validate.ts";

export const LEVERS = ["capex", "customShareBp", "chipRnd", "debtIssue", "debtTenor", "debtRepay", "energyBids", "buybacks", "dividends"] as const;
export type Lever = (typeof LEVERS)[number];

/** What each probe does, in words for the report. */
export const LEVER_STEPS: Readonly<Record<Lever, string>> = {
  capex: "capex +25%",
  customShareBp: "custom-chip share −25 pts",
  chipRnd: "chip R&D +$1B a quarter",
  debtIssue: "borrow +$5B a quarter",
  debtTenor: "shortest tenor on offer",
  debtRepay: "repay $5B a quarter early",
  energyBids: "no energy bids",
  buybacks: "buybacks +$5B a quarter",
  dividends: "dividends +$2B a quarter",
};

const within = (x: number, r: { min: number; max: number }): number => Math.max(r.min, Math.min(r.max, x));

/** The decision with one lever moved by `scale` of its step (before the bounds clip it). */
function moved(d: Decision, b: DecisionBounds, lever: Lever, scale: number): Decision {
  const step = (x: number): number => Math.floor(x * scale);
  switch (lever) {
    case "capex":
      return { ...d, capex: within(d.capex + step(Math.floor(d.capex / 4)), b.capex) };
    case "customShareBp":
      return { ...d, customShareBp: within(d.customShareBp - step(2_500), b.customShareBp) };
    case "chipRnd":
      return { ...d, chipRnd: within(d.chipRnd + step(1_000), b.chipRnd) };
    case "debtIssue":
      return { ...d, debtIssue: within(d.debtIssue + step(5_000), b.debtIssue) };
    case "debtTenor": {
      const shortest = [...b.debtTenors].sort((x, y) => x - y)[0];
      return shortest === undefined ? d : { ...d, debtTenor: shortest };
    }
    case "debtRepay":
      return { ...d, debtRepay: within(d.debtRepay + step(5_000), b.debtRepay) };
    case "energyBids":
      return { ...d, energyBids: [] };
    case "buybacks":
      return { ...d, buybacks: within(d.buybacks + step(5_000), b.buybacks) };
    case "dividends":
      return { ...d, dividends: within(d.dividends + step(2_000), b.dividends) };
  }
}

/**
 * The probe applied to `d`: the full step if the engine accepts it, else half, then a quarter
 * (a budget or a closed window limits it), else the decision unchanged. `applied` says whether
 * the decision changed at all.
 */
export function applyLever(state: MatchState, seat: CompanyId, d: Decision, lever: Lever): { decision: Decision; applied: boolean } {
  const b = decisionBounds(state, seat);
  for (const scale of [1, 0.5, 0.25]) {
    const next = moved(d, b, lever, scale);
    if (JSON.stringify(next) === JSON.stringify(d)) return { decision: d, applied: false };
    if (validateDecision(state, seat, next).ok) return { decision: next, applied: true };
  }
  return { decision: d, applied: false };
}
