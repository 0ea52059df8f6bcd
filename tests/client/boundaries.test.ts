import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const CLIENT = resolve(import.meta.dirname, "../../client/src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const sources = files(CLIENT).map((p) => ({ p, text: readFileSync(p, "utf8") }));
const imports = sources.flatMap(({ p, text }) =>
  [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => ({ file: p, typeOnly: Boolean(m[1]), spec: m[2] ?? "" })),
);

describe("client import boundaries", () => {
  test("finds the client's sources", () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(imports.length).toBeGreaterThan(30);
  });

  test("never imports server/ or balance/", () => {
    const bad = imports.filter((i) => /(^|\/)(server|balance)\//.test(i.spec));
    expect(bad).toEqual([]);
  });

  test("uses the protocol module for types only (a runtime import would bundle zod)", () => {
    const bad = imports.filter((i) => i.spec.includes("shared/protocol") && !i.typeOnly);
    expect(bad).toEqual([]);
    expect(imports.filter((i) => i.spec === "zod")).toEqual([]);
  });

  test("no user-facing English sentence is hard-coded in a scene (text goes through t())", () => {
    const scenes = sources.filter((s) => s.p.includes("/scenes/"));
    for (const { p, text } of scenes) {
      // A quoted run of three or more capitalised/lowercase words is a sentence that belongs in shared/i18n.
      const hits = [...text.matchAll(/"([A-Z][a-z]+(?: [a-z]+){2,}[.!?]?)"/g)].map((m) => m[1]);
      expect(hits, p).toEqual([]);
    }
  });
});
