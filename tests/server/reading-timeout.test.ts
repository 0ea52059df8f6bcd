/** The reading pause after a reveal ends by itself after the reveal time, acknowledged or not. */
import { describe, expect, it } from "vitest";
import type { TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { useTestApp, Player } from "./harness.ts";

const env = useTestApp("reading-timeout", { turnMsOverride: 400, revealMs: 300 });

const SOLO_TIMED = { turns: 4, mode: "multiplayer", aiSeats: ["amazon", "alphabet", "meta"], turnSeconds: 10 } as const;

describe("reading pause", () => {
  it("reading ends by itself after the reveal time", async () => {
    const ann = await Player.create(env.app.wsUrl, { name: "Ann", ...SOLO_TIMED });
    await ann.turnStarted(0);
    // Advance (or the timer) ends turn 0: Ann sends nothing that could count in turn 1.
    ann.room.send("teacher:advance");
    // The turn opened with its timer held for reading (no deadline) …
    const t1 = await ann.turnStarted(1);
    expect(t1.deadline).toBeUndefined();
    // … and nobody acknowledged, yet its timer started and resolved it with Ann's default decision.
    const r1 = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1, 10_000);
    expect(r1.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(t1.defaultDecision);
    expect(ann.log.filter((m) => m.type === "error")).toEqual([]);
    await ann.leave();
  });
});
