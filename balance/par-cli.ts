/**
 * `npm run par [-- --seeds N --workers N --out FILE]`: recalibrates the seat par of the handicap
 * score (balance/par.ts) on worker threads with a progress bar and writes balance/params/par.json,
 * stamped with this build's ENGINE_VERSION. Deterministic: the same engine and AI write the same
 * file byte for byte, whatever the worker count. Rerun it whenever the engine or the AI change.
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { z } from "zod";
import { COMPANIES, MAX_TURNS, MIN_TURNS, PAR_LENGTHS, PAR_LEVELS } from "../shared/engine/ids.ts";
import { ENGINE_VERSION } from "../shared/engine/types.ts";
import { wholeNumber } from "./cli-args.ts";
import { PAR_DEFAULT_FULL_SEEDS, PAR_DEFAULT_HARD_SEEDS, PAR_DEFAULT_SEEDS, PAR_FIRST_SEED, planPar, renderParJson, summarizePar } from "./par.ts";
import { runJobs } from "./pool.ts";
import { aiFingerprint } from "./ai-fingerprint.ts";

const OptionsSchema = z.strictObject({
  seeds: z.number().int().min(2).max(10_000),
  hardSeeds: z.number().int().min(2).max(10_000),
  fullSeeds: z.number().int().min(0).max(10_000),
  levels: z.array(z.enum(PAR_LEVELS)).min(1),
  lengths: z.array(z.number().int().min(MIN_TURNS).max(MAX_TURNS)).min(1),
  raw: z.string().min(1).optional(),
  firstSeed: z.number().int().min(0).max(0xffffffff),
  workers: z.number().int().min(0).max(64),
  out: z.string().min(1),
  progress: z.boolean(),
});

const here = dirname(fileURLToPath(import.meta.url));
const pct = (bp: number): string => `${bp >= 0 ? "+" : ""}${(bp / 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const program = new Command()
    .name("par")
    .description("recalibrate each seat's par and swing (the handicap score) from matches of each AI level")
    .option("--seeds <n>", "seeds of the core four at easy and normal (each played in both scenarios)", wholeNumber("--seeds"), PAR_DEFAULT_SEEDS)
    .option("--hard-seeds <n>", "seeds of the core four at hard", wholeNumber("--hard-seeds"), PAR_DEFAULT_HARD_SEEDS)
    .option("--full-seeds <n>", "seeds of the seven-seat line-up (Oracle, Apple, Tesla's par)", wholeNumber("--full-seeds"), PAR_DEFAULT_FULL_SEEDS)
    .option("--levels <list>", "AI levels (analysis runs; the table needs all)", (v: string) => v.split(",").filter(Boolean), [...PAR_LEVELS])
    .option("--lengths <list>", "match lengths (analysis runs; the table needs all)", (v: string) => v.split(",").filter(Boolean).map(Number), [...PAR_LENGTHS])
    .option("--first-seed <n>", "first calibration seed (analysis runs; keep the default for the table)", wholeNumber("--first-seed"), PAR_FIRST_SEED)
    .option("--raw <file>", "also write every match's per-quarter TSR (JSON, for analysis)")
    .option("--workers <n>", "worker threads (0 = run in this thread)", wholeNumber("--workers"), 2)
    .option("--out <file>", "where to write the table", resolve(here, "params/par.json"))
    .option("--no-progress", "no progress bar")
    .parse();
  const parsed = OptionsSchema.safeParse(program.opts());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`par: --${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const o = parsed.data;
  const jobs = planPar({ seeds: o.seeds, hardSeeds: o.hardSeeds, fullSeeds: o.fullSeeds, levels: o.levels, lengths: o.lengths, firstSeed: o.firstSeed });
  const bar =
    o.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: "par [{bar}] {value}/{total} matches | {eta_formatted} left", etaBuffer: 20 }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(jobs.length, 0);
  const started = performance.now();
  // Batches of one: a seven-seat hard match takes several seconds, so small batches keep both workers busy to the end.
  const runs = await runJobs(jobs, { workers: o.workers, batch: 1, onProgress: (done) => bar?.update(done) });
  bar?.stop();
  const par = summarizePar(runs);
  const meta = {
    seeds: o.seeds,
    hardSeeds: o.hardSeeds,
    fullSeeds: o.fullSeeds,
    firstSeed: o.firstSeed,
    engineVersion: ENGINE_VERSION,
    aiFingerprint: aiFingerprint(),
  };
  writeFileSync(o.out, renderParJson(par, meta));
  if (o.raw) {
    const raw = runs.map((r) => ({ ...r.job, tsrBp: Object.fromEntries(r.seats.map((x) => [x.id, x.series.tsrBp])) }));
    writeFileSync(o.raw, `${JSON.stringify(raw)}\n`);
  }
  const secs = (performance.now() - started) / 1000;
  console.log("level   seat        scenario    par ± swing at the end of each calibrated length");
  for (const level of o.levels)
    for (const seat of COMPANIES)
      for (const sc of ["reckoning", "buildout"] as const) {
        const byLen = par[level][seat][sc];
        const cells = Object.entries(byLen).map(
          ([len, p]) => `${len}q ${pct(p.parBp[p.parBp.length - 1]!)} ± ${(p.swingBp[p.swingBp.length - 1]! / 100).toFixed(1)}`,
        );
        if (cells.length > 0) console.log(`${level.padEnd(8)}${seat.padEnd(12)}${sc.padEnd(12)}${cells.join("  ")}`);
      }
  console.log(`\n${runs.length} matches in ${secs.toFixed(1)} s on ${o.workers} worker(s); engine ${ENGINE_VERSION}. Wrote ${o.out}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
