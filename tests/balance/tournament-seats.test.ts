/**
 * The tournament's seat-balance table (issue 11): raw win rates and the shipped handicap score's
 * win rates, each seat's TSR read against balance/params/par.json. Synthetic results built from the
 * table itself, so a recalibration does not break the test.
 */
import { describe, expect, test } from "vitest";
import { CORE_FOUR, type CompanyId, type ScenarioId } from "../../shared/engine/ids.ts";
import { seatPar } from "../../shared/engine/score.ts";
import { balanced, handicapWinnerOf, renderTable, summarize, summarizeSeats, type MatchResult } from "../../balance/tournament.ts";

const TURNS = 12;

/** A baseline match of the hard roster where each seat finishes `swings` of its swings above its par. */
function result(seed: number, scenario: ScenarioId, swings: Readonly<Record<string, number>>, rawWinner: CompanyId): MatchResult {
  const seats = CORE_FOUR.map((seat) => {
    const p = seatPar(seat, "hard", scenario, TURNS, TURNS)!;
    const tsrBp = Math.round(p.parBp + (swings[seat] ?? 0) * p.swingBp);
    return { seat, player: "hard" as const, tsrBp, scoreBp: tsrBp, rank: 0, defaulted: false };
  });
  // Raw TSR ranks: the named seat first, whatever the par says.
  const ranked = seats.map((s) => ({ ...s, rank: s.seat === rawWinner ? 1 : 2 + CORE_FOUR.indexOf(s.seat) }));
  return {
    spec: { group: "baseline", index: seed, scenario, variant: "guide", turns: TURNS, seed, seats: [...CORE_FOUR], players: {}, roster: "hard" },
    seats: ranked,
  };
}

describe("seat balance under the handicap", () => {
  // Amazon wins every match on raw TSR; against par, each seat wins one in four.
  const winners: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
  const results = winners.map((w, i) =>
    result(30_001 + i, "reckoning", Object.fromEntries(CORE_FOUR.map((s) => [s, s === w ? 1.5 : s === "amazon" ? 0.5 : -0.5])), "amazon"),
  );

  test("the handicap winner is the seat furthest above its par", () => {
    expect(results.map(handicapWinnerOf)).toEqual(winners);
  });

  test("the row reports raw and handicap win rates side by side, with the mean swings", () => {
    const [row] = summarizeSeats(results);
    expect(row?.winRate.amazon).toBe(1);
    expect(row?.handicapWinRate).toEqual({ microsoft: 0.25, amazon: 0.25, alphabet: 0.25, meta: 0.25 });
    expect(row?.meanHandicap.microsoft).toBeCloseTo(((1.5 - 0.5 * 3) / 4) * 10_000, -2);
    expect(balanced(row!.winRate)).toBe(false);
    expect(balanced(row!.handicapWinRate)).toBe(true);
  });

  test("a defaulted seat never wins, however far above par", () => {
    const r = result(1, "buildout", { meta: 9 }, "meta");
    const dead = { ...r, seats: r.seats.map((s) => (s.seat === "meta" ? { ...s, defaulted: true } : s)) };
    expect(handicapWinnerOf(dead)).not.toBe("meta");
  });

  test("the printed table marks each row against the 10–40% goal", () => {
    const text = renderTable(summarize(results));
    expect(text).toContain("handicap");
    expect(text).toMatch(/handicap\s+microsoft 25\.0% \([-\d.]+\).*ok/);
  });
});
