/**
 * `npm run balance [-- --seeds N --json FILE --workers N --out DIR --sensitivity-seeds N]`: plays the calibration plan
 * on worker threads, prints the target table, writes balance/report/index.html and (with --json)
 * `{ targets: [{ id, description, expected, got, pass }] }`. Exit code 1 when a core target fails.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { runBalance } from "./run.ts";
import { TURNS } from "./plan.ts";
import { planSensitivity, renderSensitivityHtml, summarizeSensitivity } from "./sensitivity.ts";
import { runTournament } from "./tournament.ts";
import { renderReport } from "./report-html.ts";
import { formatTable } from "./table.ts";

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got "${v}"`);
  return n;
};

const nonNegativeInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${v}"`);
  return n;
};

const program = new Command()
  .name("balance")
  .description("Calibration harness: every GAME.md §7 target, the 2^4 dilemma and the HTML report")
  .option("--seeds <n>", "seeds per dilemma profile (16 profiles × 2 restraint definitions)", positiveInt, 200)
  .option("--json <file>", "also write the target results as JSON")
  .option("--workers <n>", "worker threads", positiveInt, Math.min(2, availableParallelism()))
  .option("--out <dir>", "report directory", join(dirname(fileURLToPath(import.meta.url)), "report"))
  .option("--sensitivity-seeds <n>", "seeds of the one-lever sensitivity section (0 = leave it out)", nonNegativeInt, 4)
  .option("--no-progress", "no progress bar");
program.parse();
const opts = program.opts<{ seeds: number; json?: string; workers: number; out: string; progress: boolean; sensitivitySeeds: number }>();

const t0 = performance.now();
const cpu0 = process.cpuUsage();
/** CPU time of this process and its worker threads since the start, s. */
const cpuSeconds = (): number => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
const bar =
  opts.progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: "matches {bar} {value}/{total} {percentage}% | {duration}s", hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
let started = false;
const run = await runBalance({
  seeds: opts.seeds,
  workers: opts.workers,
  onProgress: (done, total) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
  },
});
bar?.stop();

const outDir = resolve(opts.out);
mkdirSync(outDir, { recursive: true });
const reportPath = join(outDir, "index.html");
const totalSeconds = () => (performance.now() - t0) / 1000;
const balanceSeconds = totalSeconds();
// The one-lever sensitivity table (issue 11) at a small count; `npm run sensitivity` plays more.
let sensitivity: string | undefined;
const sensitivityStart = performance.now();
if (opts.sensitivitySeeds > 0) {
  const o = { seeds: opts.sensitivitySeeds, turns: TURNS, roster: "normal" as const };
  const rows = summarizeSensitivity(await runTournament(planSensitivity(o), { workers: opts.workers }));
  sensitivity = renderSensitivityHtml(rows, o);
}
writeFileSync(reportPath, renderReport(run, { totalSeconds: balanceSeconds, sensitivity }));
if (opts.json) {
  const file = resolve(opts.json);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        seeds: run.seeds,
        matches: run.matches,
        seconds: Number(totalSeconds().toFixed(2)),
        targets: run.results.map((r) => ({
          id: r.id,
          group: r.group,
          description: r.description,
          expected: r.expected,
          got: r.got,
          pass: r.pass,
          core: r.core,
          figures: r.figures,
        })),
      },
      null,
      2,
    )}\n`,
  );
}

process.stdout.write(`${formatTable(run.results)}\n`);
const core = run.results.filter((r) => r.core);
const failed = core.filter((r) => !r.pass);
const sensitivitySeconds = (performance.now() - sensitivityStart) / 1000;
const secs = balanceSeconds;
process.stdout.write(
  `\ncore targets: ${core.length - failed.length}/${core.length} pass` +
    `  ·  other targets: ${run.results.filter((r) => !r.core && r.pass).length}/${run.results.filter((r) => !r.core).length} pass\n` +
    `${run.matches} matches (${run.seeds} seeds per profile) on ${run.workers} worker thread(s): simulation ${run.simSeconds.toFixed(1)} s, full report ${secs.toFixed(1)} s` +
    ` (budget 60 s: ${secs <= 60 ? "ok" : "OVER"}); sensitivity section ${sensitivitySeconds.toFixed(1)} s; CPU ${cpuSeconds().toFixed(1)} s in all threads (the wall time grows when others share the cores)\n` +
    `report: ${reportPath}${opts.json ? `\njson: ${resolve(opts.json)}` : ""}\n`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
