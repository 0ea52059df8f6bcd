/**
 * Step 5: the non-AI cash engine (ads, search, software, retail + AWS base). Its underlying
 * revenue grows at its own rate with a little noise (the surprises earnings are judged on).
 *
 * Internal AI use lifts it — ad efficiency raises revenue (Meta's ROAS +12%), cost-to-serve
 * raises the margin (Amazon's retail) — only while the seat runs enough compute for a core of its
 * size, and only as far as its models are good: the lift moves toward a target set by compute
 * intensity × capability, so a seat that stops investing loses it again.
 *
 * Customers follow the better models (gt_pd_ts: "if the rival invests and you don't, you lose
 * customers; if you invest and the rival doesn't, you win the market"): a seat whose capability
 * falls behind where it stood at the opening, relative to its rivals' moves, loses part of its
 * contestable core each quarter to the seats that pulled ahead — winner-take-all in dollars, and
 * nothing moves while everyone keeps pace.
 */
import { COMPANY_PARAMS, MARKET_PARAMS } from "../rules/params.ts";
import type { CompanyId } from "./ids.ts";
import { BP, clamp, isqrt, mulBp } from "./money.ts";
import type { CoreBusiness } from "./types.ts";

const K = MARKET_PARAMS.core;
/** The most of its core a laggard can lose to rivals. */
const LOSS_CAP_BP = MARKET_PARAMS.rules.customerLossCapBp;

/** MW of AI compute a core of this size needs for its full lift. */
export function liftNeedMw(baseRevenueQ: number): number {
  return Math.max(1, Math.floor((baseRevenueQ * 4 * K.liftNeedMwPerCoreBn) / 1000));
}

export interface LiftTarget {
  readonly revenueBp: number;
  readonly marginBp: number;
}

/** Where the lift is heading with this much serving compute and this capability. */
export function liftTarget(id: CompanyId, baseRevenueQ: number, servingMw: number, capabilityBp: number): LiftTarget {
  const p = COMPANY_PARAMS[id].coreLift;
  const useBp = clamp(Math.floor((servingMw * BP) / liftNeedMw(baseRevenueQ)), 0, BP);
  const q = mulBp(useBp, capabilityBp);
  return { revenueBp: mulBp(p.revenueCapBp, q), marginBp: mulBp(p.marginCapBp, q) };
}

export function coreRevenueOf(baseRevenue: number, liftRevenueBp: number, shareShiftBp: number): number {
  return mulBp(mulBp(baseRevenue, BP + liftRevenueBp), BP + shareShiftBp);
}

export interface Standing {
  readonly id: CompanyId;
  /** Capability now and at the opening, bp of the leader's. */
  readonly capabilityBp: number;
  readonly openingCapabilityBp: number;
  /** Contestable core revenue this quarter, $M. */
  readonly revenue: number;
}

/**
 * Each seat's standing: how far its capability moved since the opening, against the seats'
 * average move (bp). Zero for everyone while everyone keeps pace.
 */
export function standingsBp(seats: readonly Standing[]): number[] {
  const moves = seats.map((s) => s.capabilityBp - s.openingCapabilityBp);
  const mean = Math.trunc(moves.reduce((a, b) => a + b, 0) / Math.max(1, seats.length));
  return moves.map((m) => m - mean);
}

/**
 * Customers moving this quarter, $M per seat (negative = lost): a seat behind loses
 * `customerShiftBp` of its exposed core × √(its standing lost, as a share of the leader's
 * capability); the seats ahead share
 * `winnerShare` of those dollars (the rest goes to the labs and neoclouds outside the match), each
 * at most what the same rate would give it on its own core, so a small core cannot swallow a large
 * one in a quarter. Standings sum to zero: a race for share, not new demand, and negative-sum.
 */
export function customerFlows(seats: readonly Standing[]): number[] {
  const standing = standingsBp(seats);
  const exposed = seats.map((s) => mulBp(s.revenue, COMPANY_PARAMS[s.id].obsolescenceExposureBp));
  // At most this many $ a seat could move at its standing, either way: √ of the standing, so the
  // first points lost cost the most and running far ahead wins less than proportionally.
  const reach = seats.map((_, k) => Math.trunc((mulBp(exposed[k] ?? 0, K.customerShiftBp) * isqrt(Math.abs(standing[k] ?? 0) * BP)) / BP));
  const lost = seats.map((_, k) => ((standing[k] ?? 0) < 0 ? (reach[k] ?? 0) : 0));
  const canWin = seats.map((_, k) => ((standing[k] ?? 0) > 0 ? (reach[k] ?? 0) : 0));
  // What the laggards lose, less the share that goes outside the match (labs, neoclouds), is won by
  // the seats ahead in proportion to their reach, never more than their reach: the race is
  // negative-sum in dollars.
  const pool = mulBp(
    lost.reduce((a, b) => a + b, 0),
    K.winnerShareBp,
  );
  const reachTotal = canWin.reduce((a, b) => a + b, 0);
  return seats.map((_, k) => {
    const won = reachTotal <= 0 ? 0 : Math.min(canWin[k] ?? 0, Math.floor((pool * (canWin[k] ?? 0)) / reachTotal));
    return won - (lost[k] ?? 0);
  });
}

export interface CoreStep {
  readonly core: CoreBusiness;
  readonly target: LiftTarget;
}

/** One quarter of a core: growth and noise, the lift moving toward its target, and the customers won or lost. */
export function stepCore(id: CompanyId, core: CoreBusiness, servingMw: number, capabilityBp: number, noiseBp: number, customersWon: number): CoreStep {
  const baseRevenue = core.baseRevenue + mulBp(core.baseRevenue, Math.floor(core.growthBp / 4) + noiseBp);
  const target = liftTarget(id, baseRevenue, servingMw, capabilityBp);
  const liftRevenueBp = core.liftRevenueBp + mulBp(target.revenueBp - core.liftRevenueBp, K.liftSpeedBp);
  const liftMarginBp = core.liftMarginBp + mulBp(target.marginBp - core.liftMarginBp, K.liftSpeedBp);
  const lifted = Math.max(1, mulBp(baseRevenue, BP + liftRevenueBp));
  // Fear outweighs greed (gt_zuck_asymmetry): a laggard can lose half its core, a leader's gains
  // saturate (`winnerCapBp`) as the customers it can still win run out.
  const shareShiftBp = clamp(core.shareShiftBp + Math.trunc((customersWon * BP) / lifted), -LOSS_CAP_BP, K.winnerCapBp);
  return {
    core: {
      baseRevenue,
      revenue: coreRevenueOf(baseRevenue, liftRevenueBp, shareShiftBp),
      baseMarginBp: core.baseMarginBp,
      marginBp: core.baseMarginBp + liftMarginBp,
      growthBp: core.growthBp,
      shareShiftBp,
      openingCapabilityBp: core.openingCapabilityBp,
      liftRevenueBp,
      liftMarginBp,
    },
    target,
  };
}
