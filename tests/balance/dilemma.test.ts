/**
 * The 2^4 game analysis on known matrices: the anchored CAL-GT-06 payoffs (whose Nash set and
 * T/R/P/S are stated in calibration.md) and a stag hunt (two equilibria, no dominance).
 */
import { describe, expect, test } from "vitest";
import { ANCHORED, allProfiles, analyseGame, anchoredH, anchoredR } from "../../balance/dilemma.ts";

const SEATS = ["a", "b", "c", "d"];

/** Samples for every profile from a payoff rule π(own action, k rival investors), with small noise. */
function samplesFrom(pi: (own: "H" | "R", k: number, seat: number) => number, seeds = 5): Map<string, number[][]> {
  const out = new Map<string, number[][]>();
  for (const p of allProfiles(4)) {
    out.set(
      p,
      SEATS.map((_, i) => {
        const k = [...p].filter((c, j) => j !== i && c === "H").length;
        return Array.from({ length: seeds }, (_, s) => pi(p[i] as "H" | "R", k, i) + (s - (seeds - 1) / 2) * 0.01);
      }),
    );
  }
  return out;
}

describe("CAL-GT-06 anchored matrix (calibration.md §I)", () => {
  const g = analyseGame(
    SEATS,
    samplesFrom((own, k) => (own === "H" ? anchoredH(k) : anchoredR(k))),
  );

  test("profiles are the 16 H/R strings", () => {
    expect(allProfiles(4)).toHaveLength(16);
    expect(new Set(allProfiles(4)).size).toBe(16);
  });

  test.each(SEATS.map((s, i) => [s, i]))("seat %s reads T/R/P/S = 3.5/2.5/0.7/−1.5 and 2R > T+S", (_s, i) => {
    const a = g.perSeat[i]!;
    expect(a.T.mean).toBeCloseTo(ANCHORED.T, 6);
    expect(a.R.mean).toBeCloseTo(ANCHORED.R, 6);
    expect(a.P.mean).toBeCloseTo(ANCHORED.P, 6);
    expect(a.S.mean).toBeCloseTo(ANCHORED.S, 6);
    expect(a.twoRminusTS.mean).toBeCloseTo(2 * 2.5 - 3.5 + 1.5, 6);
    expect(a.dominant).toBe(true);
    expect(a.bestResponses.map((b) => b.k)).toEqual([0, 1, 2, 3]);
    expect(a.bestResponses.map((b) => b.cases.length)).toEqual([1, 3, 3, 1]);
    // CAL-GT-07: δ* = (T − R)/(T − P) = 1/2.8 ≈ 0.36.
    expect(a.deltaStar).toBeCloseTo(1 / 2.8, 6);
    // Normalisation maps the anchored matrix onto itself.
    expect(a.normalised.T).toBeCloseTo(3.5, 6);
    expect(a.normalised.S).toBeCloseTo(-1.5, 6);
  });

  test("all-invest is the unique pure Nash equilibrium", () => {
    expect(g.nash).toEqual(["HHHH"]);
  });
});

describe("a stag hunt is told apart", () => {
  // Restraint pays only if every rival restrains: two equilibria, no dominant action.
  const g = analyseGame(
    SEATS,
    samplesFrom((own, k) => (own === "R" ? (k === 0 ? 4 : 0) : 2)),
  );
  test("both RRRR and HHHH are equilibria and nothing dominates", () => {
    expect([...g.nash].sort()).toEqual(["HHHH", "RRRR"]);
    expect(g.perSeat.every((a) => !a.dominant)).toBe(true);
    expect(g.perSeat[0]!.bestResponses[0]!.investBest).toBe(false);
    expect(g.perSeat[0]!.bestResponses[3]!.investBest).toBe(true);
  });
});

test("an affine change of payoffs leaves the normalised matrix unchanged", () => {
  const g = analyseGame(
    SEATS,
    samplesFrom((own, k) => 100 * (own === "H" ? anchoredH(k) : anchoredR(k)) - 40),
  );
  expect(g.perSeat[2]!.normalised.T).toBeCloseTo(3.5, 6);
  expect(g.perSeat[2]!.normalised.P).toBeCloseTo(0.7, 6);
});

test("missing samples are a bug, reported by name", () => {
  const s = samplesFrom(() => 1);
  s.delete("HRRH");
  expect(() => analyseGame(SEATS, s)).toThrow(/HRRH/);
});
