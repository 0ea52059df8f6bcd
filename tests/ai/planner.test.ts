/**
 * The hard planner's hysteresis (issue 11): it keeps the line it is on unless another beats it by
 * a margin, so capex no longer jumps quarter to quarter on roll-out noise.
 */
import { describe, expect, test } from "vitest";
import { viewFor } from "../../shared/engine/view.ts";
import { contextFor } from "../../shared/ai/index.ts";
import { CANDIDATES, makePlanner, poweredLine } from "../../shared/ai/planner.ts";
import { costPerMw, powerHeadroomMw, runRate, yoyBase, yoyGrowthBp } from "../../shared/ai/shape.ts";
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

describe("the powered racer", () => {
  test("races only as far as the power it will have within a year runs the servers, never below its default", () => {
    const [, racer] = CANDIDATES.find(([name]) => name === "arms_racer")!;
    const powered = poweredLine(racer);
    let capped = 0;
    let free = 0;
    for (const { state } of sampleStates({ seeds: 4, turns: [2, 5, 8] }))
      for (const seat of state.config.seats) {
        if (state.companies[seat]?.status !== "active") continue;
        const view = viewFor(state, seat);
        const ctx = contextFor(state, seat, 5);
        const own = racer(view, ctx);
        const d = powered(view, ctx);
        const cap = Math.max(0, powerHeadroomMw(view.own!, view.turn)) * costPerMw(view);
        // Everything but capex is the racer's own call.
        expect({ ...d, capex: 0 }).toEqual({ ...own, capex: 0 });
        if (own.capex <= cap) {
          expect(d.capex).toBe(own.capex);
          free++;
        } else {
          expect(d.capex).toBe(Math.max(cap, Math.min(own.capex, ctx.defaultDecision.capex)));
          if (d.capex < own.capex) capped++;
        }
      }
    // These states hold both cases: seats with power to spare and seats that would buy dark chips.
    expect(capped).toBeGreaterThan(0);
    expect(free).toBeGreaterThan(0);
  });

  test("the hard planner weighs it", () => {
    expect(CANDIDATES.map(([name]) => name)).toContain("powered_racer");
  });
});

describe("the stances' base", () => {
  test("is the run rate of the last four quarters, so a spike a year ago is not repeated", () => {
    const seat = (capexHistory: number[]) => ({ capexHistory }) as unknown as Parameters<typeof runRate>[0];
    expect(runRate(seat([]), 7)).toBe(7);
    expect(runRate(seat([10, 20]), 7)).toBe(15);
    // A year-ago spike of 40 among quarters of 10: the year-ago base would repeat 40; the run rate is 17.5.
    expect(runRate(seat([5, 40, 10, 10, 10]), 7)).toBe(18);
  });
});
