/**
 * ARCHITECTURE.md's purity rule for shared/, checked rather than remembered. Which module may
 * import which (shared/ never imports server/, client/ or Node; server and client never import
 * each other) is the layer table in layers.test.ts.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tsFilesUnder } from "./import-graph.ts";

const SHARED = tsFilesUnder("shared");

describe("shared/ stays pure", () => {
  test("finds the shared sources", () => expect(SHARED.length).toBeGreaterThan(50));

  test.each(SHARED)("%s uses no clock, no Math.random and no engine-dependent Math", (file) => {
    const code = readFileSync(join(ROOT, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/Math\.random\(|Date\.now\(|new Date\(|performance\.now\(/);
    expect(code).not.toMatch(/Math\.(exp|log|log2|log10|pow|sin|cos|tan|atan2?|cbrt|expm1|log1p|hypot)\(/);
    expect(code).not.toMatch(/\bwindow\.|\bdocument\.|\bprocess\./);
  });
});
