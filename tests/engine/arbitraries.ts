/**
 * fast-check arbitraries for engine and protocol property tests: match configs, decision plans
 * (fractions of decisionBounds), and near-valid decisions — a legal decision with at most one
 * field pushed just across its bound or out of shape, so a sample lands on both sides of each
 * check instead of far outside all of them.
 */
import fc from "fast-check";
import {
  COMPANIES,
  DECISION_MONEY_FIELDS,
  DECISION_MONEY_MAX,
  MAX_ENERGY_BIDS,
  SCENARIOS,
  TENORS,
  VARIANTS,
  decisionBounds,
  type CompanyId,
  type DecisionBounds,
  type MatchConfigInput,
  type MatchState,
} from "../../shared/engine/index.ts";
import { decisionFromPlan, type DecisionPlan } from "./helpers.ts";

const bp = fc.oneof(fc.constant(0), fc.constant(10_000), fc.integer({ min: 0, max: 10_000 }));

export const planArb: fc.Arbitrary<DecisionPlan> = fc.record({
  capexBp: bp,
  customBp: bp,
  rndBp: bp,
  debtBp: bp,
  tenorIdx: fc.nat({ max: 3 }),
  repayBp: bp,
  bids: fc.array(fc.record({ dealIdx: fc.nat({ max: 7 }), amountBp: bp }), { maxLength: 3 }),
  buybacksBp: bp,
  dividendsBp: bp,
});

export const configArb: fc.Arbitrary<MatchConfigInput> = fc.record({
  scenario: fc.constantFrom(...SCENARIOS),
  variant: fc.constantFrom(...VARIANTS),
  seats: fc.oneof(fc.constant([...COMPANIES]), fc.subarray([...COMPANIES], { minLength: 1 })),
  seed: fc.nat({ max: 0xffffffff }),
  turns: fc.integer({ min: 4, max: 10 }),
  randomEvents: fc.boolean(),
});

type Fields = Record<string, unknown>;
type Nudge = (d: Fields, b: DecisionBounds) => Fields;

const moneyField = fc.constantFrom(...DECISION_MONEY_FIELDS);
const bidsOf = (d: Fields): Fields[] => (d["energyBids"] as Fields[]).map((x) => ({ ...x }));

/** Changes that break the shape: what both the zod schema and the engine's structural check must reject. */
export const SHAPE_NUDGES: Record<string, fc.Arbitrary<Nudge>> = {
  negative: moneyField.map((f) => (d) => ({ ...d, [f]: -1 })),
  "past the hard cap": moneyField.map((f) => (d) => ({ ...d, [f]: DECISION_MONEY_MAX + 1 })),
  fractional: moneyField.map((f) => (d) => ({ ...d, [f]: (d[f] as number) + 0.5 })),
  "a string": moneyField.map((f) => (d) => ({ ...d, [f]: String(d[f]) })),
  "not finite": fc.tuple(moneyField, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY)).map(([f, v]) => (d) => ({ ...d, [f]: v })),
  "share over 100%": fc.constant((d) => ({ ...d, customShareBp: 10_001 })),
  "share below 0": fc.constant((d) => ({ ...d, customShareBp: -1 })),
  "a tenor never offered": fc.constantFrom(0, 1, 20, "5", null).map((t) => (d) => ({ ...d, debtTenor: t })),
  "a missing field": fc.constantFrom(...DECISION_MONEY_FIELDS, "customShareBp", "debtTenor", "energyBids").map((f) => (d) => {
    const { [f]: _gone, ...rest } = d;
    return rest;
  }),
  "an unknown field": fc.constantFrom("cheat", "seat", "__proto__x").map((f) => (d) => ({ ...d, [f]: 1 })),
  "too many bids": fc.constant((d) => ({ ...d, energyBids: Array.from({ length: MAX_ENERGY_BIDS + 1 }, (_, i) => ({ dealId: `E${i}`, amount: 1 })) })),
  "bids not a list": fc.constant((d) => ({ ...d, energyBids: {} })),
  "a bid without a deal": fc.constant((d) => ({ ...d, energyBids: [...bidsOf(d), { dealId: "", amount: 1 }] })),
  "a bid of negative money": fc.constant((d) => ({ ...d, energyBids: [...bidsOf(d), { dealId: "E0-1", amount: -1 }] })),
  "a bid that is not an object": fc.constant((d) => ({ ...d, energyBids: [...bidsOf(d), 7] })),
};

/** Changes that keep the shape but break a rule of this quarter (budget, bounds, deals, tenors). */
export const RULE_NUDGES: Record<string, fc.Arbitrary<Nudge>> = {
  "over budget": moneyField.filter((f) => f !== "debtIssue").map((f) => (d, b) => ({ ...d, [f]: Math.min(DECISION_MONEY_MAX, b.budget + 1) })),
  "debt over capacity": fc.constant((d, b) => ({ ...d, debtIssue: Math.min(DECISION_MONEY_MAX, b.debtIssue.max + 1) })),
  "custom share past maturity": fc.constant((d, b) => ({ ...d, customShareBp: Math.min(10_000, b.customShareBp.max + 1) })),
  "repay more than owed": fc.constant((d, b) => ({ ...d, debtRepay: Math.min(DECISION_MONEY_MAX, b.debtRepay.max + 1) })),
  "buybacks past the float cap": fc.constant((d, b) => ({ ...d, buybacks: Math.min(DECISION_MONEY_MAX, b.buybacks.max + 1) })),
  "a tenor not offered now": fc
    .constantFrom(...TENORS)
    .map((t) => (d, b) => ({ ...d, debtIssue: Math.max(1, d["debtIssue"] as number), debtTenor: b.debtTenors.includes(t) ? 100 : t })),
  "an unknown deal": fc.constant((d) => ({ ...d, energyBids: [...bidsOf(d), { dealId: "E99-9", amount: 1 }] })),
  "a duplicate bid": fc.constant((d, b) => {
    const deal = b.energyDeals[0];
    return deal ? { ...d, energyBids: [...bidsOf(d), { dealId: deal.dealId, amount: deal.minBid }, { dealId: deal.dealId, amount: deal.minBid }] } : d;
  }),
  "a bid below the reserve": fc.constant((d, b) => {
    const deal = b.energyDeals.find((x) => x.usable && x.minBid > 0);
    return deal ? { ...d, energyBids: [{ dealId: deal.dealId, amount: deal.minBid - 1 }] } : d;
  }),
};

function nudged(state: MatchState, seat: CompanyId, nudges: readonly fc.Arbitrary<Nudge>[]): fc.Arbitrary<{ decision: unknown; nudged: boolean }> {
  return fc.tuple(planArb, fc.option(fc.oneof(...nudges), { freq: 2, nil: undefined })).map(([plan, nudge]) => {
    const legal = decisionFromPlan(state, seat, plan) as unknown as Fields;
    return nudge ? { decision: nudge(legal, decisionBounds(state, seat)), nudged: true } : { decision: legal as unknown, nudged: false };
  });
}

/** A legal decision, or (half the time) one with a single field pushed out of shape. */
export function nearShapeArb(state: MatchState, seat: CompanyId): fc.Arbitrary<{ decision: unknown; nudged: boolean }> {
  return nudged(state, seat, Object.values(SHAPE_NUDGES));
}

/** A legal decision, or (half the time) one broken in shape or against this quarter's rules. */
export function nearValidArb(state: MatchState, seat: CompanyId): fc.Arbitrary<{ decision: unknown; nudged: boolean }> {
  return nudged(state, seat, [...Object.values(SHAPE_NUDGES), ...Object.values(RULE_NUDGES)]);
}
