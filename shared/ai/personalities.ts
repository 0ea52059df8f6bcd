/**
 * The rule-based personalities, each in the documents' language. They read only the view and
 * their context; growth targets are year-on-year against the same quarter a year earlier, as
 * the documents quote capex. Each is an intent (what to spend, how to fund it, what to pay out,
 * which chips, which tenor) so the normal level can plan among variants of its own character;
 * the policy is the intent shaped into a legal decision. The builders carry a credit guard: they
 * out-build the guidance path from cash flow and prudent debt, and cut capex before the rating
 * their decision would earn falls below their line (MARKETS.md §2: ratings shut the door first).
 */
import type { CompanyId, Rating } from "../engine/ids.ts";
import type { MatchView, PrivateCompanyView, PublicCompanyView } from "../engine/view.ts";
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
import { documentedGrowthBp } from "../rules/guidance.ts";
import { MARKET_PARAMS } from "../rules/params.ts";

/** End-2025 consensus growth for 2026 capex (balance/params: guidance.consensusCapBp, +35%). */
export const CONSENSUS_GROWTH_BP = BP + MARKET_PARAMS.guidance.consensusCapBp;
/**
 * A rival "breaks ranks" when its capex growth runs this many points above its own published
 * guidance for that year: the guidance is the public promise, so the documented +70% path is
 * not a defection, spending far past it is.
 */
export const BREAK_RANKS_OVER_GUIDANCE_BP = 2_500;
/** Quarters the trigger punishes a defection before it forgives: a year, as lenders remember a payout (LENDERS_MEMORY_QUARTERS). */
export const PUNISH_QUARTERS = 4;

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

/** What a personality intends this quarter, from its view (null: nothing to decide). */
export type IntentFn = (view: MatchView, ctx: PolicyContext, o: PrivateCompanyView) => Intent;

/** The policy of an intent: shaped into a legal decision. */
export function intentPolicy(f: IntentFn): Policy {
  return (view, ctx) => {
    const o = own(view);
    return o ? shape(view, ctx, f(view, ctx, o)) : ctx.defaultDecision;
  };
}

/** A guard that keeps the rating at `floor` or better, cutting capex no lower than `minGrowthBp` of a year earlier. */
function guard(o: PrivateCompanyView, ctx: PolicyContext, floor: Rating, minGrowthBp: number) {
  return { floor, minCapex: mulBp(yoyBase(o, ctx.defaultDecision.capex), minGrowthBp) };
}

/** The custom-silicon share a personality takes, as a share of the most its programme allows. */
function customShare(ctx: PolicyContext, ofMaxBp: number): number {
  return mulBp(ctx.bounds.customShareBp.max, ofMaxBp);
}

/** Credit stress: lenders wary of a payout, or bonds refused last quarter (the rating itself is the guard's). */
export function creditStressed(o: PrivateCompanyView): boolean {
  return o.lendersWaryQuarters > 0 || (last(o.history)?.debtRefused ?? 0) > 0;
}

/** Guidance follower: spends along its company's documented guidance path; borrows the gap. */
export const guidancePolicy: Policy = intentPolicy(guidanceIntent);

/**
 * Disciplined (Microsoft, "Margins over Visions": jevons_rejected; the one whose cash flow still
 * covers its capex: ocf_only_msft_covers_2026): capex growth capped at the end-2025 consensus and
 * at what cash flow funds, no new debt, a rating it keeps near the top, most spare cash back to
 * owners, and a Nvidia-majority fleet (msft_nvda_majority) with steady silicon R&D.
 */
export const disciplinedIntent: IntentFn = (view, ctx, o) => {
  const base = yoyBase(o, ctx.defaultDecision.capex);
  const cap = mulBp(base, CONSENSUS_GROWTH_BP);
  // FCF protection: spend no more than operating cash flow, but never below a flat year.
  const ocf = Math.max(0, expectedOcf(o));
  const capex = Math.min(cap, Math.max(base, ocf));
  return {
    capex,
    credit: guard(o, ctx, "AA-", 9_000),
    customShareBp: customShare(ctx, 5_000),
    chipRnd: mulBp(capex, 50),
    energy: { premiumBp: 0, maxDeals: 1, needMw: 1 },
    financing: { borrow: "none", floor: cashFloor(o, 3_000), tenor: "ladder" },
    buybacks: returnsFromFcf(o, 7_000),
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const disciplinedPolicy: Policy = intentPolicy(disciplinedIntent);

/**
 * Tit-for-tat capex: matches the rivals' average capex growth of the last quarter, measured
 * year on year as the documents quote it ("+66% YoY"), applied to its own year-ago quarter;
 * borrows the gap while it stays investment grade with a notch to spare.
 */
export const titForTatIntent: IntentFn = (view, ctx, o) => {
  const g = clamp(rivalsYoyGrowthBp(view) ?? BP, 5_000, 25_000);
  const capex = mulBp(yoyBase(o, ctx.defaultDecision.capex), g);
  return {
    capex,
    credit: guard(o, ctx, "BBB+", 8_000),
    energy: { premiumBp: 2_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 10, maxShareBp: 5_000 },
    buybacks: returnsFromFcf(o, 3_000),
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const titForTatPolicy: Policy = intentPolicy(titForTatIntent);

/** The calendar year of the quarter `back` quarters before `view.quarter` (back = 1: last quarter). */
function yearBack(view: MatchView, back: number): number {
  const index = view.quarter.year * 4 + (view.quarter.q - 1) - back;
  return Math.floor(index / 4);
}

/** Did rival `r` spend past its published guidance in the quarter `back` quarters ago (revealed during this match)? */
function defectedAt(view: MatchView, r: PublicCompanyView, back: number): boolean {
  if (back < 1 || back > view.turn) return false;
  const h = r.capexHistory;
  const now = h[h.length - back];
  const yearAgo = h[h.length - back - 4];
  if (now === undefined || yearAgo === undefined || yearAgo <= 0) return false;
  const promised = documentedGrowthBp(r.id as CompanyId, view.config.variant, yearBack(view, back));
  return now * BP > yearAgo * (promised + BREAK_RANKS_OVER_GUIDANCE_BP);
}

/**
 * Quarters since the most recent *start* of a rival's defection (a quarter past its guidance
 * after one that was not), or null when no rival has broken ranks during the match. A rival that
 * keeps defecting starts one defection, so the trigger forgives it after its year of punishment.
 */
export function quartersSinceDefection(view: MatchView): number | null {
  let best: number | null = null;
  for (const r of rivals(view)) {
    for (let back = 1; back <= view.turn; back++) {
      if (defectedAt(view, r, back) && !defectedAt(view, r, back + 1)) {
        if (best === null || back < best) best = back;
        break;
      }
    }
  }
  return best;
}

/** True while the trigger is punishing: a rival started breaking ranks within the last `PUNISH_QUARTERS` quarters. */
export function ranksBroken(view: MatchView): boolean {
  const since = quartersSinceDefection(view);
  return since !== null && since <= PUNISH_QUARTERS;
}

/**
 * Grim trigger, with a year's memory: restrains at the consensus cap; when a rival spends past
 * its published guidance it races (the arms racer's credit-guarded build-out) for a year, then
 * forgives and restrains again, rather than locking the table into an arms race.
 */
export const grimTriggerIntent: IntentFn = (view, ctx, o) => {
  if (ranksBroken(view)) return armsRacerIntent(view, ctx, o);
  const base = yoyBase(o, ctx.defaultDecision.capex);
  return {
    capex: mulBp(base, CONSENSUS_GROWTH_BP),
    credit: guard(o, ctx, "A-", 9_000),
    energy: { premiumBp: 1_000, maxDeals: 1, needMw: 1 },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 10, maxShareBp: 3_000 },
    buybacks: returnsFromFcf(o, 5_000),
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const grimTriggerPolicy: Policy = intentPolicy(grimTriggerIntent);

/** How far the arms racer builds past its guidance path, and past the fastest rival: points of year-on-year growth. */
export const ARMS_RACE_OVER_GUIDANCE_BP = 2_500;
export const ARMS_RACE_OVER_FASTEST_BP = 1_000;

/**
 * Arms racer (Meta: "the risk of under-investing is far higher than the risk of over-investing",
 * gt_zuck_asymmetry): builds past its guidance path and past the fastest rival, bids hard for
 * power, takes its own silicon and spends on it, borrows long, and keeps paying its dividend (Meta
 * did while it borrowed to build: bond_meta_size). But it funds the race from cash flow and prudent
 * debt: capex is cut to keep the rating its decision earns at A− or better (investment grade with
 * room under the lenders' covenant), and under credit stress (a negative watch, wary lenders,
 * refused bonds) it falls back to the guidance path before the distress path.
 */
export const armsRacerIntent: IntentFn = (view, ctx, o) => {
  const base = yoyBase(o, ctx.defaultDecision.capex);
  const fastest = Math.max(BP, ...rivals(view).map((r) => yoyGrowthBp(r) ?? BP));
  const g = clamp(Math.max(guidanceGrowthBp(view) + ARMS_RACE_OVER_GUIDANCE_BP, fastest + ARMS_RACE_OVER_FASTEST_BP), BP, 25_000);
  const stressed = creditStressed(o);
  const capex = mulBp(base, stressed ? Math.min(g, guidanceGrowthBp(view)) : g);
  return {
    capex,
    credit: guard(o, ctx, "A-", 9_000),
    customShareBp: customShare(ctx, BP),
    chipRnd: mulBp(capex, 150),
    energy: { premiumBp: 6_000, maxDeals: 2, needMw: 0 },
    financing: { borrow: "gap", floor: cashFloor(o, 1_000), tenor: 30, maxShareBp: 9_000 },
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const armsRacerPolicy: Policy = intentPolicy(armsRacerIntent);

/**
 * Energy-first builder (Amazon's energy sovereignty: amzn_cumulus_campus): secures power early
 * (bids high on every useful deal), then builds into it, on its own silicon, within a high-grade rating.
 */
export const energyFirstIntent: IntentFn = (view, ctx, o) => {
  const base = yoyBase(o, ctx.defaultDecision.capex);
  // Its guidance path at least, and up to a quarter more when the power online and contracted can run it.
  const guided = mulBp(base, guidanceGrowthBp(view));
  const headroom = Math.max(0, powerHeadroomMw(o, view.turn));
  const intoPower = headroom * costPerMw(view);
  const capex = clamp(intoPower, guided, mulBp(guided, 12_500));
  return {
    capex,
    credit: guard(o, ctx, "A", 9_000),
    customShareBp: customShare(ctx, BP),
    chipRnd: mulBp(capex, 100),
    // In the market for power whenever the build is not covered, bidding high until it is.
    energy: { premiumBp: 6_000, maxDeals: 3, needMw: 0, coverShortfall: true },
    financing: { borrow: "gap", floor: cashFloor(o, 2_000), tenor: 30, maxShareBp: 5_000 },
    buybacks: returnsFromFcf(o, 2_000),
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const energyFirstPolicy: Policy = intentPolicy(energyFirstIntent);

/**
 * Leveraged challenger (Oracle: a debt-funded build-out against contracted demand, a $25B bond near
 * 3.5× EBITDA: bond_orcl_size): borrows the most of any personality, in the cheapest (short) notes
 * refinanced as they fall due, on bought chips, but holds the last investment-grade notch (BBB−)
 * the bridge lenders require.
 */
export const leveragedIntent: IntentFn = (view, ctx, o) => {
  const base = yoyBase(o, ctx.defaultDecision.capex);
  // Contracted revenue backs the build: a year of it goes into capex on top of +60%.
  const contracted = o.contracted.quartersLeft > 0 ? o.contracted.perQuarter : 0;
  const capex = mulBp(base, 16_000) + contracted;
  return {
    capex: creditStressed(o) ? mulBp(base, 12_000) : capex,
    credit: guard(o, ctx, "BBB-", 8_000),
    customShareBp: 0,
    energy: { premiumBp: 4_000, maxDeals: 2, needMw: 0 },
    // Cheap short money: the lowest coupon on offer, refinanced when it falls due.
    financing: { borrow: "gap", floor: cashFloor(o, 1_000), tenor: "cheapest", maxShareBp: 8_000 },
    // The documented dividend, paid from free cash flow only: lenders stop funding a seat that pays out of debt.
    dividends: documentedDividend(view),
    payoutsFromFcf: true,
  };
};
export const leveragedPolicy: Policy = intentPolicy(leveragedIntent);
