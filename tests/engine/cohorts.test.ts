/** What the market reads from a seat's cohorts: capacity in flight is valued at cost, not charged against revenue it has not earned. */
import { describe, expect, test } from "vitest";
import { cohortOutlook } from "../../shared/engine/cohorts.ts";
import { valuationInputs, type SeatMarketFacts } from "../../shared/engine/valuation-inputs.ts";
import { createMatch, type CompanyState, type Vintage } from "../../shared/engine/index.ts";

const flying: Vintage = { kind: "ai_servers", chip: "nvidia", boughtTurn: 0, inServiceTurn: 2, cost: 12_000, mw: 300, lifeQuarters: 16 };

describe("capacity in flight", () => {
  test("counts at cost and adds no forward depreciation until it is in service", () => {
    const before = cohortOutlook([], 0);
    const at0 = cohortOutlook([flying], 0);
    expect(at0.inFlightCost - before.inFlightCost).toBe(12_000);
    expect(at0.forwardAi).toBe(before.forwardAi);
    expect(at0.arrivingMw).toBe(300);
    // In service from quarter 2: no longer in flight, and its charge is now forward depreciation.
    const at2 = cohortOutlook([flying], 2);
    expect(at2.inFlightCost).toBe(0);
    expect(at2.forwardAi).toBe(Math.floor((4 * Math.round(12_000 / 16)) / 4));
  });

  test("enters the value like cash as far as power waits for it, and not at all without power", () => {
    const s = createMatch({ seed: 5, seats: ["microsoft"], randomEvents: false });
    const c0 = s.companies.microsoft!;
    const installed = 1_000;
    const withAssets = (power: CompanyState["power"]): CompanyState => ({ ...c0, assets: [...c0.assets, flying], power });
    const facts: SeatMarketFacts = {
      consensus: c0.consensus,
      moodBp: 10_000,
      powerCost: 0,
      chipRnd: 0,
      installedMw: installed,
      usableMw: installed,
      servingMw: installed,
      customerFlowBp: 0,
      horizonQ: 4,
      franchise: 0,
      fadeBp: 10_000,
      timeValueBp: 10_000,
      quarterlyEbitda: 30_000,
      capexPremiumBp: 0,
      beatPremiumBp: 0,
      eventPremiumBp: 0,
    };
    const powered = withAssets({ ...c0.power, onlineMw: installed + 10_000, outageMw: 0, pipeline: [] });
    const dark = withAssets({ ...c0.power, onlineMw: installed, outageMw: 0, pipeline: [] });
    const without = { ...powered, assets: c0.assets };
    const cash = (c: CompanyState) => valuationInputs(c, 0, facts).netCash;
    expect(cash(powered) - cash(without)).toBe(12_000);
    expect(cash(dark) - cash(without)).toBeLessThan(cash(powered) - cash(without));
    // Same forward earnings either way: the flying cohort's charge waits for its service.
    expect(valuationInputs(powered, 0, facts).aiNopat).toBe(valuationInputs(without, 0, facts).aiNopat);
  });
});
