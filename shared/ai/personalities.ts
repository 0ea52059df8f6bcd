/**
 * The rule-based personalities, each in the documents' language. They read only the view and
 * their context; growth targets are year-on-year against the same quarter a year earlier, as
 * the documents quote capex.
 */
import type { MatchView, PrivateCompanyView } from "../engine/view.ts";
import { BP, clamp, mulBp } from "../engine/money.ts";
import type { Policy, PolicyContext } from "./policy.ts";
import {
  cashFloor,
  costPerMw,
  documentedCashFloor,
  documentedDividend,
  expectedOcf,
  type Intent,
  last,
  powerHeadroomMw,
  returnsFromFcf,
  rivals,
  rivalsYoyGrowthBp,
  shape,
  yoyBase,
  yoyGrowthBp,
} from "./shape.ts";
import { guidanceGrowthBp } from "./guidance.ts";
import { MARKET_PARAMS } from "../rules/params.ts";

/** End-2025 consensus growth for 2026 capex (balance/params: guidance.consensusCapBp, +35%). */
export const CONSENSUS_GROWTH_BP = BP + MARKET_PARAMS.guidance.consensusCapBp;
/** A rival "breaks ranks" when its capex runs this far above a year earlier (above the consensus cap, with slack). */
export const BREAK_RANKS_BP = 15_000;

function own(view: MatchView) {
  return view.own;
}

/** What the guidance follower intends this quarter (tricks and probes vary one part of it). */
export function guidanceIntent(view: MatchView, ctx: PolicyContext, o: PrivateCompanyView): Intent {
  const base = yoyBase(o, ctx.defaultDecision.capex);
  return {
    capex: mulBp(base, guidanceGrowthBp(view)),
    // Energy sovereignty (amzn_cumulus_campus): a builder secures the power its servers will need.
    energy: { premiumBp: 3_000, maxDeals: 2, needMw: 1, coverShortfall: true },
    financing: { borrow: "gap", floor: Math.max(cashFloor(o, 1_500), documentedCashFloor(view)), tenor: "ladder", maxShareBp: 6_000 },
    buybacks: returnsFromFcf(o, 5_000),
    dividends: documentedDividend(view),
  };
}

/** Guidance follower: spends along its company's documented guidance path; borrows the gap. */
export const guidancePolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  return shape(view, ctx, guidanceIntent(view, ctx, o));
};

/** Disciplined: capex growth capped at the end-2025 consensus and at what cash flow funds; protects FCF and rating. */
export const disciplinedPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  const base = yoyBase(o, ctx.defaultDecision.capex);
  const cap = mulBp(base, CONSENSUS_GROWTH_BP);
  // FCF protection: spend no more than operating cash flow, but never below a flat year.
  const ocf = Math.max(0, expectedOcf(o));
  const capex = Math.min(cap, Math.max(base, ocf));
  return shape(view, ctx, {
    capex,
    energy: { premiumBp: 0, maxDeals: 1, needMw: 1 },
    financing: { borrow: "none", floor: cashFloor(o, 3_000), tenor: "ladder" },
    buybacks: returnsFromFcf(o, 7_000),
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};

/**
 * Tit-for-tat capex: matches the rivals' average capex growth of the last quarter, measured
 * year on year as the documents quote it ("+66% YoY"), applied to its own year-ago quarter.
 */
export const titForTatPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  const g = clamp(rivalsYoyGrowthBp(view) ?? BP, 5_000, 25_000);
  const capex = mulBp(yoyBase(o, ctx.defaultDecision.capex), g);
  return shape(view, ctx, {
    capex,
    energy: { premiumBp: 2_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 10, maxShareBp: 5_000 },
    buybacks: returnsFromFcf(o, 3_000),
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};

/** True once any rival's capex, in a quarter revealed during this match, ran above the restraint line. */
export function ranksBroken(view: MatchView): boolean {
  for (const r of rivals(view)) {
    const h = r.capexHistory;
    // Only quarters revealed during the match: the last `turn` entries.
    for (let k = 0; k < view.turn; k++) {
      const i = h.length - 1 - k;
      const now = h[i];
      const yearAgo = h[i - 4];
      if (now === undefined || yearAgo === undefined || yearAgo <= 0) continue;
      if (now * BP > yearAgo * BREAK_RANKS_BP) return true;
    }
  }
  return false;
}

/** Grim trigger: restrains at the consensus cap until any rival breaks ranks, then invests heavily forever. */
export const grimTriggerPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  if (ranksBroken(view)) return armsRacerPolicy(view, ctx);
  const base = yoyBase(o, ctx.defaultDecision.capex);
  return shape(view, ctx, {
    capex: mulBp(base, CONSENSUS_GROWTH_BP),
    energy: { premiumBp: 1_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 10, maxShareBp: 3_000 },
    buybacks: returnsFromFcf(o, 5_000),
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};

/** Arms racer: maximises its share of compute and borrows to do it ("under-investing is the bigger risk"). */
export const armsRacerPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  const base = yoyBase(o, ctx.defaultDecision.capex);
  // Doubling a year on year, and at least the pace of the fastest rival.
  const fastest = Math.max(BP, ...rivals(view).map((r) => yoyGrowthBp(r) ?? BP));
  const g = Math.max(20_000, fastest + 1_000);
  return shape(view, ctx, {
    capex: mulBp(base, g),
    energy: { premiumBp: 6_000, maxDeals: 2, needMw: 0 },
    financing: { borrow: "gap", floor: cashFloor(o, 1_000), tenor: 30, maxShareBp: 9_000 },
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};

/** Energy-first builder: secures power early (bids high on every useful deal), then builds into it. */
export const energyFirstPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  const base = yoyBase(o, ctx.defaultDecision.capex);
  // Build only what the power online and contracted can run, within a flat-to-guidance band.
  const headroom = Math.max(0, powerHeadroomMw(o, view.turn));
  const intoPower = headroom * costPerMw(view);
  const capex = clamp(intoPower, mulBp(base, 9_000), mulBp(base, 17_000));
  return shape(view, ctx, {
    capex,
    energy: { premiumBp: 8_000, maxDeals: 3, needMw: -1 },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 30, maxShareBp: 5_000 },
    buybacks: returnsFromFcf(o, 2_000),
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};

/** Leveraged challenger (Oracle-like): a debt-funded build-out against contracted demand. */
export const leveragedPolicy: Policy = (view, ctx) => {
  const o = own(view);
  if (!o) return ctx.defaultDecision;
  const base = yoyBase(o, ctx.defaultDecision.capex);
  // Contracted revenue backs the build: a year of it goes into capex on top of +60%.
  const contracted = o.contracted.quartersLeft > 0 ? o.contracted.perQuarter : 0;
  const capex = mulBp(base, 16_000) + contracted;
  const tight = last(o.history)?.rating === "BB" || o.rating === "B" || o.rating === "CCC";
  return shape(view, ctx, {
    capex: tight ? mulBp(base, 12_000) : capex,
    energy: { premiumBp: 4_000, maxDeals: 2, needMw: 0 },
    // Cheap short money: the lowest coupon on offer, refinanced when it falls due.
    financing: { borrow: "gap", floor: cashFloor(o, 1_000), tenor: "cheapest", maxShareBp: 8_000 },
    // Every documented payer keeps paying its dividend (Meta and Alphabet did while they borrowed to build).
    dividends: documentedDividend(view),
  });
};
