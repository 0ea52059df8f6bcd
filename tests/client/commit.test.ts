import { describe, expect, test } from "vitest";
import { createMatch, defaultDecision, type Decision } from "../../shared/engine/index.ts";
import { acknowledged, commitState, draftAtRisk, parsePending, sameDecision, warnSecondsFor, type SeatFlags } from "../../client/src/commit.ts";

const state = createMatch({ seed: 3 });
const d0 = defaultDecision(state, "microsoft");
const seat = (company: string, over: Partial<SeatFlags> = {}): SeatFlags => ({
  company,
  committed: false,
  ready: false,
  status: "active",
  control: "ai",
  ...over,
});

describe("the commit flow as data", () => {
  test("decisions compare field by field, bids regardless of order (zero bids are no bids)", () => {
    const a: Decision = {
      ...d0,
      energyBids: [
        { dealId: "x", amount: 5 },
        { dealId: "y", amount: 7 },
      ],
    };
    const b: Decision = {
      ...d0,
      energyBids: [
        { dealId: "y", amount: 7 },
        { dealId: "x", amount: 5 },
        { dealId: "z", amount: 0 },
      ],
    };
    expect(sameDecision(a, b)).toBe(true);
    expect(sameDecision(a, { ...b, capex: b.capex + 1 })).toBe(false);
    expect(sameDecision(a, { ...b, debtTenor: 30 })).toBe(false);
  });

  test("the server's sealed pending decision is parsed; garbage is no decision", () => {
    expect(parsePending("")).toBeNull();
    expect(parsePending("{oops")).toBeNull();
    expect(parsePending(JSON.stringify(d0))).toEqual(d0);
    expect(acknowledged(JSON.stringify(d0), d0)).toBe(true);
    expect(acknowledged(JSON.stringify({ ...d0, capex: 1 }), d0)).toBe(false);
  });

  test("draft → sending → committed → all ready", () => {
    const others = [seat("amazon", { committed: true, ready: true }), seat("meta")];
    const me = { ...seat("microsoft", { control: "human" }), pending: "" };
    const base = { phase: "deciding", me, seats: [me, ...others], awaiting: null, draft: d0 };
    const draft = commitState(base);
    expect(draft.step).toBe("draft");
    expect(draft.held).toBeNull();
    expect(draft.draftDiffers).toBe(true);
    expect(commitState({ ...base, awaiting: d0 }).step).toBe("sending");
    const held = { ...me, committed: true, ready: true, pending: JSON.stringify(d0) };
    const committed = commitState({ ...base, me: held, seats: [held, ...others] });
    expect(committed.step).toBe("committed");
    expect(committed.waitingFor).toEqual(["meta"]);
    expect([committed.readyCount, committed.seatCount]).toEqual([2, 3]);
    const all = [held, others[0]!, { ...others[1]!, ready: true }];
    expect(commitState({ ...base, me: held, seats: all }).step).toBe("all_ready");
    expect(commitState({ ...base, phase: "resolving" }).step).toBe("all_ready");
    // Defaulted seats are out: they are not waited for.
    const out = commitState({ ...base, me: held, seats: [held, others[0]!, { ...others[1]!, status: "defaulted" }] });
    expect(out.step).toBe("all_ready");
    // Unready after a commit with the form changed: a draft again, and it differs from what the server holds.
    const editing = commitState({
      ...base,
      me: { ...held, ready: false },
      seats: [{ ...held, ready: false }, ...others],
      draft: { ...d0, capex: d0.capex + 1 },
    });
    expect(editing.step).toBe("draft");
    expect(editing.held).toEqual(d0);
    expect(editing.draftDiffers).toBe(true);
  });

  test("the warning before the timer replaces a draft: only when time is short and the draft is not what the server holds", () => {
    const me = { ...seat("microsoft", { control: "human" }), pending: "" };
    const base = { phase: "deciding", me, seats: [me], awaiting: null, draft: d0 };
    const none = commitState(base);
    expect(draftAtRisk(none, 25, true, 20)).toBe(false);
    expect(draftAtRisk(none, 15, true, 20)).toBe(true);
    expect(draftAtRisk(none, 15, false, 20)).toBe(true);
    expect(draftAtRisk(none, null, true, 20)).toBe(false);
    const heldSame = commitState({ ...base, me: { ...me, committed: true, pending: JSON.stringify(d0) } });
    expect(draftAtRisk(heldSame, 5, true, 20)).toBe(false);
    expect(draftAtRisk(heldSame, 5, false, 20)).toBe(false);
    const heldOther = commitState({ ...base, me: { ...me, committed: true, pending: JSON.stringify(d0) }, draft: { ...d0, capex: 1 } });
    expect(draftAtRisk(heldOther, 5, true, 20)).toBe(true);
    const committed = commitState({
      ...base,
      me: { ...me, committed: true, ready: true, pending: JSON.stringify(d0) },
      seats: [{ ...me, ready: true }, seat("amazon")],
    });
    expect(draftAtRisk(committed, 5, true, 20)).toBe(false);
    expect(warnSecondsFor(10)).toBe(10);
    expect(warnSecondsFor(120)).toBe(24);
    expect(warnSecondsFor(3600)).toBe(30);
  });
});
