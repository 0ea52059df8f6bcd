/** Read-only derivations for display: sums and labels over what the server sent. No game rule lives here: the previews call the engine's own functions. */
import type { BoundReason, Decision, DecisionBounds, Headline, TurnReport } from "../../shared/engine/types.ts";
import { budgetShortfall, decisionOutflows } from "../../shared/engine/validate.ts";
import { previewDecision, type DecisionPreview, type PreviewInput } from "../../shared/engine/preview.ts";
import { aiShareOfCapex, buyCompute } from "../../shared/engine/chips.ts";
import type { CompanyId, Rating } from "../../shared/engine/ids.ts";
import { quarterBefore as engineQuarterBefore, quarterTick as engineQuarterTick } from "../../shared/engine/quarters.ts";
import type { Difficulty } from "../../shared/protocol/messages.ts";
import { hasKey } from "../../shared/i18n/index.ts";
import { t, lang } from "./lang.ts";
import { formatChange, formatMoney, formatMultiple, formatMw, formatPercent } from "./format.ts";
import type { SeatSnap, Session } from "./net.ts";

/** The protocol's difficulties, restated: importing the protocol module at runtime would pull zod into the bundle (a test keeps them equal). */
export const DIFFICULTIES = ["easy", "normal", "hard"] as const satisfies readonly Difficulty[];

export function quarterLabel(year: number, q: number): string {
  return year ? t("board.quarter", { year, q }) : "—";
}

/** Short axis label of a quarter: "Q1·26" (the engine's `quarterTick`). */
export function quarterTick(year: number, q: number): string {
  return engineQuarterTick({ year, q });
}

/** The calendar quarter `back` quarters before (year, q): the engine's quarter arithmetic. */
export function quarterBefore(year: number, q: number, back: number): { year: number; q: number } {
  return engineQuarterBefore({ year, q }, back);
}

export interface QuarterSeries {
  labels: string[];
  capex: number[];
  /** null where no AI revenue was reported (before the match). */
  aiRevenue: (number | null)[];
}

/**
 * The last `n` quarters of a seat's capex and AI revenue, pre-match history included. Both
 * series end at the last resolved quarter, the one before the quarter being decided (year, q).
 */
export function seatQuarters(
  seat: { readonly capexHistory?: readonly number[]; readonly aiRevenueHistory?: readonly number[] },
  year: number,
  q: number,
  n = 12,
): QuarterSeries {
  const capexAll = seat.capexHistory ?? [];
  const aiAll = seat.aiRevenueHistory ?? [];
  const len = Math.min(n, capexAll.length);
  const labels: string[] = [];
  const capex: number[] = [];
  const aiRevenue: (number | null)[] = [];
  for (let k = len; k >= 1; k--) {
    const at = quarterBefore(year, q, k);
    labels.push(quarterTick(at.year, at.q));
    capex.push(capexAll[capexAll.length - k] ?? 0);
    // Both series end at the same quarter; AI revenue reaches back fewer quarters than capex.
    const ai = k <= aiAll.length ? aiAll[aiAll.length - k] : undefined;
    aiRevenue.push(ai ?? null);
  }
  return { labels, capex, aiRevenue };
}

/** Industry totals per quarter, annualised (×4), summed over every seat, pre-match history included. */
export function industrySeries(s: Session, n = 12): { labels: string[]; capexAnnual: number[]; aiRevenueAnnual: (number | null)[] } {
  const seats = s.seatsInOrder();
  const snap = s.snap;
  const per = seats.map((seat) => seatQuarters(seat, snap?.year ?? 0, snap?.q ?? 1, n));
  const first = per[0];
  if (!first) return { labels: [], capexAnnual: [], aiRevenueAnnual: [] };
  return {
    labels: first.labels,
    capexAnnual: first.labels.map((_, i) => per.reduce((sum, p) => sum + (p.capex[i] ?? 0), 0) * 4),
    aiRevenueAnnual: first.labels.map((_, i) =>
      per.every((p) => p.aiRevenue[i] === null) ? null : per.reduce((sum, p) => sum + (p.aiRevenue[i] ?? 0), 0) * 4,
    ),
  };
}

/**
 * The fields of the seat's private view the engine's `previewDecision` reads, rebuilt from the
 * synced snapshot (the snapshot flattens each quarter's statements).
 */
export function previewView(me: SeatSnap): PreviewInput {
  return {
    id: me.company,
    cash: me.cash,
    debt: me.debt,
    history: me.history.map((h) => ({
      income: { operatingIncome: h.operatingIncome, depreciation: h.depreciation, interestExpense: h.interestExpense },
      cashFlow: { operatingCashFlow: h.operatingCashFlow },
    })),
  };
}

export interface Preview {
  /** Cash the seat can spend before new debt: cash now + the quarter's expected operating cash flow (the engine's budget rule). */
  spendable: number;
  outflows: number;
  newDebt: number;
  /** What is left at the quarter's end by the engine's budget rule; below zero exactly when the decision is over budget. */
  cashLeft: number;
  /** Bonds falling due this quarter, repaid from cash after the decision's outflows. */
  maturing: number;
  /** Cash after those repayments: below zero means a bridge loan or a share sale would follow (or default). */
  cashAfterMaturities: number;
  overBudget: number;
  /** The engine's preview: debt, leverage and rating after the decision (null before the first reported quarter). */
  engine: DecisionPreview | null;
}

/**
 * What the decision does to cash, debt and the rating, by the engine's own rules: the budget
 * figures are `budgetShortfall`'s (so "cash left" is negative exactly when the engine would reject
 * the decision as over budget), the rest is `previewDecision`.
 */
export function preview(me: SeatSnap | null, b: DecisionBounds, d: Decision): Preview {
  const spendable = b.budget - b.debtIssue.max;
  const outflows = decisionOutflows(d);
  const engine = me && me.history.length > 0 ? previewDecision(previewView(me), d, b.maturingNow) : null;
  const cashLeft = spendable + d.debtIssue - outflows;
  return {
    spendable,
    outflows,
    newDebt: d.debtIssue,
    cashLeft,
    maturing: b.maturingNow,
    cashAfterMaturities: cashLeft - b.maturingNow,
    overBudget: budgetShortfall(b, d),
    engine,
  };
}

/** MW of AI servers the capex buys at this quarter's list prices (the engine's `buyCompute`). */
export function computeBought(
  seat: CompanyId,
  capex: number,
  customShareBp: number,
  maturityBp: number,
  b: DecisionBounds,
): { nvidiaMw: number; customMw: number } {
  const p = buyCompute(seat, aiShareOfCapex(capex).ai, customShareBp, maturityBp, b.chipPricesK.nvidia);
  return { nvidiaMw: p.nvidiaMw, customMw: p.customMw };
}

/** The coupon quoted for a tenor now, or null when the window is shut or the tenor is not offered. */
export function couponFor(b: DecisionBounds, tenor: number): number | null {
  return b.bondQuotes.find((q) => q.tenor === tenor)?.couponBp ?? null;
}

/** Formats one parameter of a bound reason or headline by its name (the engine's naming convention). */
export function namedParam(name: string, v: string | number): string | number {
  const L = lang();
  if (typeof v === "string") {
    if (name === "company" || name === "target") return v ? t(`company.${v}`) : "";
    if (name === "from" || name === "to" || name === "regime") return t(`regime.${v}`);
    if (name === "kind") return t(`deal.${v}`);
    return v;
  }
  if (name === "coverageBp") return `${(v / 10_000).toFixed(1)}×`;
  if (name === "leverageBp") return formatMultiple(v);
  if (name === "changeBp") return formatPercent(Math.abs(v));
  if (name === "magnitude" || name === "magnitudeBp") return formatChange(v, 2);
  if (name.endsWith("Bp")) return formatPercent(v, 1);
  if (name === "mw") return formatMw(v, L);
  if (/^(amount|capex|price|revenue|cash|debt|max|min|budget|capacity|book)$/.test(name)) return formatMoney(v, L);
  return v;
}

/** @deprecated name kept for other screens: use `namedParam`. */
export const headlineParam = namedParam;

function renderParams(params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = namedParam(k, v);
  return out;
}

/** Why a field is limited, in the player's language: any `bounds.*` key with its parameters; an unknown key says so generically. */
export function boundReasonText(r: BoundReason): string {
  return hasKey(r.key) ? t(r.key, renderParams(r.params)) : t("bounds.other");
}

/** A limit as the decision panel shows it: one short line, and the whole sentence behind it (the same text when it is short already). */
export interface LimitText {
  readonly short: string;
  readonly full: string;
}

export function boundReasonLimit(r: BoundReason): LimitText {
  const full = boundReasonText(r);
  const shortKey = `${r.key}.short`;
  return { short: hasKey(r.key) && hasKey(shortKey) ? t(shortKey, renderParams(r.params)) : full, full };
}

/** The reasons that limit one decision field (the engine tags them with the field's name; `all` limits every field). */
export function reasonsFor(b: DecisionBounds, field: string): LimitText[] {
  return b.reasons.filter((r) => r.field === field || r.field === "all").map(boundReasonLimit);
}

/** Renders an engine headline (an i18n key + parameters); an unknown key falls back to the event's name. */
export function renderHeadline(h: Headline): string {
  const text = t(h.key, renderParams(h.params));
  if (text !== h.key) return text;
  const kind = h.key.split(".").pop() ?? h.key;
  const ev = t(`event.${kind}`);
  return ev === `event.${kind}` ? h.key : ev;
}

/** Headlines for a reveal: the industry's capex against its AI revenue first, then the engine's own. */
export function headlinesFor(r: TurnReport, max = 6): string[] {
  const L = lang();
  const out = [t("headline.hurdle", { capex: formatMoney(r.market.industryCapex * 4, L), revenue: formatMoney(r.market.industryAiRevenue * 4, L) })];
  for (const h of r.headlines.slice(0, max)) out.push(renderHeadline(h));
  if (r.headlines.length === 0) out.push(t("headline.none"));
  return out;
}

/** The parts of a price move in display order, with their i18n label keys. */
export { PRICE_MOVE_PARTS as PRICE_PARTS, type PriceMovePart as PricePart } from "../../shared/engine/types.ts";

/** A rating move: -1 worse, 0 same, 1 better. */
export function ratingDirection(before: Rating, after: Rating): -1 | 0 | 1 {
  const order = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "D"];
  const a = order.indexOf(before);
  const b = order.indexOf(after);
  return a === b ? 0 : b > a ? -1 : 1;
}

/** Names of seats in canonical order, for lists in a sentence. */
export function seatNames(ids: readonly string[]): string {
  return ids.map((id) => t(`company.${id as CompanyId}`)).join(lang() === "zh-CN" ? "、" : ", ");
}
