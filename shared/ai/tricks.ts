/**
 * Degenerate fixed rules the balance goals must defeat (GAME.md §7.9, issue 11): hoarding cash,
 * all-in debt, zero capex, and the tricks issue 11 found paying on the economy before v2 — loot
 * then wipe, energy hogging and sniping, racing then paying out, a final-quarter payout and
 * oscillating capex. Not offered as opponents; the tournament plays every one against the
 * `normal` and `hard` rosters in the same seat (paired by seed) and the tests keep them losing.
 */
import { mulBp } from "../engine/money.ts";
import type { MatchView, PrivateCompanyView } from "../engine/view.ts";
import type { Policy, PolicyContext, PersonalityId } from "./policy.ts";
import { armsRacerPolicy, guidanceIntent } from "./personalities.ts";
import { type Intent, shape, yoyBase } from "./shape.ts";

export const TRICKS = [
  "hoard_cash",
  "all_in_debt",
  "zero_capex",
  "loot_then_wipe",
  "energy_hog",
  "energy_snipe",
  "race_then_payout",
  "final_payout",
  "oscillating_capex",
] as const;
export type TrickId = (typeof TRICKS)[number];

/**
 * Tricks that still beat an AI roster on today's engine (issue 11, `npm run tournament -- --groups
 * paired`, 20 seeds × 4 seats, engine 2.3.0): racing then stopping cold in the last two quarters,
 * +8.1 ± 3.4 pp over `normal` in the same seat (Microsoft +16.5, Alphabet +10.8); it loses to
 * `hard` (−2.4 ± 4.2, 25% of wins). What is left is the dilemma's temptation, which the
 * calibration requires (GAME.md T > R): a racer who stops before its chips go dark beats a
 * disciplined Microsoft or a tit-for-tat Alphabet, whose characters do not race. The tests hold
 * every other trick to losing against `hard`.
 */
export const OPEN_TRICKS: readonly TrickId[] = ["race_then_payout"];

/** The regression set of issue 11: every trick, and the one personality that was itself a trick (the arms racer beat `hard`). */
export const REGRESSION_SET: readonly (TrickId | PersonalityId)[] = [...TRICKS, "arms_racer"];

/** Quarters left after this one. */
function quartersLeft(view: MatchView): number {
  return view.config.turns - 1 - view.turn;
}

/** Everything out: buybacks as far as the float allows, the rest of the cash as dividends, nothing built. */
function payoutIntent(ctx: PolicyContext): Intent {
  return {
    capex: 0,
    chipRnd: 0,
    financing: { borrow: "none", floor: 0, tenor: 10 },
    buybacks: ctx.bounds.buybacks.max,
    dividends: ctx.bounds.dividends.max,
  };
}

function withOwn(f: (view: MatchView, ctx: PolicyContext, o: PrivateCompanyView) => Intent): Policy {
  return (view, ctx) => (view.own ? shape(view, ctx, f(view, ctx, view.own)) : ctx.defaultDecision);
}

/** Hoarding cash: capex at half of a year earlier, no energy, no returns, no debt. */
export const hoardCashPolicy: Policy = withOwn((_view, ctx, o) => ({
  capex: mulBp(yoyBase(o, ctx.defaultDecision.capex), 5_000),
  chipRnd: 0,
  financing: { borrow: "none", floor: 0, tenor: 10 },
}));

/** All-in debt: borrows everything the bond market lends and spends the whole budget on capex. */
export const allInDebtPolicy: Policy = withOwn((_view, ctx) => ({
  capex: ctx.bounds.capex.max,
  financing: { borrow: "max", floor: 0, tenor: 30, maxShareBp: 10_000 },
  energy: { premiumBp: 10_000, maxDeals: 8, needMw: -1 },
}));

/** Zero capex: spends nothing on AI and pays its free cash flow out. */
export const zeroCapexPolicy: Policy = withOwn((_view, ctx, o) => {
  const fcf = o.history[o.history.length - 1]?.cashFlow.freeCashFlow ?? 0;
  return {
    capex: 0,
    chipRnd: 0,
    financing: { borrow: "none", floor: 0, tenor: 10 },
    buybacks: Math.min(ctx.bounds.buybacks.max, Math.max(0, fcf)),
  };
});

/**
 * Loot then wipe: borrows all the bond market lends every quarter and pays it out — dividends in
 * the first half, then buybacks as large as allowed (once enough to retire more shares than
 * existed) — while holding capex flat.
 */
export const lootThenWipePolicy: Policy = withOwn((view, ctx, o) => {
  const wipe = view.turn * 2 >= view.config.turns;
  return {
    capex: yoyBase(o, ctx.defaultDecision.capex),
    chipRnd: 0,
    financing: { borrow: "max", floor: 0, tenor: 5, maxShareBp: 10_000 },
    buybacks: wipe ? ctx.bounds.buybacks.max : 0,
    dividends: ctx.bounds.dividends.max,
  };
});

/** Energy hogging: the guidance path, with the maximum bid on every deal it may bid on. */
export const energyHogPolicy: Policy = withOwn((view, ctx, o) => ({
  ...guidanceIntent(view, ctx, o),
  energy: { premiumBp: 10_000, maxDeals: 8, needMw: -1 },
}));

/** Energy sniping: the guidance path, with the reserve + $1M on every deal it may bid on. */
export const energySnipePolicy: Policy = withOwn((view, ctx, o) => ({
  ...guidanceIntent(view, ctx, o),
  energy: { premiumBp: 0, overReserve: 1, maxDeals: 8, needMw: -1 },
}));

/** Race then pay out: the arms racer's build-out, then nothing built and everything paid out in the last two quarters. */
export const raceThenPayoutPolicy: Policy = (view, ctx) => {
  if (!view.own) return ctx.defaultDecision;
  return quartersLeft(view) < 2 ? shape(view, ctx, payoutIntent(ctx)) : armsRacerPolicy(view, ctx);
};

/** Final-quarter payout: the guidance path, then in the last quarter nothing built and everything paid out. */
export const finalPayoutPolicy: Policy = withOwn((view, ctx, o) => (quartersLeft(view) < 1 ? payoutIntent(ctx) : guidanceIntent(view, ctx, o)));

/** Oscillating capex: the guidance path's capex ×1.6 and ×0.4 in turn (the same spend on average, surprising every quarter). */
export const oscillatingCapexPolicy: Policy = withOwn((view, ctx, o) => {
  const g = guidanceIntent(view, ctx, o);
  return { ...g, capex: mulBp(g.capex, view.turn % 2 === 0 ? 16_000 : 4_000) };
});

export const TRICK_POLICIES: Readonly<Record<TrickId, Policy>> = {
  hoard_cash: hoardCashPolicy,
  all_in_debt: allInDebtPolicy,
  zero_capex: zeroCapexPolicy,
  loot_then_wipe: lootThenWipePolicy,
  energy_hog: energyHogPolicy,
  energy_snipe: energySnipePolicy,
  race_then_payout: raceThenPayoutPolicy,
  final_payout: finalPayoutPolicy,
  oscillating_capex: oscillatingCapexPolicy,
};
