/**
 * The refinancing wall (issue 11: the tenor is a lever). Short notes are cheaper by the term
 * premium but fall due inside a match, and are refinanced then at that quarter's coupon, rating
 * and window; bounds and quotes say what falls due; agencies mark down debt falling due within a
 * year beyond cash and a year of operating cash flow (beyond cash alone while the window is shut).
 */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import { couponBp, dueWithinYear, STANDARD_TENOR, targetRating, tenorsFor, uncoveredWall } from "../../shared/engine/credit.ts";
import {
  RATINGS,
  TENORS,
  createMatch,
  decisionBounds,
  defaultDecision,
  resolveTurn,
  type CompanyId,
  type DebtTranche,
  type Decision,
  type MatchState,
  type SeatReport,
  type Tenor,
} from "../../shared/engine/index.ts";
import { quarterBefore } from "../../shared/engine/quarters.ts";
import { hasKey } from "../../shared/i18n/index.ts";
import { clone, type Mutable } from "./helpers.ts";

const C = MARKET_PARAMS.credit;
const seats: CompanyId[] = ["microsoft", "meta"];
const s0 = createMatch({ seed: 11, seats, randomEvents: false, turns: 12 });
const seatOf = (r: { report: { seats: readonly SeatReport[] } }, id: CompanyId): SeatReport => r.report.seats.find((x) => x.company === id)!;

/** Every seat holds its cash: no capex, no issue, no payout. */
function quiet(state: MatchState): Partial<Record<CompanyId, Decision>> {
  const out: Partial<Record<CompanyId, Decision>> = {};
  for (const id of seats) out[id] = { ...defaultDecision(state, id), capex: 0 };
  return out;
}

/** Adds a bond of `principal` falling due `inQuarters` from now (balance sheet kept: equity pays for it). */
function withBondDue(state: MatchState, seat: CompanyId, principal: number, inQuarters: number, tenor: Tenor = 2): MatchState {
  const s = clone(state) as Mutable<MatchState>;
  const c = s.companies[seat]!;
  const t: DebtTranche = {
    id: `${seat}-wall`,
    principal,
    couponBp: 400,
    issuedTurn: s.turn + inQuarters - tenor * 4,
    maturityTurn: s.turn + inQuarters,
    tenor,
    emergency: false,
  };
  c.tranches = [...c.tranches, t];
  c.equity -= principal;
  return s as MatchState;
}

function shutWindow(state: MatchState, quarters = 2): MatchState {
  const s = clone(state) as Mutable<MatchState>;
  s.market.bonds.windowOpen = false;
  s.market.bonds.windowShutQuarters = quarters;
  return s as MatchState;
}

describe("short notes on the yield curve", () => {
  test("2- and 3-year notes are offered at every rating and are cheaper than the 5-year by the term premium", () => {
    expect(TENORS).toEqual([2, 3, 5, 10, 30, 100]);
    for (const r of RATINGS.slice(0, -1)) {
      const offered = tenorsFor(r, 30_000);
      expect(offered.slice(0, 3)).toEqual([2, 3, 5]);
      expect(offered).not.toContain(100);
    }
    const bonds = s0.market.bonds;
    const at = (t: Tenor) => couponBp(bonds, "A", 10_000, t, 10_000, 100_000);
    expect(at(2)).toBeLessThan(at(3));
    expect(at(3)).toBeLessThan(at(5));
    expect(at(5)).toBeLessThan(at(10));
    expect(at(5) - at(2)).toBe(C.tenorPremiumBp["5"] - C.tenorPremiumBp["2"]);
    // A seat that says nothing issues the standard 5-year, not the shortest note.
    expect(defaultDecision(s0, "meta").debtTenor).toBe(STANDARD_TENOR);
  });

  test("the quotes say when each tenor falls due and whether that is inside the match", () => {
    const b = decisionBounds(s0, "meta");
    expect(b.debtTenors).toContain(2);
    const byTenor = new Map(b.bondQuotes.map((q) => [q.tenor, q]));
    expect(byTenor.get(2)).toMatchObject({ dueInMatch: true, due: quarterBefore(s0.quarter, -8) });
    // 12 quarters: a 3-year note issued at the first quarter falls due just after the match ends.
    expect(byTenor.get(3)!.dueInMatch).toBe(false);
    expect(byTenor.get(30)!.dueInMatch).toBe(false);
    expect(byTenor.get(2)!.couponBp).toBeLessThan(byTenor.get(5)!.couponBp);
  });
});

describe("the wall falls due inside the match", () => {
  test("a 2-year note issued now is a wall in eight quarters: the bounds warn a year ahead, then it is repaid from cash, and refinancing it pays that quarter's coupon", () => {
    let s = s0;
    const issue = decisionBounds(s, "meta").debtIssue.max;
    expect(issue).toBeGreaterThan(0);
    const first = resolveTurn(s, { ...quiet(s), meta: { ...quiet(s).meta!, debtIssue: issue, debtTenor: 2 } });
    const note = first.state.companies.meta!.tranches.find((t) => t.issuedTurn === 0 && t.tenor === 2)!;
    expect(note.maturityTurn).toBe(8);
    s = first.state;
    while (s.turn < 4) s = resolveTurn(s, quiet(s)).state;
    // A year ahead: the wall shows under the tenor, with the amount.
    const ahead = decisionBounds(s, "meta");
    expect(ahead.maturingWithinYear).toBeGreaterThanOrEqual(note.principal);
    expect(ahead.reasons).toContainEqual(expect.objectContaining({ field: "debtTenors", key: "bounds.maturing_year" }));
    while (s.turn < 8) s = resolveTurn(s, quiet(s)).state;
    const due = decisionBounds(s, "meta");
    expect(due.maturingNow).toBeGreaterThanOrEqual(note.principal);
    // Rates rose 200 bp since: the refinancing note pays the new coupon, not the old one.
    const up = clone(s) as Mutable<MatchState>;
    up.market.bonds.baseRateBp += 200;
    const r = resolveTurn(up as MatchState, { ...quiet(s), meta: { ...quiet(s).meta!, debtIssue: note.principal, debtTenor: 2 } });
    const meta = r.state.companies.meta!;
    expect(meta.tranches.some((t) => t.id === note.id)).toBe(false);
    const refi = meta.tranches.find((t) => t.issuedTurn === 8)!;
    expect(refi.principal).toBe(note.principal);
    expect(refi.couponBp).toBeGreaterThanOrEqual(note.couponBp + 150);
    expect(seatOf(r, "meta").emergencyBorrowing).toBe(0);
  });

  test("a wall that falls due while the window is shut and cash cannot pay it becomes a bridge, and the agencies cut two notches", () => {
    const c = s0.companies.microsoft!;
    const s = shutWindow(withBondDue(s0, "microsoft", c.cash + 60_000, 0));
    const r = resolveTurn(s, quiet(s));
    const rep = seatOf(r, "microsoft");
    expect(rep.emergencyBorrowing).toBeGreaterThan(0);
    expect(RATINGS.indexOf(rep.ratingAfter)).toBeGreaterThanOrEqual(RATINGS.indexOf(c.rating) + 2);
    // The same wall with the window open is refinanced by the seat's own deal: no bridge.
    const open = withBondDue(s0, "microsoft", c.cash + 60_000, 0);
    const issue = decisionBounds(open, "microsoft").debtIssue.max;
    const refi = resolveTurn(open, { ...quiet(open), microsoft: { ...quiet(open).microsoft!, debtIssue: issue, debtTenor: 5 } });
    expect(seatOf(refi, "microsoft").emergencyBorrowing).toBe(0);
    expect(seatOf(refi, "microsoft").debtIssued).toBe(issue);
  });
});

describe("agencies see a maturity wall", () => {
  test("debt due within a year counts, not later debt, not what falls due now", () => {
    const t = (maturityTurn: number, principal: number): DebtTranche => ({
      id: `x${maturityTurn}`,
      principal,
      couponBp: 0,
      issuedTurn: 0,
      maturityTurn,
      tenor: 2,
      emergency: false,
    });
    const tranches = [t(3, 100), t(4, 200), t(7, 400), t(8, 800), t(9, 1600)];
    expect(dueWithinYear(tranches, 3)).toBe(200 + 400);
    expect(dueWithinYear(tranches, 4)).toBe(400 + 800);
    // Shut window: only cash pays the wall; open: a year of operating cash flow counts too.
    expect(uncoveredWall(tranches, 4, 1000, 100, false)).toBe(200);
    expect(uncoveredWall(tranches, 4, 1000, 100, true)).toBe(0);
    expect(uncoveredWall(tranches, 4, 1000, 0, true)).toBe(200);
    expect(uncoveredWall(tranches, 4, 5000, 0, false)).toBe(0);
    // An uncovered wall costs one notch and names itself.
    const plain = targetRating("microsoft", 5_000, 200_000);
    const walled = targetRating("microsoft", 5_000, 200_000, 1);
    expect(RATINGS.indexOf(walled.rating)).toBe(RATINGS.indexOf(plain.rating) + 1);
    expect(walled.binding).toBe("maturity_wall");
  });

  test("a wall beyond cash with the window shut puts the seat on watch, then cuts it; the same wall with the window open (a year of cash flow pays it), or covered by cash, does not", () => {
    const c = s0.companies.microsoft!;
    // Cash after the quarter grows by its operating cash flow: a wall well beyond it.
    const walled = shutWindow(withBondDue(s0, "microsoft", c.cash + 100_000, 3), 3);
    const r1 = resolveTurn(walled, quiet(walled));
    const rep1 = seatOf(r1, "microsoft");
    expect(rep1.ratingReason).toBe("credit.reason.maturity_wall");
    expect(r1.state.companies.microsoft!.creditWatch).toBe("negative");
    expect(r1.state.market.bonds.windowOpen).toBe(false);
    const r2 = resolveTurn(r1.state, quiet(r1.state));
    expect(RATINGS.indexOf(seatOf(r2, "microsoft").ratingAfter)).toBeGreaterThan(RATINGS.indexOf(rep1.ratingAfter));
    expect(r2.report.headlines.some((h) => h.key === "headline.downgrade.maturity_wall" && h.params.company === "microsoft")).toBe(true);
    // The shut window's bounds say so under the tenor.
    expect(decisionBounds(walled, "microsoft").reasons).toContainEqual(expect.objectContaining({ field: "debtTenors", key: "bounds.maturing_year_shut" }));
    // Control 1: window open, same wall.
    const open = withBondDue(s0, "microsoft", c.cash + 100_000, 3);
    expect(seatOf(resolveTurn(open, quiet(open)), "microsoft").ratingReason).not.toBe("credit.reason.maturity_wall");
    // Control 2: window shut, a wall the cash covers.
    const covered = shutWindow(withBondDue(s0, "microsoft", Math.floor(c.cash / 4), 3), 3);
    expect(seatOf(resolveTurn(covered, quiet(covered)), "microsoft").ratingReason).not.toBe("credit.reason.maturity_wall");
  });

  test("every key the wall shows is translated", () => {
    for (const k of [
      "bounds.maturing_year",
      "bounds.maturing_year_shut",
      "credit.reason.maturity_wall",
      "headline.downgrade.maturity_wall",
      "tenor.quoteDue",
      "tenor.dueInMatch",
    ])
      expect(hasKey(k), k).toBe(true);
  });
});
