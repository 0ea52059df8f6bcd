/** The debrief runs in the browser: it must not pull the protocol module (zod) in at runtime. */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = "shared/debrief";
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

describe("shared/debrief's imports", () => {
  test.each(files)("%s imports the protocol and zod for types only", (f) => {
    const text = readFileSync(join(DIR, f), "utf8");
    for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
      const spec = m[2] ?? "";
      if (spec === "zod" || spec.includes("/protocol/")) expect(Boolean(m[1]), `${f} imports ${spec} at runtime`).toBe(true);
    }
  });
});
