/**
 * Every core calibration target of GAME.md §7 (groups 1–9) as a test row citing its
 * calibration.md id and figure ids. Runs the same plan as `npm run balance` on fewer seeds
 * (BALANCE_TEST_SEEDS, default 40 per dilemma profile ≈ 1,400 matches on two worker threads).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { runBalance } from "../../balance/run.ts";
import type { BalanceRun } from "../../balance/run.ts";
import { TARGETS } from "../../balance/targets.ts";
import { runMatch } from "../../balance/sim.ts";
import { runJobs } from "../../balance/pool.ts";
import { buildPlan } from "../../balance/plan.ts";

const SEEDS = Number(process.env["BALANCE_TEST_SEEDS"] ?? 40);
let run: BalanceRun;

beforeAll(async () => {
  run = await runBalance({ seeds: SEEDS, workers: 2 });
});

describe("harness", () => {
  test("the plan covers 16 profiles × 2 restraint definitions and ≥ 200 seeds in the full run", () => {
    const full = buildPlan({ seeds: 200 });
    const flat = full.filter((j) => j.group === "dilemma-flat");
    expect(new Set(flat.map((j) => j.label)).size).toBe(16);
    expect(flat.length).toBe(16 * 200);
    expect(full.length).toBeGreaterThanOrEqual(3_200);
  });

  test("matches are deterministic and workers agree with the main thread", async () => {
    const jobs = buildPlan({ seeds: 4 })
      .filter((_j, i) => i % 37 === 0)
      .slice(0, 6);
    const here = jobs.map(runMatch);
    const there = await runJobs(jobs, { workers: 2, batch: 2 });
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
  });

  test("scripted policies never send an illegal decision", () => {
    const bad = run.summaries.flatMap((s) => s.seats.filter((x) => x.replacedInvalid > 0).map((x) => `${s.job.group}/${s.job.label}/${x.id}`));
    expect(bad).toEqual([]);
  });

  test("every core target of GAME.md §7 groups 1–9 has rows", () => {
    const groups = new Set(TARGETS.filter((t) => t.core).map((t) => t.group));
    expect([...groups].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const id of [
      "CAL-CAPEX-01",
      "CAL-CAPEX-03",
      "CAL-CAPEX-04",
      "CAL-CAPEX-05",
      "CAL-REV-01",
      "CAL-REV-02",
      "CAL-CF-01",
      "CAL-CF-02",
      "CAL-CF-04",
      "CAL-DEP-01",
      "CAL-DEP-02",
      "CAL-DEP-04",
      "CAL-CHIP-02",
      "CAL-CHIP-05",
      "CAL-CHIP-07",
      "CAL-NRG-01",
      "CAL-NRG-03",
      "CAL-GT-01",
      "CAL-GT-02",
      "CAL-GT-03",
      "CAL-GT-06",
      "CAL-GT-07",
      "CAL-REV-12",
      "CAL-REV-13",
    ]) {
      expect(
        TARGETS.some((t) => t.core && t.id.startsWith(id)),
        id,
      ).toBe(true);
    }
  });
});

const rows = TARGETS.filter((t) => t.core).map((t) => [t.id, t.figures.join(", ") || "GAME.md §7.9", t] as const);

describe("core calibration targets", () => {
  test.each(rows)("%s [%s]", (id, _figures, def) => {
    const r = run.results.find((x) => x.id === id);
    expect(r, `no result for ${id}`).toBeDefined();
    expect(r!.pass, `${def.description}: expected ${r!.expected}, got ${r!.got}`).toBe(true);
  });
});
