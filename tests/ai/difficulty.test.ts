import { describe, expect, test } from "vitest";
import { createMatch } from "../../shared/engine/index.ts";
import { viewFor } from "../../shared/engine/view.ts";
import {
  AI_STRINGS,
  DIFFICULTIES,
  DIFFICULTY_IDS,
  PERSONALITIES,
  PERSONALITY_REGISTRY,
  contextFor,
  decideFor,
  levelPolicy,
  personalityFor,
  policyFor,
} from "../../shared/ai/index.ts";
import { DIFFICULTIES as PROTOCOL_DIFFICULTIES } from "../../shared/protocol/messages.ts";

describe("difficulty levels", () => {
  test("the levels are the protocol's, each mapped to personalities and a planning depth", () => {
    expect([...DIFFICULTY_IDS]).toEqual([...PROTOCOL_DIFFICULTIES]);
    expect(Object.keys(DIFFICULTIES).sort()).toEqual([...PROTOCOL_DIFFICULTIES].sort());
    for (const d of DIFFICULTY_IDS) {
      expect(DIFFICULTIES[d].personalities.length).toBeGreaterThan(0);
      for (const p of [...DIFFICULTIES[d].personalities, ...Object.values(DIFFICULTIES[d].byCompany)]) expect(PERSONALITIES).toContain(p);
    }
  });

  test("planning grows with difficulty: easy never looks ahead, hard looks furthest with the most roll-outs", () => {
    const rollouts = (d: (typeof DIFFICULTY_IDS)[number]) => {
      const p = DIFFICULTIES[d].planning;
      return p.depth * p.candidates * p.samples;
    };
    expect(DIFFICULTIES.easy.planning.depth).toBe(0);
    expect(DIFFICULTIES.easy.personalities).not.toContain("planner");
    expect(DIFFICULTIES.normal.planning.depth).toBeGreaterThan(0);
    expect(DIFFICULTIES.hard.planning.depth).toBeGreaterThan(DIFFICULTIES.normal.planning.depth);
    expect(rollouts("hard")).toBeGreaterThan(rollouts("normal"));
    expect(DIFFICULTIES.hard.personalities).toEqual(["planner"]);
  });

  test("every personality plays at some level", () => {
    const used = new Set(DIFFICULTY_IDS.flatMap((d) => [...DIFFICULTIES[d].personalities, ...Object.values(DIFFICULTIES[d].byCompany)]));
    expect([...used].sort()).toEqual([...PERSONALITIES].sort());
  });

  test("AI seats take their company's character, else the level's personalities in seat order", () => {
    const seats = ["microsoft", "amazon", "alphabet", "meta"] as const;
    const easy = seats.map((s) => personalityFor(seats, s, "easy"));
    expect(easy).toEqual(["disciplined", "energy_first", DIFFICULTIES.easy.personalities[2], "arms_racer"]);
    expect(seats.map((s) => personalityFor(seats, s, "hard"))).toEqual(["planner", "planner", "planner", "planner"]);
    // Tesla (no documented character) takes the list by its seat.
    expect(personalityFor(["tesla", "amazon"], "tesla", "easy")).toBe(DIFFICULTIES.easy.personalities[0]);
    expect(personalityFor(["amazon", "tesla"], "tesla", "easy")).toBe(DIFFICULTIES.easy.personalities[1]);
  });

  test("a bare personality id plays its plain rule; at a level with look-ahead the same character plans", () => {
    const state = createMatch({ seed: 5 });
    for (const seat of state.config.seats) {
      const view = viewFor(state, seat);
      const ctx = contextFor(state, seat, 3);
      expect(policyFor("arms_racer")(view, ctx)).toEqual(PERSONALITY_REGISTRY.arms_racer.make(DIFFICULTIES.easy.planning)(view, ctx));
    }
  });

  test("decideFor at a level decides as the mapped personality does", () => {
    const state = createMatch({ seed: 5 });
    for (const d of ["easy", "normal"] as const) {
      for (const seat of state.config.seats) {
        const id = personalityFor(state.config.seats, seat, d);
        const viaLevel = decideFor(state, seat, d, 3);
        const direct = levelPolicy(id, d)(viewFor(state, seat), contextFor(state, seat, 3));
        expect(viaLevel, `${d} ${seat} (${id})`).toEqual(direct);
      }
    }
    // The levels play differently from the same seat (in some seat: a character's own call may be what the planner picks too).
    const differs = state.config.seats.filter((s) => new Set(DIFFICULTY_IDS.map((d) => decideFor(state, s, d, 3).capex)).size > 1);
    expect(differs.length).toBeGreaterThan(0);
    const seat = "amazon";
    expect(policyFor("zero_capex")(viewFor(state, seat), contextFor(state, seat, 3)).capex).toBe(0);
  });
});

describe("names", () => {
  test("every personality has an English and a Chinese name and description, all distinct", () => {
    const en = new Set<string>();
    const zh = new Set<string>();
    for (const id of PERSONALITIES) {
      const info = PERSONALITY_REGISTRY[id];
      expect(info.id).toBe(id);
      for (const key of [info.nameKey, info.aboutKey]) {
        const s = AI_STRINGS[key];
        expect(s.en.length).toBeGreaterThan(3);
        expect(s["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      }
      en.add(AI_STRINGS[info.nameKey].en);
      zh.add(AI_STRINGS[info.nameKey]["zh-CN"]);
    }
    expect(en.size).toBe(PERSONALITIES.length);
    expect(zh.size).toBe(PERSONALITIES.length);
  });
});
