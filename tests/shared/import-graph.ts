/**
 * The repository's import graph, read with the TypeScript parser (not a regex): every static
 * `import`/`export … from`, `import x = require()`, and dynamic `import("…")` with a literal
 * specifier, marked type-only when erased at compile time. Used by the layer and cycle tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseAst } from "rolldown/parseAst";

export const ROOT = resolve(import.meta.dirname, "../..");

/** Top-level folders whose TypeScript sources belong to the graph. */
export const SOURCE_DIRS = ["shared", "server", "client", "balance", "cli", "bench", "tests"] as const;

export interface ImportEdge {
  /** Importing file, relative to the repository root (forward slashes). */
  readonly from: string;
  /** The specifier as written. */
  readonly spec: string;
  /** The imported file relative to the root, or null for a package (bare specifier). */
  readonly to: string | null;
  /** Erased at compile time (`import type`, `export type`, or every named binding `type`). */
  readonly typeOnly: boolean;
  /** `import("…")`: loaded on demand (a separate chunk in the client build). */
  readonly dynamic: boolean;
}

const SKIP_DIRS = new Set(["node_modules", "dist", "report", "test-artifacts", "data"]);

export function tsFilesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    if (SKIP_DIRS.has(name)) continue;
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...tsFilesUnder(rel));
    else if (/\.(ts|mts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

export interface Parsed {
  readonly spec: string;
  readonly typeOnly: boolean;
  readonly dynamic: boolean;
}

type Node = { readonly type: string; readonly [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function literal(node: unknown): string | null {
  return isNode(node) && node.type === "Literal" && typeof node["value"] === "string" ? node["value"] : null;
}

/** Every named binding is `type`, so the whole statement is erased. */
function allTypeOnly(parts: unknown, kindKey: "importKind" | "exportKind"): boolean {
  return Array.isArray(parts) && parts.length > 0 && parts.every((p) => isNode(p) && p[kindKey] === "type");
}

/**
 * The specifiers a source text imports, with their type-only flag. Parsed by oxc (rolldown's
 * parser, already installed for Vite) because TypeScript 7 has no JavaScript API.
 */
export function parseImports(fileName: string, text: string): Parsed[] {
  const program = parseAst(text, { lang: fileName.endsWith(".tsx") ? "tsx" : "ts", sourceType: "module" }, fileName);
  const found: Parsed[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic = false): void => void found.push({ spec, typeOnly, dynamic });
  const visit = (node: Node): void => {
    const spec = literal(node["source"]);
    if (node.type === "ImportDeclaration" && spec !== null) {
      add(spec, node["importKind"] === "type" || allTypeOnly(node["specifiers"], "importKind"));
    } else if ((node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && spec !== null) {
      add(spec, node["exportKind"] === "type" || allTypeOnly(node["specifiers"], "exportKind"));
    } else if (node.type === "ImportExpression" && spec !== null) {
      add(spec, false, true);
    } else if (node.type === "TSImportType") {
      const arg = node["source"] ?? node["argument"];
      const s = literal(isNode(arg) && arg.type === "TSLiteralType" ? arg["literal"] : arg);
      if (s !== null) add(s, true);
    } else if (node.type === "TSExternalModuleReference") {
      const s = literal(node["expression"]);
      if (s !== null) add(s, false);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "source" && node.type !== "TSImportType") continue;
      if (Array.isArray(child)) for (const c of child) isNode(c) && visit(c);
      else if (isNode(child)) visit(child);
    }
  };
  visit(program as unknown as Node);
  return found;
}

/** package.json "imports" (subpath aliases such as `#params/*`). */
function subpathAliases(): [prefix: string, target: string][] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { imports?: Record<string, string> };
  return Object.entries(pkg.imports ?? {}).map(([k, v]) => [k.replace(/\*$/, ""), v.replace(/^\.\//, "").replace(/\*$/, "")]);
}

/** Resolve a specifier to a repository file, or null when it names a package. */
export function resolveSpec(from: string, spec: string): string | null {
  if (spec.startsWith("#")) {
    for (const [prefix, target] of subpathAliases()) if (spec.startsWith(prefix)) return target + spec.slice(prefix.length);
    return spec;
  }
  if (!spec.startsWith(".") && !spec.startsWith("/")) return null;
  const abs = resolve(ROOT, dirname(from), spec);
  const candidates = [abs, `${abs}.ts`, join(abs, "index.ts")];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? abs;
  return relative(ROOT, hit).split("\\").join("/");
}

export function importGraph(dirs: readonly string[] = SOURCE_DIRS): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const dir of dirs) {
    for (const file of tsFilesUnder(dir)) {
      for (const p of parseImports(file, readFileSync(join(ROOT, file), "utf8"))) {
        edges.push({ from: file, ...p, to: resolveSpec(file, p.spec) });
      }
    }
  }
  return edges;
}

/**
 * Every elementary cycle found by a depth-first search (one per back edge), each as the path
 * `a → b → … → a`. Deterministic: files and their imports are visited in sorted order.
 */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to === null || !/\.(ts|mts|tsx)$/.test(e.to)) continue;
    const list = next.get(e.from) ?? [];
    if (!list.includes(e.to)) list.push(e.to);
    next.set(e.from, list);
  }
  for (const list of next.values()) list.sort();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      const s = state.get(to);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (s === undefined) visit(to);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
