/** Step 9: valuation, market caps, the sentiment regime, and scoring. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { aiSalesValue, anchorMultipleBp, fairValue, franchiseValue, multiplierBp, nextMarketCap, type ValuationInput } from "../../shared/engine/stock.ts";
import { nextSentiment } from "../../shared/engine/sentiment.ts";
import { tsrBp } from "../../shared/engine/score.ts";
import { type REGIMES, createMatch, resolveTurn, score, type MatchState, type Scoring } from "../../shared/engine/index.ts";
import { clone, play, scriptedDecisions, type Mutable } from "./helpers.ts";

const S = MARKET_PARAMS.sentiment;

const V: ValuationInput = {
  earningsQ: 20_000,
  netCash: 0,
  baseEarningsQ: 20_000,
  anchorMultipleBp: 250_000,
  positionShareBp: 2000,
  capabilityBp: 9000,
  meanCapabilityBp: 9000,
  industryPotentialQ: 15_000,
  aiRevenueQ: 4000,
  regime: "scrutiny",
  capexGrowthBp: 0,
  aiRevenueGrowthBp: 0,
  leverageBp: 0,
  strandedBp: 0,
  antitrustBp: 0,
};

describe("fair value", () => {
  test("higher earnings → higher fair value; losses are floored, not zero", () => {
    expect(fairValue({ ...V, earningsQ: 25_000 })).toBeGreaterThan(fairValue(V));
    expect(fairValue({ ...V, earningsQ: -50_000 })).toBe(fairValue({ ...V, earningsQ: -1 }));
    expect(fairValue({ ...V, earningsQ: -50_000 })).toBeGreaterThan(0);
  });

  test("net cash adds to fair value one for one", () => {
    expect(fairValue({ ...V, netCash: 70_000 }) - fairValue(V)).toBe(70_000);
    expect(fairValue({ ...V, netCash: -70_000 })).toBeLessThan(fairValue(V));
  });

  test("a bigger AI position and more AI sales are worth more", () => {
    expect(fairValue({ ...V, positionShareBp: 3000 })).toBeGreaterThan(fairValue(V));
    expect(fairValue({ ...V, aiRevenueQ: 8000 })).toBeGreaterThan(fairValue(V));
    expect(franchiseValue(0, 15_000)).toBe(0);
    expect(aiSalesValue(0)).toBe(0);
  });

  test("capex growth without AI revenue growth is punished under scrutiny and disillusionment, not in euphoria", () => {
    const splurge = { capexGrowthBp: 6000, aiRevenueGrowthBp: 500 };
    for (const regime of ["scrutiny", "disillusionment"] as const) {
      expect(multiplierBp({ ...V, regime, ...splurge })).toBeLessThan(multiplierBp({ ...V, regime }));
      expect(fairValue({ ...V, regime, ...splurge })).toBeLessThan(fairValue({ ...V, regime }));
      // Matched by AI revenue growth, the same capex growth is not punished.
      expect(multiplierBp({ ...V, regime, capexGrowthBp: 6000, aiRevenueGrowthBp: 6000 })).toBe(multiplierBp({ ...V, regime }));
    }
    expect(multiplierBp({ ...V, regime: "euphoria", ...splurge })).toBe(multiplierBp({ ...V, regime: "euphoria" }));
  });

  test("leverage beyond 1×, stranded compute, antitrust and a sour regime lower the multiple", () => {
    const m = multiplierBp(V);
    expect(multiplierBp({ ...V, leverageBp: 30_000 })).toBeLessThan(m);
    expect(multiplierBp({ ...V, leverageBp: 9000 })).toBe(m);
    expect(multiplierBp({ ...V, strandedBp: 5000 })).toBeLessThan(m);
    expect(multiplierBp({ ...V, antitrustBp: 800 })).toBeLessThan(m);
    expect(multiplierBp({ ...V, regime: "disillusionment" })).toBeLessThan(multiplierBp({ ...V, regime: "euphoria" }));
    expect(multiplierBp({ ...V, capabilityBp: 10_000 })).toBeGreaterThan(m);
  });

  test("the anchor multiple makes the opening fair value ≈ the opening market cap", () => {
    const cap = 3_000_000;
    const anchor = anchorMultipleBp(cap, V.earningsQ, V.positionShareBp, V.industryPotentialQ, V.aiRevenueQ, 50_000);
    const fv = fairValue({ ...V, netCash: 50_000, anchorMultipleBp: anchor, capabilityBp: 9000, meanCapabilityBp: 9000, regime: "scrutiny" });
    expect(Math.abs(fv - cap) / cap).toBeLessThan(0.01);
  });

  test("prices close part of the gap to fair value; noise moves them both ways", () => {
    expect(nextMarketCap(1_000_000, 2_000_000, 0, 0)).toBeGreaterThan(1_000_000);
    expect(nextMarketCap(1_000_000, 2_000_000, 0, 0)).toBeLessThan(2_000_000);
    expect(nextMarketCap(2_000_000, 1_000_000, 0, 0)).toBeLessThan(2_000_000);
    expect(nextMarketCap(1_000_000, 1_000_000, 300, 0)).toBe(1_030_000);
    expect(nextMarketCap(1_000_000, 1_000_000, -300, 0)).toBe(970_000);
    expect(nextMarketCap(5000, 0, -9000, 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe("sentiment regime", () => {
  const H = S.coverageHurdleBp;
  const settled = (regime: (typeof REGIMES)[number]) => ({ regime, scoreBp: 0, quartersInRegime: 10 });

  test("an efficiency shock sours the mood one step", () => {
    expect(nextSentiment(settled("euphoria"), 5000, 1000, 0, true).regime).toBe("scrutiny");
    expect(nextSentiment(settled("scrutiny"), 5000, 1000, 0, true).regime).toBe("disillusionment");
    // From disillusionment a shock cannot sour the mood further (see the report: it does not block a recovery either).
    expect(nextSentiment(settled("disillusionment"), H.disillusionment - 1, 0, 1000, true).regime).toBe("disillusionment");
  });

  test("poor coverage and capex outgrowing revenue move euphoria → scrutiny → disillusionment", () => {
    expect(nextSentiment(settled("euphoria"), H.scrutiny - 1, 0, 1000, false).regime).toBe("scrutiny");
    expect(nextSentiment(settled("scrutiny"), H.disillusionment - 1, 0, 1000, false).regime).toBe("disillusionment");
    expect(nextSentiment(settled("euphoria"), H.euphoria + 1000, 2000, 1000, false).regime).toBe("euphoria");
  });

  test("revenue catching up lifts disillusionment → recovery → euphoria", () => {
    expect(nextSentiment(settled("disillusionment"), H.disillusionment, 3000, 1000, false).regime).toBe("recovery");
    expect(nextSentiment(settled("recovery"), H.euphoria, 3000, 1000, false).regime).toBe("euphoria");
    expect(nextSentiment(settled("disillusionment"), H.disillusionment, 500, 1000, false).regime).toBe("disillusionment");
  });

  test("a regime persists for its minimum quarters; the counter counts", () => {
    const fresh = { regime: "euphoria" as const, scoreBp: 0, quartersInRegime: 0 };
    const next = nextSentiment(fresh, 0, 0, 5000, false);
    if (S.minQuartersInRegime > 1) expect(next.regime).toBe("euphoria");
    expect(next.quartersInRegime).toBe(next.regime === "euphoria" ? 1 : 0);
    expect(nextSentiment(settled("euphoria"), 0, 0, 5000, false).quartersInRegime).toBe(0);
  });
});

describe("stock market inside resolveTurn", () => {
  test("a seat whose earnings are raised gets a higher share price than its unchanged twin", () => {
    const s0 = createMatch({ seed: 40, seats: ["microsoft", "amazon"], randomEvents: false });
    const richer = clone(s0) as Mutable<MatchState>;
    richer.companies.amazon!.core.marginBp += 1500;
    const a = resolveTurn(s0, scriptedDecisions(s0)).state.companies.amazon!;
    const b = resolveTurn(richer as MatchState, scriptedDecisions(richer as MatchState)).state.companies.amazon!;
    expect(b.history[0]!.income.netIncome).toBeGreaterThan(a.history[0]!.income.netIncome);
    expect(b.marketCap).toBeGreaterThan(a.marketCap);
    expect(b.sharePriceCents).toBe(Math.round((b.marketCap * 100) / b.sharesOutstandingM));
  });

  test("buybacks retire shares at the opening price", () => {
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

  test.each(["tsr", "fcf", "aiShare", "blend"] as Scoring[])("scoring %s ranks 1..n, best score first", (scoring) => {
    const { states } = play({ seed: 50, turns: 4, scoring, seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"] }, scriptedDecisions);
    const end = states[states.length - 1]!;
    const rows = score(end);
    expect(rows.map((r) => r.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    const live = rows.filter((r) => !r.defaulted).sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < live.length; i++) expect(live[i]!.scoreBp).toBeLessThanOrEqual(live[i - 1]!.scoreBp);
    for (const r of rows) {
      const c = end.companies[r.company]!;
      expect(r.tsrBp).toBe(tsrBp(c.valuation.startPriceCents, c.sharePriceCents, c.dividendsPerShareCents));
      if (scoring === "tsr") expect(r.scoreBp).toBe(r.tsrBp);
      if (scoring === "aiShare") expect(r.scoreBp).toBe(c.aiShareBp);
    }
  });
});
