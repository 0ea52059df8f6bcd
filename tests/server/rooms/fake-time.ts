/** A scheduler whose time only moves when the test says so: clock tests never wait. */
import type { Scheduler, Timer } from "../../../server/rooms/turn-clock.ts";

export class FakeTime implements Scheduler {
  now = 1_000_000;
  #timers: { at: number; fn: () => void; live: boolean }[] = [];

  setTimeout(fn: () => void, ms: number): Timer {
    const t = { at: this.now + ms, fn, live: true };
    this.#timers.push(t);
    return {
      clear: () => {
        t.live = false;
      },
    };
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.now = due.at;
      due.fn();
    }
    this.now = end;
  }

  get pending(): number {
    return this.#timers.filter((t) => t.live).length;
  }
}
