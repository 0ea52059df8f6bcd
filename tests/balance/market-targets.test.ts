/**
 * The pure helpers behind issue 9's target rows, on hand-built data: the decomposition-sum check,
 * the price check, pooled spreads, pairing by seed, the first-quarter and distress counts, and the
 * "beyond the CI" reading of the dilemma's gaps.
 */
import { describe, expect, test } from "vitest";
import type { CompanyId, PriceMove } from "../../shared/engine/index.ts";
import {
  decompositionMismatches,
  firstQuarter,
  moveVsPriceMismatches,
  nonAnnouncementBp,
  partsSum,
  realisedMoveBp,
  seatPooledSd,
  surprisePairs,
} from "../../balance/market-targets.ts";
import { bondsIn, distressOf, igShareRose, issuedShare } from "../../balance/credit-targets.ts";
import { aiVsRestraint, industryWealth } from "../../balance/play-targets.ts";
import { marginsBeyondCi } from "../../balance/targets.ts";
import { clearlyPositive, estimate, pairedBy, pooledSd, quantile, rms, sd } from "../../balance/stats.ts";
import type { MatchSummary, SeatSummary } from "../../balance/types.ts";
import type { Dataset } from "../../balance/target-def.ts";

const move = (p: Partial<PriceMove>): PriceMove => {
  const m = { earningsBp: 0, capexBp: 0, positionBp: 0, creditBp: 0, sentimentBp: 0, cashBp: 0, eventsBp: 0, residualBp: 0, ...p };
  return { totalBp: partsSum({ ...m, totalBp: 0 }), ...m, ...(p.totalBp === undefined ? {} : { totalBp: p.totalBp }) };
};

/** A minimal match summary: only the fields the helpers read are meaningful. */
function fakeRun(o: {
  group: string;
  label?: string;
  seed: number;
  seats: { id: CompanyId; moves?: PriceMove[]; prices?: number[]; bonds?: Record<string, number>; distress?: Partial<SeatSummary["distress"]> }[];
  igShare?: number[];
  years?: number[];
  end?: { marketCap: number; cashReturned: number };
}): MatchSummary {
  const years = o.years ?? [2026, 2026, 2026, 2026, 2027];
  return {
    job: {
      id: 0,
      group: o.group,
      label: o.label ?? "x",
      scenario: "reckoning",
      variant: "guide",
      turns: years.length,
      seed: o.seed,
      randomEvents: true,
      seats: [],
      policies: {},
    },
    quarters: years.map((year, i) => ({ year, q: (i % 4) + 1 })),
    seats: o.seats.map((x) => ({
      id: x.id,
      priceMoves: x.moves ?? [],
      startPriceCents: 10_000,
      series: { priceCents: x.prices ?? [] },
      bondsByYear: x.bonds ?? {},
      distress: { emergency: false, equityRaise: false, defaulted: false, ...x.distress },
    })),
    industry: { aiIgShareBp: o.igShare ?? [] },
    start: { aiIgShareBp: 1400, marketCap: 100 },
    end: { fairMarketCap: 0, ...(o.end ?? { marketCap: 100, cashReturned: 0 }) },
  } as unknown as MatchSummary;
}

const dataset = (runs: MatchSummary[]): Dataset => {
  const groups = new Map<string, MatchSummary[]>();
  for (const r of runs) groups.set(r.job.group, [...(groups.get(r.job.group) ?? []), r]);
  return { groups } as unknown as Dataset;
};

describe("the decomposition-sum check", () => {
  test("a move whose parts sum to its total passes; one basis point off is counted", () => {
    const ok = move({ earningsBp: 120, capexBp: -340, sentimentBp: 55, residualBp: -7 });
    expect(ok.totalBp).toBe(-172);
    const off = { ...ok, totalBp: ok.totalBp + 1 };
    expect(decompositionMismatches([ok, ok])).toBe(0);
    expect(decompositionMismatches([ok, off, ok])).toBe(1);
  });

  test("the non-announcement part is sentiment + residual + cash + events", () => {
    expect(
      nonAnnouncementBp(move({ earningsBp: 999, capexBp: -999, positionBp: 5, creditBp: 3, sentimentBp: 10, residualBp: 20, cashBp: 30, eventsBp: 40 })),
    ).toBe(100);
  });

  test("the move must be the realised price change, within a basis point of rounding", () => {
    expect(realisedMoveBp(10_000, 10_500)).toBe(500);
    expect(realisedMoveBp(10_500, 9_975)).toBe(-500);
    const seat = { startPriceCents: 10_000, priceMoves: [move({ residualBp: 500 }), move({ residualBp: -500 })], series: { priceCents: [10_500, 9_975] } };
    expect(moveVsPriceMismatches(seat)).toBe(0);
    const wrong = { ...seat, priceMoves: [move({ residualBp: 500 }), move({ residualBp: -450 })] };
    expect(moveVsPriceMismatches(wrong)).toBe(1);
    const rounding = { ...seat, priceMoves: [move({ residualBp: 501 }), move({ residualBp: -500 })] };
    expect(moveVsPriceMismatches(rounding)).toBe(0);
  });
});

describe("spreads", () => {
  test("pooled SD measures spread within groups, not between their means", () => {
    expect(
      pooledSd([
        [1, 3],
        [10, 12],
      ]),
    ).toBeCloseTo(Math.SQRT2, 10);
    expect(sd([1, 3, 10, 12])).toBeGreaterThan(5);
    expect(rms([3, 4])).toBeCloseTo(Math.sqrt(12.5), 10);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });

  test("seat-pooled SD and the first-quarter comparison read the seats' moves", () => {
    const runs = [0, 1, 2, 3].map((k) =>
      fakeRun({
        group: "dilemma-flat",
        seed: k,
        seats: [{ id: "microsoft", moves: [move({ residualBp: 100 * k }), move({ residualBp: 300 * k }), move({ residualBp: -300 * k })] }],
      }),
    );
    const f = firstQuarter(runs, "microsoft");
    expect(f.mean0).toBe(150);
    expect(f.sd0).toBeCloseTo(sd([0, 100, 200, 300]), 10);
    expect(f.sdLater).toBeCloseTo(3 * f.sd0, 10);
    expect(seatPooledSd(runs, (m) => m.totalBp, ["microsoft"])).toBeGreaterThan(0);
  });
});

describe("pairing by seed", () => {
  test("paired differences use the keys both sides have", () => {
    const e = pairedBy(
      new Map([
        [1, 10],
        [2, 12],
        [3, 14],
      ]),
      new Map([
        [1, 4],
        [3, 8],
        [9, 0],
      ]),
    );
    expect(e.n).toBe(2);
    expect(e.mean).toBe(6);
    expect(clearlyPositive(estimate([5, 6, 7, 6]))).toBe(true);
    expect(clearlyPositive(estimate([-5, 6, 7, -6]))).toBe(false);
  });

  test("the January-2026 probe pairs Microsoft's turn-0 capex part with the same seed's documented run", () => {
    const base = (seed: number) =>
      fakeRun({ group: "dilemma-flat", label: "HHHH", seed, seats: [{ id: "microsoft", moves: [move({ capexBp: 20, residualBp: 100 })] }] });
    const probe = (seed: number, capexBp: number) =>
      fakeRun({ group: "probe-surprise", seed, seats: [{ id: "microsoft", moves: [move({ capexBp, residualBp: 100 })] }] });
    const p = surprisePairs(dataset([base(1), base(2), probe(1, -980), probe(2, -1020), probe(7, -5000)]));
    expect(p.capex).toEqual([-1000, -1040]);
    expect(p.total).toEqual([-1000, -1040]);
  });

  test("AI play is compared with all-restrain on the same seed, market cap + cash returned", () => {
    const r = (group: string, label: string, seed: number, cap: number, cash: number) =>
      fakeRun({ group, label, seed, seats: [], end: { marketCap: cap, cashReturned: cash } });
    const d = dataset([
      r("dilemma-flat", "RRRR", 1, 100, 10),
      r("dilemma-flat", "RRRR", 2, 100, 10),
      r("ai-normal", "ai_normal", 1, 80, 5),
      r("ai-normal", "ai_normal", 2, 120, 0),
    ]);
    expect(industryWealth(d.groups.get("ai-normal")![0]!)).toBe(85);
    const a = aiVsRestraint(d);
    expect(a.gaps).toEqual([-25, 10]);
    expect(a.worse).toBe(0.5);
  });
});

describe("credit counts", () => {
  test("bonds per year, the IG share at a year's end, and distress of a rule's own seat", () => {
    const a = fakeRun({
      group: "rules",
      label: "reckless@meta",
      seed: 1,
      seats: [
        { id: "meta", bonds: { "2026": 500 }, distress: { emergency: true } },
        { id: "amazon", distress: { defaulted: true } },
      ],
      igShare: [1400, 1420, 1450, 1500, 1300],
    });
    const b = fakeRun({
      group: "rules",
      label: "reckless@amazon",
      seed: 1,
      seats: [{ id: "meta" }, { id: "amazon", distress: { defaulted: true, equityRaise: true } }],
      igShare: [1400, 1400, 1400, 1390, 1600],
    });
    const c = fakeRun({ group: "rules", label: "hoard@meta", seed: 1, seats: [{ id: "meta", distress: { defaulted: true } }, { id: "amazon" }] });
    expect(bondsIn(a, "meta", 2026)).toBe(500);
    expect(issuedShare([a, b], "meta", 2026)).toBe(0.5);
    expect(igShareRose(a, 2026)).toBe(true);
    expect(igShareRose(b, 2026)).toBe(false);
    expect(distressOf([a, b, c], "reckless")).toEqual({ runs: 2, distress: 2, emergency: 1, equityRaise: 1, defaulted: 1 });
  });
});

test("a dilemma gap is 'beyond its CI' only when the CI excludes 0", () => {
  const seat = {
    TminusR: estimate([10, 12, 11, 9]),
    RminusP: estimate([-5, 20, 1, -3]),
    PminusS: estimate([3, 3, 3, 3.1]),
    twoRminusTS: estimate([0.1, -0.1, 0.2, -0.2]),
  } as unknown as Parameters<typeof marginsBeyondCi>[0];
  expect(marginsBeyondCi(seat).map((g) => [g.name, g.clear])).toEqual([
    ["T−R", true],
    ["R−P", false],
    ["P−S", true],
    ["2R−T−S", false],
  ]);
});
