/** The market's consensus and its reaction to surprises (sized on the documented January 2026 episodes). */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { aiRevenueConsensus, capexPath, evidenceBp, reactToQuarter, surpriseBp } from "../../shared/engine/expectations.ts";
import { documentedGrowthBp } from "../../shared/rules/guidance.ts";
import type { SeatExpectations } from "../../shared/engine/index.ts";

const E = MARKET_PARAMS.expectations;
const quarter = (capex: [number, number], ai: [number, number], core: [number, number], ni: [number, number]): SeatExpectations => ({
  capex: { consensus: capex[0], actual: capex[1] },
  aiRevenue: { consensus: ai[0], actual: ai[1] },
  coreRevenue: { consensus: core[0], actual: core[1] },
  netIncome: { consensus: ni[0], actual: ni[1] },
});
const none = { capexPremiumBp: 0, beatPremiumBp: 0 };

describe("the consensus", () => {
  test("capex: the documented growth on the same quarter a year earlier, learnt toward how far the seat ran from it", () => {
    const history = [20_000, 20_000, 20_000, 20_000];
    const path = capexPath("microsoft", "guide", 2026, { year: 2026, q: 1 }, history, undefined, 4);
    const g = documentedGrowthBp("microsoft", "guide", 2026);
    expect(path).toEqual([1, 2, 3, 4].map(() => Math.round((20_000 * g) / 10_000)));
    const ran = capexPath("microsoft", "guide", 2026, { year: 2026, q: 1 }, history, { consensus: 30_000, actual: 45_000 }, 1);
    expect(ran[0]!).toBeGreaterThan(path[0]!);
    // The variants expect different things of the same seat.
    expect(capexPath("microsoft", "cons", 2026, { year: 2026, q: 1 }, history, undefined, 1)[0]!).toBeLessThan(path[0]!);
    // A market living in 2025 expects the end-2025 consensus (+35%) for 2026, not the later guidance.
    const from2025 = capexPath("microsoft", "guide", 2025, { year: 2026, q: 1 }, history, undefined, 1)[0]!;
    expect(from2025).toBe(Math.round((20_000 * (10_000 + MARKET_PARAMS.guidance.consensusCapBp)) / 10_000));
    expect(from2025).toBeLessThan(path[0]!);
  });

  test("AI revenue: the adoption path the market sees, learnt toward the last realised growth", () => {
    expect(aiRevenueConsensus(10_000, MARKET_PARAMS.demand.growthBp)).toBe(10_000 + Math.round((10_000 * MARKET_PARAMS.demand.growthBp) / 10_000));
    expect(aiRevenueConsensus(10_000, 3000)).toBeGreaterThan(aiRevenueConsensus(10_000, 0));
  });

  test("surprises are bounded and measured against a floor", () => {
    expect(surpriseBp({ consensus: 100, actual: 200 }, 1000)).toBe(1000);
    expect(surpriseBp({ consensus: 10_000, actual: 1_000_000 })).toBe(5000);
  });
});

describe("the reaction (January 2026)", () => {
  test("Microsoft: capex ≈ 23% over the consensus with Azure below the whisper, in disillusionment → a fall near −10%", () => {
    const msft = quarter([30_500, 37_500], [4500, 4350], [72_000, 72_300], [30_000, 31_500]);
    const p = reactToQuarter("disillusionment", 8000, msft, none);
    const move = p.capexPremiumBp + p.beatPremiumBp;
    expect(move).toBeLessThan(-800);
    expect(move).toBeGreaterThan(-1400);
  });

  test("Meta: the same capex surprise forgiven on an ad beat → a rise", () => {
    const meta = quarter([25_000, 31_000], [0, 0], [50_000, 51_500], [17_000, 18_300]);
    const p = reactToQuarter("disillusionment", 0, meta, none);
    expect(p.capexPremiumBp + p.beatPremiumBp).toBeGreaterThan(400);
    expect(evidenceBp(0, meta)).toBeGreaterThan(0);
  });

  test("the mood sets the sign: euphoria rewards a capex raise and frowns on a cut; a sour market punishes a raise", () => {
    const raise = quarter([30_000, 36_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    expect(reactToQuarter("euphoria", 8000, raise, none).capexPremiumBp).toBeGreaterThan(0);
    expect(reactToQuarter("disillusionment", 8000, raise, none).capexPremiumBp).toBeLessThan(0);
    const cut = quarter([30_000, 24_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    expect(reactToQuarter("euphoria", 8000, cut, none).capexPremiumBp).toBeLessThan(0);
  });

  test("a sour market does not rally on a cut: lost trust fades at its usual pace, however deep the cut", () => {
    const cut = quarter([30_000, 24_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    const stop = quarter([30_000, 0], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    const calm = quarter([30_000, 30_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    // A seat in good standing gains nothing from cutting, however deep (no rally on leaving the race).
    expect(reactToQuarter("disillusionment", 8000, cut, none).capexPremiumBp).toBe(0);
    expect(reactToQuarter("disillusionment", 8000, stop, none).capexPremiumBp).toBe(0);
    // A punished over-builder that stops cold is where it would be had it spent as expected: the
    // distrust fades by the same third, no faster (stopping as the match ends buys nothing back).
    const punished = { capexPremiumBp: -2000, beatPremiumBp: 0 };
    const faded = -2000 + Math.round((2000 * E.credibilityDecayBp) / 10_000);
    const asExpected = reactToQuarter("disillusionment", 8000, calm, punished).capexPremiumBp;
    expect(asExpected).toBe(faded);
    expect(reactToQuarter("disillusionment", 8000, cut, punished).capexPremiumBp).toBe(faded);
    const once = reactToQuarter("disillusionment", 8000, stop, punished);
    expect(once.capexPremiumBp).toBe(faded);
    expect(reactToQuarter("disillusionment", 8000, stop, once).capexPremiumBp).toBeLessThan(0);
    // Overspending again, by contrast, deepens it.
    const raise = quarter([30_000, 36_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    expect(reactToQuarter("disillusionment", 8000, raise, punished).capexPremiumBp).toBeLessThan(faded);
    // Capex the revenue evidence more than covers is not a cut: it earns no credibility premium either.
    const backed = quarter([30_000, 30_000], [4000, 5000], [70_000, 72_000], [30_000, 31_000]);
    expect(reactToQuarter("scrutiny", 8000, backed, none).capexPremiumBp).toBe(0);
    expect(reactToQuarter("scrutiny", 8000, backed, none).beatPremiumBp).toBeGreaterThan(0);
  });

  test("the premiums fade each quarter and stay within bounds", () => {
    const calm = quarter([30_000, 30_000], [4000, 4000], [70_000, 70_000], [30_000, 30_000]);
    const p = reactToQuarter("scrutiny", 8000, calm, { capexPremiumBp: -1000, beatPremiumBp: 600 });
    expect(p.capexPremiumBp).toBe(-1000 + Math.round((1000 * E.credibilityDecayBp) / 10_000));
    expect(p.beatPremiumBp).toBeLessThan(600);
    const wild = quarter([10_000, 100_000], [4000, 0], [70_000, 0], [30_000, -90_000]);
    const w = reactToQuarter("disillusionment", 8000, wild, none);
    expect(w.capexPremiumBp).toBeGreaterThanOrEqual(-(E.credibilityMaxBp - 10_000));
  });
});
