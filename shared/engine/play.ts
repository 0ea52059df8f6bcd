/**
 * The match loop, in one place: create → decide → resolve until the match ends. The CLI's sim,
 * the balance harness, the tournament, the benchmarks and the tests all play through here, so
 * every runtime folds the same way (the server's room and the replay verifier fold turn by turn
 * as their messages and files arrive).
 */
import { createMatch } from "./create-match.ts";
import type { CompanyId } from "./ids.ts";
import { type HashScheme, turnHash } from "./replay.ts";
import { resolveTurn } from "./resolve-turn.ts";
import type { Decision, MatchConfigInput, MatchState, TurnReport } from "./types.ts";

export type Decisions<D = Decision> = Partial<Record<CompanyId, D>>;

/** One resolved quarter: the state it started from, what was sent, what came out. */
export interface PlayedTurn<D = Decision> {
  readonly turn: number;
  readonly before: MatchState;
  readonly decisions: Decisions<D>;
  readonly state: MatchState;
  readonly report: TurnReport;
}

/**
 * The decisions of every active seat, in config order: `decide(seat, index)` with the seat's
 * index in the config (a seat that returns undefined sends nothing, and its default stands).
 */
export function decideActive<D = Decision>(state: MatchState, decide: (seat: CompanyId, index: number) => D | undefined): Decisions<D> {
  const out: Decisions<D> = {};
  state.config.seats.forEach((seat, i) => {
    if (state.companies[seat]?.status !== "active") return;
    const d = decide(seat, i);
    if (d !== undefined) out[seat] = d;
  });
  return out;
}

export interface PlayHooks<D = Decision> {
  /** Changes the state a turn resolves from (e.g. a teacher's injected events); after `decide`. */
  readonly prepare?: (state: MatchState, decisions: Decisions<D>) => MatchState;
  /** Sees every resolved turn. */
  readonly onTurn?: (played: PlayedTurn<D>) => void;
}

/**
 * Plays from a config (or a state already under way) to the end: each quarter `decide(state)`
 * gives the decisions, `resolveTurn` folds them in. Returns the final state.
 */
export function playMatch<D = Decision>(
  start: MatchConfigInput | MatchState,
  decide: (state: MatchState) => Decisions<D>,
  hooks: PlayHooks<D> = {},
): MatchState {
  let state = "companies" in start ? start : createMatch(start);
  while (!state.ended) {
    const decisions = decide(state);
    const before = hooks.prepare ? hooks.prepare(state, decisions) : state;
    const { state: next, report } = resolveTurn(before, decisions);
    hooks.onTurn?.({ turn: before.turn, before, decisions, state: next, report });
    state = next;
  }
  return state;
}

/** A recorded quarter as a replay file holds it: the decisions and the hash after the turn. */
export interface RecordedTurn<D = Decision> {
  readonly turn: number;
  readonly decisions: Decisions<D>;
  readonly hash: string;
}

/** `playMatch`, recording each quarter's decisions and its hash under `scheme` (chained by default). */
export function playRecorded<D = Decision>(
  start: MatchConfigInput | MatchState,
  decide: (state: MatchState) => Decisions<D>,
  scheme: HashScheme = "chain",
): { state: MatchState; turns: RecordedTurn<D>[] } {
  const turns: RecordedTurn<D>[] = [];
  let prev: string | null = null;
  const state = playMatch(start, decide, {
    onTurn: ({ turn, before, decisions, state: after }) => {
      prev = turnHash(scheme, prev, before, after);
      turns.push({ turn, decisions, hash: prev });
    },
  });
  return { state, turns };
}
