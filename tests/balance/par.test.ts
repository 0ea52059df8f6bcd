/**
 * The seat-par table (balance/par.ts, balance/params/par.json): robust statistics, seeds apart
 * from the tournament's, a file the loader and the citation checker accept, and the stamp that
 * forces a recalibration (`npm run par`) whenever ENGINE_VERSION moves.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { COMPANIES, CORE_FOUR, PAR_LENGTHS, PAR_LEVELS, SCENARIOS } from "../../shared/engine/ids.ts";
import { ENGINE_VERSION } from "../../shared/engine/types.ts";
import { PAR_TABLE, ParTableSchema, parseParams, unwrapParams } from "../../shared/rules/params.ts";
import { checkParamsDoc, loadFigureIds } from "../../balance/params-check.ts";
import {
  MIN_SWING_BP,
  PAR_FIRST_SEED,
  equalChanceOffsets,
  equalChancePars,
  lineupFor,
  parOf,
  planPar,
  quantile,
  renderParJson,
  summarizePar,
  type ParBySeat,
} from "../../balance/par.ts";
import { planTournament } from "../../balance/tournament.ts";
import type { MatchSummary } from "../../balance/types.ts";
import { aiFingerprint } from "../../balance/ai-fingerprint.ts";

const parFile = fileURLToPath(new URL("../../balance/params/par.json", import.meta.url));
const figureIds = loadFigureIds(readFileSync(fileURLToPath(new URL("../../balance/figures.json", import.meta.url)), "utf8"));

describe("the shipped par table", () => {
  test("is stamped with this engine: a changed ENGINE_VERSION needs `npm run par` (balance/par-cli.ts)", () => {
    expect(PAR_TABLE.engineVersion, "balance/params/par.json was calibrated on another engine: run `npm run par`").toBe(ENGINE_VERSION);
    // The AI it was calibrated on: an AI change with the engine untouched also makes par stale.
    expect(PAR_TABLE.aiFingerprint, "balance/params/par.json was calibrated on another AI: run `npm run par`").toBe(aiFingerprint());
  });

  test("every value says how it was calibrated, on this engine, and passes the citation check", () => {
    const doc: unknown = JSON.parse(readFileSync(parFile, "utf8"));
    const r = checkParamsDoc("par.json", doc, figureIds);
    expect(r.problems.map((p) => p.message)).toEqual([]);
    expect(r.leaves).toHaveLength(PAR_LEVELS.length * COMPANIES.length * SCENARIOS.length);
    // Every level, seat and scenario holds every calibrated length.
    for (const level of PAR_LEVELS)
      for (const id of COMPANIES)
        for (const sc of SCENARIOS)
          expect(
            Object.keys(PAR_TABLE.levels[level][id][sc])
              .map(Number)
              .sort((a, b) => a - b),
          ).toEqual([...PAR_LENGTHS]);
    for (const leaf of r.leaves)
      expect(leaf.inferred).toMatch(
        new RegExp(`^(easy|normal|hard)-roster calibration, \\d+ seeds, seeds ${PAR_FIRST_SEED}\\.\\.\\d+, engine ${ENGINE_VERSION.replace(/\./g, "\\.")}$`),
      );
  });

  test("the loader refuses a table with a missing quarter or a zero swing", () => {
    const good: unknown = unwrapParams(JSON.parse(readFileSync(parFile, "utf8")));
    type Path = { parBp: number[]; swingBp: number[] };
    const bad = structuredClone(good) as { levels: { hard: { meta: { reckoning: Record<string, Path> } } } };
    bad.levels.hard.meta.reckoning["12"]!.parBp.pop();
    expect(() => parseParams(ParTableSchema, bad, "par.json")).toThrow(/levels\.hard\.meta\.reckoning: a path's length differs/);
    const zero = structuredClone(good) as typeof bad;
    zero.levels.hard.meta.reckoning["8"]!.swingBp[3] = 0;
    expect(() => parseParams(ParTableSchema, zero, "par.json")).toThrow(/swingBp\.3/);
  });
});

describe("robust statistics", () => {
  test("quantiles interpolate between order statistics", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([], 0.5)).toBe(0);
  });

  test("par is the median, the swing half the IQR; one blow-up match moves neither much", () => {
    const paths = [[1_000], [2_000], [3_000], [4_000], [5_000]];
    expect(parOf(paths, 1)).toEqual({ parBp: [3_000], swingBp: [1_000] });
    const blowUp = [...paths.slice(0, 4), [-90_000]];
    const p = parOf(blowUp, 1);
    expect(p.parBp[0]).toBe(2_000);
    expect(p.swingBp[0]).toBe(1_000);
  });

  test("a seat that hardly varies still gets the minimum swing", () => {
    expect(parOf([[50], [50], [51]], 1).swingBp).toEqual([MIN_SWING_BP]);
  });
});

/** A deterministic sample: three seats riding one common draw, the fourth on its own (like Amazon's cloud against the rest's boom). */
function oneApart(n: number): number[][] {
  let x = 12_345;
  const draw = (): number => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31 - 0.5;
  };
  return Array.from({ length: n }, () => {
    const common = draw() * 4;
    return [common + draw() * 0.6, common + draw() * 0.6, common + draw() * 0.6, draw() * 4];
  });
}

const winShares = (z: readonly (readonly number[])[], b: readonly number[]): number[] => {
  const wins = new Array<number>(b.length).fill(0);
  for (const row of z) {
    const v = row.map((x, i) => x + b[i]!);
    wins[v.indexOf(Math.max(...v))]! += 1 / z.length;
  }
  return wins;
};

describe("equal chances to finish first", () => {
  test("a seat whose luck runs apart from the others' tops the table too often at its median; the offsets even it out", () => {
    const z = oneApart(2_000);
    const atMedian = winShares(z, [0, 0, 0, 0]);
    expect(atMedian[3]).toBeGreaterThan(0.4);
    const b = equalChanceOffsets(z);
    // Its par moves up (a negative offset), the others' down; offsets sum to zero.
    expect(b[3]).toBeLessThan(-0.2);
    expect(Math.abs(b.reduce((s, x) => s + x, 0))).toBeLessThan(1e-9);
    for (const share of winShares(z, b)) expect(Math.abs(share - 0.25)).toBeLessThan(0.03);
    // Same sample, same offsets (the table is rewritten byte for byte).
    expect(equalChanceOffsets(z)).toEqual(b);
  });

  test("seats alike need no offset", () => {
    const same = oneApart(800).map((r) => [r[0]!, r[0]!, r[0]!, r[0]!]);
    expect(equalChanceOffsets(same).every((x) => Math.abs(x) < 1e-9)).toBe(true);
    expect(equalChanceOffsets([])).toEqual([]);
  });

  test("the core four's pars are their medians moved by the offset in swings", () => {
    const z = oneApart(400);
    // TSR paths of two quarters: each seat's draw in bp around a seat-specific level.
    const paths = z.map((r) => r.map((x, i) => [Math.round(x * 100), Math.round(1_000 * i + x * 1_000)]));
    const own = [0, 1, 2, 3].map((i) =>
      parOf(
        paths.map((m) => m[i]!),
        2,
      ),
    );
    const pars = equalChancePars(paths, 2);
    // The seat apart must beat a par above its median; swings are untouched.
    expect(pars[3]!.parBp[1]).toBeGreaterThan(own[3]!.parBp[1]!);
    for (const [i, p] of pars.entries()) expect(p.swingBp).toEqual(own[i]!.swingBp);
  });
});

describe("the calibration plan", () => {
  test("each AI level in every seat, each calibrated length, both scenarios, the core four and all seven", () => {
    const jobs = planPar({ seeds: 3, fullSeeds: 2 });
    const per = PAR_LEVELS.length * PAR_LENGTHS.length * SCENARIOS.length;
    expect(jobs.filter((j) => j.label.endsWith("|core"))).toHaveLength(per * 3);
    expect(jobs.filter((j) => j.label.endsWith("|full"))).toHaveLength(per * 2);
    const hard = jobs.filter((j) => j.label.startsWith("hard|"));
    expect(hard.every((j) => Object.values(j.policies).every((p) => p === "ai_hard"))).toBe(true);
    expect(jobs.filter((j) => j.label.startsWith("easy|")).every((j) => Object.values(j.policies).every((p) => p === "ai_easy"))).toBe(true);
    expect(new Set(jobs.map((j) => j.turns))).toEqual(new Set(PAR_LENGTHS));
    expect(jobs.filter((j) => j.label.endsWith("|full")).every((j) => j.seats.length === COMPANIES.length)).toBe(true);
    expect(new Set(jobs.map((j) => j.variant))).toEqual(new Set(["guide", "cons"]));
    expect(jobs.map((j) => j.id)).toEqual(jobs.map((_, i) => i));
  });

  test("its seeds are disjoint from every seed the tournament plays (evaluation stays out of sample)", () => {
    const calib = new Set(planPar({ seeds: 200, levels: ["hard"], lengths: [12] }).map((j) => j.seed));
    const tour = planTournament({
      seeds: 200,
      turns: 12,
      groups: ["roundrobin", "hard_vs_easy", "duel", "baseline", "paired", "vs_hard"],
      tricks: ["guidance"],
    });
    expect(tour.filter((s) => calib.has(s.seed))).toEqual([]);
  });

  test("each seat's par comes from its own level, length and line-up", () => {
    expect(CORE_FOUR.every((id) => lineupFor(id) === "core")).toBe(true);
    expect(lineupFor("oracle")).toBe("full");
    const run = (label: string, turns: number, tsr: number, scenario = "reckoning"): MatchSummary =>
      ({
        job: { group: "par", label, scenario, turns },
        seats: COMPANIES.map((id) => ({ id, series: { tsrBp: Array.from({ length: turns }, (_, q) => tsr * (q + 1)) } })),
      }) as unknown as MatchSummary;
    const both = (label: string, turns: number, tsr: number) => [run(label, turns, tsr), run(label, turns, tsr, "buildout")];
    const par = summarizePar([...both("hard|core", 4, 100), ...both("hard|core", 4, 300), ...both("hard|full", 4, 5_000), ...both("easy|core", 8, -50)]);
    expect(par.hard.microsoft.reckoning["4"]!.parBp).toEqual([200, 400, 600, 800]);
    expect(par.hard.oracle.reckoning["4"]!.parBp).toEqual([5_000, 10_000, 15_000, 20_000]);
    expect(Object.keys(par.hard.microsoft.reckoning)).toEqual(["4"]);
    expect(par.easy.meta.reckoning["8"]!.parBp[7]).toBe(-400);
  });

  test("the written file round-trips through the loader, values intact", () => {
    const path = (len: number, i: number) => ({ parBp: Array.from({ length: len }, (_, q) => q * 10 - i), swingBp: Array(len).fill(150 + i) });
    const par = Object.fromEntries(
      PAR_LEVELS.map((level) => [
        level,
        Object.fromEntries(
          COMPANIES.map((id, i) => [id, Object.fromEntries(SCENARIOS.map((sc) => [sc, Object.fromEntries(PAR_LENGTHS.map((n) => [String(n), path(n, i)]))]))]),
        ),
      ]),
    ) as ParBySeat;
    const text = renderParJson(par, { seeds: 24, fullSeeds: 8, firstSeed: PAR_FIRST_SEED, engineVersion: "9.9.9", aiFingerprint: "0123456789abcdef" });
    const loaded = parseParams(ParTableSchema, unwrapParams(JSON.parse(text)), "par.json");
    expect(loaded.engineVersion).toBe("9.9.9");
    expect(loaded.levels.normal.apple.buildout).toEqual(par.normal.apple.buildout);
    expect(text).toContain(`"inferred": "hard-roster calibration, 8 seeds, seeds ${PAR_FIRST_SEED}..${PAR_FIRST_SEED + 7}, engine 9.9.9"`);
    expect(text).toContain(`"inferred": "easy-roster calibration, 24 seeds, seeds ${PAR_FIRST_SEED}..${PAR_FIRST_SEED + 23}, engine 9.9.9"`);
    expect(checkParamsDoc("par.json", JSON.parse(text), figureIds).problems).toEqual([]);
  });
});
