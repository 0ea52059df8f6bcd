/**
 * Re-simulation of a match log: the same fold the live server runs, and the two ways a log pins
 * each turn's state.
 *
 * - `"state"` (replay files version 1): each turn's hash is `hashState` of the whole state after
 *   it. Re-hashing the growing state every turn dominates verification.
 * - `"chain"` (version 2): each turn's hash is SHA-256 of the previous turn's hash and the turn's
 *   delta — the canonical list of values that changed from the state before the turn to the state
 *   after it. The chain starts from `hashState` of the initial state, so by induction turn t's hash
 *   pins the whole state after turn t (and the path to it). The delta is computed by value, never by
 *   object identity, so a state revived from JSON hashes like one fresh from the engine; shared
 *   sub-objects are only a shortcut (equal by identity ⇒ equal by value).
 */
import type { CompanyId } from "./ids.ts";
import type { MatchConfig, MatchConfigInput, MatchState, ScheduledEvent, TurnReport } from "./types.ts";
import { createMatch } from "./create-match.ts";
import { resolveTurn } from "./resolve-turn.ts";
import { canonicalJson, hashState, sha256Hex } from "./hash.ts";
import { injectEvents } from "./inject.ts";

export const HASH_SCHEMES = ["state", "chain"] as const;
export type HashScheme = (typeof HASH_SCHEMES)[number];

export interface ReplayInputTurn {
  readonly turn: number;
  readonly decisions: Readonly<Partial<Record<CompanyId, unknown>>>;
  readonly hash?: string;
  /** Events a teacher injected into this turn. */
  readonly events?: readonly ScheduledEvent[];
}

/** What a replay file says about its match (the file's `turnCount` is the config's `turns`). */
export type ReplayHeader = Pick<MatchConfig, "scenario" | "variant" | "seed" | "scoring" | "randomEvents" | "parLevel"> & {
  readonly seats: readonly MatchConfig["seats"][number][];
  readonly turnCount: number;
};

/** The match config a replay file was played with. */
export function configOfReplay(r: ReplayHeader): MatchConfig {
  return {
    scenario: r.scenario,
    variant: r.variant,
    turns: r.turnCount,
    seats: [...r.seats],
    seed: r.seed,
    scoring: r.scoring,
    randomEvents: r.randomEvents,
    ...(r.parLevel ? { parLevel: r.parLevel } : {}),
  };
}

// ---------------------------------------------------------------- the chained hash

function isPlainObject(x: unknown): x is Readonly<Record<string, unknown>> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** One delta computation: canonical JSON memoised per object for its duration (states are never mutated). */
class DeltaWriter {
  readonly out: string[] = [];
  readonly #canon = new Map<unknown, string>();

  canon(x: unknown): string {
    if (x === null || typeof x !== "object") return canonicalJson(x);
    let s = this.#canon.get(x);
    if (s === undefined) {
      s = canonicalJson(x);
      this.#canon.set(x, s);
    }
    return s;
  }

  same(a: unknown, b: unknown): boolean {
    return a === b || this.canon(a) === this.canon(b);
  }

  /**
   * Lines for every difference between `a` and `b`: objects key by key (sorted), arrays as the
   * elements of `a` dropped (`path-i`, indices into `a`) followed by the elements appended
   * (`path+json`) — the shape of every list the engine keeps (cohorts retire anywhere, new ones
   * join at the end) — and anything else as its new value (`path=json`; `path~` for a removed key).
   * From `a` and these lines `b` is rebuilt exactly, so the delta pins the new state.
   */
  diff(a: unknown, b: unknown, path: string): void {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      let j = 0;
      for (let i = 0; i < a.length; i++) {
        if (j < b.length && this.same(a[i], b[j])) j++;
        else this.out.push(`${path}-${i}`);
      }
      for (; j < b.length; j++) this.out.push(`${path}+${this.canon(b[j])}`);
      return;
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = new Set<string>();
      for (const k of Object.keys(a)) if (a[k] !== undefined) keys.add(k);
      for (const k of Object.keys(b)) if (b[k] !== undefined) keys.add(k);
      for (const k of [...keys].sort()) {
        const sub = `${path},${JSON.stringify(k)}`;
        const bv = b[k];
        if (bv === undefined) this.out.push(`${sub}~`);
        else this.diff(a[k], bv, sub);
      }
      return;
    }
    // A primitive that changed, or a value that changed kind: the new value, whole.
    const text = this.canon(b);
    if (this.canon(a) !== text) this.out.push(`${path}=${text}`);
  }
}

/** The canonical delta from one state to the next (see `DeltaWriter.diff`). Pure and value-based. */
export function stateDelta(before: MatchState, after: MatchState): string {
  const w = new DeltaWriter();
  w.diff(before, after, "$");
  return w.out.join("\n");
}

/** Where a chain starts: the state hash of the match before its first turn. */
export function chainStart(initial: MatchState): string {
  return hashState(initial);
}

/** The chained hash of the turn that led from `before` to `after`; `prev` is the previous turn's (or `chainStart`). */
export function chainHash(prev: string, before: MatchState, after: MatchState): string {
  return sha256Hex(`${prev}\n${stateDelta(before, after)}`);
}

/** A turn hash in the given scheme. For `"chain"`, `prev` null means the turn is the match's first. */
export function turnHash(scheme: HashScheme, prev: string | null, before: MatchState, after: MatchState): string {
  return scheme === "state" ? hashState(after) : chainHash(prev ?? chainStart(before), before, after);
}

// ---------------------------------------------------------------- the fold, one turn at a time

export interface ReplayStep {
  readonly turn: number;
  /** The state after this turn. */
  readonly state: MatchState;
  readonly report: TurnReport;
  readonly hash: string;
  /** The hash the log recorded for this turn, if any. */
  readonly recorded: string | undefined;
  /** Whether the recomputed hash equals the recorded one (null when nothing was recorded). */
  readonly matches: boolean | null;
}

/**
 * Re-simulates a log one turn at a time (the replay viewer steps it between frames). Keeps going
 * past a hash mismatch so the rest of the log can still be shown; stops at a structural error
 * (a misnumbered turn, a turn after the end, an engine failure), reported in `error`.
 */
export class Replayer {
  readonly scheme: HashScheme;
  readonly initial: MatchState;
  #state: MatchState;
  #prev: string | null = null;
  #next = 0;
  #error: string | null = null;
  readonly #turns: readonly ReplayInputTurn[];

  constructor(config: MatchConfigInput, turns: readonly ReplayInputTurn[], scheme: HashScheme = "state") {
    this.scheme = scheme;
    this.initial = createMatch(config);
    this.#state = this.initial;
    this.#turns = turns;
  }

  get state(): MatchState {
    return this.#state;
  }

  /** Set when the fold had to stop before the end of the log. */
  get error(): string | null {
    return this.#error;
  }

  get done(): boolean {
    return this.#error !== null || this.#next >= this.#turns.length;
  }

  /** Resolves the next turn of the log; null when done (see `error`). */
  step(): ReplayStep | null {
    if (this.done) return null;
    const i = this.#next;
    const t = this.#turns[i]!;
    const before = this.#state;
    if (t.turn !== i) return this.#fail(`turn ${i} is recorded as turn ${t.turn}`);
    if (before.ended) return this.#fail(`the match ended before turn ${i}`);
    let r: ReturnType<typeof resolveTurn>;
    try {
      r = resolveTurn(t.events && t.events.length > 0 ? injectEvents(before, t.events) : before, t.decisions);
    } catch (e) {
      return this.#fail(`turn ${i} cannot be resolved: ${e instanceof Error ? e.message : String(e)}`);
    }
    const hash = turnHash(this.scheme, this.#prev, before, r.state);
    this.#state = r.state;
    this.#prev = hash;
    this.#next = i + 1;
    return { turn: i, state: r.state, report: r.report, hash, recorded: t.hash, matches: t.hash === undefined ? null : t.hash === hash };
  }

  #fail(message: string): null {
    this.#error = message;
    return null;
  }
}

// ---------------------------------------------------------------- the whole log at once

export interface ReplayOutcome {
  readonly state: MatchState;
  readonly hashes: readonly string[];
  readonly reports: readonly TurnReport[];
  /** First turn whose recomputed hash differs from the recorded one, or null. */
  readonly firstDivergentTurn: number | null;
  readonly error: string | null;
}

/** Re-simulates a log and stops at the first turn whose hash differs from the recorded one. */
export function replayMatch(config: MatchConfigInput, turns: readonly ReplayInputTurn[], scheme: HashScheme = "state"): ReplayOutcome {
  const r = new Replayer(config, turns, scheme);
  const hashes: string[] = [];
  const reports: TurnReport[] = [];
  for (let step = r.step(); step; step = r.step()) {
    hashes.push(step.hash);
    reports.push(step.report);
    if (step.matches === false) return { state: r.state, hashes, reports, firstDivergentTurn: step.turn, error: `hash mismatch at turn ${step.turn}` };
  }
  const error = r.error;
  return { state: r.state, hashes, reports, firstDivergentTurn: error === null ? null : hashes.length, error };
}

/**
 * Which scheme a stored log's hashes use, told by its first turn (a server's database may hold logs
 * written before the chained hash existed). "chain" for an empty log: nothing to tell, and new logs chain.
 */
export function detectScheme(config: MatchConfigInput, turns: readonly ReplayInputTurn[]): HashScheme {
  const first = turns[0];
  if (!first?.hash) return "chain";
  const step = new Replayer(config, [first], "state").step();
  return step?.matches === true ? "state" : "chain";
}
