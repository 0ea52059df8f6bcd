/**
 * Every core calibration target of GAME.md §7 (groups 1–9) and issue 9's market, credit and
 * play targets (groups 10–12) as a test row citing its calibration.md id and figure ids. Runs the same plan as `npm run balance` on fewer seeds
 * (BALANCE_TEST_SEEDS, default 200 per dilemma profile ≈ 7,200 matches, ≈ 30 s of CPU on two worker threads: the
 * same seeds as the report, so a row's confidence interval here is the one the report prints).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { runBalance } from "../../balance/run.ts";
import type { BalanceRun } from "../../balance/run.ts";
import { TARGETS } from "../../balance/targets.ts";
import { runMatch } from "../../balance/sim.ts";
import { runJobs } from "../../balance/pool.ts";
import { buildPlan } from "../../balance/plan.ts";

const SEEDS = Number(process.env["BALANCE_TEST_SEEDS"] ?? 200);
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

  test("issue 9's groups pair by seed with the dilemma: AI play with all-restrain, the probes with all-guide", () => {
    const full = buildPlan({ seeds: 200 });
    const seedsOf = (g: string, label?: string) => full.filter((j) => j.group === g && (label === undefined || j.label === label)).map((j) => j.seed);
    const dilemma = seedsOf("dilemma-flat", "RRRR");
    const firstQuarter = dilemma.slice(0, 50);
    expect(seedsOf("ai-normal")).toEqual(firstQuarter);
    expect(seedsOf("probe-tpu")).toEqual(dilemma);
    expect(seedsOf("probe-surprise")).toEqual(firstQuarter);
    expect(seedsOf("dilemma-flat", "HHHH")).toEqual(dilemma);
    expect(full.filter((j) => j.group === "ai-normal").every((j) => Object.values(j.policies).every((p) => p === "ai_normal"))).toBe(true);
    expect(full.filter((j) => j.group === "probe-tpu").every((j) => j.policies.alphabet === "guide_no_tpu" && j.policies.microsoft === "guide")).toBe(true);
    expect(
      full.filter((j) => j.group === "probe-surprise").every((j) => j.firstTurnOverride?.seat === "microsoft" && j.firstTurnOverride.capexBp === 12_300),
    ).toBe(true);
    expect(full.filter((j) => j.group === "rules" && j.label.startsWith("reckless@")).length).toBe(4 * 25);
    for (const g of ["cons", "buildout"]) expect(seedsOf(g)).toEqual(firstQuarter);
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

  test("every core target of GAME.md §7 groups 1–9 and of issue 9 (groups 10–12) has rows", () => {
    const groups = new Set(TARGETS.filter((t) => t.core).map((t) => t.group));
    expect([...groups].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
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
      "ISSUE9-MKT-01",
      "ISSUE9-MKT-02",
      "ISSUE9-MKT-03",
      "ISSUE9-MKT-04",
      "ISSUE9-MKT-05",
      "ISSUE9-MKT-06",
      "ISSUE9-CRD-01",
      "ISSUE9-CRD-02",
      "ISSUE9-CRD-03",
      "ISSUE9-CRD-04",
      "ISSUE9-CHIP-01",
      "ISSUE9-SCN-01",
      "ISSUE9-SCN-02",
      "ISSUE9-AI-01",
    ]) {
      expect(
        TARGETS.some((t) => t.core && t.id.startsWith(id)),
        id,
      ).toBe(true);
    }
  });
});

const rows = TARGETS.filter((t) => t.core).map((t) => [t.id, t.figures.join(", ") || (t.group === 9 ? "GAME.md §7.9" : "INFERRED"), t] as const);

describe("core calibration targets", () => {
  test.each(rows)("%s [%s]", (id, _figures, def) => {
    const r = run.results.find((x) => x.id === id);
    expect(r, `no result for ${id}`).toBeDefined();
    expect(r!.pass, `${def.description}: expected ${r!.expected}, got ${r!.got}`).toBe(true);
  });
});
