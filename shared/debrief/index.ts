/**
 * The debrief of a finished match, as one pure call: `buildDebrief(input)` re-runs the engine
 * (the match as played, all restrain, and each seat's two what-ifs) and derives the payoff
 * matrix, the dual leaderboard, the decision history, "what really happened" and the lesson.
 * Runs in Node and in the browser; a 12-quarter 4-seat match takes a few tens of milliseconds.
 */
import type { CompanyId } from "../engine/ids.ts";
import { configOfReplay, replayMatch } from "../engine/replay.ts";
import { ENGINE_VERSION } from "../engine/types.ts";
// Type only: the protocol module (zod) stays out of the browser bundle; the server parses replay files with it.
import type { ReplayFile } from "../protocol/replay.ts";
import { findRun, runCounterfactuals, type RunOutput } from "./runs.ts";
import { payoffMatrix } from "./payoff.ts";
import { welfare } from "./welfare.ts";
import { decisionHistory } from "./history.ts";
import { realityRows } from "./reality.ts";
import { lessonLines } from "./lesson.ts";
import type { Debrief, DebriefInput } from "./types.ts";

export * from "./types.ts";
export { RESTRAIN_POLICY, RACE_POLICY, fitDecision, playRun, playActual, runCounterfactuals, findRun, outcomeIn, industryOf, type RunOutput } from "./runs.ts";
export { payoffMatrix, payoffOf, RACED_ABOVE_BP } from "./payoff.ts";
export { welfare } from "./welfare.ts";
export { decisionHistory } from "./history.ts";
export { realityRows } from "./reality.ts";
export { lessonLines } from "./lesson.ts";
export { DOC_FIGURES, DOC_STATEMENTS, type DocFigureId } from "./figures.ts";
export * from "./export.ts";
export { CLASS_COLUMNS, classSummary, classTable, endingOf, type ClassMatch, type ClassMatchSummary, type Ending } from "./class.ts";

export type DebriefResult = { readonly ok: true; readonly debrief: Debrief } | { readonly ok: false; readonly code: string; readonly message: string };

/** A replay file's log as the debrief's input (the file is parsed by its zod schema before this). */
export function debriefInputOfReplay(file: ReplayFile): DebriefInput {
  return {
    config: configOfReplay(file),
    turns: file.turns.map((t) => ({
      turn: t.turn,
      decisions: t.decisions as DebriefInput["turns"][number]["decisions"],
      ...(t.events ? { events: t.events } : {}),
    })),
  };
}

/**
 * Builds the debrief; only a finished match has one (before the end it would reveal hidden
 * information). `played` is the match as played when the caller has already re-simulated it.
 */
export function buildDebrief(input: DebriefInput, played?: RunOutput): DebriefResult {
  if (input.turns.length < input.config.turns)
    return { ok: false, code: "debrief/not_finished", message: `the match has played ${input.turns.length} of ${input.config.turns} quarters` };
  const { actual, runs } = runCounterfactuals(input, played);
  if (!actual.state.ended) return { ok: false, code: "debrief/not_finished", message: "the match log does not reach the end of the match" };
  const seats: readonly CompanyId[] = input.config.seats;
  const payoff = payoffMatrix(runs, seats, input.config.scoring);
  const w = welfare(runs, seats);
  const verdict = findRun(runs, "actual")!.verdict;
  return {
    ok: true,
    debrief: {
      config: actual.state.config,
      runs,
      payoff,
      welfare: w,
      history: decisionHistory(actual.state, actual.reports),
      statements: Object.fromEntries(seats.map((id) => [id, actual.state.companies[id]?.history ?? []])),
      reality: realityRows(actual.state),
      lesson: lessonLines(payoff, w, verdict, findRun(runs, "allRestrain")!.verdict),
      verdict,
    },
  };
}

/**
 * The debrief of a replay file: refused when another engine version recorded it (its match cannot
 * be re-run here) or when re-simulating it does not reproduce its hashes (the debrief would
 * describe another match); the verified re-simulation is the "as played" run.
 */
export function debriefOfReplay(file: ReplayFile): DebriefResult {
  if (file.engineVersion !== ENGINE_VERSION)
    return {
      ok: false,
      code: "debrief/engine_version",
      message: `recorded with engine ${file.engineVersion}, but this build runs engine ${ENGINE_VERSION}: the match cannot be re-run here`,
    };
  const input = debriefInputOfReplay(file);
  // Version 1 files hash each state; version 2 files chain the hashes (shared/protocol/replay.ts).
  const r = replayMatch(input.config, file.turns, file.version === 1 ? "state" : "chain");
  if (r.firstDivergentTurn !== null) return { ok: false, code: "debrief/diverged", message: r.error ?? `turn ${r.firstDivergentTurn} diverges` };
  return buildDebrief(input, { state: r.state, reports: r.reports, adjusted: 0, defaulted: 0 });
}
