/** One balance run: plan → matches on worker threads → dataset → target results. */
import { buildDataset, evaluate } from "./targets.ts";
import type { Dataset, TargetResult } from "./target-def.ts";
import { buildPlan } from "./plan.ts";
import { runJobs } from "./pool.ts";
import type { MatchSummary } from "./types.ts";

export interface BalanceRun {
  readonly seeds: number;
  readonly matches: number;
  readonly simSeconds: number;
  readonly workers: number;
  readonly summaries: readonly MatchSummary[];
  readonly dataset: Dataset;
  readonly results: readonly TargetResult[];
}

export async function runBalance(opts: { seeds: number; workers: number; onProgress?: (done: number, total: number) => void }): Promise<BalanceRun> {
  const jobs = buildPlan({ seeds: opts.seeds });
  const t0 = performance.now();
  const summaries = await runJobs(jobs, { workers: opts.workers, batch: 16, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  const simSeconds = (performance.now() - t0) / 1000;
  const dataset = buildDataset(summaries, opts.seeds);
  return { seeds: opts.seeds, matches: jobs.length, simSeconds, workers: opts.workers, summaries, dataset, results: evaluate(dataset) };
}
