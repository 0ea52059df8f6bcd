/** Worker thread for the class pool (pool.ts): all-restrain runs and report re-runs, off the server's event loop. */
import { parentPort } from "node:worker_threads";
import { lastReport, restrainPath } from "./dilemma.ts";
import type { PoolJob } from "./pool.ts";

parentPort?.on("message", (m: { readonly id: number; readonly job: PoolJob }) => {
  try {
    const value = m.job.type === "restrain" ? restrainPath(m.job.config, m.job.events) : lastReport(m.job.config, m.job.turns);
    parentPort?.postMessage({ id: m.id, ok: true, value });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
