/**
 * The personalities of issue 11: each company plays its documented character, the builders stay
 * credit-worthy (rating guard, payouts from free cash flow), the trigger forgives, and the
 * characters differ in what they do with every lever.
 */
import { describe, expect, test } from "vitest";
import { decideActive, playMatch } from "../../shared/engine/play.ts";
import { INVESTMENT_GRADE, type CompanyId } from "../../shared/engine/ids.ts";
import type { Decision, MatchState } from "../../shared/engine/types.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { COMPANY_PERSONALITY, DIFFICULTIES, type AiId, contextFor, decideFor, levelPolicy, personalityFor } from "../../shared/ai/index.ts";
import { PUNISH_QUARTERS, quartersSinceDefection, ranksBroken } from "../../shared/ai/personalities.ts";
import { holdsRating } from "../../shared/ai/shape.ts";

const CORE: readonly CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];

interface Played {
  readonly final: MatchState;
  readonly states: MatchState[];
  readonly decisions: Partial<Record<CompanyId, Decision>>[];
}

function play(
  seed: number,
  players: Partial<Record<CompanyId, AiId>>,
  seats: readonly CompanyId[] = CORE,
  scenario: "reckoning" | "buildout" = "reckoning",
): Played {
  const states: MatchState[] = [];
  const decisions: Partial<Record<CompanyId, Decision>>[] = [];
  const final = playMatch(
    { seed, scenario, variant: seed % 2 === 0 ? "cons" : "guide", turns: 12, seats: [...seats], randomEvents: true },
    (s) => decideActive(s, (seat) => decideFor(s, seat, players[seat] ?? "guidance", seed)),
    {
      onTurn: ({ before, decisions: d }) => {
        states.push(before);
        decisions.push(d);
      },
    },
  );
  return { final, states, decisions };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("company → personality", () => {
  test("each company with a documented character plays it at easy and normal; the rest take the level's list by seat", () => {
    for (const level of ["easy", "normal"] as const) {
      expect(personalityFor(CORE, "microsoft", level)).toBe("disciplined");
      expect(personalityFor(CORE, "amazon", level)).toBe("energy_first");
      expect(personalityFor(CORE, "meta", level)).toBe("arms_racer");
      // Seat order no longer decides a documented company's character.
      expect(personalityFor(["meta", "microsoft"], "meta", level)).toBe("arms_racer");
      expect(personalityFor(["oracle", "apple", "tesla"], "oracle", level)).toBe("leveraged");
      expect(personalityFor(["oracle", "apple", "tesla"], "apple", level)).toBe("disciplined");
      // Alphabet and Tesla have no documented character: the level's list, by their seat.
      expect(personalityFor(CORE, "alphabet", level)).toBe(DIFFICULTIES[level].personalities[2 % DIFFICULTIES[level].personalities.length]);
      expect(personalityFor(["tesla"], "tesla", level)).toBe(DIFFICULTIES[level].personalities[0]);
    }
    expect(COMPANY_PERSONALITY.meta).toBe("arms_racer");
    for (const seat of CORE) expect(personalityFor(CORE, seat, "hard")).toBe("planner");
  });

  test("normal plays each character with look-ahead: not always the plain rule's call", () => {
    const { states } = play(3, { microsoft: "normal", amazon: "normal", alphabet: "normal", meta: "normal" });
    let differ = 0;
    for (const state of states.slice(1, 9)) {
      for (const seat of ["microsoft", "meta"] as const) {
        const view = viewFor(state, seat);
        const ctx = contextFor(state, seat, 3);
        const id = personalityFor(CORE, seat, "normal");
        if (JSON.stringify(levelPolicy(id, "normal")(view, ctx)) !== JSON.stringify(levelPolicy(id, "easy")(view, ctx))) differ++;
      }
    }
    expect(differ).toBeGreaterThan(0);
  });
});

describe("credit-aware builders", () => {
  test("the arms racer out-builds the guidance path yet never pays out of debt and stays investment grade", () => {
    for (const seed of [1, 2, 3, 4]) {
      const racer = play(seed, { microsoft: "normal", amazon: "normal", alphabet: "normal", meta: "arms_racer" });
      const guide = play(seed, { microsoft: "normal", amazon: "normal", alphabet: "normal", meta: "guidance" });
      const capex = (p: Played) => sum(p.decisions.map((d) => d.meta?.capex ?? 0));
      expect(capex(racer), `seed ${seed}`).toBeGreaterThan(capex(guide));
      for (const s of [...racer.states, racer.final]) {
        const meta = s.companies.meta!;
        // Lenders cut a seat to a fifth of its capacity when it pays out beyond free cash flow while net debt rises.
        expect(meta.lendersWaryQuarters, `seed ${seed} turn ${s.turn}`).toBe(0);
        expect(INVESTMENT_GRADE, `seed ${seed} turn ${s.turn}`).toContain(meta.rating);
      }
    }
  });

  test("the rating guard cuts capex to keep the previewed rating at the personality's floor", () => {
    // A table of arms racers: the build-out presses every seat's rating.
    const p = play(1, { microsoft: "arms_racer", amazon: "arms_racer", alphabet: "arms_racer", meta: "arms_racer" });
    let guarded = 0;
    for (const state of p.states.slice(1)) {
      for (const seat of CORE) {
        if (state.companies[seat]?.status !== "active") continue;
        const view = viewFor(state, seat);
        const ctx = contextFor(state, seat, 1);
        const d = decideFor(state, seat, "arms_racer", 1);
        const wantMore = { ...d, capex: d.capex + Math.max(1, Math.round(d.capex / 4)) };
        if (holdsRating(view.own!, ctx, d, "A-") && !holdsRating(view.own!, ctx, wantMore, "A-")) guarded++;
      }
    }
    expect(guarded).toBeGreaterThan(0);
  });
});

describe("grim trigger forgives", () => {
  test("it punishes a rival that spends past its guidance for a year, then restrains again", () => {
    const mean = (xs: number[]) => sum(xs) / Math.max(1, xs.length);
    let forgiven = 0;
    const during: number[] = [];
    const after: number[] = [];
    for (const seed of [5, 6, 7, 8]) {
      // Meta races (past its guidance) against a table that keeps to its own.
      const p = play(seed, { microsoft: "grim_trigger", amazon: "guidance", alphabet: "guidance", meta: "arms_racer" });
      p.states.forEach((s, i) => {
        const view = viewFor(s, "microsoft");
        const since = quartersSinceDefection(view);
        // Punishing exactly for the year after a defection starts.
        expect(ranksBroken(view), `seed ${seed} turn ${s.turn}`).toBe(since !== null && since <= PUNISH_QUARTERS);
        if (since === null) return;
        // Microsoft's capex against its year-ago quarter: the punishment shows in what it builds.
        const growth = (p.decisions[i]?.microsoft?.capex ?? 0) / Math.max(1, s.companies.microsoft!.capexHistory.at(-4) ?? 1);
        if (since <= PUNISH_QUARTERS) during.push(growth);
        else {
          forgiven++;
          after.push(growth);
        }
      });
    }
    // A grim trigger would never forgive; this one does once a defection is a year old.
    expect(forgiven).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);
    expect(mean(during)).toBeGreaterThan(mean(after));
  });

  test("the documented guidance path alone is no defection", () => {
    const p = play(7, { microsoft: "grim_trigger", amazon: "guidance", alphabet: "guidance", meta: "guidance" });
    for (const s of p.states) expect(quartersSinceDefection(viewFor(s, "microsoft"))).toBeNull();
  });
});

describe("distinct characters", () => {
  test("capex, borrowing, payouts and chips differ by character, as the documents describe them", () => {
    const seats: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
    const totals = (id: AiId) => {
      const out = { capexGrowth: 0, issued: 0, dividends: 0, buybacks: 0, custom: 0, chipRnd: 0, tenor30: 0 };
      for (const seed of [11, 12]) {
        // The same seat (Meta) plays each character against the guidance table.
        const p = play(seed, { microsoft: "guidance", amazon: "guidance", alphabet: "guidance", meta: id }, seats);
        const d = p.decisions.map((x) => x.meta!).filter(Boolean);
        out.capexGrowth += sum(d.map((x) => x.capex));
        out.issued += sum(d.map((x) => x.debtIssue));
        out.dividends += sum(d.map((x) => x.dividends));
        out.buybacks += sum(d.map((x) => x.buybacks));
        out.custom += sum(d.map((x) => x.customShareBp));
        out.chipRnd += sum(d.map((x) => x.chipRnd));
        out.tenor30 += d.filter((x) => x.debtIssue > 0 && x.debtTenor === 30).length;
      }
      return out;
    };
    const racer = totals("arms_racer");
    const disciplined = totals("disciplined");
    const leveraged = totals("leveraged");
    // The arms racer builds the most; the disciplined seat borrows nothing and hands back the most.
    expect(racer.capexGrowth).toBeGreaterThan(disciplined.capexGrowth);
    expect(disciplined.issued).toBe(0);
    expect(racer.issued).toBeGreaterThan(0);
    expect(disciplined.buybacks + disciplined.dividends).toBeGreaterThan(racer.buybacks + racer.dividends);
    // Oracle-style: bought chips, long bonds; the racer takes its own silicon and spends on it.
    expect(leveraged.custom).toBe(0);
    expect(racer.custom).toBeGreaterThan(disciplined.custom);
    expect(racer.chipRnd).toBeGreaterThan(disciplined.chipRnd);
    expect(leveraged.tenor30 + racer.tenor30).toBeGreaterThan(0);
  });
});
