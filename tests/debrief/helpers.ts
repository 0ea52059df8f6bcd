/** Matches played by AI policies and logged as the debrief's input (what a replay file holds). */
import type { CompanyId, MatchState, ScheduledEvent } from "../../shared/engine/index.ts";
import { decideActive, playMatch } from "../../shared/engine/play.ts";
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
  const who = opts.who ?? ["guidance", "arms_racer", "disciplined", "tit_for_tat"];
  const log: DebriefTurn[] = [];
  const state = playMatch(
    { seed: opts.seed, turns: opts.turns, seats: [...(opts.seats ?? CORE)], ...(opts.scenario ? { scenario: opts.scenario } : {}) },
    (s) => decideActive(s, (id, i) => decideFor(s, id, who[i % who.length]!, 7)),
    {
      prepare: (s, decisions) => {
        const events = opts.events?.[s.turn];
        log.push({ turn: s.turn, decisions, ...(events ? { events } : {}) });
        return events ? { ...s, schedule: [...s.schedule, ...events] } : s;
      },
    },
  );
  return { input: { config: state.config, turns: log }, state };
}
