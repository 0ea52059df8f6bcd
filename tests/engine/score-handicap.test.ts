/**
 * The handicap score (issue 11): TSR against the seat's own par, in its usual swings. The par
 * table's numbers change with every recalibration, so these tests read them from the table
 * rather than pinning them.
 */
import { describe, expect, test } from "vitest";
import { COMPANIES, CORE_FOUR, PAR_LENGTHS, PAR_LEVELS, SCENARIOS } from "../../shared/engine/ids.ts";
import { score } from "../../shared/engine/index.ts";
import { handicapBp, parLevelOf, scoringIn, seatPar, seatTsrBp } from "../../shared/engine/score.ts";
import { PAR_TABLE } from "../../shared/rules/params.ts";
import type { MatchState } from "../../shared/engine/types.ts";
import { play, scriptedDecisions } from "./helpers.ts";

describe("handicapBp", () => {
  test("swings above par, in bp of a swing", () => {
    expect(handicapBp(2_500, { parBp: 1_200, swingBp: 1_000 })).toBe(13_000);
    expect(handicapBp(1_200, { parBp: 1_200, swingBp: 1_000 })).toBe(0);
    expect(handicapBp(-300, { parBp: 1_200, swingBp: 1_000 })).toBe(-15_000);
  });

  test("the same TSR lead counts for less where the seat usually swings more", () => {
    const calm = handicapBp(2_000, { parBp: 1_000, swingBp: 500 });
    const wild = handicapBp(2_000, { parBp: 1_000, swingBp: 2_000 });
    expect(calm).toBe(20_000);
    expect(wild).toBe(5_000);
  });

  test("a beaten par counts whatever the seat's raw return: Microsoft +5% over a par of −10% beats Amazon +30% under a par of +40%", () => {
    const msft = handicapBp(500, { parBp: -1_000, swingBp: 1_000 });
    const amzn = handicapBp(3_000, { parBp: 4_000, swingBp: 1_000 });
    expect(msft).toBeGreaterThan(amzn);
  });

  test("before any quarter every seat is at par", () => {
    expect(seatPar("microsoft", "hard", "reckoning", 12, 0)).toBeNull();
    expect(handicapBp(1_234, null)).toBe(0);
  });
});

describe("seatPar reads balance/params/par.json", () => {
  test("a calibrated length: quarter q is entry q − 1", () => {
    for (const level of PAR_LEVELS)
      for (const id of COMPANIES)
        for (const sc of SCENARIOS)
          for (const len of PAR_LENGTHS) {
            const row = PAR_TABLE.levels[level][id][sc][String(len)]!;
            expect(seatPar(id, level, sc, len, 1)).toEqual({ parBp: row.parBp[0], swingBp: row.swingBp[0] });
            expect(seatPar(id, level, sc, len, len)).toEqual({ parBp: row.parBp[len - 1], swingBp: row.swingBp[len - 1] });
          }
  });

  test("another length uses the nearest calibrated one (the longer on a tie), its end aligned with the match's end", () => {
    const row = (len: number) => PAR_TABLE.levels.normal.meta.buildout[String(len)]!;
    // 13 quarters: nearest 12; the last quarter reads 12's last, the one before 12's eleventh.
    expect(seatPar("meta", "normal", "buildout", 13, 13)).toEqual({ parBp: row(12).parBp[11], swingBp: row(12).swingBp[11] });
    expect(seatPar("meta", "normal", "buildout", 13, 12)).toEqual({ parBp: row(12).parBp[10], swingBp: row(12).swingBp[10] });
    // 10 quarters: 8 and 12 tie, the longer wins; its first quarter reads 12's third.
    expect(seatPar("meta", "normal", "buildout", 10, 10)).toEqual({ parBp: row(12).parBp[11], swingBp: row(12).swingBp[11] });
    expect(seatPar("meta", "normal", "buildout", 10, 1)).toEqual({ parBp: row(12).parBp[2], swingBp: row(12).swingBp[2] });
    // 5 quarters: nearest 4; its first quarter reads 4's first (never before it).
    expect(seatPar("meta", "normal", "buildout", 5, 1)).toEqual({ parBp: row(4).parBp[0], swingBp: row(4).swingBp[0] });
  });

  test("every swing is positive (a score never divides by zero)", () => {
    for (const level of PAR_LEVELS)
      for (const id of COMPANIES)
        for (const sc of SCENARIOS) for (const p of Object.values(PAR_TABLE.levels[level][id][sc])) expect(Math.min(...p.swingBp)).toBeGreaterThan(0);
  });

  test("a match reads the par of its level, normal when it names none", () => {
    expect(parLevelOf({})).toBe("normal");
    expect(parLevelOf({ parLevel: "hard" })).toBe("hard");
  });
});

describe("score() under the handicap", () => {
  const config = {
    scenario: "buildout" as const,
    variant: "cons" as const,
    seed: 77,
    turns: 5,
    seats: [...CORE_FOUR],
    randomEvents: true,
    parLevel: "easy" as const,
  };
  const run = (scoring: "tsr" | "handicap"): MatchState[] => play({ ...config, scoring }, scriptedDecisions).states;
  const tsrStates = run("tsr");
  const hcStates = run("handicap");

  test("the scoring changes the score, never the match", () => {
    expect(hcStates.map((s) => s.companies.amazon?.sharePriceCents)).toEqual(tsrStates.map((s) => s.companies.amazon?.sharePriceCents));
  });

  test("each seat's score is its TSR against its par after the quarters played, and the row carries that par", () => {
    for (const state of hcStates.slice(1)) {
      for (const row of score(state)) {
        const par = seatPar(row.company, "easy", "buildout", 5, state.turn)!;
        expect(row.par).toEqual(par);
        expect(row.tsrBp).toBe(seatTsrBp(state.companies[row.company]!));
        expect(row.scoreBp).toBe(handicapBp(row.tsrBp, par));
      }
    }
  });

  test("ranks follow swings above par (defaulted seats last), not raw TSR", () => {
    const end = hcStates[hcStates.length - 1]!;
    const rows = score(end);
    const order = [...rows].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(Number(a.defaulted) <= Number(b.defaulted)).toBe(true);
      if (a.defaulted === b.defaulted) expect(a.scoreBp).toBeGreaterThanOrEqual(b.scoreBp);
    }
  });

  test("other scorings carry no par; before the first quarter the handicap is 0 for everyone", () => {
    expect(score(tsrStates[3]!).every((r) => r.par === undefined)).toBe(true);
    expect(score(hcStates[0]!).every((r) => r.scoreBp === 0 && r.par === undefined)).toBe(true);
  });
});

describe("the handicap's line-up", () => {
  test("ranks by par only in the core four's match, where par is calibrated; any other line-up ranks by TSR", () => {
    expect(scoringIn({ scoring: "handicap", seats: ["meta", "alphabet", "amazon", "microsoft"] })).toBe("handicap");
    expect(scoringIn({ scoring: "handicap", seats: ["oracle", "apple"] })).toBe("tsr");
    expect(scoringIn({ scoring: "handicap", seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"] })).toBe("tsr");
    expect(scoringIn({ scoring: "fcf", seats: ["oracle"] })).toBe("fcf");
    const end = play({ seed: 3, turns: 4, seats: ["oracle", "apple"], scoring: "handicap" }, scriptedDecisions).states.at(-1)!;
    for (const row of score(end)) {
      expect(row.scoreBp).toBe(row.tsrBp);
      expect(row.par).toBeUndefined();
    }
  });
});
