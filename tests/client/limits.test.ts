/**
 * The decision panel's limit flags (client/src/limits.ts): every reason the engine gives fits one
 * line of the field it sits under, in both languages, and keeps its whole sentence behind the flag.
 */
import { describe, expect, test } from "vitest";
import {
  CORE_FOUR,
  createMatch,
  decisionBounds,
  defaultDecision,
  resolveTurn,
  type BoundReason,
  type CompanyId,
  type Decision,
} from "../../shared/engine/index.ts";
import { boundReasonLimit } from "../../client/src/model.ts";
import { LANGS } from "../../shared/i18n/index.ts";
import { setLangForTest } from "./lang-helper.ts";

/** Every reason the engine gave any seat, over matches where seats borrow to the hilt, pay out and splurge (so lenders and windows bite). */
function reasonsSeen(): BoundReason[] {
  const out = new Map<string, BoundReason>();
  for (const scenario of ["reckoning", "buildout"] as const)
    for (const seed of [1, 2, 3, 5, 8, 13]) {
      let s = createMatch({ seed, turns: 12, scenario, seats: [...CORE_FOUR, "oracle"] });
      for (let turn = 0; turn < 12 && !s.ended; turn++) {
        const ds: Partial<Record<CompanyId, Decision>> = {};
        for (const id of s.config.seats) {
          const b = decisionBounds(s, id);
          for (const r of b.reasons) out.set(`${r.key}|${r.field}|${JSON.stringify(r.params)}`, r);
          const d = defaultDecision(s, id);
          const wild = (turn + seed) % 3;
          ds[id] =
            wild === 0
              ? { ...d, debtIssue: b.debtIssue.max, dividends: Math.min(b.dividends.max, b.debtIssue.max) }
              : wild === 1
                ? { ...d, capex: Math.min(b.capex.max, d.capex * 2), debtIssue: b.debtIssue.max, debtTenor: b.debtTenors[0] ?? d.debtTenor }
                : d;
        }
        s = resolveTurn(s, ds).state;
      }
    }
  return [...out.values()];
}

/** The characters one line of a field holds at 1280×720 (a third of the panel or half of it); a CJK character is about two Latin ones wide. */
const LINE = { third: { en: 28, "zh-CN": 14 }, half: { en: 45, "zh-CN": 22 } } as const;
const HALF_FIELDS = new Set(["capex", "customShareBp"]);

describe("limit flags", () => {
  const seen = reasonsSeen();

  test("play meets the limits a player runs into: lenders, windows, walls and chips", () => {
    const keys = new Set(seen.map((r) => r.key));
    for (const k of [
      "bounds.order_book",
      "bounds.leverage_cap",
      "bounds.window_shut",
      "bounds.payout_debt",
      "bounds.doors_shut",
      "bounds.century_rating",
      "bounds.maturing",
      "bounds.maturing_year",
      "bounds.maturing_year_shut",
      "bounds.chip_maturity",
      "bounds.buyback_float",
      "bounds.defaulted",
    ])
      expect(keys, k).toContain(k);
  });

  test.each(LANGS)("each fits one line of its field, and keeps its whole sentence (%s)", (lang) => {
    setLangForTest(lang);
    for (const r of seen) {
      if (r.field.startsWith("energyBids.")) continue; // a closed deal gets no field: one line under the deals names it
      const { short, full } = boundReasonLimit(r);
      const width = HALF_FIELDS.has(r.field) ? LINE.half[lang] : LINE.third[lang];
      expect(short.length, `${r.key} on ${r.field}: "${short}"`).toBeLessThanOrEqual(width);
      expect(short, r.key).not.toMatch(/\{\w+\}/);
      expect(full.length).toBeGreaterThanOrEqual(short.length);
      expect(full, r.key).not.toMatch(/\{\w+\}/);
    }
  });
});
