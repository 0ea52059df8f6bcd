/** Step 9: the one valuation rule, the price-move decomposition, the mood, and scoring. */
import { describe, expect, test } from "vitest";
import { COMPANY_PARAMS, MARKET_PARAMS } from "../../shared/rules/params.ts";
import {
  anchorFor,
  decomposeMove,
  fairPriceCents,
  fairValue,
  franchiseSharesBp,
  industryAiValue,
  type PriceState,
  riskBp,
  sharePriceCents,
} from "../../shared/engine/valuation.ts";
import { nextSentiment } from "../../shared/engine/sentiment.ts";
import { scoredPriceCents, tsrBp } from "../../shared/engine/score.ts";
import { createMatch, type MatchState, type REGIMES, resolveTurn, type Scoring, score, type ValuationInputs } from "../../shared/engine/index.ts";
import { clone, type Mutable, play, scriptedDecisions } from "./helpers.ts";

const S = MARKET_PARAMS.sentiment;
const V = MARKET_PARAMS.valuation;

const I: ValuationInputs = {
  coreNopat: 100_000,
  aiNopat: -10_000,
  outlookBp: 10_000,
  franchise: 400_000,
  fadeBp: 10_000,
  timeValueBp: 10_000,
  regimeBp: 9000,
  riskBp: 10_000,
  capexPremiumBp: 0,
  beatPremiumBp: 0,
  eventPremiumBp: 0,
  netCash: 50_000,
};
const A = anchorFor(3_000_000, I, 25_000, 10_000);

describe("fair value: one rule, anchored on the documents' price", () => {
  test("the anchor makes the opening value the opening market cap", () => {
    expect(Math.abs(fairValue(A, I) - 3_000_000)).toBeLessThan(3000);
    // The multiple is bounded; beyond the cap the price holds "other value" that earnings do not move.
    const rich = anchorFor(30_000_000, I, 25_000, 10_000);
    expect(rich.coreMultipleBp).toBe(V.maxCoreMultipleBp);
    expect(rich.otherValue).toBeGreaterThan(0);
    expect(Math.abs(fairValue(rich, I) - 30_000_000)).toBeLessThan(30_000);
  });

  test("earnings after depreciation move the value: a cliff in the AI line's depreciation hurts", () => {
    expect(fairValue(A, { ...I, coreNopat: 110_000 })).toBeGreaterThan(fairValue(A, I));
    expect(fairValue(A, { ...I, aiNopat: -30_000 })).toBeLessThan(fairValue(A, I));
    // Losses are floored at the core's earnings floor, not taken to zero.
    expect(fairValue(A, { ...I, coreNopat: -500_000 })).toBe(fairValue(A, { ...I, coreNopat: A.floorNopat }));
  });

  test("net cash adds one for one; the franchise, the outlook and the mood move it", () => {
    expect(fairValue(A, { ...I, netCash: 120_000 }) - fairValue(A, I)).toBe(70_000);
    expect(fairValue(A, { ...I, franchise: 500_000 })).toBeGreaterThan(fairValue(A, I));
    expect(fairValue(A, { ...I, outlookBp: 9000 })).toBeLessThan(fairValue(A, I));
    expect(fairValue(A, { ...I, regimeBp: 10_000 })).toBeGreaterThan(fairValue(A, I));
    expect(fairValue(A, { ...I, capexPremiumBp: -1000 })).toBeLessThan(fairValue(A, I));
  });

  test("risk: a junk rating, leverage beyond the free level and stranded compute cost value", () => {
    const base = riskBp(V.riskByRatingBp.AA, 0, V.leverageFreeBp, 0);
    expect(base).toBe(10_000);
    expect(riskBp(V.riskByRatingBp.B, 0, V.leverageFreeBp, 0)).toBeLessThan(base);
    expect(riskBp(V.riskByRatingBp.AA, V.leverageFreeBp, V.leverageFreeBp, 0)).toBe(base);
    expect(riskBp(V.riskByRatingBp.AA, V.leverageFreeBp + 20_000, V.leverageFreeBp, 0)).toBeLessThan(base);
    expect(riskBp(V.riskByRatingBp.AA, 0, V.leverageFreeBp, 5000)).toBeLessThan(base);
  });

  test("the AI opportunity moves with demand against the priced path, shrinks in a glut, and is shared by revenue earned and credible capacity", () => {
    const priced = industryAiValue(15_000, 15_000, 15_000, 10_000, 950, 950);
    expect(industryAiValue(20_000, 15_000, 15_000, 10_000, 950, 950)).toBeGreaterThan(priced);
    expect(industryAiValue(10_000, 15_000, 15_000, 10_000, 950, 950)).toBeLessThan(priced);
    expect(industryAiValue(15_000, 15_000, 15_000, 10_000, 500, 950)).toBeLessThan(priced);
    const shares = franchiseSharesBp([
      { aiRevenue: 4000, credibleMw: 5000, capabilityBp: 10_000 },
      { aiRevenue: 0, credibleMw: 5000, capabilityBp: 10_000 },
    ]);
    expect(shares[0]!).toBeGreaterThan(shares[1]!);
    expect(shares[1]!).toBeGreaterThan(0); // capacity that can run counts even without revenue yet
    expect(franchiseSharesBp([{ aiRevenue: 0, credibleMw: 0, capabilityBp: 10_000 }])).toEqual([0]);
  });
});

describe("the price move, split into its parts", () => {
  const before: PriceState = { inputs: I, sharesM: 1000, residualBp: 100, marketNoiseBp: -50 };

  test("the parts sum exactly to the move, whatever changed", () => {
    const after: PriceState = {
      inputs: {
        ...I,
        coreNopat: 104_000,
        aiNopat: -14_000,
        regimeBp: 9300,
        riskBp: 9800,
        capexPremiumBp: -800,
        beatPremiumBp: 300,
        outlookBp: 10_400,
        franchise: 430_000,
        eventPremiumBp: 500,
        netCash: 20_000,
        fadeBp: 9900,
      },
      sharesM: 990,
      residualBp: -200,
      marketNoiseBp: 150,
    };
    const m = decomposeMove(A, before, after);
    const p0 = sharePriceCents(A, before);
    expect(m.totalBp).toBe(Math.round(((sharePriceCents(A, after) - p0) * 10_000) / p0));
    expect(m.earningsBp + m.capexBp + m.positionBp + m.creditBp + m.sentimentBp + m.cashBp + m.eventsBp + m.residualBp).toBe(m.totalBp);
  });

  test("each input lands in its own part", () => {
    const only = (patch: Partial<ValuationInputs>) => decomposeMove(A, before, { ...before, inputs: { ...I, ...patch } });
    expect(only({ capexPremiumBp: -1000 }).capexBp).toBeLessThan(-500);
    expect(only({ coreNopat: 110_000 }).earningsBp).toBeGreaterThan(500);
    expect(only({ regimeBp: 8000 }).sentimentBp).toBeLessThan(-500);
    expect(only({ riskBp: 9000 }).creditBp).toBeLessThan(-500);
    expect(only({ franchise: 300_000 }).positionBp).toBeLessThan(-200);
    expect(only({ eventPremiumBp: 1200 }).eventsBp).toBeGreaterThan(500);
    expect(only({ netCash: -50_000 }).cashBp).toBeLessThan(0);
    for (const m of [only({ capexPremiumBp: -1000 }), only({ regimeBp: 8000 })]) expect(Math.abs(m.residualBp)).toBeLessThanOrEqual(2);
  });

  test("the score counts the fair price: the noise on top is not scored", () => {
    const noisy: PriceState = { ...before, residualBp: 900 };
    expect(fairPriceCents(A, noisy)).toBe(fairPriceCents(A, before));
    expect(sharePriceCents(A, noisy)).toBeGreaterThan(sharePriceCents(A, before));
  });
});

describe("sentiment regime and the mood's multiple", () => {
  const H = S.coverageHurdleBp;
  const settled = (regime: (typeof REGIMES)[number]) => ({ regime, scoreBp: 0, quartersInRegime: 10, moodBp: S.regimeMultBp[regime], openingCoverageBp: 1000 });

  test("an efficiency shock sours the mood one step", () => {
    expect(nextSentiment(settled("euphoria"), 5000, 1000, 0, true).regime).toBe("scrutiny");
    expect(nextSentiment(settled("scrutiny"), 5000, 1000, 0, true).regime).toBe("disillusionment");
    expect(nextSentiment(settled("disillusionment"), H.disillusionment - 1, 0, 1000, true).regime).toBe("disillusionment");
  });

  test("poor coverage and capex outgrowing revenue move euphoria → scrutiny → disillusionment", () => {
    expect(nextSentiment(settled("euphoria"), H.scrutiny - 1, 0, 1000, false).regime).toBe("scrutiny");
    expect(nextSentiment(settled("scrutiny"), H.disillusionment - 1, 0, 1000, false).regime).toBe("disillusionment");
    expect(nextSentiment(settled("euphoria"), H.euphoria + 1000, 2000, 1000, false).regime).toBe("euphoria");
  });

  test("revenue catching up lifts disillusionment → recovery (past the recovery hurdle) → euphoria", () => {
    expect(nextSentiment(settled("disillusionment"), H.recovery, 3000, 1000, false).regime).toBe("recovery");
    expect(nextSentiment(settled("disillusionment"), H.recovery - 1, 3000, 1000, false).regime).toBe("disillusionment");
    expect(nextSentiment(settled("recovery"), H.euphoria, 3000, 1000, false).regime).toBe("euphoria");
    expect(nextSentiment(settled("disillusionment"), H.recovery, 500, 1000, false).regime).toBe("disillusionment");
  });

  test("the mood's multiple follows coverage against the opening, half way each quarter, within bounds", () => {
    const s = settled("scrutiny");
    const up = nextSentiment(s, s.openingCoverageBp + 1000, 0, 0, false);
    const down = nextSentiment(s, s.openingCoverageBp - 1000, 0, 0, false);
    expect(up.moodBp).toBeGreaterThan(s.moodBp);
    expect(down.moodBp).toBeLessThan(s.moodBp);
    let far = s;
    for (let i = 0; i < 20; i++) far = nextSentiment(far, 100_000, 0, 0, false);
    expect(far.moodBp).toBeLessThanOrEqual(Math.round((S.regimeMultBp[far.regime] * S.moodMaxBp) / 10_000) + 1);
  });
});

describe("stock market inside resolveTurn", () => {
  test("a seat whose core margin is raised gets a higher share price than its unchanged twin", () => {
    const s0 = createMatch({ seed: 40, seats: ["microsoft", "amazon"], randomEvents: false });
    const richer = clone(s0) as Mutable<MatchState>;
    richer.companies.amazon!.core = {
      ...richer.companies.amazon!.core,
      marginBp: richer.companies.amazon!.core.marginBp + 1500,
      baseMarginBp: richer.companies.amazon!.core.baseMarginBp + 1500,
    };
    const a = resolveTurn(s0, scriptedDecisions(s0)).state.companies.amazon!;
    const b = resolveTurn(richer as MatchState, scriptedDecisions(richer as MatchState)).state.companies.amazon!;
    expect(b.history[0]!.income.netIncome).toBeGreaterThan(a.history[0]!.income.netIncome);
    expect(b.marketCap).toBeGreaterThan(a.marketCap);
  });

  test("the opening price is the documents' price, and the first quarter carries no artefact", () => {
    for (const scenario of ["reckoning", "buildout"] as const) {
      const s0 = createMatch({ seed: 9, scenario, randomEvents: false });
      for (const id of s0.config.seats) {
        const c = s0.companies[id]!;
        expect(Math.abs(c.sharePriceCents - COMPANY_PARAMS[id].priceCents[scenario])).toBeLessThanOrEqual(2);
        expect(c.valuation.startPriceCents).toBe(c.sharePriceCents);
        expect(c.valuation.fairPriceCents).toBe(c.sharePriceCents);
      }
    }
  });

  test("buybacks retire shares at the opening price, at most the float's share a quarter", () => {
    const s0 = createMatch({ seed: 41, seats: ["apple"], randomEvents: false });
    const d = scriptedDecisions(s0).apple!;
    const r = resolveTurn(s0, { apple: { ...d, buybacks: 20_000, dividends: 0 } });
    const c0 = s0.companies.apple!;
    expect(r.state.companies.apple!.sharesOutstandingM).toBe(c0.sharesOutstandingM - Math.floor((20_000 * 100) / c0.sharePriceCents));
    expect(r.state.companies.apple!.cashReturned).toBe(20_000);
  });
});

describe("score", () => {
  test("TSR = price change plus dividends over the opening price", () => {
    expect(tsrBp(10_000, 11_000, 0)).toBe(1000);
    expect(tsrBp(10_000, 9000, 500)).toBe(-500);
    expect(tsrBp(0, 9000, 500)).toBe(0);
  });

  test.each(["tsr", "fcf", "aiShare", "blend", "handicap"] as Scoring[])("scoring %s ranks 1..n, best score first, at the fair price", (scoring) => {
    const { states } = play({ seed: 50, turns: 4, scoring, seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"] }, scriptedDecisions);
    const end = states[states.length - 1]!;
    const rows = score(end);
    expect(rows.map((r) => r.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    const live = rows.filter((r) => !r.defaulted).sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < live.length; i++) expect(live[i]!.scoreBp).toBeLessThanOrEqual(live[i - 1]!.scoreBp);
    for (const r of rows) {
      const c = end.companies[r.company]!;
      expect(r.tsrBp).toBe(tsrBp(c.valuation.startPriceCents, scoredPriceCents(c), c.dividendsPerShareCents));
      if (scoring === "tsr") expect(r.scoreBp).toBe(r.tsrBp);
      if (scoring === "aiShare") expect(r.scoreBp).toBe(c.aiShareBp);
    }
  });
});
