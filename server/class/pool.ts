/**
 * The class's heavy computations — an all-restrain run for the dilemma meter, a match's last
 * report re-run from its log after a restart — in one worker thread, started on first use, so a
 * class starting eight matches never stalls the rooms' event loop. If the worker cannot start (or
 * dies) the job runs inline: slower for the loop, never wrong.
 */
import { Worker } from "node:worker_threads";
import type { MatchConfig, TurnReport } from "../../shared/engine/index.ts";
import { lastReport, restrainPath, type EventsByTurn, type LoggedTurn, type RestrainPath } from "./dilemma.ts";

export type PoolJob =
  | { readonly type: "restrain"; readonly config: MatchConfig; readonly events: EventsByTurn }
  | { readonly type: "report"; readonly config: MatchConfig; readonly turns: readonly LoggedTurn[] };

type Reply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string };

function inline(job: PoolJob): unknown {
  return job.type === "restrain" ? restrainPath(job.config, job.events) : lastReport(job.config, job.turns);
}

export class ClassPool {
  #worker: Worker | null = null;
  #broken = false;
  #next = 0;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #log: (line: string) => void;

  constructor(log: (line: string) => void) {
    this.#log = log;
  }

  restrain(config: MatchConfig, events: EventsByTurn): Promise<RestrainPath> {
    return this.#run({ type: "restrain", config, events }) as Promise<RestrainPath>;
  }

  lastReport(config: MatchConfig, turns: readonly LoggedTurn[]): Promise<TurnReport | null> {
    return this.#run({ type: "report", config, turns }) as Promise<TurnReport | null>;
  }

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    this.#broken = true;
    this.#fail(new Error("class pool closed"));
    if (w) await w.terminate();
  }

  #run(job: PoolJob): Promise<unknown> {
    const w = this.#ensure();
    if (!w) return Promise.resolve().then(() => inline(job));
    const id = ++this.#next;
    return new Promise<unknown>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
  }

  #ensure(): Worker | null {
    if (this.#worker || this.#broken) return this.#worker;
    try {
      const w = new Worker(new URL("./pool-worker.ts", import.meta.url));
      // The pool never keeps the process alive.
      w.unref();
      w.on("message", (m: Reply) => {
        const p = this.#waiting.get(m.id);
        if (!p) return;
        this.#waiting.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
      });
      w.on("error", (e) => {
        this.#log(`class pool worker failed: ${e.message}; running inline from now on`);
        this.#broken = true;
        this.#worker = null;
        this.#fail(e);
      });
      this.#worker = w;
    } catch (e) {
      this.#log(`class pool worker could not start: ${e instanceof Error ? e.message : String(e)}; running inline`);
      this.#broken = true;
    }
    return this.#worker;
  }

  #fail(e: Error): void {
    for (const p of this.#waiting.values()) p.reject(e);
    this.#waiting.clear();
  }
}
