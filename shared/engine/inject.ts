/**
 * Teacher-injected events: added to the schedule of the turn about to resolve, so resolveTurn
 * applies them like the scenario's own events and a replay that records them re-creates them.
 */
import { EVENT_KINDS, isCompanyId } from "./ids.ts";
import type { MatchState, ScheduledEvent, ValidationResult } from "./types.ts";

export function validateInjectedEvent(state: MatchState, e: ScheduledEvent): ValidationResult {
  const errors = [];
  if (!(EVENT_KINDS as readonly string[]).includes(e.kind))
    errors.push({ code: "event/unknown_kind", path: "kind", message: `unknown event kind ${String(e.kind)}` });
  const needsTarget = e.kind === "grid_approval" || e.kind === "grid_outage" || e.kind === "chip_slip" || e.kind === "antitrust" || e.kind === "mega_deal";
  if (needsTarget && (!isCompanyId(e.target) || !state.companies[e.target]))
    errors.push({ code: "event/bad_target", path: "target", message: `${e.kind} needs a seat of this match as its target` });
  if (e.turn !== state.turn)
    errors.push({ code: "event/wrong_turn", path: "turn", message: `events can only be injected into the current turn (${state.turn})` });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Returns the state with the events scheduled for the current turn. Invalid events are dropped. */
export function injectEvents(state: MatchState, events: readonly ScheduledEvent[]): MatchState {
  const ok = events.filter((e) => validateInjectedEvent(state, e).ok);
  return ok.length === 0 ? state : { ...state, schedule: [...state.schedule, ...ok] };
}
