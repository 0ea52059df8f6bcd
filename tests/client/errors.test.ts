import { describe, expect, test } from "vitest";
import { createMatch, decisionBounds, defaultDecision, validateDecision, type Decision } from "../../shared/engine/index.ts";
import { checkDraft, errorText, fieldOf, serverErrors } from "../../client/src/errors.ts";
import { setLangForTest } from "./lang-helper.ts";
import { TABLES } from "../../shared/i18n/index.ts";

const state = createMatch({ seed: 9 });
const b = decisionBounds(state, "meta");
const d0 = defaultDecision(state, "meta");

describe("errors in the player's language, from the engine's codes", () => {
  test("every code validateDecision can emit has a sentence in both languages", () => {
    const codes = [
      "decision/over_budget",
      "decision/debt_over_capacity",
      "decision/bond_window_shut",
      "decision/custom_share_exceeds_maturity",
      "decision/tenor_not_available",
      "decision/repay_exceeds_debt",
      "decision/bid_below_reserve",
      "decision/unknown_deal",
      "decision/duplicate_bid",
      "decision/malformed",
      "decision/out_of_range",
      "decision/unknown_field",
      "decision/seat_defaulted",
      "decision/unknown_seat",
      "rule/match_ended",
    ];
    for (const c of codes) for (const l of ["en", "zh-CN"] as const) expect(TABLES[l][`error.${c}`], `${l} ${c}`).toBeTruthy();
  });

  test("an engine path points at its field; bids at their deal", () => {
    const sent: Decision = { ...d0, energyBids: [{ dealId: "E0-7", amount: 1 }] };
    expect(fieldOf("", sent)).toBe("form");
    expect(fieldOf("debtIssue", sent)).toBe("debtIssue");
    expect(fieldOf("energyBids.0.amount", sent)).toBe("bid:E0-7");
  });

  test("the server's rejection becomes sentences with their figures, never the engine's English", () => {
    setLangForTest("zh-CN");
    const over: Decision = { ...d0, capex: b.budget, buybacks: b.buybacks.max };
    const v = validateDecision(state, "meta", over);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const errs = serverErrors({ code: "rule/invalid_decision", detail: v.errors }, b, over);
    const budget = errs.find((e) => e.code === "decision/over_budget")!;
    expect(budget.field).toBe("form");
    expect(budget.text).toMatch(/^超出预算[\d.]+亿美元/);
    expect(budget.text).not.toMatch(/\{|spending|\$M/);
    // A code the client has no sentence for still reads as a sentence, naming the code.
    expect(serverErrors({ code: "rule/brand_new" }, b, null)[0]!.text).toMatch(/rule\/brand_new/);
    setLangForTest("en");
    expect(errorText("rule/wrong_phase")).toMatch(/already resolving/);
  });

  test("the client checks what it can before sending, with the same codes as the engine", () => {
    setLangForTest("en");
    expect(checkDraft(d0, b)).toEqual([]);
    const over: Decision = { ...d0, capex: b.budget, buybacks: b.buybacks.max };
    const engine = validateDecision(state, "meta", over);
    const client = checkDraft(over, b);
    expect(client.map((e) => e.code)).toEqual(engine.ok ? [] : engine.errors.map((e) => e.code));
    const deal = b.energyDeals[0]!;
    const low: Decision = { ...d0, energyBids: [{ dealId: deal.dealId, amount: deal.minBid - 1 }] };
    expect(checkDraft(low, b)).toMatchObject([{ field: `bid:${deal.dealId}`, code: "decision/bid_below_reserve" }]);
  });
});
