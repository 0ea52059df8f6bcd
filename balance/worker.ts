/** Worker thread: runs the matches it is sent and posts each summary back. */
import { parentPort } from "node:worker_threads";
import { runMatch } from "./sim.ts";
import type { MatchJob, MatchSummary } from "./types.ts";

export type ToWorker = { readonly type: "run"; readonly jobs: readonly MatchJob[] } | { readonly type: "stop" };
export type FromWorker =
  | { readonly type: "done"; readonly summaries: readonly MatchSummary[] }
  | { readonly type: "error"; readonly jobId: number; readonly message: string };

const port = parentPort;
if (port) {
  port.on("message", (msg: ToWorker) => {
    if (msg.type === "stop") {
      port.close();
      return;
    }
    const out: MatchSummary[] = [];
    for (const job of msg.jobs) {
      try {
        out.push(runMatch(job));
      } catch (e) {
        const err = e as Error;
        port.postMessage({ type: "error", jobId: job.id, message: `${err.message}\n${err.stack ?? ""}` } satisfies FromWorker);
        return;
      }
    }
    port.postMessage({ type: "done", summaries: out } satisfies FromWorker);
  });
}
