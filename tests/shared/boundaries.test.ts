/** ARCHITECTURE.md's rules of the house, checked rather than remembered. */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "node_modules" || name === "dist") continue;
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
}

const SHARED = tsFiles("shared");

describe("shared/ stays pure", () => {
  test.each(SHARED)("%s imports nothing from server, client, balance code or Node", (file) => {
    for (const spec of imports(file)) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)(server|client|balance)\//);
      expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|fs$|path$|os$|child_process$|net$|http$|crypto$)/);
      if (spec.startsWith("#")) expect(spec, "only JSON parameters may come from balance/").toMatch(/^#params\/[\w-]+\.json$/);
    }
  });

  test.each(SHARED)("%s uses no clock, no Math.random and no engine-dependent Math", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
    expect(code).not.toMatch(/Math\.random\(|Date\.now\(|new Date\(|performance\.now\(/);
    expect(code).not.toMatch(/Math\.(exp|log|log2|log10|pow|sin|cos|tan|atan2?|cbrt|expm1|log1p|hypot)\(/);
    expect(code).not.toMatch(/\bwindow\.|\bdocument\.|\bprocess\./);
  });
});

describe("server and client talk only through shared/protocol", () => {
  test.each(tsFiles("server"))("%s does not import client/", (file) => {
    for (const spec of imports(file)) expect(spec).not.toMatch(/(^|\/)client\//);
  });
  test.each(tsFiles("client"))("%s does not import server/", (file) => {
    for (const spec of imports(file)) expect(spec).not.toMatch(/(^|\/)server\//);
  });
  test.each(tsFiles("balance"))("%s imports shared/ only", (file) => {
    for (const spec of imports(file)) expect(spec).not.toMatch(/(^|\/)(server|client)\//);
  });
});
