import { describe, expect, test } from "vitest";
import { createMatch, hashState, resolveTurn, score, viewFor } from "../../shared/engine/index.ts";
import { beliefState, makePlanner, contextFor } from "../../shared/ai/index.ts";
import { defaultDecisionsFor, sampleStates } from "./states.ts";

describe("the planner's belief state", () => {
  test("at the opening it agrees with the real state on everything the seat can see", () => {
    const state = createMatch({ seed: 31 });
    const seat = "meta";
    const belief = beliefState(viewFor(state, seat), 9);
    // The belief reproduces the seat's own view exactly…
    expect(viewFor(belief, seat)).toEqual(viewFor(state, seat));
    // …but not the hidden parts: its RNG and seed are its own.
    expect(belief.rng).not.toBe(state.rng);
    expect(belief.config.seed).toBe(9);
  });

  test("mid-match, the rebuilt rivals report the same public figures", () => {
    const cases = sampleStates({ seeds: 2, turns: [4] });
    for (const { state } of cases) {
      const seat = state.config.seats[0]!;
      const belief = beliefState(viewFor(state, seat), 1);
      const real = viewFor(state, seat);
      const seen = viewFor(belief, seat);
      expect(seen.own).toEqual(real.own);
      for (const id of state.config.seats) {
        const r = real.companies[id]!;
        const b = seen.companies[id]!;
        for (const k of ["cash", "debt", "rating", "marketCap", "aiRevenue", "capabilityBp", "poweredMw", "coreRevenue"] as const)
          expect(b[k], `${id}.${k}`).toEqual(r[k]);
        expect(Math.abs(b.installedMw - r.installedMw), `${id}.installedMw`).toBeLessThanOrEqual(Math.max(5, r.installedMw / 50));
      }
    }
  });

  test("the engine plays the belief forward, and the planner's roll-outs use it deterministically", () => {
    const { state } = sampleStates({ seeds: 1, turns: [3] })[0]!;
    const seat = state.config.seats[1]!;
    const belief = beliefState(viewFor(state, seat), 4);
    let s = belief;
    for (let i = 0; i < 3 && !s.ended; i++) s = resolveTurn(s, defaultDecisionsFor(s)).state;
    expect(s.turn).toBe(belief.turn + 3);
    expect(score(s).every((x) => Number.isFinite(x.scoreBp))).toBe(true);
    expect(hashState(beliefState(viewFor(state, seat), 4))).toBe(hashState(belief));
    const planner = makePlanner({ depth: 2, candidates: 4, samples: 2 });
    const ctx = contextFor(state, seat, 8);
    expect(planner(viewFor(state, seat), ctx)).toEqual(planner(viewFor(state, seat), ctx));
  });
});
