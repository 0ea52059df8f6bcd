/** Read-only derivations for display: sums and labels over what the server sent. No game rule lives here. */
import type { Decision, DecisionBounds, Headline, TurnReport } from "../../shared/engine/types.ts";
import { budgetShortfall, decisionOutflows } from "../../shared/engine/validate.ts";
import type { Difficulty } from "../../shared/protocol/messages.ts";
import { t, lang } from "./lang.ts";
import { formatChange, formatMoney, formatMw, formatPercent } from "./format.ts";
import type { SeatSnap, Session } from "./net.ts";

/** The protocol's difficulties, restated: importing the protocol module at runtime would pull zod into the bundle (a test keeps them equal). */
export const DIFFICULTIES = ["easy", "normal", "hard"] as const satisfies readonly Difficulty[];

export function quarterLabel(year: number, q: number): string {
  return year ? t("board.quarter", { year, q }) : "—";
}

/** The calendar quarter `back` quarters before (year, q). */
export function quarterBefore(year: number, q: number, back: number): { year: number; q: number } {
  const idx = year * 4 + (q - 1) - back;
  return { year: Math.floor(idx / 4), q: (idx % 4) + 1 };
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
    labels.push(`Q${at.q}·${String(at.year).slice(2)}`);
    capex.push(capexAll[capexAll.length - k] ?? 0);
    // Both series end at the same quarter; AI revenue reaches back fewer quarters than capex.
    const ai = k <= aiAll.length ? aiAll[aiAll.length - k] : undefined;
    aiRevenue.push(ai ?? null);
  }
  return { labels, capex, aiRevenue };
}

/** Industry totals per quarter, annualised (×4), summed over every seat, pre-match history included. */
export function industrySeries(s: Session): { labels: string[]; capexAnnual: number[]; aiRevenueAnnual: (number | null)[] } {
  const seats = s.seatsInOrder();
  const snap = s.snap;
  const per = seats.map((seat) => seatQuarters(seat, snap?.year ?? 0, snap?.q ?? 1, 12));
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

export interface Preview {
  outflows: number;
  cashAfter: number;
  debtAfter: number;
  overBudget: number;
}

/**
 * What the decision does to cash and debt before this quarter's operations. The over-budget
 * figure is the engine's own rule (`budgetShortfall`) applied to the server's bounds.
 */
export function previewDecision(me: SeatSnap | null, b: DecisionBounds, d: Decision): Preview {
  const outflows = decisionOutflows(d);
  const cash = me?.cash ?? 0;
  return {
    outflows,
    cashAfter: cash + d.debtIssue - outflows,
    debtAfter: (me?.debt ?? 0) + d.debtIssue - d.debtRepay,
    overBudget: budgetShortfall(b, d),
  };
}

/** Formats one headline parameter by its name, the engine's convention (`company`, `amount`, `changeBp`, …). */
export function headlineParam(name: string, v: string | number): string | number {
  const L = lang();
  if (typeof v === "string") {
    if (name === "company" || name === "target") return v ? t(`company.${v}`) : "";
    if (name === "from" || name === "to") return t(`regime.${v}`);
    if (name === "kind") return t(`deal.${v}`);
    return v;
  }
  if (name === "coverageBp") return `${(v / 10_000).toFixed(1)}×`;
  if (name === "changeBp") return formatPercent(Math.abs(v));
  if (name === "magnitude" || name.endsWith("Bp")) return formatChange(v, 2);
  if (name === "mw") return formatMw(v);
  if (/^(amount|capex|price|revenue|cash|debt)$/.test(name)) return formatMoney(v, L);
  return v;
}

/** Renders an engine headline (an i18n key + parameters); an unknown key falls back to the event's name. */
export function renderHeadline(h: Headline): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(h.params)) params[k] = headlineParam(k, v);
  const text = t(h.key, params);
  if (text !== h.key) return text;
  const kind = h.key.split(".").pop() ?? h.key;
  const ev = t(`event.${kind}`);
  return ev === `event.${kind}` ? h.key : ev;
}

/** Headlines for a reveal: the industry's capex against its AI revenue first, then the engine's own. */
export function headlinesFor(r: TurnReport): string[] {
  const L = lang();
  const out = [t("headline.hurdle", { capex: formatMoney(r.market.industryCapex * 4, L), revenue: formatMoney(r.market.industryAiRevenue * 4, L) })];
  for (const h of r.headlines.slice(0, 6)) out.push(renderHeadline(h));
  if (r.headlines.length === 0) out.push(t("headline.none"));
  return out;
}
