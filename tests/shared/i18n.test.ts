import { describe, expect, test } from "vitest";
import { COMPANIES, DEAL_KINDS, EVENT_KINDS, REGIMES, SCENARIOS, VARIANTS } from "../../shared/engine/ids.ts";
import { DIFFICULTIES } from "../../shared/protocol/messages.ts";
import { en, LANGS, TABLES, placeholders, translate, interpolate } from "../../shared/i18n/index.ts";

const enKeys = Object.keys(TABLES.en).sort();
const EN: Readonly<Record<string, string>> = TABLES.en;

describe("i18n tables", () => {
  test.each(LANGS.map((l) => [l]))("%s has exactly the English keys, none empty", (lang) => {
    const table = TABLES[lang];
    expect(Object.keys(table).sort()).toEqual(enKeys);
    for (const k of enKeys) expect(table[k]?.trim().length, k).toBeGreaterThan(0);
  });

  test.each(LANGS.map((l) => [l]))("%s uses the same placeholders as English", (lang) => {
    for (const k of enKeys) expect(placeholders(TABLES[lang][k] ?? ""), k).toEqual(placeholders(EN[k] ?? ""));
  });

  test("zh-CN is really translated (mostly CJK, not English copied)", () => {
    const copied = enKeys.filter((k) => TABLES["zh-CN"][k] === (EN[k] ?? "") && /[a-z]{4,}/i.test((EN[k] ?? "").replace(/\{\w+\}/g, "")));
    // Brand names that stay in Latin script in Chinese text, and the language's own name.
    const allowed = ["company.meta", "lang.en"];
    expect(copied.filter((k) => !allowed.includes(k))).toEqual([]);
  });

  test("every vocabulary id of the engine has a label", () => {
    const needed = [
      ...COMPANIES.map((c) => `company.${c}`),
      ...REGIMES.map((r) => `regime.${r}`),
      ...DEAL_KINDS.map((d) => `deal.${d}`),
      ...EVENT_KINDS.map((e) => `event.${e}`),
      ...SCENARIOS.map((s) => `scenario.${s}`),
      ...VARIANTS.map((v) => `variant.${v}`),
      ...DIFFICULTIES.map((d) => `difficulty.${d}`),
    ];
    for (const k of needed) expect(enKeys, k).toContain(k);
    expect(Object.keys(en).length).toBeGreaterThan(100);
    expect(enKeys).toContain("ai.personality.planner");
  });
});

describe("translate", () => {
  test("interpolates parameters and falls back to English, then the key", () => {
    expect(translate("en", "board.quarter", { year: 2026, q: 3 })).toBe("2026 Q3");
    expect(translate("zh-CN", "board.quarter", { year: 2026, q: 3 })).toBe("2026年第3季度");
    expect(translate("zh-CN", "no.such.key")).toBe("no.such.key");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("engine headline keys", () => {
  test("every event kind has a headline", () => {
    for (const k of EVENT_KINDS) expect(Object.keys(TABLES.en), k).toContain(`headline.event.${k}`);
  });
});
