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

/** Industry totals per reported quarter, annualised (×4), from every seat's reported history. */
export function industrySeries(s: Session): { labels: string[]; capexAnnual: number[]; aiRevenueAnnual: number[] } {
  const byTurn = new Map<number, { year: number; q: number; capex: number; ai: number }>();
  for (const seat of s.seatsInOrder()) {
    for (const h of seat.history) {
      const e = byTurn.get(h.turn) ?? { year: h.year, q: h.q, capex: 0, ai: 0 };
      e.capex += h.capex;
      e.ai += h.aiRevenue;
      byTurn.set(h.turn, e);
    }
  }
  const turns = [...byTurn.keys()].sort((a, b) => a - b).slice(-12);
  const rows = turns.map((k) => byTurn.get(k)!);
  return {
    labels: rows.map((r) => `Q${r.q}·${String(r.year).slice(2)}`),
    capexAnnual: rows.map((r) => r.capex * 4),
    aiRevenueAnnual: rows.map((r) => r.ai * 4),
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
