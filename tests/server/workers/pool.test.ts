/** The worker pool: same answers as in-process, game work first, bounded background queue, overruns replaced. */
import { afterAll, describe, expect, it } from "vitest";
import { createMatch } from "../../../shared/engine/index.ts";
import { aiDecision } from "../../../server/ai.ts";
import { PoolBusy, TaskPool } from "../../../server/workers/pool.ts";

const pools: TaskPool[] = [];
function pool(size: number, maxBackgroundQueue = 32): TaskPool {
  const p = new TaskPool({ size, maxBackgroundQueue });
  pools.push(p);
  return p;
}
afterAll(async () => {
  for (const p of pools) await p.close();
});

describe("TaskPool", () => {
  it("an AI decision from a worker equals the in-process one", async () => {
    const state = createMatch({ seats: ["microsoft", "amazon", "alphabet", "meta"], turns: 8, seed: 11 });
    const p = pool(1);
    for (const level of ["easy", "hard"] as const) {
      const fromWorker = await p.run({ kind: "ai", state, seat: "amazon", difficulty: level, seed: 5 }, "game");
      expect(fromWorker).toEqual(aiDecision(state, "amazon", level, 5));
    }
  });

  it("keeps the event loop free while a worker computes", async () => {
    const p = pool(1);
    // Had it run on the event loop, one tick would wait the whole 1.5 s; a loaded machine still ticks.
    await p.run({ kind: "spin", ms: 1 }, "game");
    const spin = p.run({ kind: "spin", ms: 1500 }, "background");
    let worst = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    await spin;
    clearInterval(ticker);
    expect(worst).toBeLessThan(750);
  });

  it("runs game work before queued background work, and refuses background work beyond its queue", async () => {
    const p = pool(1, 2);
    const order: string[] = [];
    const first = p.run({ kind: "spin", ms: 150 }, "background").then(() => order.push("bg1"));
    const bg2 = p.run({ kind: "spin", ms: 10 }, "background").then(() => order.push("bg2"));
    const bg3 = p.run({ kind: "spin", ms: 10 }, "background").then(() => order.push("bg3"));
    await expect(p.run({ kind: "spin", ms: 10 }, "background")).rejects.toBeInstanceOf(PoolBusy);
    const game = p.run({ kind: "spin", ms: 10 }, "game").then(() => order.push("game"));
    await Promise.all([first, bg2, bg3, game]);
    expect(order).toEqual(["bg1", "game", "bg2", "bg3"]);
  });

  it("a task over its time limit fails and a fresh worker serves the next", async () => {
    const p = pool(1);
    await expect(p.run({ kind: "spin", ms: 5000 }, "background", 200)).rejects.toThrow(/over 200 ms/);
    await expect(p.run({ kind: "spin", ms: 5 }, "game")).resolves.toBeTypeOf("number");
  });
});
