/**
 * Tournament goals (issue 6, GAME.md §7.9) on a CI-sized sample: 8-quarter matches, hard vs easy
 * in 6 duplicate pairs, every fixed rule against three hard seats three times from each seat. The full
 * figures come from `npm run tournament`; these depend on the engine's economy as tuned now.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import {
  DEFAULT_CHALLENGERS,
  planTournament,
  runMatch,
  runTournament,
  stat,
  summarize,
  type MatchSpec,
  type TournamentSummary,
} from "../../balance/tournament.ts";
import { OPEN_TRICKS, PERSONALITIES, TRICKS } from "../../shared/ai/index.ts";

const TURNS = 8;
/** Three seeds from each seat: 12 matches per challenger (with 4, one lucky match decided the 60% line). */
const VS_HARD_SEEDS = 3;
/** Duplicate pairs of normal vs easy: 9 of 10 won at 8 quarters when the characters got their look-ahead (issue 11). */
const NORMAL_VS_EASY_PAIRS = 10;
let summary: TournamentSummary;
/** OPEN_TRICKS still pay on today's engine: `npm run tournament` reports them (issue 11); CI holds every other rule. */
const CI_CHALLENGERS = DEFAULT_CHALLENGERS.filter((id) => !(OPEN_TRICKS as readonly string[]).includes(id));

beforeAll(async () => {
  const specs = [
    ...planTournament({ seeds: 6, turns: TURNS, groups: ["hard_vs_easy"] }),
    // Normal (cheap: a year's look-ahead, one roll-out per line) against easy, in duplicate.
    ...planTournament({ seeds: NORMAL_VS_EASY_PAIRS, turns: TURNS, groups: ["duel"] }).filter((s) => s.levels?.join() === "normal,easy"),
    ...planTournament({ seeds: VS_HARD_SEEDS, turns: TURNS, groups: ["vs_hard"], challengers: CI_CHALLENGERS }),
  ];
  summary = summarize(await runTournament(specs, { workers: 2 }));
  console.log(JSON.stringify({ hardVsEasyWinRate: summary.hardVsEasyWinRate, hardVsEasy: summary.hardVsEasy, vsHard: summary.vsHard }));
}, 300_000);

describe("tournament goals (CI sample)", () => {
  test("hard beats easy in ≥ 70% of duplicate pairs", () => {
    expect(summary.hardVsEasy?.pairs).toBe(6);
    expect(summary.hardVsEasyWinRate).toBeGreaterThanOrEqual(0.7);
  });

  test("normal beats easy in ≥ 70% of duplicate pairs", () => {
    const row = summary.duels.find((d) => d.levels.join() === "normal,easy");
    expect(row?.pairs).toBe(NORMAL_VS_EASY_PAIRS);
    expect(row!.winRate).toBeGreaterThanOrEqual(0.7);
  });

  test.each(CI_CHALLENGERS.map((id) => ({ id })))("$id wins < 60% of matches against the hard roster", ({ id }) => {
    const row = summary.vsHard.find((r) => r.id === id);
    expect(row?.matches).toBe(4 * VS_HARD_SEEDS);
    expect(row!.winRate).toBeLessThan(0.6);
  });

  test.each(TRICKS.filter((id) => !OPEN_TRICKS.includes(id)).map((id) => ({ id })))("$id loses on average against the hard roster", ({ id }) => {
    const row = summary.vsHard.find((r) => r.id === id);
    expect(row!.meanMargin).toBeLessThan(0);
  });
});

describe("tournament machinery", () => {
  test("worker threads give the same results as running in this thread", async () => {
    const specs: MatchSpec[] = planTournament({ seeds: 1, turns: 4, groups: ["vs_hard"], challengers: ["zero_capex"] }).map((s) => ({
      ...s,
      players: Object.fromEntries(Object.entries(s.players).map(([k, v]) => [k, v === "hard" ? "easy" : v])),
    }));
    const inThread = await runTournament(specs, { workers: 0 });
    const threaded = await runTournament(specs, { workers: 2 });
    expect(threaded).toEqual(inThread);
    expect(runMatch(specs[0]!)).toEqual(inThread[0]);
    // The matches differ from each other (the seat rotation is real).
    expect(new Set(inThread.map((r) => JSON.stringify(r.seats))).size).toBe(specs.length);
  });

  test("the round robin seats every personality equally often, at every seat, never twice in a match", () => {
    const specs = planTournament({ seeds: 4, turns: 12, groups: ["roundrobin"] });
    const count = new Map<string, number>();
    const atSeat = new Set<string>();
    for (const s of specs) {
      const ids = Object.values(s.players);
      expect(new Set(ids).size).toBe(4);
      for (const [seat, id] of Object.entries(s.players)) {
        count.set(id!, (count.get(id!) ?? 0) + 1);
        atSeat.add(`${id}@${seat}`);
      }
    }
    expect([...count.keys()].sort()).toEqual([...PERSONALITIES].sort());
    expect(new Set(count.values())).toEqual(new Set([8]));
    expect(atSeat.size).toBe(PERSONALITIES.length * 4);
    // Hard vs easy is played in duplicate: each seed twice, with the sides swapped.
    const hve = planTournament({ seeds: 2, turns: 12, groups: ["hard_vs_easy"] });
    expect(hve.length).toBe(4);
    expect(hve[0]!.seed).toBe(hve[1]!.seed);
    for (const seat of hve[0]!.seats) expect(hve[0]!.players[seat]).not.toBe(hve[1]!.players[seat]);
  });

  test("mean and 95% confidence interval", () => {
    const s = stat([1, 2, 3]);
    expect(s.mean).toBe(2);
    expect(s.ci95).toBeCloseTo(1.96 / Math.sqrt(3), 10);
    expect(stat([]).n).toBe(0);
  });

  test("the CLI writes the JSON summary and the HTML chart", () => {
    const dir = mkdtempSync(join(tmpdir(), "tournament-"));
    const json = join(dir, "t.json");
    const html = join(dir, "t.html");
    execFileSync(
      process.execPath,
      [
        "balance/tournament-cli.ts",
        "--seeds",
        "1",
        "--turns",
        "4",
        "--groups",
        "roundrobin,hard_vs_easy",
        "--json",
        json,
        "--html",
        html,
        "--no-progress",
        "--workers",
        "2",
      ],
      {
        stdio: "pipe",
      },
    );
    const parsed = z
      .object({
        summary: z
          .array(
            z.object({ id: z.string(), difficulty: z.enum(["easy", "normal", "hard", "trick"]), meanScore: z.number(), winRate: z.number().min(0).max(1) }),
          )
          .min(8),
        hardVsEasyWinRate: z.number().min(0).max(1),
      })
      .parse(JSON.parse(readFileSync(json, "utf8")));
    expect(parsed.summary.find((r) => r.id === "planner")?.difficulty).toBe("hard");
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<svg");
    expect(page).toContain("planner");
  });

  test("the CLI rejects bad options with a reason", () => {
    let stderr = "";
    try {
      execFileSync(process.execPath, ["balance/tournament-cli.ts", "--seeds", "0", "--no-progress"], { stdio: "pipe" });
    } catch (e) {
      stderr = String((e as { stderr?: Buffer }).stderr);
    }
    expect(stderr).toMatch(/--seeds/);
  });
});
