/** Steps 4–5: AI demand split, capability, and the core businesses. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS, COMPANY_PARAMS } from "../../shared/rules/params.ts";
import { industryRevenue, marketWeight, nextPotential, servedContract, splitDemand, type Contender } from "../../shared/engine/demand.ts";
import { capabilitiesBp, capabilityTier, nextTrainingCompute } from "../../shared/engine/capability.ts";
import { stepCore } from "../../shared/engine/core-business.ts";
import { COMPANIES, type CompanyId, type CoreBusiness } from "../../shared/engine/index.ts";

const D = MARKET_PARAMS.demand;
const K = MARKET_PARAMS.capability;
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

  test("training compute decays without new compute; custom chips train less well", () => {
    expect(nextTrainingCompute(1000, 0, 0)).toBeLessThan(1000);
    expect(nextTrainingCompute(1000, 5000, 0)).toBeGreaterThan(nextTrainingCompute(1000, 5000, 6000));
    expect(nextTrainingCompute(0, 5000, 0)).toBeGreaterThan(0);
  });

  test("tiers", () => {
    expect([10_000, 8000, 6500, 1000].map(capabilityTier)).toEqual([1, 2, 3, 4]);
  });
});

describe("core business", () => {
  const core: CoreBusiness = { revenue: 60_000, marginBp: 5000, growthBp: 1200, erosionBp: 0, liftBp: 0 };

  test("no erosion at the frontier; erosion grows with the gap once far behind the leader", () => {
    expect(stepCore("microsoft", core, 0, 10_000).erosionGainBp).toBe(0);
    expect(stepCore("microsoft", core, 0, K.obsolescenceThresholdBp).erosionGainBp).toBe(0);
    const behind = stepCore("microsoft", core, 0, K.obsolescenceThresholdBp - 3000);
    const farBehind = stepCore("microsoft", core, 0, 0);
    expect(behind.erosionGainBp).toBeGreaterThan(0);
    expect(farBehind.erosionGainBp).toBeGreaterThan(behind.erosionGainBp);
    expect(farBehind.core.revenue).toBeLessThan(stepCore("microsoft", core, 0, 10_000).core.revenue);
    expect(farBehind.core.erosionBp).toBe(farBehind.erosionGainBp);
  });

  test("internal AI compute lifts the core, up to a cap", () => {
    const none = stepCore("meta", core, 0, 10_000);
    const some = stepCore("meta", core, 200, 10_000);
    const lots = stepCore("meta", core, 1_000_000, 10_000);
    expect(none.liftGainBp).toBe(0);
    expect(some.liftGainBp).toBeGreaterThan(0);
    expect(lots.liftGainBp).toBeGreaterThanOrEqual(some.liftGainBp);
    expect(lots.core.revenue).toBeGreaterThan(none.core.revenue);
    const capped = stepCore("meta", { ...core, liftBp: K.liftCapBp }, 1_000_000, 10_000);
    expect(capped.liftGainBp).toBe(0);
    const nearCap = stepCore("meta", { ...core, liftBp: K.liftCapBp - 1 }, 1_000_000, 10_000);
    expect(nearCap.core.liftBp).toBeLessThanOrEqual(K.liftCapBp);
  });

  test("with neither lift nor erosion the core grows at a quarter of its annual rate", () => {
    const s = stepCore("apple", core, 0, 10_000);
    expect(s.core.revenue).toBe(core.revenue + Math.round((core.revenue * Math.floor(core.growthBp / 4)) / 10_000));
  });
});
