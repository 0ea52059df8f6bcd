/** Steps 4–5: AI demand split, capability, and the core businesses. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS, COMPANY_PARAMS } from "../../shared/rules/params.ts";
import { industryRevenue, marketWeight, nextPotential, servedContract, splitDemand, type Contender } from "../../shared/engine/demand.ts";
import { capabilitiesBp, capabilityTier, nextTrainingCompute } from "../../shared/engine/capability.ts";
import { customerFlows, liftNeedMw, liftTarget, standingsBp, stepCore } from "../../shared/engine/core-business.ts";
import { COMPANIES, type CompanyId, type CoreBusiness } from "../../shared/engine/index.ts";

const D = MARKET_PARAMS.demand;
const POTENTIAL = 15_000;
const NEED = Math.floor((POTENTIAL * 1000) / D.refYieldK);

function seat(id: CompanyId, usableMw: number, capabilityBp = 10_000, prevShareBp = 2000): Contender {
  return { id, usableMw, capabilityBp, prevShareBp };
}

describe("industry revenue", () => {
  test("capacity-limited below demand: never above demand, never above the scarcity price per MW", () => {
    expect(industryRevenue(POTENTIAL, 0)).toBe(0);
    const scarcityK = Math.round((D.refYieldK * D.scarcityCapBp) / 10_000);
    let prev = 0;
    for (const mw of [1, 100, 1000, Math.floor(NEED / 4), Math.floor(NEED / 2), NEED - 1, NEED]) {
      const r = industryRevenue(POTENTIAL, mw);
      expect(r).toBeGreaterThanOrEqual(prev);
      expect(r).toBeLessThanOrEqual(POTENTIAL);
      expect(r).toBeLessThanOrEqual(Math.floor((mw * scarcityK) / 1000));
      // At least the reference yield per MW while short of capacity.
      expect(r).toBeGreaterThanOrEqual(Math.floor((mw * D.refYieldK) / 1000) - 1);
      prev = r;
    }
    expect(industryRevenue(POTENTIAL, NEED)).toBe(POTENTIAL);
  });

  test("above demand revenue still grows a little (Jevons) but revenue per MW falls", () => {
    const r1 = industryRevenue(POTENTIAL, NEED);
    const r2 = industryRevenue(POTENTIAL, 2 * NEED);
    const r4 = industryRevenue(POTENTIAL, 4 * NEED);
    expect(r2).toBeGreaterThan(r1);
    expect(r4).toBeGreaterThan(r2);
    expect(r2).toBeLessThan(2 * r1);
    expect(r4 / (4 * NEED)).toBeLessThan(r2 / (2 * NEED));
  });
});

describe("splitting demand between seats", () => {
  test("more own capacity wins more share and revenue", () => {
    const small = splitDemand(POTENTIAL, 3000, [seat("microsoft", 2000), seat("amazon", 2000)]);
    const big = splitDemand(POTENTIAL, 3000, [seat("microsoft", 4000), seat("amazon", 2000)]);
    expect(big.sharesBp.microsoft!).toBeGreaterThan(small.sharesBp.microsoft!);
    expect(big.sharesBp.amazon!).toBeLessThan(small.sharesBp.amazon!);
    expect(big.revenue.microsoft!).toBeGreaterThan(small.revenue.microsoft!);
  });

  test("more industry capacity lowers the yield per MW for everyone", () => {
    // Both markets are above demand (NEED weighted MW); prevShare 0 so both move the same way to the target.
    const seats = [seat("microsoft", 4000, 10_000, 0), seat("amazon", 4000, 10_000, 0), seat("alphabet", 4000, 10_000, 0)];
    const thin = splitDemand(POTENTIAL, 8000, seats);
    const glut = splitDemand(POTENTIAL, 30_000, seats);
    expect(thin.weightedMw).toBeGreaterThan(NEED);
    expect(glut.yieldPerMwK).toBeLessThan(thin.yieldPerMwK);
    expect(glut.revenue.microsoft!).toBeLessThan(thin.revenue.microsoft!);
    // When everyone builds, the yield falls for all, even though industry revenue rises a little.
    const allBuild = splitDemand(
      POTENTIAL,
      8000,
      seats.map((s) => ({ ...s, usableMw: s.usableMw * 3 })),
    );
    expect(allBuild.yieldPerMwK).toBeLessThan(thin.yieldPerMwK);
    expect(allBuild.industryRevenue).toBeGreaterThan(thin.industryRevenue);
    expect(allBuild.revenue.microsoft!).toBeLessThan(3 * thin.revenue.microsoft!);
  });

  test("better capability means more weight for the same compute", () => {
    expect(marketWeight(seat("microsoft", 1000, 10_000))).toBeGreaterThan(marketWeight(seat("microsoft", 1000, 5000)));
    const r = splitDemand(POTENTIAL, 1000, [seat("microsoft", 2000, 10_000, 0), seat("amazon", 2000, 5000, 0)]);
    expect(r.sharesBp.microsoft!).toBeGreaterThan(r.sharesBp.amazon!);
  });

  test("shares move part of the way to the target (customers move slowly), and never below 0", () => {
    const r = splitDemand(POTENTIAL, 0, [seat("microsoft", 1000, 10_000, 0)]);
    const target = 10_000;
    expect(r.sharesBp.microsoft).toBe(Math.round((target * D.shareSmoothingBp) / 10_000));
    const fall = splitDemand(POTENTIAL, 100_000, [seat("microsoft", 0, 10_000, 5000)]);
    expect(fall.sharesBp.microsoft!).toBeLessThan(5000);
    expect(fall.sharesBp.microsoft!).toBeGreaterThanOrEqual(0);
  });

  test("a seat without a route to AI customers has no share", () => {
    const noRoute = COMPANIES.find((id) => COMPANY_PARAMS[id].aiMarketWeightBp === 0);
    if (!noRoute) return; // every seat sells AI compute in this tuning
    const r = splitDemand(POTENTIAL, 1000, [seat(noRoute, 5000, 10_000, 3000), seat("amazon", 1000)]);
    expect(r.sharesBp[noRoute]).toBe(0);
    expect(r.revenue[noRoute]).toBe(0);
  });

  test("contracted demand is paid only for capacity that can serve it; potential grows", () => {
    expect(servedContract(2500, 0, 900)).toBe(0);
    expect(servedContract(2500, 100_000, 900)).toBe(2500);
    expect(servedContract(2500, 500, 900)).toBeLessThan(2500);
    expect(nextPotential(10_000, 900)).toBe(10_900);
    expect(nextPotential(10_000, -500)).toBe(9500);
  });
});

describe("capability", () => {
  test("the leader is 10 000 bp; a quarter of the leader's training gives ≈ half the capability (√)", () => {
    const c = capabilitiesBp({ microsoft: 4000, amazon: 1000, meta: 0 });
    expect(c.microsoft).toBe(10_000);
    expect(c.amazon).toBe(5000);
    expect(c.meta).toBe(0);
  });

  test("training compute decays without new compute and grows with the training MW, at the company's own share", () => {
    expect(nextTrainingCompute("meta", 1000, 0)).toBeLessThan(1000);
    expect(nextTrainingCompute("meta", 1000, 5000)).toBeGreaterThan(nextTrainingCompute("meta", 1000, 2000));
    expect(nextTrainingCompute("meta", 0, 5000)).toBe(Math.round((5000 * COMPANY_PARAMS.meta.trainingShareBp) / 10_000));
    // Meta trains its own models on more of its compute than Oracle, a landlord.
    expect(nextTrainingCompute("meta", 0, 5000)).toBeGreaterThan(nextTrainingCompute("oracle", 0, 5000));
  });

  test("tiers", () => {
    expect([10_000, 8000, 6500, 1000].map(capabilityTier)).toEqual([1, 2, 3, 4]);
  });
});

describe("core business", () => {
  const core: CoreBusiness = {
    baseRevenue: 60_000,
    revenue: 60_000,
    baseMarginBp: 5000,
    marginBp: 5000,
    growthBp: 1200,
    shareShiftBp: 0,
    openingCapabilityBp: 10_000,
    liftRevenueBp: 0,
    liftMarginBp: 0,
  };

  test("with no compute, no noise and no customers moving, the core grows at a quarter of its annual rate", () => {
    const s = stepCore("apple", core, 0, 10_000, 0, 0);
    expect(s.core.baseRevenue).toBe(core.baseRevenue + Math.round((core.baseRevenue * Math.floor(core.growthBp / 4)) / 10_000));
    expect(s.core.revenue).toBe(s.core.baseRevenue);
  });

  test("internal AI compute lifts the core toward a target set by intensity × capability, up to the company's cap, and the lift fades without compute", () => {
    const need = liftNeedMw(core.baseRevenue);
    expect(liftTarget("meta", core.baseRevenue, 0, 10_000)).toEqual({ revenueBp: 0, marginBp: 0 });
    expect(liftTarget("meta", core.baseRevenue, need, 10_000).revenueBp).toBe(COMPANY_PARAMS.meta.coreLift.revenueCapBp);
    expect(liftTarget("meta", core.baseRevenue, need * 5, 10_000).revenueBp).toBe(COMPANY_PARAMS.meta.coreLift.revenueCapBp);
    expect(liftTarget("meta", core.baseRevenue, need, 5000).revenueBp).toBe(COMPANY_PARAMS.meta.coreLift.revenueCapBp / 2);
    // Amazon's lift is mostly cost-to-serve: the margin.
    expect(liftTarget("amazon", core.baseRevenue, need * 10, 10_000).marginBp).toBe(COMPANY_PARAMS.amazon.coreLift.marginCapBp);
    const lifted = stepCore("meta", core, need * 2, 10_000, 0, 0);
    expect(lifted.core.liftRevenueBp).toBe(Math.round((COMPANY_PARAMS.meta.coreLift.revenueCapBp * MARKET_PARAMS.core.liftSpeedBp) / 10_000));
    expect(lifted.core.revenue).toBeGreaterThan(stepCore("meta", core, 0, 10_000, 0, 0).core.revenue);
    const faded = stepCore("meta", { ...core, liftRevenueBp: 1000 }, 0, 10_000, 0, 0);
    expect(faded.core.liftRevenueBp).toBeLessThan(1000);
  });

  test("customers won or lost move the share shift; a laggard can lose up to half, a leader's gains saturate", () => {
    const won = stepCore("microsoft", core, 0, 10_000, 0, 600);
    expect(won.core.shareShiftBp).toBe(Math.trunc((600 * 10_000) / won.core.baseRevenue));
    expect(won.core.revenue).toBeGreaterThan(stepCore("microsoft", core, 0, 10_000, 0, 0).core.revenue);
    expect(stepCore("microsoft", core, 0, 10_000, 0, -10_000_000).core.shareShiftBp).toBe(-5000);
    expect(stepCore("microsoft", core, 0, 10_000, 0, 10_000_000).core.shareShiftBp).toBe(MARKET_PARAMS.core.winnerCapBp);
  });

  test("customers follow standing: nothing moves while everyone keeps pace; a laggard loses what the leaders win, less what leaves the match", () => {
    const even = customerFlows([
      { id: "microsoft", capabilityBp: 9000, openingCapabilityBp: 9000, revenue: 70_000 },
      { id: "alphabet", capabilityBp: 10_000, openingCapabilityBp: 10_000, revenue: 90_000 },
    ]);
    expect(even).toEqual([0, 0]);
    const race = [
      { id: "microsoft" as const, capabilityBp: 7000, openingCapabilityBp: 9000, revenue: 70_000 },
      { id: "alphabet" as const, capabilityBp: 10_000, openingCapabilityBp: 10_000, revenue: 90_000 },
      { id: "meta" as const, capabilityBp: 9500, openingCapabilityBp: 9000, revenue: 50_000 },
    ];
    expect(standingsBp(race).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
    const flows = customerFlows(race);
    expect(flows[0]!).toBeLessThan(0);
    expect(flows[1]!).toBeGreaterThan(0);
    expect(flows[2]!).toBeGreaterThan(0);
    // Negative-sum: the leaders win less than the laggard loses.
    expect(flows[1]! + flows[2]!).toBeLessThan(-flows[0]!);
    // √: twice the standing lost costs less than twice the customers.
    const worse = customerFlows([{ ...race[0]!, capabilityBp: 5000 }, race[1]!, race[2]!]);
    expect(-worse[0]!).toBeLessThan(-2 * flows[0]!);
  });
});
