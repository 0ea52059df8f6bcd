/**
 * A small pool of worker threads for CPU-heavy pure work: AI decisions and replay verification.
 * The event loop stays free for messages, so one busy room or request never stalls the others.
 *
 * Two queues: game work (AI) before background work (verification), so a verification flood
 * never delays a turn. Background work has a bounded queue (`full()` → the caller answers 503).
 * A task over its time limit terminates its worker (a fresh one takes its place) and fails.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { TaskBody, TaskRequest, TaskResponse } from "./tasks.ts";

export type Priority = "game" | "background";

interface Pending {
  readonly body: TaskBody;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
  readonly timeoutMs: number;
}

interface Slot {
  worker: Worker;
  busy: { id: number; task: Pending; timer: NodeJS.Timeout } | null;
}

export interface PoolOptions {
  /** Worker threads; default: one less than the cores, at least 1, at most 4. */
  readonly size?: number;
  /** Background tasks waiting beyond this are refused. */
  readonly maxBackgroundQueue?: number;
  readonly log?: (line: string) => void;
}

const WORKER_URL = new URL("./task-worker.ts", import.meta.url);

export class TaskPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queues: Record<Priority, Pending[]> = { game: [], background: [] };
  readonly #maxBackground: number;
  readonly #log: (line: string) => void;
  #nextId = 1;
  #closed = false;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(4, Math.max(1, availableParallelism() - 1)));
    this.#maxBackground = opts.maxBackgroundQueue ?? 32;
    this.#log = opts.log ?? (() => undefined);
    for (let i = 0; i < this.size; i++) this.#slots.push(this.#spawn());
  }

  /** Background work waiting now (for back-pressure answers). */
  get backlog(): number {
    return this.#queues.background.length;
  }

  full(): boolean {
    return this.#queues.background.length >= this.#maxBackground;
  }

  run<T>(body: TaskBody, priority: Priority, timeoutMs = 10_000): Promise<T> {
    if (this.#closed) return Promise.reject(new Error("task pool closed"));
    if (priority === "background" && this.full()) return Promise.reject(new PoolBusy());
    return new Promise<T>((resolve, reject) => {
      this.#queues[priority].push({ body, resolve: resolve as (v: unknown) => void, reject, timeoutMs });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const q of Object.values(this.#queues)) for (const t of q.splice(0)) t.reject(new Error("task pool closed"));
    await Promise.all(
      this.#slots.map(async (s) => {
        if (s.busy) {
          clearTimeout(s.busy.timer);
          s.busy.task.reject(new Error("task pool closed"));
        }
        await s.worker.terminate();
      }),
    );
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL), busy: null };
    slot.worker.unref();
    slot.worker.on("message", (m: TaskResponse) => {
      const b = slot.busy;
      if (!b || b.id !== m.id) return;
      clearTimeout(b.timer);
      slot.busy = null;
      if (m.ok) b.task.resolve(m.value);
      else b.task.reject(new Error(m.error));
      this.#pump();
    });
    slot.worker.on("error", (e) => this.#replace(slot, `worker failed: ${e.message}`));
    slot.worker.on("exit", (code) => {
      if (!this.#closed && this.#slots.includes(slot)) this.#replace(slot, `worker exited (${code})`);
    });
    return slot;
  }

  /** A worker died or overran: fail its task, start a fresh worker in its place. */
  #replace(slot: Slot, why: string): void {
    const i = this.#slots.indexOf(slot);
    if (i < 0 || this.#closed) return;
    this.#log(`task pool: ${why}; restarting the worker`);
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      slot.busy.task.reject(new Error(why));
      slot.busy = null;
    }
    this.#slots[i] = this.#spawn();
    void slot.worker.terminate();
    this.#pump();
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      const task = this.#queues.game.shift() ?? this.#queues.background.shift();
      if (!task) return;
      const id = this.#nextId++;
      const timer = setTimeout(() => this.#replace(slot, `task ${task.body.kind} over ${task.timeoutMs} ms`), task.timeoutMs);
      slot.busy = { id, task, timer };
      slot.worker.postMessage({ ...task.body, id } satisfies TaskRequest);
    }
  }
}

export class PoolBusy extends Error {
  constructor() {
    super("the server is busy verifying other replays");
  }
}
