/** Matches played by AI policies and logged as the debrief's input (what a replay file holds). */
import { createMatch, resolveTurn, type CompanyId, type Decision, type MatchState, type ScheduledEvent } from "../../shared/engine/index.ts";
import { decideFor, type AiId } from "../../shared/ai/index.ts";
import type { DebriefInput, DebriefTurn } from "../../shared/debrief/index.ts";

export const CORE: readonly CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
/** Rule-based personalities (no look-ahead: fast), racing and restraining. */
export const PERSONAS: readonly AiId[] = [
  "guidance",
  "arms_racer",
  "disciplined",
  "tit_for_tat",
  "leveraged",
  "energy_first",
  "zero_capex",
  "hoard_cash",
  "all_in_debt",
];

export interface Played {
  readonly input: DebriefInput;
  readonly state: MatchState;
}

export function playLog(opts: {
  seed: number;
  turns: number;
  seats?: readonly CompanyId[];
  who?: readonly AiId[];
  scenario?: "reckoning" | "buildout";
  events?: Readonly<Record<number, readonly ScheduledEvent[]>>;
}): Played {
  let s = createMatch({ seed: opts.seed, turns: opts.turns, seats: [...(opts.seats ?? CORE)], ...(opts.scenario ? { scenario: opts.scenario } : {}) });
  const who = opts.who ?? ["guidance", "arms_racer", "disciplined", "tit_for_tat"];
  const log: DebriefTurn[] = [];
  while (!s.ended) {
    const d: Partial<Record<CompanyId, Decision>> = {};
    s.config.seats.forEach((id, i) => {
      if (s.companies[id]?.status === "active") d[id] = decideFor(s, id, who[i % who.length]!, 7);
    });
    const events = opts.events?.[s.turn];
    log.push({ turn: s.turn, decisions: d, ...(events ? { events } : {}) });
    const before = events ? { ...s, schedule: [...s.schedule, ...events] } : s;
    s = resolveTurn(before, d).state;
  }
  return { input: { config: s.config, turns: log }, state: s };
}
