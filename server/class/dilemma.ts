/**
 * The dilemma meter: how far a match's industry capex and profit are from the all-restrain path
 * (every seat holding capex at its 2024 level — the debrief's restrain policy, same seed, same
 * teacher events). The all-restrain run is the debrief's own (`shared/debrief` `playRun`); one run
 * costs tens of milliseconds, so the server runs it in a worker thread (pool.ts) and
 * keeps it until the match's teacher events change.
 */
import { playRun } from "../../shared/debrief/index.ts";
import { replayMatch, type MatchConfig, type ScheduledEvent, type TurnReport } from "../../shared/engine/index.ts";
import type { DilemmaMeter, MatchLive } from "../../shared/protocol/class.ts";

/** Industry totals per quarter of the all-restrain run, $M. */
export interface RestrainPath {
  readonly capex: readonly number[];
  readonly netIncome: readonly number[];
}

export type EventsByTurn = Readonly<Record<number, readonly ScheduledEvent[]>>;

/** Plays the whole match with every seat restraining. Pure and deterministic (the seed is in `config`). */
export function restrainPath(config: MatchConfig, events: EventsByTurn): RestrainPath {
  const turns = Object.entries(events).map(([turn, evs]) => ({ turn: Number(turn), decisions: {}, events: evs }));
  const run = playRun({ config, turns }, () => "restrain");
  return {
    capex: run.state.industryHistory.map((r) => r.capex),
    netIncome: run.state.industryHistory.map((r) => r.netIncome),
  };
}

/** A stable key of a match's teacher events: the restrain path changes only when they do. */
export function eventsKey(events: EventsByTurn): string {
  return JSON.stringify(
    Object.keys(events)
      .map(Number)
      .sort((a, b) => a - b)
      .map((t) => [t, events[t]]),
  );
}

/** The meter after `live.turn` played quarters: the match's industry totals against the path's over the same quarters. */
export function meterOf(live: Pick<MatchLive, "turn" | "industry">, path: RestrainPath): DilemmaMeter {
  const byQuarter = live.industry.capexByQuarter ?? [];
  const n = Math.min(live.turn, path.capex.length);
  let capex = 0;
  let netIncome = 0;
  for (let i = 0; i < n; i++) {
    capex += path.capex[i] ?? 0;
    netIncome += path.netIncome[i] ?? 0;
  }
  return {
    turns: n,
    capex: live.industry.capex,
    restrainCapex: capex,
    netIncome: live.industry.netIncome,
    restrainNetIncome: netIncome,
    capexByQuarter: byQuarter.slice(0, n),
    restrainCapexByQuarter: path.capex.slice(0, n),
  };
}

/** A logged quarter, as the re-runs need it. */
export interface LoggedTurn {
  readonly turn: number;
  readonly decisions: Readonly<Record<string, unknown>>;
  readonly events?: readonly ScheduledEvent[];
}

/** The report of a match's last played quarter, re-run from its log (the room that revealed it is gone after a restart). */
export function lastReport(config: MatchConfig, turns: readonly LoggedTurn[]): TurnReport | null {
  if (turns.length === 0) return null;
  const r = replayMatch(
    config,
    turns.map((t) => ({ turn: t.turn, decisions: t.decisions, ...(t.events ? { events: t.events } : {}) })),
  );
  return r.error === null ? (r.reports.at(-1) ?? null) : null;
}
