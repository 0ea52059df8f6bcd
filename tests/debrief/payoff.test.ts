import { describe, expect, test } from "vitest";
import { score } from "../../shared/engine/index.ts";
import { RACED_ABOVE_BP, buildDebrief, findRun, outcomeIn, payoffOf, type Debrief } from "../../shared/debrief/index.ts";
import { CORE, playLog } from "./helpers.ts";

const played = playLog({ seed: 21, turns: 8, who: ["arms_racer", "guidance", "disciplined", "zero_capex"] });
const r = buildDebrief(played.input);
if (!r.ok) throw new Error(r.message);
const d: Debrief = r.debrief;

describe("the realised payoff matrix", () => {
  test.each(CORE)("%s: each cell is the seat's payoff (its score; its TSR under the handicap) in its named run", (seat) => {
    const row = d.payoff.seats.find((x) => x.company === seat)!;
    const pay = (o: { scoreBp: number; tsrBp: number } | undefined) => payoffOf(o!, d.config.scoring);
    expect(row.T).toBe(pay(outcomeIn(findRun(d.runs, "onlyRace", seat), seat)));
    expect(row.R).toBe(pay(outcomeIn(findRun(d.runs, "allRestrain"), seat)));
    expect(row.P).toBe(pay(outcomeIn(findRun(d.runs, "actual"), seat)));
    expect(row.S).toBe(pay(outcomeIn(findRun(d.runs, "onlyRestrain", seat), seat)));
    // P is the engine's own score of the match as played.
    expect(row.P).toBe(pay(score(played.state).find((x) => x.company === seat)));
  });

  test("under the handicap the cells are TSR; under TSR they are the score itself", () => {
    const o = { scoreBp: 13_000, tsrBp: 2_500 };
    expect(payoffOf(o, "handicap")).toBe(2_500);
    expect(payoffOf(o, "tsr")).toBe(13_000);
  });

  test("the orderings it reports follow its cells", () => {
    for (const row of d.payoff.seats) {
      expect(row.orderHolds).toBe(row.T > row.R && row.R > row.P && row.P > row.S);
      expect(row.iteratedHolds).toBe(2 * row.R > row.T + row.S);
      expect(row.racingGainBp).toBe(row.P - row.S);
      expect(row.raced).toBe(row.capexVsRestraintBp > RACED_ABOVE_BP);
    }
    expect(d.payoff.dilemmaSeats).toEqual(d.payoff.seats.filter((x) => x.orderHolds).map((x) => x.company));
  });

  test("a seat that invested nothing did not race; an arms racer did", () => {
    expect(d.payoff.seats.find((x) => x.company === "meta")!.raced).toBe(false);
    expect(d.payoff.seats.find((x) => x.company === "microsoft")!.raced).toBe(true);
  });
});

describe("the dual leaderboard", () => {
  test("private scores are the engine's; welfare sums the seats and compares with all-restrain", () => {
    const engine = score(played.state);
    for (const row of d.welfare.rows) {
      const e = engine.find((x) => x.company === row.company)!;
      expect([row.rank, row.scoreBp, row.defaulted]).toEqual([e.rank, e.scoreBp, e.defaulted]);
      expect(row.restrainScoreBp).toBe(outcomeIn(findRun(d.runs, "allRestrain"), row.company)!.scoreBp);
    }
    expect(d.welfare.rows.map((x) => x.rank)).toEqual([...d.welfare.rows.map((x) => x.rank)].sort((a, b) => a - b));
    const sum = (f: (x: (typeof d.welfare.rows)[number]) => number) => d.welfare.rows.reduce((s, x) => s + f(x), 0);
    expect(sum((x) => x.valueCreated)).toBe(d.welfare.actual.valueCreated);
    expect(sum((x) => x.restrainValueCreated)).toBe(d.welfare.allRestrain.valueCreated);
    expect(sum((x) => x.netIncome)).toBe(d.welfare.actual.netIncome);
    expect(d.welfare.actual.value - d.welfare.actual.startMarketCap).toBe(d.welfare.actual.valueCreated);
    expect(d.welfare.raceCostValue).toBe(d.welfare.allRestrain.value - d.welfare.actual.value);
    expect(d.welfare.raceCostProfit).toBe(d.welfare.allRestrain.netIncome - d.welfare.actual.netIncome);
  });

  test("each seat's value and profit add up from its statements", () => {
    for (const id of CORE) {
      const c = played.state.companies[id]!;
      const o = outcomeIn(findRun(d.runs, "actual"), id)!;
      expect(o.netIncome).toBe(c.history.reduce((s, h) => s + h.income.netIncome, 0));
      expect(o.capex).toBe(c.history.reduce((s, h) => s + h.capex, 0));
      expect(o.valueCreated).toBe(c.marketCap + c.cashReturned - o.equityIssued - c.startMarketCap);
    }
  });
});

describe("the decision history", () => {
  test("one row per quarter, every seat's decision as the engine resolved it", () => {
    expect(d.history).toHaveLength(played.input.turns.length);
    d.history.forEach((q, t) => {
      expect(q.turn).toBe(t);
      for (const row of q.seats) {
        const logged = played.input.turns[t]!.decisions[row.company];
        if (!row.replacedInvalid) expect(row.decision).toEqual(logged);
        const rec = played.state.companies[row.company]!.history[t]!;
        expect(row.sharePriceCents).toBe(rec.sharePriceCents);
        expect(row.capexSpent).toBe(rec.capex);
      }
    });
  });
});
