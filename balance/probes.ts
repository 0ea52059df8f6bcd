/**
 * Deterministic engine probes run in the main thread next to the match plan.
 *
 * Stranded compute (CAL-DEP-04): on the documented path, find the first quarter in which a seat
 * is power-bound; resolve that quarter twice from the same state with the same decisions, once
 * with an extra cohort of servers already installed (and no power for it). The extra cohort must
 * add its depreciation and its MW of stranded compute and earn nothing.
 */
import { createMatch, decisionBounds, defaultDecision, resolveTurn, viewFor, CORE_FOUR } from "../shared/engine/index.ts";
import type { CompanyId, Decision, MatchState, Vintage } from "../shared/engine/index.ts";
import { policyFor } from "./policies.ts";

export interface StrandedProbe {
  readonly seat: CompanyId | null;
  readonly turn: number;
  readonly extraMw: number;
  readonly extraCost: number;
  readonly dDepreciation: number;
  readonly dStrandedMw: number;
  readonly dAiRevenue: number;
  readonly dUsableMw: number;
  readonly lifeQuarters: number;
}

function decide(state: MatchState): Partial<Record<CompanyId, Decision>> {
  const out: Partial<Record<CompanyId, Decision>> = {};
  const guide = policyFor("guide");
  state.config.seats.forEach((seat, i) => {
    out[seat] = guide(viewFor(state, seat), { bounds: decisionBounds(state, seat), defaultDecision: defaultDecision(state, seat), seed: 7 + i });
  });
  return out;
}

export function strandedProbe(extraMw = 500): StrandedProbe {
  let state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: [...CORE_FOUR], seed: 1, scoring: "tsr", randomEvents: false });
  while (!state.ended) {
    const decisions = decide(state);
    const a = resolveTurn(state, decisions);
    // A seat that ends this quarter power-bound: any extra installed server stays dark.
    const bound = state.config.seats.find((id) => (a.state.companies[id]?.history.at(-1)?.strandedMw ?? 0) > 0);
    if (bound) {
      const c = state.companies[bound]!;
      const template = c.assets.find((v) => v.kind === "ai_servers" && v.inServiceTurn <= state.turn && v.mw > 0);
      const costPerMw = template ? template.cost / template.mw : 25;
      const life = c.serverLifeQuarters;
      const extra: Vintage = {
        kind: "ai_servers",
        chip: "nvidia",
        boughtTurn: state.turn - 1,
        inServiceTurn: state.turn,
        cost: Math.round(extraMw * costPerMw),
        mw: extraMw,
        lifeQuarters: life,
      };
      const probed: MatchState = { ...state, companies: { ...state.companies, [bound]: { ...c, assets: [...c.assets, extra] } } };
      const b = resolveTurn(probed, decisions);
      const ra = a.state.companies[bound]!.history.at(-1)!;
      const rb = b.state.companies[bound]!.history.at(-1)!;
      return {
        seat: bound,
        turn: state.turn,
        extraMw,
        extraCost: extra.cost,
        dDepreciation: rb.income.depreciation - ra.income.depreciation,
        dStrandedMw: rb.strandedMw - ra.strandedMw,
        dAiRevenue: rb.income.aiRevenue - ra.income.aiRevenue,
        dUsableMw: rb.usableMw - ra.usableMw,
        lifeQuarters: life,
      };
    }
    state = a.state;
  }
  return { seat: null, turn: -1, extraMw, extraCost: 0, dDepreciation: 0, dStrandedMw: 0, dAiRevenue: 0, dUsableMw: 0, lifeQuarters: 0 };
}
