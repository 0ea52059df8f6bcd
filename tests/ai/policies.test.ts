import { describe, expect, test } from "vitest";
import { validateDecision } from "../../shared/engine/index.ts";
import type { CompanyId } from "../../shared/engine/ids.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { PERSONALITIES, PERSONALITY_REGISTRY, TRICKS, TRICK_POLICIES, contextFor, decideFor, makePlanner, type Policy } from "../../shared/ai/index.ts";
import { sampleStates } from "./states.ts";

const STATES = sampleStates({ seeds: 8, turns: [0, 3, 7, 11] });
const LIGHT_PLANNER = makePlanner({ depth: 1, candidates: 3, samples: 1 });

const POLICIES: readonly (readonly [string, Policy])[] = [
  ...PERSONALITIES.map((id) => [id, id === "planner" ? LIGHT_PLANNER : PERSONALITY_REGISTRY[id].make({ depth: 0, candidates: 0, samples: 0 })] as const),
  ...TRICKS.map((id) => [id, TRICK_POLICIES[id]] as const),
];

function activeSeats(state: (typeof STATES)[number]["state"]): CompanyId[] {
  return state.config.seats.filter((s) => state.companies[s]?.status === "active");
}

describe("every AI decision is legal", () => {
  test("the sample covers many states, seats and both scenarios", () => {
    expect(STATES.length).toBeGreaterThanOrEqual(28);
    const seatTurns = STATES.reduce((n, c) => n + activeSeats(c.state).length, 0);
    expect(seatTurns).toBeGreaterThanOrEqual(90);
  });

  test.each(POLICIES.map(([id, p]) => ({ id, p })))("$id: validateDecision ok for every seat in every sampled state", ({ id, p }) => {
    const failures: string[] = [];
    for (const { label, state } of STATES) {
      if (state.ended) continue;
      for (const seat of activeSeats(state)) {
        const d = p(viewFor(state, seat), contextFor(state, seat, 11));
        const r = validateDecision(state, seat, d);
        if (!r.ok) failures.push(`${label} ${seat}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
      }
    }
    expect(failures, `${id} made illegal decisions`).toEqual([]);
  });
});

describe("determinism", () => {
  test("same state, seat, level and seed → the same decision, for every personality and level", () => {
    const cases = STATES.filter((_, i) => i % 5 === 0);
    for (const { state } of cases) {
      for (const seat of activeSeats(state).slice(0, 2)) {
        for (const who of [...PERSONALITIES, "easy", "normal", "hard"] as const) {
          const a = decideFor(state, seat, who, 123);
          const b = decideFor(structuredClone(state), seat, who, 123);
          expect(b).toEqual(a);
        }
      }
    }
  });

  test("decisions react to what the seat sees (the checks above could fail)", () => {
    // The arms racer and the disciplined seat make different calls from the same view.
    const { state } = STATES[0]!;
    const seat = state.config.seats[0]!;
    expect(decideFor(state, seat, "arms_racer", 1).capex).toBeGreaterThan(decideFor(state, seat, "disciplined", 1).capex);
    expect(decideFor(state, seat, "zero_capex", 1).capex).toBe(0);
  });
});
