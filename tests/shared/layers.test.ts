/**
 * The import graph, checked rather than remembered (ARCHITECTURE.md, STYLE.md §4 and §10): which
 * area may import which, spelled out below as one table, and no import cycle anywhere in the
 * repository's TypeScript. Imports are read with a real parser (import-graph.ts), type-only
 * imports included: a type is a dependency too, and a type cycle is a tangle all the same.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findCycles, type ImportEdge, importGraph, parseImports, ROOT, SOURCE_DIRS, tsFilesUnder } from "./import-graph.ts";

/**
 * Areas: each folder of shared/ is a layer of its own; the other top-level folders are one area
 * each. `balance/params` (the tuned JSON the rules parse at load) is its own area so that shared/
 * may read it and nothing else of balance/.
 */
const AREAS = [
  "shared/engine",
  "shared/rules",
  "shared/i18n",
  "shared/sync",
  "shared/protocol",
  "shared/ai",
  "shared/debrief",
  "balance/params",
  "server",
  "client",
  "balance",
  "cli",
  "bench",
  "tests",
] as const;
type Area = (typeof AREAS)[number];

interface Rule {
  /** Areas it may import at runtime (itself always allowed). */
  readonly uses: readonly Area[];
  /** Areas it may import for types only (erased at compile time, nothing bundled). */
  readonly typesFrom?: readonly Area[];
  /** npm packages it may import; "*" for any (Node built-ins included). */
  readonly packages: readonly string[] | "*";
}

const SHARED: readonly Area[] = ["shared/engine", "shared/rules", "shared/i18n", "shared/sync", "shared/protocol", "shared/ai", "shared/debrief"];

/**
 * The allowed graph. Bottom up: the engine and its rules data form the core (they import each
 * other: the rules read the engine's vocabulary, the engine reads the tuned rules; the cycle test
 * keeps that cycle-free file by file) and import nothing else; i18n is a leaf; protocol, ai and
 * debrief sit on the core. The browser-side modules take the protocol (zod) for types only.
 */
const RULES: Record<Area, Rule> = {
  "shared/engine": { uses: ["shared/rules"], packages: ["@noble/hashes"] },
  "shared/rules": { uses: ["shared/engine", "balance/params"], packages: ["zod"] },
  "shared/i18n": { uses: [], packages: [] },
  "shared/sync": { uses: ["shared/engine"], packages: ["@colyseus/schema"] },
  "shared/protocol": { uses: ["shared/engine", "shared/rules", "shared/i18n", "shared/debrief"], packages: ["zod"] },
  "shared/ai": { uses: ["shared/engine", "shared/rules", "shared/i18n"], typesFrom: ["shared/protocol"], packages: [] },
  "shared/debrief": { uses: ["shared/engine", "shared/rules", "shared/i18n", "shared/ai"], typesFrom: ["shared/protocol"], packages: [] },
  "balance/params": { uses: [], packages: [] },
  server: { uses: [...SHARED, "balance/params"], packages: "*" },
  client: { uses: SHARED.filter((a) => a !== "shared/protocol"), typesFrom: ["shared/protocol"], packages: "*" },
  balance: { uses: [...SHARED, "balance/params"], packages: "*" },
  cli: { uses: SHARED, packages: "*" },
  // The benches measure everything, with the tests' own harnesses (a real server, real services).
  bench: { uses: [...SHARED, "server", "client", "balance", "balance/params", "tests"], packages: "*" },
  tests: { uses: [...AREAS], packages: "*" },
};

/**
 * Single edges allowed against the table, each with its reason. Keep this list short: an entry
 * here is a decision, not a way round the table.
 */
const EXCEPTIONS: readonly { readonly from: string; readonly to: string; readonly why: string }[] = [
  {
    from: "client/src/replay/runtime.ts",
    to: "shared/protocol/replay.ts",
    why: "the replay viewer's lazily loaded chunk parses replay files with zod; only dynamic imports reach this module",
  },
  {
    from: "balance/tournament-cli.ts",
    to: "cli/ai-ids.ts",
    why: "the command lines' one parser of AI ids (--players, --challengers), pure and Node-free",
  },
];

/** Packages the browser must never bundle, whatever the area's package list says. */
const CLIENT_BANNED_PACKAGES = ["zod"];

function areaOf(file: string): Area | null {
  const longest = [...AREAS].sort((a, b) => b.length - a.length).find((a) => file === a || file.startsWith(`${a}/`));
  return longest ?? null;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`, `node:fs` → `node:fs`. */
function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

/** Why an edge breaks the table, or null when it is allowed. */
function violation(e: ImportEdge): string | null {
  const from = areaOf(e.from);
  if (from === null) return `${e.from} is in no area of the layer table`;
  const rule = RULES[from];
  if (e.to === null) {
    const pkg = packageOf(e.spec);
    if (from === "client" && CLIENT_BANNED_PACKAGES.includes(pkg) && !e.typeOnly) return `${e.from} bundles ${pkg} into the client`;
    if (rule.packages === "*" || rule.packages.includes(pkg)) return null;
    return `${e.from} imports the package ${e.spec}; ${from} may use ${rule.packages.join(", ") || "no package"}`;
  }
  const to = areaOf(e.to);
  if (to === null) return `${e.from} imports ${e.spec}, outside every area`;
  if (to === from || rule.uses.includes(to)) return null;
  if (EXCEPTIONS.some((x) => x.from === e.from && x.to === e.to)) return null;
  if (e.typeOnly && rule.typesFrom?.includes(to)) return null;
  const typesOnly = rule.typesFrom?.includes(to) ? " at runtime (types only are allowed)" : "";
  return `${e.from} imports ${e.spec} (${to})${typesOnly}; ${from} may import ${[...rule.uses, ...(rule.typesFrom ?? []).map((a) => `types of ${a}`)].join(", ") || "only itself"}`;
}

const EDGES = importGraph();

describe("the import graph is read by a parser", () => {
  test("every kind of import is found, type-only ones marked", () => {
    const text = [
      'import type { A } from "./a.ts";',
      'import { type B, C } from "./b.ts";',
      'import { type D } from "./d.ts";',
      'export * from "./e.ts";',
      'export type { F } from "./f.ts";',
      "const g = await import('./g.ts');",
      'type H = import("./h.ts").H;',
      'import "./side-effect.ts";',
      "// import { X } from './in-a-comment.ts';",
      "const s = \"import { Y } from './in-a-string.ts'\";",
    ].join("\n");
    expect(parseImports("probe.ts", text)).toEqual([
      { spec: "./a.ts", typeOnly: true, dynamic: false },
      { spec: "./b.ts", typeOnly: false, dynamic: false },
      { spec: "./d.ts", typeOnly: true, dynamic: false },
      { spec: "./e.ts", typeOnly: false, dynamic: false },
      { spec: "./f.ts", typeOnly: true, dynamic: false },
      { spec: "./g.ts", typeOnly: false, dynamic: true },
      { spec: "./h.ts", typeOnly: true, dynamic: false },
      { spec: "./side-effect.ts", typeOnly: false, dynamic: false },
    ]);
  });

  test("the graph covers the repository", () => {
    for (const dir of SOURCE_DIRS) expect(tsFilesUnder(dir).length, dir).toBeGreaterThan(0);
    expect(EDGES.length).toBeGreaterThan(1000);
    const fromAreas = new Set(EDGES.map((e) => areaOf(e.from)));
    for (const area of AREAS.filter((a) => a !== "balance/params")) expect(fromAreas.has(area), area).toBe(true);
    // Relative imports resolve to files that exist (the resolver is what the rules stand on).
    expect(EDGES.filter((e) => e.to !== null && !existsSync(join(ROOT, e.to)))).toEqual([]);
  });

  test("the cycle search reports the path", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, spec: to, typeOnly: false, dynamic: false });
    const graph = [edge("x/a.ts", "x/b.ts"), edge("x/b.ts", "x/c.ts"), edge("x/c.ts", "x/a.ts"), edge("x/c.ts", "x/d.ts")];
    expect(findCycles(graph)).toEqual([["x/a.ts", "x/b.ts", "x/c.ts", "x/a.ts"]]);
    expect(findCycles(graph.slice(0, 2))).toEqual([]);
  });

  test("the layer table rejects what it should", () => {
    const edge = (from: string, spec: string, to: string | null, typeOnly = false): ImportEdge => ({ from, spec, to, typeOnly, dynamic: false });
    expect(violation(edge("shared/engine/x.ts", "../ai/policy.ts", "shared/ai/policy.ts"))).toMatch(/shared\/ai/);
    expect(violation(edge("shared/rules/x.ts", "../protocol/m.ts", "shared/protocol/m.ts", true))).toMatch(/protocol/);
    expect(violation(edge("shared/engine/x.ts", "node:fs", null))).toMatch(/package node:fs/);
    expect(violation(edge("shared/ai/x.ts", "../protocol/m.ts", "shared/protocol/m.ts"))).toMatch(/types only/);
    expect(violation(edge("shared/ai/x.ts", "../protocol/m.ts", "shared/protocol/m.ts", true))).toBeNull();
    expect(violation(edge("client/src/x.ts", "zod", null))).toMatch(/bundles zod/);
    expect(violation(edge("client/src/x.ts", "../../server/app.ts", "server/app.ts", true))).toMatch(/server/);
    expect(violation(edge("server/x.ts", "../client/src/ui.ts", "client/src/ui.ts"))).toMatch(/client/);
    expect(violation(edge("balance/x.ts", "../server/app.ts", "server/app.ts"))).toMatch(/server/);
    expect(violation(edge("shared/engine/x.ts", "#params/markets.json", "balance/params/markets.json"))).toMatch(/balance\/params/);
    expect(violation(edge("shared/rules/x.ts", "#params/markets.json", "balance/params/markets.json"))).toBeNull();
  });
});

describe("layers", () => {
  test("every import follows the layer table", () => {
    const bad = EDGES.map(violation).filter((v): v is string => v !== null);
    expect(bad).toEqual([]);
  });

  test("the exceptions are still needed, and the lazy replay chunk stays lazy", () => {
    for (const x of EXCEPTIONS)
      expect(
        EDGES.some((e) => e.from === x.from && e.to === x.to),
        `${x.from} → ${x.to} is gone: drop the exception`,
      ).toBe(true);
    const into = EDGES.filter((e) => e.to === "client/src/replay/runtime.ts" && !e.typeOnly);
    expect(into.length).toBeGreaterThan(0);
    expect(into.filter((e) => !e.dynamic).map((e) => e.from)).toEqual([]);
  });

  test("the engine and the rules import nothing above the core", () => {
    const core = EDGES.filter((e) => e.from.startsWith("shared/engine/") || e.from.startsWith("shared/rules/"));
    expect(core.length).toBeGreaterThan(100);
    const above = core.filter((e) => e.to !== null && !/^shared\/(engine|rules)\//.test(e.to) && !e.to.startsWith("balance/params/"));
    expect(above.map((e) => `${e.from} → ${e.spec}`)).toEqual([]);
  });
});

describe("cycles", () => {
  test("no import cycle in the repository's TypeScript (type-only imports included)", () => {
    const cycles = findCycles(EDGES).map((c) => c.join(" → "));
    expect(cycles, "break a cycle by moving the shared piece (often a type) to the lower module").toEqual([]);
  });
});
