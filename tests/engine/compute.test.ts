/** Step 3 and step 6: installed, powered and usable compute; depreciation by vintage. */
import { describe, expect, test } from "vitest";
import { COMPANY_PARAMS, MARKET_PARAMS } from "../../shared/rules/params.ts";
import { accumulatedDepAt, inService, installedMw, netPpe, pendingMw, quarterDepreciation, usableMw } from "../../shared/engine/compute.ts";
import { COMPANIES, SCENARIOS, createMatch, resolveTurn, type CompanyId, type MatchState, type Vintage } from "../../shared/engine/index.ts";
import { clone, defaultDecisions, type Mutable } from "./helpers.ts";

const V: Vintage = { kind: "ai_servers", chip: "nvidia", boughtTurn: 0, inServiceTurn: 1, cost: 1000, mw: 40, lifeQuarters: 14 };

describe("depreciation by vintage", () => {
  test("straight line: nothing before service, round(cost/life) a quarter, the remainder last, total = cost", () => {
    expect(quarterDepreciation(V, 0)).toBe(0);
    const charges: number[] = [];
    for (let t = 1; t < 40; t++) {
      const q = quarterDepreciation(V, t);
      if (q > 0) charges.push(q);
      // What was charged so far is exactly what the derived accumulation says.
      expect(accumulatedDepAt(V, t + 1)).toBe(charges.reduce((s, x) => s + x, 0));
    }
    expect(charges.reduce((s, x) => s + x, 0)).toBe(V.cost);
    expect(charges.length).toBe(V.lifeQuarters);
    expect(charges.slice(0, -1).every((x) => x === Math.round(V.cost / V.lifeQuarters))).toBe(true);
    expect(accumulatedDepAt(V, 40)).toBe(V.cost);
    expect(inService(V, 1 + V.lifeQuarters - 1)).toBe(true);
    expect(inService(V, 1 + V.lifeQuarters)).toBe(false);
  });

  test("AI servers live 12–16 quarters; shells and the traditional estate live longer", () => {
    for (const id of COMPANIES) {
      expect(COMPANY_PARAMS[id].serverLifeQuarters).toBeGreaterThanOrEqual(12);
      expect(COMPANY_PARAMS[id].serverLifeQuarters).toBeLessThanOrEqual(16);
    }
    expect(MARKET_PARAMS.capex.facilityLifeQuarters).toBeGreaterThan(16);
    for (const scenario of SCENARIOS) {
      const s = createMatch({ scenario, seats: [...COMPANIES], seed: 2 });
      const r = resolveTurn(s, defaultDecisions(s));
      for (const id of COMPANIES)
        for (const v of r.state.companies[id]!.assets) {
          if (v.kind === "ai_servers") {
            expect(v.lifeQuarters).toBeGreaterThanOrEqual(12);
            expect(v.lifeQuarters).toBeLessThanOrEqual(16);
          } else expect(v.lifeQuarters).toBeGreaterThan(16);
          expect(accumulatedDepAt(v, r.state.turn)).toBeLessThan(v.cost); // fully depreciated cohorts retire
        }
    }
  });

  test("net PP&E = Σ (cost − accumulated depreciation) at the start of a quarter", () => {
    const W: Vintage = { ...V, cost: 500, lifeQuarters: 5 }; // 100 a quarter from turn 1
    expect(netPpe([V, W], 0)).toBe(1500);
    expect(netPpe([V, W], 3)).toBe(1500 - 2 * Math.round(1000 / 14) - 200);
    expect(netPpe([W], 6)).toBe(0);
  });
});

describe("usable compute", () => {
  const s0 = createMatch({ seed: 4, seats: ["microsoft", "alphabet"], randomEvents: false });

  test("installed counts only delivered, undepreciated servers; pending counts the ones on the way", () => {
    const c = s0.companies.microsoft!;
    const base = { ...c, assets: [V, { ...V, inServiceTurn: 3, mw: 7 }, { ...V, kind: "facilities" as const, mw: 0 }] };
    expect(installedMw(base, 1)).toBe(40);
    expect(pendingMw(base, 1)).toBe(7);
    expect(installedMw(base, 3)).toBe(47);
  });

  test("usable = min(installed, powered)", () => {
    const c = s0.companies.microsoft!;
    const installed = installedMw(c, 0);
    expect(installed).toBeGreaterThan(0);
    const short = { ...c, power: { ...c.power, onlineMw: Math.floor(installed / 2) } };
    const ample = { ...c, power: { ...c.power, onlineMw: installed * 2 } };
    const outage = { ...ample, power: { ...ample.power, outageMw: installed * 2 } };
    expect(usableMw(short, 0)).toBe(Math.floor(installed / 2));
    expect(usableMw(ample, 0)).toBe(installed);
    expect(usableMw(outage, 0)).toBe(0);
  });

  test("unpowered servers are stranded, earn nothing for their owner, and still depreciate", () => {
    const dark = clone(s0) as Mutable<MatchState>;
    dark.companies.alphabet!.power.onlineMw = 0;
    dark.companies.alphabet!.power.pipeline = [];
    // Organic grid additions arrive at the start of the quarter; cut them out by an outage of everything.
    dark.companies.alphabet!.power.outageMw = 1_000_000;
    const lit = resolveTurn(s0, defaultDecisions(s0)).state.companies.alphabet!.history[0]!;
    const unlit = resolveTurn(dark as MatchState, defaultDecisions(dark as MatchState)).state.companies.alphabet!.history[0]!;
    expect(unlit.usableMw).toBe(0);
    expect(unlit.installedMw).toBe(lit.installedMw);
    expect(unlit.strandedMw).toBe(unlit.installedMw);
    expect(unlit.income.depreciation).toBe(lit.income.depreciation);
    expect(unlit.income.powerCost).toBe(0);
    expect(unlit.income.aiRevenue).toBeLessThan(lit.income.aiRevenue);
  });
});

describe("the fleet over a match", () => {
  test("ordered servers arrive after the Nvidia lead time and then count as installed", () => {
    const seats: CompanyId[] = ["meta"];
    let s = createMatch({ seed: 8, seats, randomEvents: false });
    const d = defaultDecisions(s);
    const r = resolveTurn(s, { meta: { ...d.meta!, capex: 30_000, customShareBp: 0 } });
    s = r.state;
    const ordered = r.report.seats[0]!.mwOrdered;
    expect(ordered).toBeGreaterThan(0);
    const lead = createMatch({ seed: 8, seats }).market.nvidia.leadQuarters;
    expect(pendingMw(s.companies.meta!, lead - 1)).toBeGreaterThanOrEqual(ordered);
    expect(installedMw(s.companies.meta!, lead) - installedMw(s.companies.meta!, lead - 1)).toBeGreaterThanOrEqual(ordered);
  });
});
