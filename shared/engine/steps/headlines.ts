/** Headlines for the reveal, as i18n keys with parameters (the client renders them in the player's language). */
import { MARKET_PARAMS } from "../../rules/params.ts";
import { RATINGS, type Rating } from "../ids.ts";
import type { ActiveEvent, AuctionResult, Headline, PriceMove, SeatReport } from "../types.ts";

/** A move worth a headline, bp of the opening price. */
const NEWSWORTHY_BP = MARKET_PARAMS.rules.newsworthyMoveBp;

const CAUSES = ["earningsBp", "capexBp", "positionBp", "creditBp", "sentimentBp", "cashBp", "eventsBp", "residualBp"] as const;
const CAUSE_WORD: Readonly<Record<(typeof CAUSES)[number], string>> = {
  earningsBp: "earnings",
  capexBp: "capex",
  positionBp: "position",
  creditBp: "credit",
  sentimentBp: "sentiment",
  cashBp: "cash",
  eventsBp: "event",
  residualBp: "noise",
};

/** The part of a move that explains most of it, in the move's direction. */
export function mainCause(m: PriceMove): string {
  const sign = Math.sign(m.totalBp);
  let best: (typeof CAUSES)[number] = "residualBp";
  let bestV = Number.NEGATIVE_INFINITY;
  for (const k of CAUSES) {
    const v = m[k] * sign;
    if (v > bestV) {
      best = k;
      bestV = v;
    }
  }
  return `${CAUSE_WORD[best]}_${m.totalBp >= 0 ? "up" : "down"}`;
}

export function headlinesFor(
  seats: readonly SeatReport[],
  events: readonly ActiveEvent[],
  before: string,
  after: string,
  auctions: readonly AuctionResult[],
): Headline[] {
  const out: Headline[] = [];
  const sorted = [...seats].filter((s) => !s.defaulted).sort((a, b) => a.priceMove.totalBp - b.priceMove.totalBp);
  const worst = sorted[0];
  const best = sorted[sorted.length - 1];
  if (best && best.priceMove.totalBp > NEWSWORTHY_BP)
    out.push({ key: `headline.why.${mainCause(best.priceMove)}`, params: { company: best.company, changeBp: best.priceMove.totalBp } });
  if (worst && worst !== best && worst.priceMove.totalBp < -NEWSWORTHY_BP)
    out.push({ key: `headline.why.${mainCause(worst.priceMove)}`, params: { company: worst.company, changeBp: worst.priceMove.totalBp } });
  for (const s of seats) {
    if (s.defaulted) out.push({ key: "headline.default", params: { company: s.company } });
    else if (s.emergencyBorrowing > 0) out.push({ key: "headline.emergency", params: { company: s.company, amount: s.emergencyBorrowing } });
    if (s.equityIssued > 0) out.push({ key: "headline.equity_raise", params: { company: s.company, amount: s.equityIssued } });
    if (s.debtIssued >= MARKET_PARAMS.rules.jumboBond)
      out.push({ key: "headline.jumbo_bond", params: { company: s.company, amount: s.debtIssued, coverageBp: s.bondCoverageBp } });
    if (!s.defaulted && s.ratingAfter !== s.ratingBefore) {
      const down = ratingWorse(s.ratingAfter, s.ratingBefore);
      out.push({
        key: down ? `headline.downgrade.${(s.ratingReason ?? "credit.reason.leverage").split(".").pop()}` : "headline.upgrade",
        params: { company: s.company, ratingFrom: s.ratingBefore, ratingTo: s.ratingAfter },
      });
    } else if (s.creditWatch === "negative" && !s.defaulted)
      out.push({ key: "headline.watch_negative", params: { company: s.company, ratingFrom: s.ratingBefore } });
    if (s.strandedMw > 0 && s.strandedMw * 5 > s.mwOrdered) out.push({ key: "headline.stranded", params: { company: s.company, mw: s.strandedMw } });
  }
  for (const a of auctions) if (a.winner) out.push({ key: "headline.energy_deal", params: { company: a.winner, kind: a.kind, mw: a.mw, price: a.price } });
  for (const e of events) out.push({ key: `headline.event.${e.kind}`, params: { target: e.target ?? "", magnitude: e.magnitudeBp } });
  if (before !== after) out.push({ key: "headline.regime", params: { from: before, to: after } });
  return out;
}

function ratingWorse(a: Rating, b: Rating): boolean {
  return RATINGS.indexOf(a) > RATINGS.indexOf(b);
}
