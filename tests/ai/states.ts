/** Match states for AI tests: real matches played a few turns by a mix of personalities. */
import { createMatch, defaultDecision, resolveTurn } from "../../shared/engine/index.ts";
import type { CompanyId, ScenarioId, Variant } from "../../shared/engine/ids.ts";
import type { Decision, MatchState } from "../../shared/engine/types.ts";
import { decideFor, PERSONALITIES, type AiId } from "../../shared/ai/index.ts";

export interface StateCase {
  readonly label: string;
  readonly state: MatchState;
}

const SETUPS: readonly { scenario: ScenarioId; variant: Variant; seats: CompanyId[] }[] = [
  { scenario: "reckoning", variant: "guide", seats: ["microsoft", "amazon", "alphabet", "meta"] },
  { scenario: "buildout", variant: "cons", seats: ["microsoft", "amazon", "alphabet", "meta"] },
  { scenario: "reckoning", variant: "cons", seats: ["oracle", "apple", "tesla", "meta", "amazon"] },
  { scenario: "buildout", variant: "guide", seats: ["alphabet", "oracle"] },
];

/** States at several turns of several matches, players drawn from the rule personalities and tricks (no planner: cheap). */
export function sampleStates(opts: { seeds: number; turns: readonly number[] }): StateCase[] {
  const out: StateCase[] = [];
  const rules: AiId[] = [...PERSONALITIES.filter((p) => p !== "planner"), "all_in_debt", "zero_capex", "hoard_cash"];
  for (let s = 0; s < opts.seeds; s++) {
    const setup = SETUPS[s % SETUPS.length]!;
    let state = createMatch({ ...setup, turns: 12, seed: 1000 + s });
    const maxTurn = Math.max(...opts.turns);
    for (let t = 0; t <= maxTurn && !state.ended; t++) {
      if (opts.turns.includes(t)) out.push({ label: `${setup.scenario}/${setup.variant} seed ${1000 + s} turn ${t}`, state });
      const decisions: Partial<Record<CompanyId, Decision>> = {};
      setup.seats.forEach((seat, i) => {
        const c = state.companies[seat];
        if (c && c.status === "active") decisions[seat] = decideFor(state, seat, rules[(i + s) % rules.length]!, 7);
      });
      state = resolveTurn(state, decisions).state;
    }
  }
  return out;
}

/** Every active seat's default decision: a neutral profile to step the engine with. */
export function defaultDecisionsFor(state: MatchState): Partial<Record<CompanyId, Decision>> {
  const out: Partial<Record<CompanyId, Decision>> = {};
  for (const s of state.config.seats) if (state.companies[s]?.status === "active") out[s] = defaultDecision(state, s);
  return out;
}
