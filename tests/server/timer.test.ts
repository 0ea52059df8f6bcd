/** Turn timer: resolves on expiry with default decisions; the host pauses, resumes and advances. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppHandle } from "../../server/app.ts";
import type { TurnResolvedMessage, TurnStartedMessage } from "../../shared/protocol/index.ts";
import { Player, startTestApp, tempDataDir, until, freeTestPort } from "./harness.ts";

const PORT = await freeTestPort();
const TURN_MS = 400;
let app: AppHandle;
const data = tempDataDir("timer");

beforeAll(async () => {
  app = await startTestApp(PORT, data.dir, { turnMsOverride: TURN_MS });
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

describe("turn timer", () => {
  it("resolves when time runs out, with the default decision for a silent seat", async () => {
    const ann = await Player.create(app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["amazon", "alphabet", "meta"], turnSeconds: 10 });
    const ts = await ann.turnStarted(0);
    expect(typeof ts.deadline).toBe("number");
    const r = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0, 5000);
    expect(r.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(ts.defaultDecision);

    // Pause: no resolution while paused; resume: it resolves again.
    await ann.turnStarted(1);
    ann.room.send("teacher:pause");
    await until(() => ann.room.state.paused === true, 3000, "paused");
    expect(ann.room.state.deadline).toBe(0);
    await new Promise((res) => setTimeout(res, TURN_MS * 2.5));
    expect(ann.log.some((m) => m.type === "turn:resolved" && (m.payload as TurnResolvedMessage).turn === 1)).toBe(false);
    const err = await ann.errorAfter(() => ann.room.send("teacher:pause"));
    expect(err?.code).toBe("rule/already_paused");
    ann.room.send("teacher:resume");
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1, 5000);

    // The only human ready: early resolution, no need to wait for the timer.
    await ann.turnStarted(2);
    ann.room.send("ready");
    await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 2, 5000);
    const t3: TurnStartedMessage = await ann.turnStarted(3);
    ann.room.send("teacher:advance");
    const r3 = await ann.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 3, 5000);
    expect(r3.report.seats.find((s) => s.company === "microsoft")?.decision).toEqual(t3.defaultDecision);
    await ann.waitFor("match:ended");
    await ann.leave();
  });

  it("the host can hand a seat to AI; its player becomes a spectator", async () => {
    const ann = await Player.create(app.wsUrl, { name: "Ann", turns: 4, mode: "multiplayer", aiSeats: ["alphabet", "meta"], turnSeconds: 3600 });
    ann.room.send("teacher:pause");
    const bob = await Player.join(app.wsUrl, ann.room.roomId, { name: "Bob" });
    await bob.turnStarted(0);
    ann.room.send("teacher:seat", { seat: "amazon", ai: true });
    const w = await bob.waitFor<{ role: string; seat: string | null }>("welcome", (m) => m.role === "spectator");
    expect(w.seat).toBeNull();
    await until(() => ann.room.state.seats.get("amazon")?.control === "ai", 3000, "amazon to AI");
    const err = await bob.errorAfter(() => bob.room.send("ready"));
    expect(err?.code).toBe("auth/not_seated");
    await Promise.all([ann.leave(), bob.leave()]);
  });
});
