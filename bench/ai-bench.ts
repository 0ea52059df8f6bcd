/**
 * AI benchmark (issue 6): time of one AI decision per seat-turn, by difficulty. Goal: hard
 * median ≤ 100 ms on this machine. `runAiBench()` is called by bench/run.ts; standalone:
 * `node_modules/.bin/node bench/ai-bench.ts`.
 */
import { fileURLToPath } from "node:url";
import { decideActive, playMatch } from "../shared/engine/play.ts";
import { DIFFICULTIES, decideFor, type Difficulty } from "../shared/ai/index.ts";
import { median, percentile } from "./stats.ts";

export interface DecisionTiming {
  readonly samples: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface AiBench {
  readonly goalHardMedianMs: number;
  readonly hardPlanning: (typeof DIFFICULTIES)["hard"]["planning"];
  readonly easy: DecisionTiming;
  readonly normal: DecisionTiming;
  readonly hard: DecisionTiming;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Plays `matches` 12-quarter matches with every seat at `level`, timing each seat-turn decision. */
function timeLevel(level: Difficulty, matches: number): DecisionTiming {
  const times: number[] = [];
  for (let m = 0; m < matches; m++) {
    playMatch({ seed: 4242 + m, turns: 12, scenario: m % 2 === 0 ? "reckoning" : "buildout" }, (state) =>
      decideActive(state, (seat) => {
        const t0 = performance.now();
        const d = decideFor(state, seat, level, 99);
        times.push(performance.now() - t0);
        return d;
      }),
    );
  }
  return { samples: times.length, medianMs: round(median(times)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) };
}

export function runAiBench(matches = 2): AiBench {
  // Warm-up so the JIT has compiled the engine before anything is timed.
  timeLevel("normal", 1);
  return {
    goalHardMedianMs: 100,
    hardPlanning: DIFFICULTIES.hard.planning,
    easy: timeLevel("easy", matches),
    normal: timeLevel("normal", matches),
    hard: timeLevel("hard", matches),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runAiBench(Number(process.argv[2] ?? 2));
  console.log(JSON.stringify(r, null, 2));
  console.log(`hard AI decision: median ${r.hard.medianMs} ms, p95 ${r.hard.p95Ms} ms (goal median ≤ ${r.goalHardMedianMs} ms)`);
}
