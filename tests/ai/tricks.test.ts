/**
 * The regression set's tricks do what their names say (issue 11), so the tournament measures the
 * trick and not a bug in it; and the personalities pay their company's documented dividend.
 */
import { describe, expect, test } from "vitest";
import type { CompanyId } from "../../shared/engine/ids.ts";
import type { MatchState } from "../../shared/engine/types.ts";
import { decisionBounds } from "../../shared/engine/validate.ts";
import { COMPANY_PARAMS } from "../../shared/rules/params.ts";
import { decideFor } from "../../shared/ai/index.ts";
import { sampleStates } from "./states.ts";

const CASES = sampleStates({ seeds: 4, turns: [2, 3, 11] }).filter((c) => !c.state.ended);
const active = (s: MatchState): CompanyId[] => s.config.seats.filter((id) => s.companies[id]?.status === "active");
const lastQuarter = (s: MatchState): boolean => s.turn === s.config.turns - 1;

describe("tricks", () => {
  test("the sample has final quarters and earlier ones", () => {
    expect(CASES.some((c) => lastQuarter(c.state))).toBe(true);
    expect(CASES.some((c) => !lastQuarter(c.state))).toBe(true);
  });

  test("final payout: the guidance path, then nothing built and cash paid out in the last quarter", () => {
    for (const { state } of CASES)
      for (const seat of active(state)) {
        const d = decideFor(state, seat, "final_payout", 3);
        if (!lastQuarter(state)) expect(d).toEqual(decideFor(state, seat, "guidance", 3));
        else {
          expect(d.capex).toBe(0);
          const b = decisionBounds(state, seat);
          if (b.buybacks.max + b.dividends.max > 0 && b.budget > 0) expect(d.buybacks + d.dividends).toBeGreaterThan(0);
        }
      }
  });

  test("race then pay out: the arms racer until two quarters are left, then nothing built", () => {
    for (const { state } of CASES)
      for (const seat of active(state)) {
        const d = decideFor(state, seat, "race_then_payout", 3);
        if (state.config.turns - 1 - state.turn >= 2) expect(d).toEqual(decideFor(state, seat, "arms_racer", 3));
        else expect(d.capex).toBe(0);
      }
  });

  test("energy hog bids the maximum and the sniper the reserve + $1M, on deals they may bid on", () => {
    let bids = 0;
    for (const { state } of CASES)
      for (const seat of active(state)) {
        const deals = new Map(decisionBounds(state, seat).energyDeals.map((x) => [x.dealId, x]));
        for (const bid of decideFor(state, seat, "energy_hog", 3).energyBids) {
          expect(bid.amount).toBe(deals.get(bid.dealId)!.maxBid);
          bids++;
        }
        for (const bid of decideFor(state, seat, "energy_snipe", 3).energyBids) {
          const deal = deals.get(bid.dealId)!;
          expect(bid.amount).toBe(Math.min(deal.maxBid, deal.minBid + 1));
          bids++;
        }
      }
    expect(bids).toBeGreaterThan(0);
  });

  test("oscillating capex: above the guidance path on even quarters, below it on odd ones", () => {
    for (const { state } of CASES.filter((c) => !lastQuarter(c.state)))
      for (const seat of active(state)) {
        const g = decideFor(state, seat, "guidance", 3).capex;
        const o = decideFor(state, seat, "oscillating_capex", 3).capex;
        if (state.turn % 2 === 0) expect(o).toBeGreaterThanOrEqual(g);
        else expect(o).toBeLessThanOrEqual(g);
      }
  });

  test("loot then wipe: borrows all it may and pays dividends, buybacks only in the second half", () => {
    for (const { state } of CASES)
      for (const seat of active(state)) {
        const d = decideFor(state, seat, "loot_then_wipe", 3);
        if (state.turn * 2 < state.config.turns) expect(d.buybacks).toBe(0);
        const b = decisionBounds(state, seat);
        if (b.debtIssue.max > 0 && b.debtTenors.length > 0) expect(d.debtIssue).toBe(b.debtIssue.max);
      }
  });
});

describe("personalities pay their company's documented dividend", () => {
  test.each(["disciplined", "arms_racer", "leveraged", "energy_first", "tit_for_tat", "grim_trigger"] as const)("%s", (who) => {
    let payers = 0;
    for (const { state } of CASES.filter((c) => c.state.turn === 2))
      for (const seat of active(state)) {
        const d = decideFor(state, seat, who, 3);
        if (COMPANY_PARAMS[seat].dividendCentsQ === 0) expect(d.dividends).toBe(0);
        else if (decisionBounds(state, seat).dividends.max > 0 && d.dividends > 0) payers++;
      }
    expect(payers).toBeGreaterThan(0);
  });
});
