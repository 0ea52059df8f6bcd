/**
 * The replay viewer's model: a replay file re-simulated in the browser with the shared engine, one
 * frame per position (0 = before the first quarter, p = after the p-th quarter), each turn's hash
 * compared with the file's. No rule lives here: states come from the engine's fold, what a seat
 * may see from `viewFor`.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { MatchState, TurnReport } from "../../../shared/engine/types.ts";
import { Replayer, configOfReplay, type HashScheme } from "../../../shared/engine/replay.ts";
import { score } from "../../../shared/engine/score.ts";
import { ENGINE_VERSION } from "../../../shared/engine/types.ts";
import type { ReplayFile } from "../../../shared/protocol/replay.ts";

/** A turn's check: its hash equals the file's, or not; "unplayable" after a structural error; "pending" until computed. */
export type TurnStatus = "pending" | "verified" | "mismatch" | "unplayable";

export interface Frame {
  /** 0 = the opening; p = after the p-th quarter (turn p − 1). */
  readonly position: number;
  readonly state: MatchState;
  /** The quarter's report (null for the opening). */
  readonly report: TurnReport | null;
  readonly hash: string | null;
  readonly recorded: string | null;
}

export class ReplayModel {
  readonly file: ReplayFile;
  readonly scheme: HashScheme;
  /** Number of quarters the file records. */
  readonly total: number;
  /** Why the file cannot be re-simulated at all (another engine version, a config the engine refuses). */
  readonly fatal: string | null;
  readonly frames: Frame[] = [];
  readonly statuses: TurnStatus[];
  firstMismatch: number | null = null;
  readonly #replayer: Replayer | null;

  /** `scheme`: the file version's hash scheme (`hashSchemeOf`, from the loader). */
  constructor(file: ReplayFile, scheme: HashScheme) {
    this.file = file;
    this.scheme = scheme;
    this.total = file.turns.length;
    this.statuses = file.turns.map(() => "pending");
    let fatal: string | null = null;
    let replayer: Replayer | null = null;
    if (file.engineVersion !== ENGINE_VERSION) fatal = "engine";
    else {
      try {
        replayer = new Replayer(configOfReplay(file), file.turns, this.scheme);
        this.frames.push({ position: 0, state: replayer.initial, report: null, hash: null, recorded: null });
      } catch (e) {
        fatal = e instanceof Error ? e.message : String(e);
      }
    }
    this.fatal = fatal;
    this.#replayer = replayer;
  }

  /** Structural error that stopped the fold early (a misnumbered turn, a turn after the end). */
  get error(): string | null {
    return this.#replayer?.error ?? null;
  }

  get done(): boolean {
    return !this.#replayer || this.#replayer.done;
  }

  /** Frames computed so far, including the opening. */
  get computed(): number {
    return this.frames.length;
  }

  get seats(): readonly CompanyId[] {
    return this.file.seats;
  }

  /** Re-simulates turns until `budgetMs` has passed (or the log ends); `now` is injected for tests. */
  advance(budgetMs: number, now: () => number = () => performance.now()): void {
    const r = this.#replayer;
    if (!r) return;
    const t0 = now();
    while (!r.done) {
      const step = r.step();
      if (!step) break;
      this.frames.push({ position: step.turn + 1, state: step.state, report: step.report, hash: step.hash, recorded: step.recorded ?? null });
      this.statuses[step.turn] = step.matches === false ? "mismatch" : "verified";
      if (step.matches === false && this.firstMismatch === null) this.firstMismatch = step.turn;
      if (now() - t0 >= budgetMs) break;
    }
    if (r.error !== null) for (let i = this.frames.length - 1; i < this.total; i++) this.statuses[i] = "unplayable";
  }

  /** Every turn checked, every hash equal. */
  get allVerified(): boolean {
    return this.done && this.statuses.every((s) => s === "verified");
  }

  frame(position: number): Frame | null {
    return this.frames[position] ?? null;
  }

  /** The final ranking, once the fold reached the end of a finished match. */
  finalScores(): ReturnType<typeof score> | null {
    const last = this.frames[this.frames.length - 1];
    return this.done && last?.state.ended ? score(last.state) : null;
  }
}

/** The quarters a file covers, labelled for the timeline: the opening and then each resolved quarter. */
export function positionsOf(model: ReplayModel): number[] {
  return Array.from({ length: model.total + 1 }, (_, i) => i);
}
