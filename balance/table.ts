/** The terminal table of target results. */
import { GROUP_NAMES } from "./targets.ts";
import type { TargetResult } from "./target-def.ts";

const cut = (s: string, n: number): string => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);

export function formatTable(results: readonly TargetResult[], width = 210): string {
  const idW = Math.min(48, Math.max(...results.map((r) => r.id.length)));
  const expW = 44;
  const gotW = Math.max(30, width - idW - expW - 14);
  const lines = [`${"target".padEnd(idW)}  core  ${"expected".padEnd(expW)}  ${"got".padEnd(gotW)}  result`];
  lines.push("-".repeat(lines[0]!.length));
  let group = -1;
  for (const r of results) {
    if (r.group !== group) {
      group = r.group;
      lines.push(`· group ${group}${GROUP_NAMES[group] ? `: ${GROUP_NAMES[group]}` : ""}`);
    }
    lines.push(`${cut(r.id, idW)}  ${r.core ? "yes " : "    "}  ${cut(r.expected, expW)}  ${cut(r.got, gotW)}  ${r.pass ? "PASS" : "FAIL"}`);
  }
  return lines.join("\n");
}
