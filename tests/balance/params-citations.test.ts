/**
 * Every tuned number in balance/params/ cites a figure id that exists in balance/figures.json,
 * or says why it is INFERRED (GAME.md: "Every tuned number in balance/ cites a figure id or says
 * INFERRED with a one-line reason").
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { checkParamsDir, checkParamsDoc, listParamFiles, loadFigureIds } from "../../balance/params-check.ts";

const root = fileURLToPath(new URL("../../balance/params/", import.meta.url));
const figureIds = loadFigureIds(readFileSync(fileURLToPath(new URL("../../balance/figures.json", import.meta.url)), "utf8"));

describe("the checker itself", () => {
  test("figures.json holds the 278 documented figures", () => {
    expect(figureIds.size).toBe(278);
    expect(figureIds.has("nvda_gross_margin")).toBe(true);
  });

  test.each([
    ["a cited leaf", { a: { v: 1, cite: "nvda_gross_margin" } }, []],
    ["a leaf citing a list", { a: { v: [1, 2], cite: ["capex_meta_2024", "capex_meta_2023"] } }, []],
    ["an inferred leaf", { a: { v: 0.5, inferred: "docs give no level; chosen to meet CAL-CF-02" } }, []],
    ["a leaf citing an unknown id", { a: { v: 1, cite: "no_such_figure" } }, ["params/unknown_figure"]],
    ["a list with one unknown id", { a: { v: 1, cite: ["capex_meta_2024", "typo_id"] } }, ["params/unknown_figure"]],
    ["a leaf with neither", { a: { b: { v: 3 } } }, ["params/no_citation"]],
    ["an empty reason", { a: { v: 3, inferred: "  " } }, ["params/bad_leaf"]],
    ["a two-line reason", { a: { v: 3, inferred: "first line\nsecond line" } }, ["params/bad_leaf"]],
    ["an empty cite list", { a: { v: 3, cite: [] } }, ["params/bad_leaf"]],
    ["a bare number", { a: { b: 7 } }, ["params/bare_value"]],
    ["a bare number in an array", { a: [{ v: 1, cite: "capex_meta_2024" }, 2] }, ["params/bare_value"]],
    ["a citation without a value", { a: { cite: "capex_meta_2024" } }, ["params/bad_leaf"]],
  ] as const)("%s", (_name, doc, codes) => {
    const r = checkParamsDoc("x.json", doc, figureIds);
    expect(r.problems.map((p) => p.code)).toEqual(codes);
  });

  test("problems name the file and the JSON path", () => {
    const r = checkParamsDoc("chips.json", { nvidia: { margin: { v: 7500, cite: "nvda_margin_typo" } } }, figureIds);
    expect(r.problems[0]?.path).toBe("nvidia.margin");
    expect(r.problems[0]?.message).toContain("chips.json:nvidia.margin");
    expect(r.problems[0]?.message).toContain("nvda_margin_typo");
  });
});

describe("balance/params/*.json", () => {
  const files = listParamFiles(root);

  test("the parameter files exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [f]))("%s: every leaf cites a known figure or gives a reason", (file) => {
    const doc: unknown = JSON.parse(readFileSync(`${root}/${file}`, "utf8"));
    const r = checkParamsDoc(file, doc, figureIds);
    expect(r.problems.map((p) => p.message)).toEqual([]);
    expect(r.leaves.length).toBeGreaterThan(0);
  });

  test("the whole tree passes", () => {
    const r = checkParamsDir(root, figureIds);
    expect(r.problems.map((p) => p.message)).toEqual([]);
  });
});
