import { describe, expect, test } from "vitest";
import { createMatch, resolveTurn, viewFor } from "../../shared/engine/index.ts";
import { quarterBefore, seatQuarters } from "../../client/src/model.ts";

describe("seatQuarters: the board's capex vs AI revenue series", () => {
  test("quarterBefore walks back across years", () => {
    expect(quarterBefore(2026, 1, 1)).toEqual({ year: 2025, q: 4 });
    expect(quarterBefore(2026, 3, 6)).toEqual({ year: 2025, q: 1 });
  });

  test("before the first reveal it shows the pre-filled history, ending with 2025 Q4", () => {
    const s = createMatch({ seed: 1 });
    const me = viewFor(s, "microsoft").own!;
    const q = seatQuarters(me, s.quarter.year, s.quarter.q, 12);
    expect(q.labels).toHaveLength(12);
    expect(q.labels.at(-1)).toBe("Q4·25");
    expect(q.capex).toEqual(me.capexHistory.slice(-12));
    // AI revenue exists only for the quarters the engine reports; earlier ones are gaps, not zeros.
    const known = q.aiRevenue.filter((v) => v !== null);
    expect(known).toEqual(me.aiRevenueHistory.slice(-known.length));
    expect(q.aiRevenue[0]).toBeNull();
  });

  test("after a reveal the newest quarter is the one just resolved", () => {
    const s0 = createMatch({ seed: 1 });
    const s1 = resolveTurn(s0, {}).state;
    const me = viewFor(s1, "microsoft").own!;
    const q = seatQuarters(me, s1.quarter.year, s1.quarter.q, 12);
    expect(q.labels.at(-1)).toBe("Q1·26");
    expect(q.capex.at(-1)).toBe(s1.companies.microsoft!.history[0]!.capex);
    expect(q.aiRevenue.at(-1)).toBe(s1.companies.microsoft!.history[0]!.income.aiRevenue);
  });
});
