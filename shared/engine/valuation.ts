/**
 * Step 9's rule: what the market thinks a seat is worth. One rule, used at the opening (where it
 * fixes each seat's core multiple so the value is the documents' price) and every quarter after,
 * so the first quarter carries no artefact of a second rule.
 *
 *   value = (core earnings × multiple × fade × outlook + AI-line earnings × AI multiple
 *            + franchise + other value) × mood × risk × credibility × events  +  cash − debt
 *
 * Earnings are forward, annual and after tax, after depreciation and R&D. The AI line is charged
 * part of its depreciation (the cliff reaches the price), and is valued at one multiple for every
 * seat: a loss-making build-out is not capitalised at a search
 * engine's multiple. The outlook capitalises
 * where the core is heading: the lift internal AI use will bring or lose, erosion if the seat has
 * fallen behind the capability leader, and the capability edge itself. The franchise is the
 * seat's share of the industry's capitalised AI opportunity, half by AI revenue earned and half by
 * credible capacity (usable, or arriving with power, weighted by capability): the market prices
 * the future AI position, never capacity that cannot run. Debt enters at face, leverage and the
 * rating through `risk`; interest through the rating's coverage test and the forward earnings.
 */
import { MARKET_PARAMS } from "../rules/params.ts";
import { servingFactorBp } from "./capability.ts";
import { BP, clamp, isqrt, mulBp } from "./money.ts";
import type { PriceMove, ValuationAnchor, ValuationInputs } from "./types.ts";

const V = MARKET_PARAMS.valuation;

export function credibilityBp(i: Pick<ValuationInputs, "capexPremiumBp" | "beatPremiumBp">): number {
  const E = MARKET_PARAMS.expectations;
  return clamp(BP + i.capexPremiumBp + i.beatPremiumBp, E.credibilityMinBp, E.credibilityMaxBp);
}

/** The operating value before mood, risk and trust, $M. */
function operatingValue(a: ValuationAnchor, i: ValuationInputs): number {
  const core = mulBp(mulBp(mulBp(Math.max(i.coreNopat, a.floorNopat), a.coreMultipleBp), i.fadeBp), i.outlookBp);
  return core + mulBp(i.aiNopat, V.aiLineMultipleBp) + mulBp(a.otherValue, i.timeValueBp) + i.franchise;
}

function factorBp(i: ValuationInputs): number {
  return mulBp(mulBp(mulBp(i.regimeBp, i.riskBp), credibilityBp(i)), BP + i.eventPremiumBp);
}

/** Equity value, $M (never below $1B: a listed shell keeps an option value). */
export function fairValue(a: ValuationAnchor, i: ValuationInputs): number {
  return equityValue(operatingValue(a, i), factorBp(i), i.netCash);
}

/** Operating value times mood, risk and trust, plus net cash; never below $1B (a listed shell keeps an option value). */
function equityValue(operating: number, factor: number, netCash: number): number {
  return Math.max(1000, mulBp(operating, factor) + netCash);
}

/** The core multiple (×10_000) that makes `fairValue` equal `marketCap` for these inputs. */
export function anchorFor(marketCap: number, i: ValuationInputs, floorNopat: number, leverageFreeBp: number): ValuationAnchor {
  const operating = Math.floor(((marketCap - i.netCash) * BP) / Math.max(1, factorBp(i)));
  const rest = operating - i.franchise - mulBp(i.aiNopat, V.aiLineMultipleBp);
  const coreWeighted = Math.max(1, mulBp(Math.max(i.coreNopat, floorNopat), i.outlookBp));
  // A core is worth at least 5× its earnings, however large the rest is, and at most the cap.
  const coreMultipleBp = clamp(Math.floor((rest * BP) / coreWeighted), 5 * BP, V.maxCoreMultipleBp);
  return { coreMultipleBp, floorNopat, otherValue: Math.max(0, rest - mulBp(coreWeighted, coreMultipleBp)), leverageFreeBp };
}

/**
 * The industry's capitalised AI opportunity, $M: a multiple of the opening demand, moved in
 * proportion to how demand runs against the adoption path the market priced (within bounds: a
 * boom lifts it, a bust sinks it), grown at the cost of equity, less a glut discount when capacity
 * outruns demand (the yield per MW falls for all).
 */
export function industryAiValue(
  potentialQ: number,
  expectedQ: number,
  openingPotentialQ: number,
  timeValueBp: number,
  yieldPerMwK: number,
  refYieldK: number,
): number {
  const surpriseBp = clamp(Math.floor((potentialQ * BP) / Math.max(1, expectedQ)), V.franchiseSurpriseMinBp, V.franchiseSurpriseMaxBp);
  const base = mulBp(openingPotentialQ, surpriseBp);
  const yieldBp = Math.min(BP, Math.floor((yieldPerMwK * BP) / Math.max(1, refYieldK)));
  return mulBp(mulBp(mulBp(base, V.franchiseMultipleBp), timeValueBp), BP - mulBp(BP - yieldBp, V.franchiseGlutBp));
}

/** The core multiple's fade for one more quarter: the cost of equity over the core's own expected growth. */
export function nextFadeBp(fadeBp: number, coreGrowthBp: number): number {
  return Math.floor((fadeBp * (BP + Math.floor(V.costOfEquityBp / 4))) / (BP + Math.floor(coreGrowthBp / 4)));
}

export function nextTimeValueBp(timeValueBp: number): number {
  return timeValueBp + mulBp(timeValueBp, Math.floor(V.costOfEquityBp / 4));
}

/** One seat's weight in the franchise: what it earns and what it can credibly run. */
export interface FranchiseClaim {
  readonly aiRevenue: number;
  /** Usable MW (serving-weighted), plus arriving powered MW at their weight. */
  readonly credibleMw: number;
  readonly capabilityBp: number;
}

/** Each seat's franchise share, bp: `earnedWeight` by AI revenue, the rest by √(credible MW × capability). */
export function franchiseSharesBp(claims: readonly FranchiseClaim[]): number[] {
  const revTotal = claims.reduce((s, c) => s + c.aiRevenue, 0);
  const prospects = claims.map((c) => isqrt(Math.floor((c.credibleMw * servingFactorBp(c.capabilityBp)) / 10)));
  const prospectTotal = prospects.reduce((s, x) => s + x, 0);
  return claims.map((c, k) => {
    const earned = revTotal <= 0 ? 0 : Math.floor((c.aiRevenue * BP) / revTotal);
    const prospect = prospectTotal <= 0 ? 0 : Math.floor(((prospects[k] ?? 0) * BP) / prospectTotal);
    // With no AI revenue anywhere, the capacity side carries the whole weight.
    return revTotal <= 0 ? prospect : mulBp(earned, V.earnedWeightBp) + mulBp(prospect, BP - V.earnedWeightBp);
  });
}

/** Rating, leverage above the seat's free level and idle (stranded) compute, bp around 10_000. */
export function riskBp(ratingRiskBp: number, leverageBp: number, leverageFreeBp: number, strandedShareBp: number): number {
  const lev = BP - Math.min(MARKET_PARAMS.rules.maxLeverageDiscountBp, mulBp(Math.max(0, leverageBp - leverageFreeBp), V.leveragePenaltyBp));
  const stranded = BP - mulBp(clamp(strandedShareBp, 0, BP), V.strandedPenaltyBp);
  return mulBp(mulBp(ratingRiskBp, lev), stranded);
}

/**
 * Order in which a quarter's change of inputs is attributed (each step swaps one group);
 * `decomposeMove` follows it step by step. Every input is in exactly one group.
 */
const STEPS = [
  ["sentimentBp", ["regimeBp"]],
  ["creditBp", ["riskBp"]],
  ["earningsBp", ["coreNopat", "aiNopat", "beatPremiumBp", "fadeBp"]],
  ["capexBp", ["capexPremiumBp"]],
  ["positionBp", ["outlookBp", "franchise", "timeValueBp"]],
  ["eventsBp", ["eventPremiumBp"]],
  ["cashBp", ["netCash"]],
] as const satisfies readonly (readonly [keyof PriceMove, readonly (keyof ValuationInputs)[]])[];

/** An input in no group of `STEPS` (never, or the compiler refuses `decomposeMove`'s working copy below). */
type Unswapped = Exclude<keyof ValuationInputs, (typeof STEPS)[number][1][number]>;

export interface PriceState {
  readonly inputs: ValuationInputs;
  readonly sharesM: number;
  /** Company-specific and market-wide noise on top of fair value, bp. */
  readonly residualBp: number;
  readonly marketNoiseBp: number;
}

/** Share price in cents: fair value per share, moved by the noise. */
export function sharePriceCents(a: ValuationAnchor, s: PriceState): number {
  return priceCentsAt(fairValue(a, s.inputs), s);
}

/** `sharePriceCents` from a fair value already computed. */
function priceCentsAt(fair: number, s: PriceState): number {
  return Math.max(1, Math.round((mulBp(fair, BP + s.residualBp + s.marketNoiseBp) * 100) / Math.max(1, s.sharesM)));
}

/** Fair value per share, cents: what the score counts at the end (noise is not scored). */
export function fairPriceCents(a: ValuationAnchor, s: Pick<PriceState, "inputs" | "sharesM">): number {
  return Math.max(1, Math.round((fairValue(a, s.inputs) * 100) / Math.max(1, s.sharesM)));
}

/**
 * Splits a quarter's price move into its parts by swapping the inputs one group at a time
 * (sentiment, credit, earnings, capex, position, events, cash), then the share count, then the
 * noise. The parts telescope, so they sum exactly to the move.
 */
export function decomposeMove(a: ValuationAnchor, before: PriceState, after: PriceState): PriceMove {
  // The working inputs, swapped in group by group in the order of `STEPS` (written out: the price
  // move is split for every seat every quarter). Each group changes the operating value, the
  // factor, or both; the other is carried from the step before (`fairValue` from its two parts).
  const x = after.inputs;
  const cur: { -readonly [K in keyof ValuationInputs]: ValuationInputs[K] } & Record<Unswapped, never> = { ...before.inputs };
  let op = operatingValue(a, cur);
  let factor = factorBp(cur);
  let value = Math.max(1000, mulBp(op, factor) + cur.netCash);
  const p0 = priceCentsAt(value, before);
  const noise0 = BP + before.residualBp + before.marketNoiseBp;
  const perShare = (v: number, shares: number, noiseBp: number): number => (mulBp(v, noiseBp) * 100) / Math.max(1, shares);
  const toBp = (cents: number): number => (p0 <= 0 ? 0 : Math.round((cents * BP) / p0));
  /** The part of the move from the groups swapped in since the last step (0 + …: parts start at 0). */
  const step = (): number => {
    const v = equityValue(op, factor, cur.netCash);
    const part = 0 + toBp(perShare(v - value, before.sharesM, noise0));
    value = v;
    return part;
  };
  cur.regimeBp = x.regimeBp;
  factor = factorBp(cur);
  let sentimentBp = step();
  cur.riskBp = x.riskBp;
  factor = factorBp(cur);
  const creditBp = step();
  cur.coreNopat = x.coreNopat;
  cur.aiNopat = x.aiNopat;
  cur.beatPremiumBp = x.beatPremiumBp;
  cur.fadeBp = x.fadeBp;
  op = operatingValue(a, cur);
  factor = factorBp(cur);
  const earningsBp = step();
  cur.capexPremiumBp = x.capexPremiumBp;
  factor = factorBp(cur);
  const capexBp = step();
  cur.outlookBp = x.outlookBp;
  cur.franchise = x.franchise;
  cur.timeValueBp = x.timeValueBp;
  op = operatingValue(a, cur);
  const positionBp = step();
  cur.eventPremiumBp = x.eventPremiumBp;
  factor = factorBp(cur);
  const eventsBp = step();
  cur.netCash = x.netCash;
  let cashBp = step();
  // Buybacks retire shares, equity raises add them: per-share value moves with the count.
  cashBp += toBp(perShare(value, after.sharesM, noise0) - perShare(value, before.sharesM, noise0));
  // Noise: the market-wide part is the sector's mood, the rest is the company's own.
  const fairAfter = (value * 100) / Math.max(1, after.sharesM);
  sentimentBp += toBp(mulBp(fairAfter, after.marketNoiseBp - before.marketNoiseBp));
  const totalBp = toBp(sharePriceCents(a, after) - p0);
  const explained = earningsBp + capexBp + positionBp + creditBp + sentimentBp + cashBp + eventsBp;
  return { totalBp, earningsBp, capexBp, positionBp, creditBp, sentimentBp, cashBp, eventsBp, residualBp: totalBp - explained };
}
