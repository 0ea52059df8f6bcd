/**
 * `npm run bench [-- --json FILE] [--only engine,server,…]`: every benchmark, printed and as JSON.
 * Goals are printed next to each figure; they are measured here, never asserted by unit tests.
 */
import { writeFileSync } from "node:fs";
import { Command } from "commander";
import { runEngineBench } from "./engine-bench.ts";
import { runServerBench } from "./server-bench.ts";
import { runAiBench } from "./ai-bench.ts";
import { runClientBench } from "./client-bench.ts";
import { runReplayBench } from "./replay-bench.ts";
import { runDebriefBench } from "./debrief-bench.ts";

interface Suite {
  readonly id: string;
  readonly run: () => Promise<unknown>;
}

const SUITES: readonly Suite[] = [
  { id: "engine", run: async () => runEngineBench(3) },
  { id: "ai", run: async () => runAiBench() },
  { id: "server", run: () => runServerBench() },
  { id: "client", run: () => runClientBench() },
  { id: "replay", run: () => runReplayBench() },
  { id: "debrief", run: async () => runDebriefBench() },
];

const program = new Command()
  .name("bench")
  .option("--json <file>", "also write the figures as JSON")
  .option("--only <list>", `comma-separated suites: ${SUITES.map((s) => s.id).join(", ")}`)
  .parse();
const o = program.opts<{ json?: string; only?: string }>();
const wanted = o.only ? new Set(o.only.split(",")) : null;

const results: Record<string, unknown> = {};
for (const s of SUITES) {
  if (wanted && !wanted.has(s.id)) continue;
  process.stdout.write(`running ${s.id} …\n`);
  const r = await s.run();
  results[s.id] = r;
  console.log(JSON.stringify(r, null, 2));
}
if (o.json) writeFileSync(o.json, `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
