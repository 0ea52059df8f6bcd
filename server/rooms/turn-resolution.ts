/**
 * One turn's resolution, pure: the decisions that stand (sent, AI, or the default), the engine's
 * fold with the teacher's events, the new hash and, at the end, the scores. The room persists the
 * result before it reveals anything.
 */
import {
  defaultDecision,
  injectEvents,
  resolveTurn,
  score,
  type CompanyId,
  type Decision,
  type MatchState,
  type ScheduledEvent,
  type SeatScore,
  type TurnReport,
} from "../../shared/engine/index.ts";

export interface SeatChoice {
  readonly company: CompanyId;
  readonly pending: Decision | null;
  readonly fallback: Decision | null;
}

export interface Resolved {
  readonly decisions: Partial<Record<CompanyId, Decision>>;
  readonly after: MatchState;
  readonly report: TurnReport;
  readonly hash: string;
  /** Present when this turn ended the match. */
  readonly scores: readonly SeatScore[] | null;
}

/** Active companies only: a defaulted company no longer decides. */
export function standingDecisions(state: MatchState, seats: readonly SeatChoice[]): Partial<Record<CompanyId, Decision>> {
  const out: Partial<Record<CompanyId, Decision>> = {};
  for (const s of seats) {
    if (state.companies[s.company]?.status !== "active") continue;
    out[s.company] = s.pending ?? s.fallback ?? defaultDecision(state, s.company);
  }
  return out;
}

/** Throws only on an engine bug; the caller keeps the turn open then. `hashTurn`: the match's turn hash (server/replay.ts `TurnHasher`). */
export function resolveOneTurn(
  before: MatchState,
  seats: readonly SeatChoice[],
  events: readonly ScheduledEvent[],
  hashTurn: (before: MatchState, after: MatchState) => string,
): Resolved {
  const decisions = standingDecisions(before, seats);
  const r = resolveTurn(injectEvents(before, events), decisions);
  const hash = hashTurn(before, r.state);
  return { decisions, after: r.state, report: r.report, hash, scores: r.state.ended ? score(r.state) : null };
}
