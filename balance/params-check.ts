/**
 * Citation rules for balance/params/*.json. Every tuned number is a leaf
 *   { "v": <value>, "cite": "<figure id>" | ["<id>", …] }   or   { "v": <value>, "inferred": "<one-line reason>" }
 * and every cited id must exist in balance/figures.json (a copy of the design shelf's figures).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface ParamProblem {
  /** File, relative to the params root. */
  readonly file: string;
  /** JSON path inside the file, e.g. `companies.meta.coreRevenue`. */
  readonly path: string;
  readonly code: "params/unknown_figure" | "params/no_citation" | "params/bare_value" | "params/bad_leaf" | "params/bad_json";
  readonly message: string;
}

export interface ParamLeaf {
  readonly file: string;
  readonly path: string;
  readonly cites: readonly string[];
  readonly inferred: string | null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Keys that may hold free text next to parameters (documentation, not numbers). */
const NOTE_KEYS = new Set(["about", "note", "notes", "description", "$comment", "_comment", "$schema", "label"]);

export function loadFigureIds(figuresJsonText: string): Set<string> {
  const parsed: unknown = JSON.parse(figuresJsonText);
  if (!isRecord(parsed) || !Array.isArray(parsed["figures"])) throw new Error("figures.json: expected { figures: [...] }");
  const ids = new Set<string>();
  for (const f of parsed["figures"]) {
    if (isRecord(f) && typeof f["id"] === "string") ids.add(f["id"]);
  }
  return ids;
}

/** Check one parsed params document; returns the leaves found and every problem. */
export function checkParamsDoc(file: string, doc: unknown, figureIds: ReadonlySet<string>): { leaves: ParamLeaf[]; problems: ParamProblem[] } {
  const leaves: ParamLeaf[] = [];
  const problems: ParamProblem[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        walk(x, path === "" ? String(i) : `${path}.${i}`);
      });
      return;
    }
    if (isRecord(node)) {
      const hasV = Object.hasOwn(node, "v");
      const hasCite = Object.hasOwn(node, "cite");
      const hasInf = Object.hasOwn(node, "inferred");
      if (!hasV && (hasCite || hasInf)) {
        problems.push({ file, path, code: "params/bad_leaf", message: `${file}:${path}: has a citation but no "v" value` });
        return;
      }
      if (hasV) {
        checkLeaf(node, path);
        return;
      }
      for (const [k, v] of Object.entries(node)) walk(v, path === "" ? k : `${path}.${k}`);
      return;
    }
    if (typeof node === "number" || typeof node === "boolean") {
      problems.push({
        file,
        path,
        code: "params/bare_value",
        message: `${file}:${path}: bare value ${String(node)} — wrap it as { "v": …, "cite": "<figure id>" } or { "v": …, "inferred": "<reason>" }`,
      });
      return;
    }
    // Bare strings (labels, region names) are not tuned numbers and need no citation.
  };
  const checkLeaf = (leaf: Record<string, unknown>, path: string): void => {
    const extra = Object.keys(leaf).filter((k) => k !== "v" && k !== "cite" && k !== "inferred" && !NOTE_KEYS.has(k));
    if (extra.length > 0) {
      problems.push({ file, path, code: "params/bad_leaf", message: `${file}:${path}: unexpected keys in a leaf: ${extra.join(", ")}` });
    }
    const cite = leaf["cite"];
    const inferred = leaf["inferred"];
    let cites: string[] = [];
    if (cite !== undefined) {
      const list = typeof cite === "string" ? [cite] : Array.isArray(cite) ? cite : null;
      if (list === null || list.length === 0 || list.some((c) => typeof c !== "string" || c.trim() === "")) {
        problems.push({ file, path, code: "params/bad_leaf", message: `${file}:${path}: "cite" must be a figure id or a non-empty list of ids` });
      } else {
        cites = list as string[];
        for (const id of cites) {
          if (!figureIds.has(id)) {
            problems.push({ file, path, code: "params/unknown_figure", message: `${file}:${path}: cites "${id}", which is not an id in balance/figures.json` });
          }
        }
      }
    }
    let reason: string | null = null;
    if (inferred !== undefined) {
      if (typeof inferred !== "string" || inferred.trim().length < 8 || /[\r\n]/.test(inferred)) {
        problems.push({
          file,
          path,
          code: "params/bad_leaf",
          message: `${file}:${path}: "inferred" must be a one-line reason (≥ 8 characters, no line break)`,
        });
      } else {
        reason = inferred;
      }
    }
    if (cite === undefined && inferred === undefined) {
      problems.push({ file, path, code: "params/no_citation", message: `${file}:${path}: neither "cite" (a figure id) nor "inferred" (a one-line reason)` });
    }
    leaves.push({ file, path, cites, inferred: reason });
  };
  walk(doc, "");
  return { leaves, problems };
}

/** Every *.json under `root`, recursively, as paths relative to it (sorted). */
export function listParamFiles(root: string): string[] {
  const out: string[] = [];
  const rec = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) rec(p);
      else if (name.endsWith(".json")) out.push(relative(root, p));
    }
  };
  rec(root);
  return out;
}

export function checkParamsDir(root: string, figureIds: ReadonlySet<string>): { files: string[]; leaves: ParamLeaf[]; problems: ParamProblem[] } {
  const files = listParamFiles(root);
  const leaves: ParamLeaf[] = [];
  const problems: ParamProblem[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(join(root, file), "utf8"));
    } catch (e) {
      problems.push({ file, path: "", code: "params/bad_json", message: `${file}: not valid JSON (${(e as Error).message})` });
      continue;
    }
    const r = checkParamsDoc(file, doc, figureIds);
    leaves.push(...r.leaves);
    problems.push(...r.problems);
  }
  return { files, leaves, problems };
}
