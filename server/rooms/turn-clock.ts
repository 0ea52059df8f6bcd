/**
 * The turn clock of one match: the turn timer (pause, resume, extend) and the reading pause after
 * a reveal. While players read the reveal the next turn is open but its timer does not run; it
 * starts when the room calls `endReading()` (every connected player acknowledged) or when the
 * reading time runs out. Pausing is independent of turns: a paused clock stays paused into the
 * next turn until resumed.
 *
 * Time and timers are injected (`Scheduler`, `now`) so the clock is tested without waiting.
 */

export interface Timer {
  clear(): void;
}
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): Timer;
}

export interface ClockHooks {
  /** The turn timer ran out. */
  expired(): void;
  /** The reading pause ended (by time or by `endReading`). */
  readingOver(): void;
  /** Something visible changed (deadline, paused, reading). */
  changed(): void;
}

export interface ClockView {
  /** Epoch ms when the turn resolves by timer; 0 = no running timer. */
  readonly deadline: number;
  readonly paused: boolean;
  readonly reading: boolean;
  /** Epoch ms when reading ends by itself; 0 when not reading. */
  readonly readingUntil: number;
}

export type ClockResult = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

const OK: ClockResult = { ok: true };

export class TurnClock {
  readonly #scheduler: Scheduler;
  readonly #now: () => number;
  readonly #hooks: ClockHooks;
  /** This turn's timer length; 0 = untimed. */
  #turnMs = 0;
  /** Time the timer still has when it is not running (paused or reading). */
  #remainingMs = 0;
  #timer: Timer | null = null;
  #deadline = 0;
  #paused = false;
  #readingTimer: Timer | null = null;
  #readingUntil = 0;

  constructor(scheduler: Scheduler, now: () => number, hooks: ClockHooks) {
    this.#scheduler = scheduler;
    this.#now = now;
    this.#hooks = hooks;
  }

  get view(): ClockView {
    return { deadline: this.#deadline, paused: this.#paused, reading: this.#readingUntil > 0, readingUntil: this.#readingUntil };
  }

  get reading(): boolean {
    return this.#readingUntil > 0;
  }

  /** Opens a turn: `turnMs` 0 = untimed; `readingMs` > 0 holds the timer while the reveal is read. */
  startTurn(turnMs: number, readingMs: number): void {
    this.#clearTimers();
    this.#turnMs = Math.max(0, turnMs);
    this.#remainingMs = this.#turnMs;
    if (readingMs > 0) {
      this.#readingUntil = this.#now() + readingMs;
      this.#readingTimer = this.#scheduler.setTimeout(() => {
        this.#readingTimer = null;
        this.endReading();
      }, readingMs);
    } else {
      this.#arm();
    }
    this.#hooks.changed();
  }

  /** Ends the reading pause early (everyone acknowledged); false when not reading. */
  endReading(): boolean {
    if (this.#readingUntil === 0) return false;
    this.#readingTimer?.clear();
    this.#readingTimer = null;
    this.#readingUntil = 0;
    this.#arm();
    this.#hooks.changed();
    this.#hooks.readingOver();
    return true;
  }

  pause(): ClockResult {
    if (this.#paused) return { ok: false, code: "rule/already_paused", message: "the timer is already paused" };
    this.#paused = true;
    if (this.#timer) this.#remainingMs = Math.max(0, this.#deadline - this.#now());
    this.#timer?.clear();
    this.#timer = null;
    this.#deadline = 0;
    this.#hooks.changed();
    return OK;
  }

  resume(): ClockResult {
    if (!this.#paused) return { ok: false, code: "rule/not_paused", message: "the timer is not paused" };
    this.#paused = false;
    this.#arm();
    this.#hooks.changed();
    return OK;
  }

  /** Adds time to the open turn: to the running deadline, or to what the timer will have when it starts. */
  extend(ms: number): ClockResult {
    if (this.#turnMs === 0) return { ok: false, code: "rule/no_timer", message: "this turn has no timer to extend" };
    if (this.#timer) {
      const left = Math.max(0, this.#deadline - this.#now()) + ms;
      this.#timer.clear();
      this.#timer = null;
      this.#remainingMs = left;
      this.#arm();
    } else {
      this.#remainingMs += ms;
    }
    this.#hooks.changed();
    return OK;
  }

  /** The turn is over (resolving or ended): no timer, no reading. Pausing is kept. */
  stop(): void {
    this.#clearTimers();
    this.#turnMs = 0;
    this.#remainingMs = 0;
    this.#hooks.changed();
  }

  #arm(): void {
    if (this.#paused || this.#readingUntil > 0 || this.#turnMs === 0 || this.#timer) return;
    const ms = this.#remainingMs;
    this.#deadline = this.#now() + ms;
    this.#timer = this.#scheduler.setTimeout(() => {
      this.#timer = null;
      this.#deadline = 0;
      this.#remainingMs = 0;
      this.#hooks.expired();
    }, ms);
  }

  #clearTimers(): void {
    this.#timer?.clear();
    this.#timer = null;
    this.#deadline = 0;
    this.#readingTimer?.clear();
    this.#readingTimer = null;
    this.#readingUntil = 0;
  }
}
