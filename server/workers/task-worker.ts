/**
 * A worker thread of the task pool (pool.ts): runs the CPU-heavy pure functions — an AI seat's
 * decision, a replay's re-simulation — so the rooms' event loop only handles messages.
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { verifyReplay } from "../../shared/protocol/index.ts";
import { aiDecision } from "../ai.ts";
import type { TaskRequest, TaskResponse } from "./tasks.ts";

function run(task: TaskRequest): unknown {
  switch (task.kind) {
    case "ai":
      return aiDecision(task.state, task.seat, task.difficulty, task.seed);
    case "verify":
      return verifyReplay(task.file);
    case "spin": {
      // Tests only: burn CPU for `ms` (a stand-in for a slow task).
      const end = Date.now() + task.ms;
      let x = 0;
      while (Date.now() < end) x += 1;
      return x;
    }
  }
}

// Below the rooms' event loop: on a busy machine, messages and reveals go first and this work takes
// what CPU is left. On Linux the nice value is per thread (setpriority on the calling thread), so
// this lowers only this worker; elsewhere it would lower the whole process, so it is left alone.
if (process.platform === "linux") {
  try {
    setPriority(0, 10);
  } catch {
    // not permitted: run at the process's priority
  }
}

parentPort?.on("message", (task: TaskRequest) => {
  let reply: TaskResponse;
  try {
    reply = { id: task.id, ok: true, value: run(task) };
  } catch (e) {
    reply = { id: task.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
