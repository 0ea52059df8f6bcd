/**
 * How an intent chooses its tenor (issue 11: AI opponents use the tenor lever) and refinances the
 * bonds falling due: a ladder spreads maturities over the years, `cheapest` takes the short note,
 * and a borrower keeps the cash for this quarter's wall besides its floor.
 */
import { describe, expect, test } from "vitest";
import { createMatch, decisionBounds, resolveTurn, viewFor } from "../../shared/engine/index.ts";
import type { CompanyId, Tenor } from "../../shared/engine/ids.ts";
import type { DebtTranche, MatchState } from "../../shared/engine/types.ts";
import { contextFor, decideFor } from "../../shared/ai/index.ts";
import { ladderTenor, shape, type Intent } from "../../shared/ai/shape.ts";
import { clone, type Mutable } from "../engine/helpers.ts";

const seats: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
const s0 = createMatch({ seed: 21, seats, randomEvents: false, turns: 24 });

function withTranches(state: MatchState, seat: CompanyId, tranches: readonly DebtTranche[]): MatchState {
  const s = clone(state) as Mutable<MatchState>;
  const c = s.companies[seat]!;
  c.tranches = [...tranches];
  return s as MatchState;
}

const due = (maturityTurn: number, principal: number): DebtTranche => ({
  id: `t${maturityTurn}`,
  principal,
  couponBp: 400,
  issuedTurn: 0,
  maturityTurn,
  tenor: 5,
  emergency: false,
});

describe("the tenor an AI issues", () => {
  test("a ladder picks the year with the least debt falling due (the shorter on a tie), never the century bond", () => {
    const offered: Tenor[] = [2, 3, 5, 10, 30, 100];
    const own = (tranches: readonly DebtTranche[]) => viewFor(withTranches(s0, "meta", tranches), "meta").own!;
    expect(ladderTenor(own([]), 0, offered)).toBe(2);
    // Year 2 (quarters 5–8) is taken: the 3-year.
    expect(ladderTenor(own([due(7, 10_000)]), 0, offered)).toBe(3);
    // Years 2 and 3 taken: the 5-year, even when the later years hold a little.
    expect(ladderTenor(own([due(8, 10_000), due(12, 10_000), due(40, 500)]), 0, offered)).toBe(5);
    expect(ladderTenor(own([due(8, 10_000), due(12, 10_000), due(20, 9_000), due(40, 9_000), due(120, 5_000)]), 0, offered)).toBe(30);
  });

  test("issued quarter after quarter, a ladder spreads its notes over several tenors", () => {
    let state = s0;
    const tenors = new Set<number>();
    for (let q = 0; q < 6; q++) {
      const ctx = contextFor(state, "meta", 3);
      const view = viewFor(state, "meta");
      const d = shape(view, ctx, { capex: 0, financing: { borrow: "max", floor: 0, tenor: "ladder", maxShareBp: 2_000 } });
      if (d.debtIssue > 0) tenors.add(d.debtTenor);
      state = resolveTurn(state, { meta: d }).state;
    }
    expect(tenors.size).toBeGreaterThanOrEqual(3);
  });

  test("`cheapest` takes the lowest coupon on offer: the 2-year note", () => {
    const ctx = contextFor(s0, "meta", 3);
    const d = shape(viewFor(s0, "meta"), ctx, { capex: 0, financing: { borrow: "max", floor: 0, tenor: "cheapest", maxShareBp: 2_000 } });
    expect(d.debtIssue).toBeGreaterThan(0);
    expect(d.debtTenor).toBe(2);
    const cheapest = [...ctx.bounds.bondQuotes].sort((a, b) => a.couponBp - b.couponBp)[0]!;
    expect(d.debtTenor).toBe(cheapest.tenor);
  });

  test("the leveraged personality reaches for short money; the guidance follower ladders", () => {
    // Oracle-like borrowing: it issues, at the cheapest tenor.
    const lev = decideFor(s0, "meta", "leveraged", 5);
    if (lev.debtIssue > 0) expect(lev.debtTenor).toBe(2);
    const g = decideFor(s0, "amazon", "guidance", 5);
    if (g.debtIssue > 0) expect(g.debtTenor).toBe(ladderTenor(viewFor(s0, "amazon").own!, 0, decisionBounds(s0, "amazon").debtTenors));
    expect(lev.debtIssue + g.debtIssue).toBeGreaterThan(0);
  });
});

describe("a borrower refinances what falls due", () => {
  test("with a bond falling due now, a gap borrower issues that much more; a non-borrower spends that much less", () => {
    const c = s0.companies.meta!;
    const wall = 8_000;
    const walled = withTranches(s0, "meta", [...c.tranches, { ...due(0, wall), id: "wall" }]);
    expect(decisionBounds(walled, "meta").maturingNow).toBeGreaterThanOrEqual(wall);
    // Capex a little beyond what cash and cash flow pay: the gap is borrowed either way.
    const b = decisionBounds(s0, "meta");
    expect(b.debtIssue.max).toBeGreaterThan(2 * (2_000 + wall));
    const intent = (borrow: "gap" | "none"): Intent => ({ capex: b.budget - b.debtIssue.max + 2_000, financing: { borrow, floor: 0, tenor: 5 } });
    const plain = shape(viewFor(s0, "meta"), contextFor(s0, "meta", 1), intent("gap"));
    const refi = shape(viewFor(walled, "meta"), contextFor(walled, "meta", 1), intent("gap"));
    const extra = decisionBounds(walled, "meta").maturingNow - decisionBounds(s0, "meta").maturingNow;
    expect(plain.debtIssue).toBe(2_000);
    expect(refi.debtIssue - plain.debtIssue).toBe(extra);
    const keep = shape(viewFor(walled, "meta"), contextFor(walled, "meta", 1), { capex: 10_000_000, financing: { borrow: "none", floor: 0, tenor: 5 } });
    const spend = shape(viewFor(s0, "meta"), contextFor(s0, "meta", 1), { capex: 10_000_000, financing: { borrow: "none", floor: 0, tenor: 5 } });
    expect(spend.capex - keep.capex).toBe(extra);
  });
});
