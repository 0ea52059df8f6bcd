/** The reading pause after a reveal ends by itself after the reveal time, acknowledged or not. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../server/app.ts";
import type { TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { Player, startTestApp, tempDataDir, until, freeTestPort } from "./harness.ts";

let quick: AppHandle;
const data = tempDataDir("reading-timeout");

beforeAll(async () => {
  quick = await startTestApp(await freeTestPort(), data.dir, { turnMsOverride: 400, revealMs: 300 });
});
afterAll(async () => {
  await quick?.close();
  data.cleanup();
});

const SOLO_TIMED = { turns: 4, mode: "multiplayer", aiSeats: ["amazon", "alphabet", "meta"], turnSeconds: 10 } as const;

describe("reading pause", () => {
  it("reading ends by itself after the reveal time", async () => {
    const ann = await Player.create(quick.wsUrl, { name: "Ann", ...SOLO_TIMED });
    await ann.turnStarted(0);
    ann.room.send("ready");
    // The turn opened with its timer held for reading (no deadline) …
    expect((await ann.turnStarted(1)).deadline).toBeUndefined();
    // … and it started by itself, without an acknowledgement.
    await until(() => ann.room.state.turn === 1 && ann.room.state.deadline > 0, 5000, "turn 1's timer started without an acknowledgement");
    expect(ann.room.state.reading).toBe(false);
    expect(ann.room.state.seats.get("microsoft")?.acked).toBe(false);
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1, 5000);
    await ann.leave();
  });
});
