import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { DOC_FIGURES, DOC_STATEMENTS, realityRows } from "../../shared/debrief/index.ts";
import { TABLES } from "../../shared/i18n/index.ts";
import { playLog } from "./helpers.ts";

const FIGURES = new Map(
  (JSON.parse(readFileSync("balance/figures.json", "utf8")) as { figures: { id: string; value: string }[] }).figures.map((f) => [f.id, f.value]),
);

/** The numbers a figure's value text states ("100–105 USD bn" → [100, 105]; "−12%" → [−12]). */
function numbersOf(text: string): number[] {
  return [...text.replace(/−/g, "-").matchAll(/-?\d+(?:[.,]\d+)*/g)].map((m) => Number(m[0].replace(/,/g, "")));
}

describe("the documents' figures copied into shared/debrief", () => {
  test.each(Object.entries(DOC_FIGURES))("%s matches balance/figures.json", (id, f) => {
    const text = FIGURES.get(id);
    expect(text, `${id} is in figures.json`).toBeDefined();
    const stated = numbersOf(text!);
    const scale = f.unit === "money" ? 1000 : 100; // $M → USD bn; bp → %
    expect(stated).toContain(f.lo / scale);
    expect(stated).toContain(f.hi / scale);
  });

  test("the figures stated in words exist", () => {
    for (const id of Object.values(DOC_STATEMENTS).flat()) expect(FIGURES.has(id), id).toBe(true);
  });
});

describe("what really happened", () => {
  test("The Reckoning compares 2026 only, each figure summed over the quarters played", () => {
    const p = playLog({ seed: 4, turns: 6 });
    const rows = realityRows(p.state);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2026]));
    for (const r of rows) {
      expect(r.quarters).toBe(4);
      expect(r.doc.lo).toBeLessThanOrEqual(r.doc.hi);
      for (const id of r.figureIds) expect(FIGURES.has(id), id).toBe(true);
      expect(TABLES.en[`debrief.reality.${r.id}`], r.id).toBeDefined();
    }
    const capex4 = rows.find((r) => r.id === "capex4")!;
    const sum = (["microsoft", "amazon", "alphabet", "meta"] as const).reduce(
      (s, id) => s + p.state.companies[id]!.history.filter((h) => h.quarter.year === 2026).reduce((t, h) => t + h.capex, 0),
      0,
    );
    expect(capex4.match).toBe(sum);
    const each = rows.filter((r) => r.id === "capexConsensus").reduce((s, r) => s + (r.match ?? 0), 0);
    expect(each).toBe(sum);
    // The guide variant compares with the February guidance.
    expect(capex4.figureIds).toEqual(["capex_big4_2026_guidance_d002"]);
  });

  test("The Build-out compares 2025 and the part of 2026 it played", () => {
    const p = playLog({ seed: 4, turns: 6, scenario: "buildout" });
    const rows = realityRows(p.state);
    expect(rows.filter((r) => r.year === 2025).every((r) => r.quarters === 4)).toBe(true);
    expect(rows.filter((r) => r.year === 2026).every((r) => r.quarters === 2)).toBe(true);
    expect(rows.some((r) => r.year === 2025 && r.id === "aiRevenue")).toBe(true);
    expect(rows.some((r) => r.year === 2025 && r.id === "bondIssue" && r.company === "meta")).toBe(true);
  });

  test("a count row names the seats it counts", () => {
    const p = playLog({ seed: 8, turns: 4 });
    const row = realityRows(p.state).find((r) => r.id === "ocfCovers")!;
    expect(row.unit).toBe("count");
    expect(row.companies).toHaveLength(row.match!);
  });

  test("without all four hyperscalers, the four-company totals are left out", () => {
    const p = playLog({ seed: 4, turns: 4, seats: ["microsoft", "oracle", "meta"] });
    const rows = realityRows(p.state);
    expect(rows.some((r) => r.id === "capex4" || r.id === "fcf4")).toBe(false);
    expect(rows.some((r) => r.id === "bondIssue" && r.company === "oracle")).toBe(true);
  });
});
