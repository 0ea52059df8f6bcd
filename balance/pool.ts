/**
 * Spreads match jobs over worker threads (one per core by default) in small batches, so both
 * cores stay busy to the end and the progress callback moves smoothly.
 */
import { Worker } from "node:worker_threads";
import { runMatch } from "./sim.ts";
import type { MatchJob, MatchSummary } from "./types.ts";
import type { FromWorker, ToWorker } from "./worker.ts";

export interface PoolOptions {
  /** 0 = run in this thread (tests, debugging). */
  readonly workers: number;
  readonly batch?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runJobs(jobs: readonly MatchJob[], opts: PoolOptions): Promise<MatchSummary[]> {
  const total = jobs.length;
  const results: (MatchSummary | undefined)[] = new Array(total);
  const index = new Map(jobs.map((j, i) => [j.id, i]));
  let done = 0;
  const record = (s: MatchSummary): void => {
    const i = index.get(s.job.id);
    if (i === undefined) throw new Error(`worker returned unknown job ${s.job.id}`);
    results[i] = s;
    done++;
    opts.onProgress?.(done, total);
  };
  if (opts.workers <= 0) {
    for (const j of jobs) record(runMatch(j));
    return results as MatchSummary[];
  }
  const batch = Math.max(1, opts.batch ?? 8);
  let next = 0;
  const take = (): MatchJob[] => {
    const slice = jobs.slice(next, next + batch);
    next += slice.length;
    return slice;
  };
  const n = Math.min(opts.workers, Math.ceil(total / batch) || 1);
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL("./worker.ts", import.meta.url));
          const feed = (): void => {
            const b = take();
            if (b.length === 0) {
              w.postMessage({ type: "stop" } satisfies ToWorker);
              return;
            }
            w.postMessage({ type: "run", jobs: b } satisfies ToWorker);
          };
          w.on("message", (m: FromWorker) => {
            if (m.type === "error") {
              void w.terminate();
              reject(new Error(`match job ${m.jobId} failed: ${m.message}`));
              return;
            }
            for (const s of m.summaries) record(s);
            feed();
          });
          w.on("error", reject);
          w.on("exit", () => resolve());
          feed();
        }),
    ),
  );
  if (done !== total) throw new Error(`only ${done} of ${total} matches finished`);
  return results as MatchSummary[];
}
