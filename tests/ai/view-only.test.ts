/**
 * The AI sees only what a human in its seat could see. Its policies receive `viewFor(state,
 * seat)`, which has no RNG state, seed, schedule, hidden demand path or rivals' private books;
 * here every such hidden value is changed in the full state and every personality and level must
 * decide exactly the same.
 */
import { describe, expect, test } from "vitest";
import { hashState, resolveTurn } from "../../shared/engine/index.ts";
import type { CompanyId } from "../../shared/engine/ids.ts";
import type { CompanyState, MatchState } from "../../shared/engine/types.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { PERSONALITIES, TRICKS, decideFor } from "../../shared/ai/index.ts";
import { defaultDecisionsFor, sampleStates } from "./states.ts";

/** Every value a seat must not see, scrambled; the seat's own company is left alone. */
function scrambleHidden(state: MatchState, seat: CompanyId, k: number): MatchState {
  const companies: Partial<Record<CompanyId, CompanyState>> = {};
  for (const id of state.config.seats) {
    const c = state.companies[id]!;
    if (id === seat) {
      companies[id] = c;
      continue;
    }
    companies[id] = {
      ...c,
      // Same total principal (debt is public), different coupons, maturities and ids.
      tranches: c.tranches.map((t, i) => ({ ...t, id: `x${k}-${i}`, couponBp: t.couponBp + 137 * k, maturityTurn: t.maturityTurn + 3 * k })),
      nextTrancheSeq: c.nextTrancheSeq + 17 * k,
      core: {
        ...c.core,
        marginBp: c.core.marginBp - 250 * k,
        growthBp: c.core.growthBp + 300 * k,
        baseMarginBp: c.core.baseMarginBp - 250 * k,
        liftRevenueBp: c.core.liftRevenueBp + 40 * k,
        liftMarginBp: c.core.liftMarginBp + 30 * k,
        openingCapabilityBp: Math.max(0, c.core.openingCapabilityBp - 700 * k),
      },
      chipProgram: {
        maturityBp: (c.chipProgram.maturityBp + 3333 * k) % 10_000,
        slipQuarters: c.chipProgram.slipQuarters + k,
        designBp: c.chipProgram.designBp + 2500 * k,
        fleetUpliftBp: c.chipProgram.fleetUpliftBp + 100 * k,
      },
      power: {
        ...c.power,
        pipeline: [...c.power.pipeline, { dealId: `ghost-${k}`, kind: "smr", mw: 500 * k, onlineTurn: state.turn + 2, costPerMwQK: 90 }],
        costPerMwQK: c.power.costPerMwQK + 11 * k,
      },
      serverLifeQuarters: 12 + ((c.serverLifeQuarters - 12 + k) % 5),
      trainingCompute: c.trainingCompute * (1 + k),
      contracted: { perQuarter: c.contracted.perQuarter + 1000 * k, quartersLeft: c.contracted.quartersLeft + 4 * k },
      valuation: {
        ...c.valuation,
        anchor: { ...c.valuation.anchor, coreMultipleBp: c.valuation.anchor.coreMultipleBp + 5000 * k, otherValue: c.valuation.anchor.otherValue + 1000 * k },
        residualBp: c.valuation.residualBp + 77 * k,
      },
    };
  }
  const m = state.market;
  return {
    ...state,
    config: { ...state.config, seed: (state.config.seed + 7919 * k) >>> 0 },
    rng: (state.rng ^ (0x9e3779b9 * k)) >>> 0,
    companies,
    market: {
      ...m,
      demandPotential: m.demandPotential * (1 + k),
      demandGrowthBp: m.demandGrowthBp + 400 * k,
      demandDriftBp: m.demandDriftBp - 500 * k,
      efficiencyBp: Math.max(1000, m.efficiencyBp - 1500 * k),
    },
    schedule: [...state.schedule, { turn: state.turn + 1, kind: "efficiency_shock", magnitudeBp: 2000 * k }, { turn: state.turn, kind: "bond_window_shut" }],
  };
}

function keysDeep(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysDeep(v, out);
  else if (typeof x === "object" && x !== null)
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      keysDeep(v, out);
    }
  return out;
}

const CASES = sampleStates({ seeds: 4, turns: [0, 5] }).filter((c) => !c.state.ended);
const WHO = [...PERSONALITIES, ...TRICKS, "easy", "normal", "hard"] as const;

describe("the AI sees only its seat's view", () => {
  test("the view carries no RNG state, seed, schedule, hidden demand path or rivals' private books", () => {
    const { state } = CASES[1]!;
    const seat = state.config.seats[0]!;
    const keys = keysDeep(viewFor(state, seat));
    for (const hidden of ["rng", "seed", "schedule", "demandPotential", "demandGrowthBp", "demandDriftBp", "efficiencyBp", "valuation", "trainingCompute"]) {
      expect(keys.has(hidden), `view exposes ${hidden}`).toBe(false);
    }
    const rival = viewFor(state, seat).companies[state.config.seats[1]!]!;
    for (const priv of ["tranches", "powerPipeline", "chipProgram", "assets", "contracted", "coreMarginBp"]) expect(priv in rival).toBe(false);
  });

  test.each(CASES.map((c) => ({ label: c.label, state: c.state })))("$label: decisions identical whatever the hidden values", ({ state }) => {
    for (const seat of state.config.seats.slice(0, 2)) {
      const variants = [1, 2].map((k) => scrambleHidden(state, seat, k));
      // The scrambling is material: the engine's next state differs…
      const d = defaultDecisionsFor(state);
      expect(hashState(resolveTurn(variants[0]!, d).state)).not.toBe(hashState(resolveTurn(state, d).state));
      // …but the seat's view is the same, and so is every AI's decision.
      for (const v of variants) expect(viewFor(v, seat)).toEqual(viewFor(state, seat));
      // The planner's call is a real choice, not a constant: it departs from the default decision.
      expect(decideFor(state, seat, "hard", 42)).not.toEqual(decideFor(state, seat, "zero_capex", 42));
      for (const who of WHO) {
        const base = decideFor(state, seat, who, 42);
        for (const v of variants) expect(decideFor(v, seat, who, 42), `${who} at ${seat}`).toEqual(base);
      }
    }
  });
});
