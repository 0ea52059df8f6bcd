/** validateDecision: one test per error code, bounds ⇔ validity, and no throw on junk. */
import { describe, expect, test } from "vitest";
import { MARKET_PARAMS } from "../../shared/rules/params.ts";
import fc from "fast-check";
import {
  COMPANIES,
  createMatch,
  decisionBounds,
  defaultDecision,
  parseDecision,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
  type MatchState,
  type ValidationError,
} from "../../shared/engine/index.ts";
import { clone, defaultDecisions, type Mutable } from "./helpers.ts";

const BASE = createMatch({ seed: 1, seats: [...COMPANIES] });

function base(seat: CompanyId, state: MatchState = BASE): Decision {
  return { ...defaultDecision(state, seat), capex: 0, energyBids: [] };
}

/** A message a person can read: a sentence with words, no leaked "undefined"/"NaN"/"[object …]". */
function expectReadable(e: ValidationError): void {
  expect(typeof e.message).toBe("string");
  expect(e.message.length).toBeGreaterThan(8);
  expect(e.message).toMatch(/[a-z]{3,} [a-z]/i);
  expect(e.message).not.toMatch(/undefined|NaN|\[object|null/);
}

/** Asserts that validation fails with exactly this code at this path (other errors may accompany it). */
function expectError(state: MatchState, seat: unknown, decision: unknown, code: string, path: string, mentions?: RegExp): ValidationError {
  const r = validateDecision(state, seat, decision);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("unreachable");
  const hit = r.errors.find((e) => e.code === code && e.path === path);
  expect(hit, `errors were ${JSON.stringify(r.errors)}`).toBeDefined();
  expectReadable(hit!);
  if (mentions) expect(hit!.message).toMatch(mentions);
  return hit!;
}

describe("validateDecision accepts what it should", () => {
  test.each([...COMPANIES])("the default decision of %s is legal at the start", (seat) => {
    expect(validateDecision(BASE, seat, defaultDecision(BASE, seat))).toEqual({ ok: true });
  });

  test("a decision at the edge of every bound is legal (budget spent exactly)", () => {
    const seat: CompanyId = "alphabet";
    const b = decisionBounds(BASE, seat);
    const d: Decision = { ...base(seat), debtIssue: b.debtIssue.max, debtTenor: 100, customShareBp: b.customShareBp.max, capex: b.budget };
    expect(validateDecision(BASE, seat, d)).toEqual({ ok: true });
    expect(validateDecision(BASE, seat, { ...d, capex: b.budget + 1 }).ok).toBe(false);
  });

  test("parseDecision returns the decision when legal and the errors otherwise", () => {
    const d = base("meta");
    expect(parseDecision(BASE, "meta", d)).toEqual({ ok: true, decision: d });
    const bad = parseDecision(BASE, "meta", { ...d, capex: -1 });
    expect(bad.ok).toBe(false);
  });
});

describe("one test per error code", () => {
  test("rule/match_ended", () => {
    const s = clone(BASE) as Mutable<MatchState>;
    s.ended = true;
    expectError(s as MatchState, "microsoft", base("microsoft"), "rule/match_ended", "", /ended/);
  });

  test("decision/unknown_seat: not a company, or a company not seated", () => {
    expectError(BASE, "nvidia", base("microsoft"), "decision/unknown_seat", "", /nvidia/);
    const four = createMatch({ seed: 1 });
    expectError(four, "tesla", base("microsoft"), "decision/unknown_seat", "", /tesla/);
  });

  test("decision/seat_defaulted", () => {
    const s = clone(BASE) as Mutable<MatchState>;
    s.companies.oracle!.status = "defaulted";
    expectError(s as MatchState, "oracle", base("oracle"), "decision/seat_defaulted", "", /oracle/);
  });

  test.each([
    ["not an object", "hello", ""],
    ["null", null, ""],
    ["an array", [1, 2], ""],
    ["capex not a whole number", { ...base("meta"), capex: 1.5 }, "capex"],
    ["capex a string", { ...base("meta"), capex: "100" }, "capex"],
    ["missing dividends", (({ dividends: _d, ...rest }) => rest)(base("meta")), "dividends"],
    ["customShareBp missing", (({ customShareBp: _c, ...rest }) => rest)(base("meta")), "customShareBp"],
    ["debtTenor not a tenor", { ...base("meta"), debtTenor: 7 }, "debtTenor"],
    ["energyBids not a list", { ...base("meta"), energyBids: "E0-1" }, "energyBids"],
    ["a bid that is not an object", { ...base("meta"), energyBids: [3] }, "energyBids.0"],
    ["a bid without dealId", { ...base("meta"), energyBids: [{ amount: 500 }] }, "energyBids.0.dealId"],
    ["a bid with a fractional amount", { ...base("meta"), energyBids: [{ dealId: "E0-1", amount: 2.5 }] }, "energyBids.0.amount"],
  ] as const)("decision/malformed: %s", (_label, decision, path) => {
    expectError(BASE, "meta", decision, "decision/malformed", path);
  });

  test("decision/unknown_field", () => {
    expectError(BASE, "meta", { ...base("meta"), capx: 5 }, "decision/unknown_field", "capx", /capx/);
  });

  test.each([
    ["negative capex", { capex: -1 }, "capex"],
    ["money above the hard cap", { buybacks: 10_000_001 }, "buybacks"],
    ["custom share above 100%", { customShareBp: 10_001 }, "customShareBp"],
    ["more than 8 energy bids", { energyBids: Array.from({ length: 9 }, (_, i) => ({ dealId: `E0-${i}`, amount: 1 })) }, "energyBids"],
  ] as const)("decision/out_of_range: %s", (_label, patch, path) => {
    expectError(BASE, "meta", { ...base("meta"), ...patch }, "decision/out_of_range", path);
  });

  test("decision/custom_share_exceeds_maturity", () => {
    const max = decisionBounds(BASE, "microsoft").customShareBp.max;
    expect(max).toBeLessThan(10_000);
    expect(validateDecision(BASE, "microsoft", { ...base("microsoft"), customShareBp: max }).ok).toBe(true);
    expectError(
      BASE,
      "microsoft",
      { ...base("microsoft"), customShareBp: max + 1 },
      "decision/custom_share_exceeds_maturity",
      "customShareBp",
      new RegExp(String(max)),
    );
  });

  test("decision/bond_window_shut", () => {
    const s = clone(BASE) as Mutable<MatchState>;
    s.market.bonds.windowOpen = false;
    s.market.bonds.windowShutQuarters = 2;
    expectError(s as MatchState, "amazon", { ...base("amazon"), debtIssue: 1000 }, "decision/bond_window_shut", "debtIssue", /shut/);
    expect(decisionBounds(s as MatchState, "amazon").debtIssue.max).toBe(0);
  });

  test("decision/debt_over_capacity", () => {
    const max = decisionBounds(BASE, "oracle").debtIssue.max;
    expect(max).toBeGreaterThan(0);
    expect(validateDecision(BASE, "oracle", { ...base("oracle"), debtIssue: max }).ok).toBe(true);
    expectError(BASE, "oracle", { ...base("oracle"), debtIssue: max + 1 }, "decision/debt_over_capacity", "debtIssue", new RegExp(String(max)));
  });

  test("decision/energy_unneeded: no bid on power the seat could not use half of within the lead time", () => {
    const s = structuredClone(BASE) as typeof BASE;
    const deal = s.market.energy.offers[0]!;
    // Give Apple more power than it could ever use: every deal becomes hoarding.
    (s.companies.apple as { power: unknown }).power = { ...s.companies.apple!.power, onlineMw: 1_000_000 };
    expect(decisionBounds(s, "apple").energyDeals.every((d) => !d.usable)).toBe(true);
    expect(decisionBounds(s, "apple").reasons.some((r) => r.key === "bounds.energy_unneeded")).toBe(true);
    expectError(
      s,
      "apple",
      { ...base("apple"), energyBids: [{ dealId: deal.id, amount: deal.reservePrice }] },
      "decision/energy_unneeded",
      "energyBids.0.dealId",
      new RegExp(deal.id),
    );
  });

  test("decision/buyback_over_float: a quarter's buybacks retire at most a share of the float", () => {
    const cap = Math.round((BASE.companies.apple!.marketCap * MARKET_PARAMS.valuation.maxBuybackShareBpQ) / 10_000);
    expect(decisionBounds(BASE, "apple").buybacks.max).toBeLessThanOrEqual(cap);
    expect(validateDecision(BASE, "apple", { ...base("apple"), buybacks: Math.min(cap, 50_000) }).ok).toBe(true);
    expectError(
      BASE,
      "apple",
      { ...base("apple"), buybacks: cap + 1 },
      "decision/buyback_over_float",
      "buybacks",
      new RegExp(String(decisionBounds(BASE, "apple").buybacks.max)),
    );
  });

  test("decision/tenor_not_available: the 100-year bond needs a top credit", () => {
    const b = decisionBounds(BASE, "oracle");
    expect(b.debtTenors).not.toContain(100);
    expectError(BASE, "oracle", { ...base("oracle"), debtIssue: 1000, debtTenor: 100 }, "decision/tenor_not_available", "debtTenor", /100/);
    // Without an issue the tenor field is ignored.
    expect(validateDecision(BASE, "oracle", { ...base("oracle"), debtIssue: 0, debtTenor: 100 }).ok).toBe(true);
  });

  test("decision/repay_exceeds_debt", () => {
    const debt = BASE.companies.tesla!.tranches.reduce((s, t) => s + t.principal, 0);
    expectError(BASE, "tesla", { ...base("tesla"), debtRepay: debt + 1 }, "decision/repay_exceeds_debt", "debtRepay", new RegExp(String(debt)));
  });

  test("decision/unknown_deal", () => {
    expectError(BASE, "meta", { ...base("meta"), energyBids: [{ dealId: "E9-99", amount: 100 }] }, "decision/unknown_deal", "energyBids.0.dealId", /E9-99/);
  });

  test("decision/bid_below_reserve", () => {
    const deal = BASE.market.energy.offers[0]!;
    expect(validateDecision(BASE, "meta", { ...base("meta"), energyBids: [{ dealId: deal.id, amount: deal.reservePrice }] }).ok).toBe(true);
    expectError(
      BASE,
      "meta",
      { ...base("meta"), energyBids: [{ dealId: deal.id, amount: deal.reservePrice - 1 }] },
      "decision/bid_below_reserve",
      "energyBids.0.amount",
      new RegExp(String(deal.reservePrice)),
    );
  });

  test("decision/duplicate_bid", () => {
    const deal = BASE.market.energy.offers[0]!;
    const bid = { dealId: deal.id, amount: deal.reservePrice };
    expectError(BASE, "meta", { ...base("meta"), energyBids: [bid, bid] }, "decision/duplicate_bid", "energyBids.1.dealId", new RegExp(deal.id));
  });

  test("decision/over_budget", () => {
    const b = decisionBounds(BASE, "meta");
    const e = expectError(BASE, "meta", { ...base("meta"), capex: b.budget - b.debtIssue.max + 1 }, "decision/over_budget", "", /exceeds/);
    expect(e.message).toMatch(/\d/);
  });

  test("every code emitted by validate.ts is covered above", async () => {
    const { readFileSync } = await import("node:fs");
    const src = readFileSync(new URL("../../shared/engine/validate.ts", import.meta.url), "utf8");
    const codes = new Set([...src.matchAll(/err\("([^"]+)"/g)].map((m) => m[1]));
    const mine = readFileSync(new URL(import.meta.url), "utf8");
    const missing = [...codes].filter((c) => !mine.includes(`"${c}"`));
    expect(codes.size).toBeGreaterThanOrEqual(15);
    expect(missing).toEqual([]);
  });
});

describe("resolveTurn and invalid input", () => {
  test("an illegal decision is replaced by the default and flagged", () => {
    const d = defaultDecisions(BASE);
    const r = resolveTurn(BASE, { ...d, meta: { ...base("meta"), capex: -5 } });
    const meta = r.report.seats.find((s) => s.company === "meta")!;
    expect(meta.replacedInvalid).toBe(true);
    expect(meta.decision).toEqual(defaultDecision(BASE, "meta"));
    expect(r.report.seats.find((s) => s.company === "amazon")!.replacedInvalid).toBe(false);
  });
});

describe("validateDecision never throws on junk", () => {
  const junk = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  function wellFormed(r: ReturnType<typeof validateDecision>): boolean {
    if (r.ok) return true;
    return (
      r.errors.length > 0 &&
      r.errors.every((e) => typeof e.code === "string" && /^[a-z]+\/[a-z_]+$/.test(e.code) && typeof e.path === "string" && typeof e.message === "string")
    );
  }

  test("junk decisions", () => {
    fc.assert(
      fc.property(junk, (d) => {
        const r = validateDecision(BASE, "microsoft", d);
        expect(wellFormed(r)).toBe(true);
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  test("junk seats", () => {
    fc.assert(
      fc.property(junk, (seat) => {
        const r = validateDecision(BASE, seat, base("microsoft"));
        expect(wellFormed(r)).toBe(true);
        if (!COMPANIES.includes(seat as CompanyId)) expect(r.ok).toBe(false);
      }),
      { numRuns: 400, seed: 2 },
    );
  });

  test("a legal decision with one field replaced by junk", () => {
    const keys = Object.keys(base("microsoft"));
    fc.assert(
      fc.property(fc.constantFrom(...keys, "energyBids.0", "energyBids.0.dealId", "energyBids.0.amount"), junk, (key, value) => {
        const deal = BASE.market.energy.offers[0]!;
        const d: Record<string, unknown> = { ...base("microsoft"), energyBids: [{ dealId: deal.id, amount: deal.reservePrice }] };
        const parts = key.split(".");
        if (parts.length === 1) d[key] = value;
        else if (parts.length === 2) d.energyBids = [value];
        else d.energyBids = [{ dealId: deal.id, amount: deal.reservePrice, [parts[2]!]: value }];
        expect(wellFormed(validateDecision(BASE, "microsoft", d))).toBe(true);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});

describe("warnings before the doors shut", () => {
  test("bonds falling due this quarter are in the bounds, with a reason on the bond field", () => {
    const s = clone(BASE) as Mutable<MatchState>;
    const c = s.companies.meta!;
    const due = { id: "meta-due", principal: 7_000, couponBp: 450, issuedTurn: -20, maturityTurn: 0, tenor: 5 as const, emergency: false };
    c.tranches = [...c.tranches.filter((t) => t.maturityTurn > 0), due];
    const b = decisionBounds(s, "meta");
    expect(b.maturingNow).toBe(7_000);
    expect(b.reasons).toContainEqual({ field: "debtIssue", key: "bounds.maturing", params: { amount: 7_000 } });
    const later = clone(s) as Mutable<MatchState>;
    later.companies.meta!.tranches = later.companies.meta!.tranches.map((t) => (t.id === "meta-due" ? { ...t, maturityTurn: 3 } : t));
    expect(decisionBounds(later, "meta").maturingNow).toBe(0);
    expect(decisionBounds(later, "meta").reasons.some((r) => r.key === "bounds.maturing")).toBe(false);
  });

  test("a seat that paid shareholders with borrowed money is warned on dividends and buybacks", () => {
    const seat: CompanyId = "meta";
    const clean = resolveTurn(BASE, defaultDecisions(BASE)).state;
    expect(decisionBounds(clean, seat).reasons.some((r) => r.key === "bounds.doors_shut")).toBe(false);
    // Borrow what the market lends and pay all of it out as a dividend.
    const b = decisionBounds(BASE, seat);
    const loot = { ...base(seat), debtIssue: b.debtIssue.max, dividends: b.budget };
    const looted = resolveTurn(BASE, {
      ...defaultDecisions(BASE),
      [seat]: validateDecision(BASE, seat, loot).ok ? loot : { ...loot, dividends: b.dividends.max },
    }).state;
    const reasons = decisionBounds(looted, seat).reasons.filter((r) => r.key === "bounds.doors_shut");
    expect(reasons.map((r) => r.field).sort()).toEqual(["buybacks", "dividends"]);
  });
});
