/** Re-simulation of a match log: the same fold the live server runs. */
import type { CompanyId } from "./ids.ts";
import type { MatchConfigInput, MatchState, ScheduledEvent, TurnReport } from "./types.ts";
import { createMatch } from "./create-match.ts";
import { resolveTurn } from "./resolve-turn.ts";
import { hashState } from "./hash.ts";
import { injectEvents } from "./inject.ts";

export interface ReplayInputTurn {
  readonly turn: number;
  readonly decisions: Readonly<Partial<Record<CompanyId, unknown>>>;
  readonly hash?: string;
  /** Events a teacher injected into this turn. */
  readonly events?: readonly ScheduledEvent[];
}

export interface ReplayOutcome {
  readonly state: MatchState;
  readonly hashes: readonly string[];
  readonly reports: readonly TurnReport[];
  /** First turn whose recomputed hash differs from the recorded one, or null. */
  readonly firstDivergentTurn: number | null;
  readonly error: string | null;
}

export function replayMatch(config: MatchConfigInput, turns: readonly ReplayInputTurn[]): ReplayOutcome {
  let state = createMatch(config);
  const hashes: string[] = [];
  const reports: TurnReport[] = [];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    if (t.turn !== i) return { state, hashes, reports, firstDivergentTurn: i, error: `turn ${i} is recorded as turn ${t.turn}` };
    if (state.ended) return { state, hashes, reports, firstDivergentTurn: i, error: `the match ended before turn ${i}` };
    const r = resolveTurn(t.events && t.events.length > 0 ? injectEvents(state, t.events) : state, t.decisions);
    state = r.state;
    reports.push(r.report);
    const h = hashState(state);
    hashes.push(h);
    if (t.hash !== undefined && t.hash !== h) return { state, hashes, reports, firstDivergentTurn: i, error: `hash mismatch at turn ${i}` };
  }
  return { state, hashes, reports, firstDivergentTurn: null, error: null };
}
