/**
 * Debrief benchmark (issue 13): the counterfactual runs of a finished match (the match as played,
 * all restrain, and each seat's only-me-restrain and only-me-race), then the whole debrief.
 * Goal: a 12-quarter 4-seat match well under a second (it runs in the player's browser).
 * Standalone: `node_modules/.bin/node bench/debrief-bench.ts`.
 */
import { fileURLToPath } from "node:url";
import type { CompanyId, MatchState } from "../shared/engine/index.ts";
import { decideActive, playMatch } from "../shared/engine/play.ts";
import { decideFor, type AiId } from "../shared/ai/index.ts";
import { buildDebrief, runCounterfactuals, type DebriefInput, type DebriefTurn } from "../shared/debrief/index.ts";
import { median, percentile } from "./stats.ts";

const round = (x: number) => Math.round(x * 100) / 100;
const WHO: readonly AiId[] = ["guidance", "arms_racer", "disciplined", "tit_for_tat", "leveraged", "energy_first", "guidance"];

function logOf(seed: number, turns: number, seats: readonly CompanyId[]): DebriefInput {
  const log: DebriefTurn[] = [];
  const decide = (s: MatchState) => decideActive(s, (id, i) => decideFor(s, id, WHO[i % WHO.length]!, 3));
  const end = playMatch({ seed, turns, seats: [...seats] }, decide, { onTurn: ({ turn, decisions }) => log.push({ turn, decisions }) });
  return { config: end.config, turns: log };
}

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

function time(inputs: readonly DebriefInput[], f: (i: DebriefInput) => unknown, reps: number): Timing {
  for (const i of inputs.slice(0, 2)) f(i); // warm-up
  const xs: number[] = [];
  for (let r = 0; r < reps; r++)
    for (const i of inputs) {
      const t0 = performance.now();
      f(i);
      xs.push(performance.now() - t0);
    }
  return { runs: xs.length, medianMs: round(median(xs)), p95Ms: round(percentile(xs, 95)) };
}

export interface DebriefBench {
  readonly goalMs: number;
  /** 12 quarters, 4 seats: 10 re-simulations. */
  readonly counterfactuals12x4: Timing;
  readonly debrief12x4: Timing;
  /** 12 quarters, all 7 companies: 16 re-simulations. */
  readonly counterfactuals12x7: Timing;
  /** 24 quarters, 4 seats. */
  readonly counterfactuals24x4: Timing;
}

export function runDebriefBench(reps = 3): DebriefBench {
  const four: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
  const seven: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"];
  const m12x4 = Array.from({ length: 6 }, (_, i) => logOf(500 + i, 12, four));
  const m12x7 = Array.from({ length: 3 }, (_, i) => logOf(600 + i, 12, seven));
  const m24x4 = Array.from({ length: 3 }, (_, i) => logOf(700 + i, 24, four));
  return {
    goalMs: 1000,
    counterfactuals12x4: time(m12x4, runCounterfactuals, reps),
    debrief12x4: time(m12x4, buildDebrief, reps),
    counterfactuals12x7: time(m12x7, runCounterfactuals, reps),
    counterfactuals24x4: time(m24x4, runCounterfactuals, reps),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(runDebriefBench(), null, 2));
