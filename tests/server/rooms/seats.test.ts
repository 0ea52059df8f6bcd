/** Seats: claim, reclaim from AI, hand to AI, grace period — without a server. */
import { describe, expect, it } from "vitest";
import { SeatTable } from "../../../server/rooms/seats.ts";
import { hashToken } from "../../../server/util.ts";
import { FakeTime } from "./fake-time.ts";

describe("SeatTable", () => {
  it("claims, holds for AI, and gives the seat back to its token", () => {
    const t = new SeatTable<string>(["microsoft", "amazon"], {});
    const ms = t.get("microsoft")!;
    t.claim(ms, "conn1", "Ann", hashToken("tok"), false);
    expect(t.firstVacant()?.company).toBe("amazon");
    expect(t.connectedHumans().map((s) => s.company)).toEqual(["microsoft"]);
    ms.client = null;
    ms.held = true;
    ms.pending = { capex: 1 } as never;
    ms.ready = true;
    expect(t.aiPlays(ms)).toBe(true);
    expect(t.byToken("tok")).toBe(ms);
    expect(t.byToken("nope")).toBeUndefined();
    // The owner returns mid-turn: the AI's decision gives way to the human's.
    expect(t.reclaim(ms, "conn2", "Ann", true)).toBeNull();
    expect(ms).toMatchObject({ client: "conn2", held: false, control: "human", pending: null, ready: false });
    expect(t.records().microsoft).toEqual({ control: "human", name: "Ann", tokenHash: hashToken("tok"), held: false });
  });

  it("reclaiming from another live connection returns the connection to close", () => {
    const t = new SeatTable<string>(["microsoft"], {});
    const ms = t.get("microsoft")!;
    t.claim(ms, "tab1", "Ann", hashToken("tok"), false);
    const rejected: unknown[] = [];
    ms.reconnection = { reject: (e: unknown) => rejected.push(e) };
    expect(t.reclaim(ms, "tab2", "Ann", false)).toBe("tab1");
    expect(rejected).toHaveLength(1);
    expect(ms.reconnection).toBeNull();
  });

  it("giving a seat to AI voids its token; the grace timer hands a silent seat over once", () => {
    const time = new FakeTime();
    const t = new SeatTable<string>(["microsoft"], { microsoft: { control: "human", name: "Ann", tokenHash: hashToken("tok"), held: false } });
    const ms = t.get("microsoft")!;
    let expired = 0;
    t.startGrace(ms, time, 1000, () => expired++);
    time.advance(999);
    expect(expired).toBe(0);
    time.advance(1);
    expect(expired).toBe(1);
    t.startGrace(ms, time, 1000, () => expired++);
    ms.client = "back";
    time.advance(5000);
    expect(expired).toBe(1);
    expect(t.giveToAi(ms)).toBe("back");
    expect(t.byToken("tok")).toBeUndefined();
    expect(ms).toMatchObject({ control: "ai", name: "", tokenHash: "" });
  });
});
