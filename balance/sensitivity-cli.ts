/**
 * `npm run sensitivity [-- --seeds N --turns N --roster normal --md FILE]`: the one-lever
 * sensitivity table (balance/sensitivity.ts), printed and written as Markdown for the balance report.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { wholeNumber } from "./cli-args.ts";
import { z } from "zod";
import { DIFFICULTY_IDS } from "../shared/ai/index.ts";
import { MAX_TURNS, MIN_TURNS } from "../shared/engine/ids.ts";
import { LEVERS } from "./sensitivity-levers.ts";
import { planSensitivity, renderSensitivity, summarizeSensitivity } from "./sensitivity.ts";
import { runTournament } from "./tournament.ts";

const OptionsSchema = z.strictObject({
  seeds: z.number().int().min(1).max(1_000),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS),
  workers: z.number().int().min(0).max(64),
  roster: z.enum(DIFFICULTY_IDS),
  levers: z.array(z.enum(LEVERS)).min(1),
  md: z.string().min(1),
});

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const program = new Command()
    .name("sensitivity")
    .description("one-lever sensitivity table: each decision field moved in one seat, paired with the same match unmoved")
    .option("--seeds <n>", "seeds (each played in both scenarios)", wholeNumber("--seeds"), 10)
    .option("--turns <n>", "quarters per match", wholeNumber("--turns"), 12)
    .option("--workers <n>", "worker threads (0 = run in this thread)", wholeNumber("--workers"), 2)
    .option("--roster <level>", "who plays every seat", "normal")
    .option("--levers <list>", `comma-separated: ${LEVERS.join(",")}`, (v: string) => v.split(",").filter(Boolean), [...LEVERS])
    .option("--md <file>", "Markdown table", resolve(here, "report/sensitivity.md"))
    .parse();
  const parsed = OptionsSchema.safeParse(program.opts());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`sensitivity: --${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const o = parsed.data;
  const specs = planSensitivity({ seeds: o.seeds, turns: o.turns, roster: o.roster, levers: o.levers });
  const started = performance.now();
  const results = await runTournament(specs, { workers: o.workers });
  const md = renderSensitivity(summarizeSensitivity(results), { roster: o.roster, seeds: o.seeds, turns: o.turns });
  console.log(md);
  console.log(`${results.length} matches in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  mkdirSync(dirname(o.md), { recursive: true });
  writeFileSync(o.md, md);
  console.log(`Markdown: ${o.md}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
