/** The turn clock with time injected: expiry, pause/resume/extend, and the reading pause after a reveal. */
import { describe, expect, it } from "vitest";
import { TurnClock } from "../../../server/rooms/turn-clock.ts";
import { FakeTime } from "./fake-time.ts";

function setup() {
  const time = new FakeTime();
  const log: string[] = [];
  const clock = new TurnClock(time, () => time.now, {
    expired: () => log.push("expired"),
    readingOver: () => log.push("readingOver"),
    changed: () => undefined,
  });
  return { time, log, clock };
}

describe("TurnClock", () => {
  it("expires after the turn's time, not before", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 0);
    expect(clock.view.deadline).toBe(time.now + 1000);
    time.advance(999);
    expect(log).toEqual([]);
    time.advance(1);
    expect(log).toEqual(["expired"]);
    expect(clock.view.deadline).toBe(0);
  });

  it("an untimed turn never expires and cannot be extended", () => {
    const { time, log, clock } = setup();
    clock.startTurn(0, 0);
    time.advance(10_000_000);
    expect(log).toEqual([]);
    expect(clock.extend(5000)).toMatchObject({ ok: false, code: "rule/no_timer" });
  });

  it("a paused clock keeps its remaining time and never expires while paused", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 0);
    time.advance(400);
    expect(clock.pause()).toEqual({ ok: true });
    expect(clock.pause()).toMatchObject({ ok: false, code: "rule/already_paused" });
    expect(clock.view).toMatchObject({ deadline: 0, paused: true });
    time.advance(60_000);
    expect(log).toEqual([]);
    expect(clock.resume()).toEqual({ ok: true });
    expect(clock.resume()).toMatchObject({ ok: false, code: "rule/not_paused" });
    expect(clock.view.deadline).toBe(time.now + 600);
    time.advance(600);
    expect(log).toEqual(["expired"]);
  });

  it("extends a running, a paused and a not-yet-started timer", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 0);
    time.advance(500);
    clock.extend(2000);
    expect(clock.view.deadline).toBe(time.now + 2500);
    clock.pause();
    clock.extend(1000);
    clock.resume();
    expect(clock.view.deadline).toBe(time.now + 3500);
    time.advance(3499);
    expect(log).toEqual([]);
    time.advance(1);
    expect(log).toEqual(["expired"]);
  });

  it("reading holds the timer until endReading, then the full turn time runs", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 20_000);
    expect(clock.view).toMatchObject({ reading: true, deadline: 0, readingUntil: time.now + 20_000 });
    time.advance(5000);
    expect(log).toEqual([]);
    expect(clock.endReading()).toBe(true);
    expect(clock.endReading()).toBe(false);
    expect(log).toEqual(["readingOver"]);
    expect(clock.view).toMatchObject({ reading: false, readingUntil: 0, deadline: time.now + 1000 });
    time.advance(1000);
    expect(log).toEqual(["readingOver", "expired"]);
  });

  it("reading ends by itself after its time; a pause taken while reading holds the timer after it", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 3000);
    clock.pause();
    time.advance(3000);
    expect(log).toEqual(["readingOver"]);
    expect(clock.view).toMatchObject({ reading: false, paused: true, deadline: 0 });
    time.advance(50_000);
    expect(log).toEqual(["readingOver"]);
    clock.resume();
    time.advance(1000);
    expect(log).toEqual(["readingOver", "expired"]);
  });

  it("the pause carries into the next turn; stop leaves no timer behind", () => {
    const { time, log, clock } = setup();
    clock.startTurn(1000, 0);
    clock.pause();
    clock.stop();
    clock.startTurn(1000, 0);
    expect(clock.view).toMatchObject({ paused: true, deadline: 0 });
    clock.resume();
    clock.stop();
    expect(time.pending).toBe(0);
    time.advance(5000);
    expect(log).toEqual([]);
  });
});
