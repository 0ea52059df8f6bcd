/**
 * `npm run tournament [-- --seeds N --json FILE --turns N --workers N --groups a,b]`: plays the
 * AI tournament on worker threads with a progress bar, prints the table, writes the HTML chart
 * to balance/report/tournament.html and, with --json, the summary JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { wholeNumber } from "./cli-args.ts";
import cliProgress from "cli-progress";
import { z } from "zod";
import { GROUPS, planTournament, renderHtml, renderTable, runTournament, summarize, type MatchSpec } from "./tournament.ts";
import { DIFFICULTY_IDS, isDifficulty, type AiId } from "../shared/ai/index.ts";
import { AI_IDS } from "../cli/ai-ids.ts";
import { MAX_TURNS, MIN_TURNS } from "../shared/engine/ids.ts";

const OptionsSchema = z.strictObject({
  seeds: z.number().int().min(1).max(10_000),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS),
  workers: z.number().int().min(0).max(64),
  json: z.string().min(1).optional(),
  html: z.string().min(1),
  groups: z.array(z.enum(GROUPS)).min(1),
  tricks: z
    .array(z.enum(AI_IDS as [AiId, ...AiId[]]))
    .min(1)
    .optional(),
  rosters: z.array(z.enum(DIFFICULTY_IDS)).min(1).optional(),
  progress: z.boolean(),
});

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const program = new Command()
    .name("tournament")
    .description("AI round robin, hard vs easy, and fixed rules vs the hard roster")
    .option("--seeds <n>", "seeds per group", wholeNumber("--seeds"), 12)
    .option("--turns <n>", "quarters per match", wholeNumber("--turns"), 12)
    .option("--workers <n>", "worker threads (0 = run in this thread)", wholeNumber("--workers"), 2)
    .option("--json <file>", "write the summary JSON here")
    .option("--html <file>", "HTML chart", resolve(here, "report/tournament.html"))
    .option("--groups <list>", `comma-separated: ${GROUPS.join(",")}`, (v: string) => v.split(",").filter(Boolean), [...GROUPS])
    .option("--tricks <list>", "paired group: the rules played in one seat (default: shared/ai's regression set)", (v: string) => v.split(",").filter(Boolean))
    .option("--rosters <list>", "paired group: the rosters they face (default normal,hard)", (v: string) => v.split(",").filter(Boolean))
    .option("--no-progress", "no progress bar")
    .parse();
  const parsed = OptionsSchema.safeParse(program.opts());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`tournament: --${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const o = parsed.data;
  const specs: MatchSpec[] = planTournament({
    seeds: o.seeds,
    turns: o.turns,
    groups: o.groups,
    ...(o.tricks ? { tricks: o.tricks } : {}),
    ...(o.rosters ? { rosters: o.rosters.filter(isDifficulty) } : {}),
  });
  const bar = o.progress
    ? new cliProgress.SingleBar(
        { format: "tournament [{bar}] {value}/{total} matches | {eta_formatted} left", etaBuffer: 20 },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(specs.length, 0);
  const started = performance.now();
  const results = await runTournament(specs, { workers: o.workers, onResult: (done) => bar?.update(done) });
  bar?.stop();
  const secs = (performance.now() - started) / 1000;
  const s = summarize(results);
  console.log(renderTable(s));
  console.log(`\n${results.length} matches in ${secs.toFixed(1)} s on ${o.workers} worker(s).`);
  mkdirSync(dirname(o.html), { recursive: true });
  writeFileSync(o.html, renderHtml(s, { seeds: o.seeds, turns: o.turns }));
  console.log(`HTML chart: ${o.html}`);
  if (o.json) {
    const json = {
      summary: s.summary.map((r) => ({ id: r.id, difficulty: r.difficulty, meanScore: r.meanScore, winRate: r.winRate, ci95: r.ci95, matches: r.matches })),
      hardVsEasyWinRate: s.hardVsEasyWinRate,
      duels: s.duels,
      seatBalance: s.seatBalance,
      paired: s.paired,
      hardVsEasy: s.hardVsEasy,
      vsHard: s.vsHard,
      matches: s.matches,
      seeds: o.seeds,
      turns: o.turns,
    };
    mkdirSync(dirname(resolve(o.json)), { recursive: true });
    writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`JSON: ${o.json}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
