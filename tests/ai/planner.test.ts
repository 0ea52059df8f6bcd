/**
 * The hard planner's hysteresis (issue 11): it keeps the line it is on unless another beats it by
 * a margin, so capex no longer jumps quarter to quarter on roll-out noise.
 */
import { describe, expect, test } from "vitest";
import { viewFor } from "../../shared/engine/view.ts";
import { contextFor } from "../../shared/ai/index.ts";
import { CANDIDATES, makePlanner } from "../../shared/ai/planner.ts";
import { yoyBase, yoyGrowthBp } from "../../shared/ai/shape.ts";
import { sampleStates } from "./states.ts";

const PLANNING = { depth: 2, candidates: 6, samples: 1 };
const CASES = sampleStates({ seeds: 3, turns: [4, 6] }).filter((c) => !c.state.ended);

describe("planner hysteresis", () => {
  test("with an unbounded margin it keeps its line: the candidate closest to the growth it showed", () => {
    const stay = makePlanner(PLANNING, undefined, Number.MAX_SAFE_INTEGER);
    for (const { state } of CASES) {
      for (const seat of state.config.seats.slice(0, 2)) {
        const view = viewFor(state, seat);
        const ctx = contextFor(state, seat, 5);
        const o = view.own!;
        const shown = yoyGrowthBp(o)!;
        const base = yoyBase(o, ctx.defaultDecision.capex);
        const gaps = CANDIDATES.slice(0, PLANNING.candidates).map(([, p]) => Math.abs(Math.round((p(view, ctx).capex * 10_000) / base) - shown));
        const d = stay(view, ctx);
        expect(Math.abs(Math.round((d.capex * 10_000) / base) - shown)).toBe(Math.min(...gaps));
      }
    }
  });

  test("the margin is a real choice: without it the planner leaves its line somewhere in these states", () => {
    const stay = makePlanner(PLANNING, undefined, Number.MAX_SAFE_INTEGER);
    const free = makePlanner(PLANNING, undefined, 0);
    let differ = 0;
    for (const { state } of CASES)
      for (const seat of state.config.seats.slice(0, 2)) {
        const ctx = contextFor(state, seat, 5);
        if (JSON.stringify(stay(viewFor(state, seat), ctx)) !== JSON.stringify(free(viewFor(state, seat), ctx))) differ++;
      }
    expect(differ).toBeGreaterThan(0);
  });
});
