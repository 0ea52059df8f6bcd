/**
 * The end screen's counterfactual: the same match (config, seed and any teacher events)
 * re-simulated with every seat restraining. Deterministic, so every client and the server agree.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { Decision, MatchConfig, ScheduledEvent, SeatScore } from "../engine/types.ts";
import { createMatch } from "../engine/create-match.ts";
import { resolveTurn } from "../engine/resolve-turn.ts";
import { score } from "../engine/score.ts";
import { injectEvents } from "../engine/inject.ts";
import { viewFor } from "../engine/view.ts";
import { decisionBounds, defaultDecision, validateDecision } from "../engine/validate.ts";
import { flatRestraintPolicy } from "./restraint.ts";

export function restrainedScores(config: MatchConfig, eventsByTurn: Readonly<Record<number, readonly ScheduledEvent[]>> = {}): SeatScore[] {
  let state = createMatch(config);
  while (!state.ended) {
    const events = eventsByTurn[state.turn];
    if (events && events.length > 0) state = injectEvents(state, events);
    const decisions: Partial<Record<CompanyId, Decision>> = {};
    for (const seat of state.config.seats) {
      if (state.companies[seat]?.status !== "active") continue;
      const ctx = { bounds: decisionBounds(state, seat), defaultDecision: defaultDecision(state, seat), seed: config.seed };
      const d = flatRestraintPolicy(viewFor(state, seat), ctx);
      decisions[seat] = validateDecision(state, seat, d).ok ? d : ctx.defaultDecision;
    }
    state = resolveTurn(state, decisions).state;
  }
  return score(state);
}
