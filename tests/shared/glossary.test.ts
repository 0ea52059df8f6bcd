import { describe, expect, test } from "vitest";
import { GLOSSARY_TERMS } from "../../shared/i18n/glossary.ts";
import { GLOSSARY_DEFS } from "../../shared/i18n/glossary-defs.ts";
import { TABLES } from "../../shared/i18n/index.ts";

describe("glossary", () => {
  test.each(GLOSSARY_TERMS.map((k) => [k]))("%s has a name, a definition and an example in both languages", (k) => {
    for (const l of ["en", "zh-CN"] as const) {
      expect(TABLES[l][`glossary.${k}`]?.trim().length, `${l} name`).toBeGreaterThan(0);
      expect(GLOSSARY_DEFS[k].def[l].trim().length, `${l} def`).toBeGreaterThan(12);
      expect(GLOSSARY_DEFS[k].ex[l].trim().length, `${l} ex`).toBeGreaterThan(5);
    }
    // The Chinese text is Chinese, not English copied.
    expect(GLOSSARY_DEFS[k].def["zh-CN"]).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(GLOSSARY_DEFS[k].def["zh-CN"]).not.toBe(GLOSSARY_DEFS[k].def.en);
  });
  test("the terms the issue names are all there", () => {
    for (const k of ["capex", "fcf", "coverage", "stranded", "dilemma", "rating", "consensus"]) expect(GLOSSARY_TERMS).toContain(k);
    expect(Object.keys(GLOSSARY_DEFS).sort()).toEqual([...GLOSSARY_TERMS].sort());
  });
});
