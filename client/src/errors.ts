/**
 * Errors in the player's language: the server's and the engine's error codes (`decision/over_budget`,
 * `rule/wrong_phase`, …) become sentences from the i18n tables, each attached to the decision field
 * it concerns. Raw engine text is never shown; an unknown code shows a generic sentence with the code.
 */
import type { Decision, DecisionBounds, ValidationError } from "../../shared/engine/types.ts";
import { budgetShortfall, decisionOutflows } from "../../shared/engine/validate.ts";
import { hasKey } from "../../shared/i18n/index.ts";
import { formatMoney, formatPercent } from "./format.ts";
import { lang, t } from "./lang.ts";

/** Where an error shows: a decision field (`capex`, `debtIssue`, `bid:<dealId>`…) or `form` (the whole decision). */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly text: string;
}

/** The field an engine path points at: `energyBids.2.amount` → `bid:<deal of bid 2>`; "" → `form`. */
export function fieldOf(path: string, sent: Decision | null): string {
  if (!path) return "form";
  const m = /^energyBids\.(\d+)/.exec(path);
  if (m) {
    const bid = sent?.energyBids[Number(m[1])];
    return bid ? `bid:${bid.dealId}` : "energy";
  }
  return path.split(".")[0] ?? "form";
}

/** The parameters each code's sentence needs, from what the client knows (its bounds and the decision sent). */
function paramsFor(code: string, field: string, b: DecisionBounds | null, d: Decision | null): Record<string, string | number> {
  const L = lang();
  const money = (m: number) => formatMoney(m, L);
  if (!b) return {};
  switch (code) {
    case "decision/over_budget":
      return d ? { amount: money(budgetShortfall(b, d)), spend: money(decisionOutflows(d)), available: money(b.budget - b.debtIssue.max + d.debtIssue) } : {};
    case "decision/debt_over_capacity":
      return { max: money(b.debtIssue.max) };
    case "decision/custom_share_exceeds_maturity":
      return { max: formatPercent(b.customShareBp.max, 0) };
    case "decision/repay_exceeds_debt":
      return { max: money(b.debtRepay.max) };
    case "decision/bid_below_reserve": {
      const deal = b.energyDeals.find((x) => `bid:${x.dealId}` === field);
      return { reserve: deal ? money(deal.minBid) : "—" };
    }
    case "decision/tenor_not_available":
      return { tenors: b.debtTenors.join(" / ") };
    default:
      return {};
  }
}

/** One sentence for a code, in the player's language. */
export function errorText(code: string, params: Record<string, string | number> = {}): string {
  const key = `error.${code}`;
  return hasKey(key) ? t(key, params) : t("error.unknown", { code });
}

/** The server's `error` message → field errors (a rejected decision carries the engine's errors in `detail`). */
export function serverErrors(e: { code: string; detail?: unknown }, b: DecisionBounds | null, sent: Decision | null): FieldError[] {
  const detail = Array.isArray(e.detail) ? (e.detail as unknown[]) : [];
  const engine = detail.filter(
    (x): x is ValidationError =>
      typeof x === "object" && x !== null && typeof (x as ValidationError).code === "string" && typeof (x as ValidationError).path === "string",
  );
  if (e.code === "rule/invalid_decision" && engine.length > 0)
    return engine.map((x) => {
      const field = fieldOf(x.path, sent);
      return { field, code: x.code, text: errorText(x.code, paramsFor(x.code, field, b, sent)) };
    });
  return [{ field: "form", code: e.code, text: errorText(e.code) }];
}

/**
 * The checks the client can make before sending, with the engine's codes: each field inside the
 * server's bounds, and the engine's own budget rule (`budgetShortfall`). The server checks again.
 */
export function checkDraft(d: Decision, b: DecisionBounds): FieldError[] {
  const out: FieldError[] = [];
  const add = (field: string, code: string) => out.push({ field, code, text: errorText(code, paramsFor(code, field, b, d)) });
  if (d.customShareBp > b.customShareBp.max) add("customShareBp", "decision/custom_share_exceeds_maturity");
  if (d.debtIssue > b.debtIssue.max)
    add(
      "debtIssue",
      b.debtIssue.max === 0 && b.reasons.some((r) => r.key === "bounds.window_shut") ? "decision/bond_window_shut" : "decision/debt_over_capacity",
    );
  if (d.debtIssue > 0 && !b.debtTenors.includes(d.debtTenor)) add("debtTenor", "decision/tenor_not_available");
  if (d.debtRepay > b.debtRepay.max) add("debtRepay", "decision/repay_exceeds_debt");
  for (const bid of d.energyBids) {
    const deal = b.energyDeals.find((x) => x.dealId === bid.dealId);
    if (!deal) add(`bid:${bid.dealId}`, "decision/unknown_deal");
    else if (bid.amount > 0 && bid.amount < deal.minBid) add(`bid:${bid.dealId}`, "decision/bid_below_reserve");
  }
  if (budgetShortfall(b, d) > 0) add("form", "decision/over_budget");
  return out;
}
