/** Protocol zod schemas: good input passes, bad input is rejected with a message that says what is wrong. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import {
  CreateOptionsSchema,
  DecideMessageSchema,
  DecisionSchema,
  JoinOptionsSchema,
  MatchConfigSchema,
  ReplayFileSchema,
  TeacherEventSchema,
  parseReplayText,
  verifyReplay,
  type ReplayFile,
} from "../../shared/protocol/index.ts";
import {
  COMPANIES,
  ENGINE_VERSION,
  createMatch,
  defaultDecision,
  resolveTurn,
  validateDecision,
  type CompanyId,
  type Decision,
} from "../../shared/engine/index.ts";
import { activeSeats, decisionFromPlan, play, scriptedDecisions } from "../engine/helpers.ts";
import { nearShapeArb } from "../engine/arbitraries.ts";
import { playRecorded } from "../../shared/engine/play.ts";

/** The engine's codes for a decision that is not well-formed (what the schema rejects at the door). */
const SHAPE_CODES = ["decision/malformed", "decision/unknown_field", "decision/out_of_range"];

const GOOD_DECISION: Decision = {
  capex: 30_000,
  customShareBp: 1500,
  chipRnd: 500,
  debtIssue: 10_000,
  debtTenor: 30,
  debtRepay: 0,
  energyBids: [{ dealId: "E0-1", amount: 400 }],
  buybacks: 2000,
  dividends: 1000,
};

/** Parses and returns the issues, asserting failure; each issue must name a path or say what is wrong. */
function rejects(schema: z.ZodType, input: unknown, path: string, message?: RegExp): void {
  const r = schema.safeParse(input);
  expect(r.success, `accepted ${JSON.stringify(input)}`).toBe(false);
  if (r.success) return;
  const issue = r.error.issues.find((i) => i.path.map(String).join(".") === path);
  expect(issue, `issues: ${JSON.stringify(r.error.issues.map((i) => [i.path.join("."), i.message]))}`).toBeDefined();
  expect(issue!.message.length).toBeGreaterThan(5);
  if (message) expect(issue!.message).toMatch(message);
}

describe("DecisionSchema", () => {
  test("accepts a complete decision and every engine default", () => {
    expect(DecisionSchema.parse(GOOD_DECISION)).toEqual(GOOD_DECISION);
    const s = createMatch({ seed: 1, seats: [...COMPANIES] });
    for (const id of COMPANIES) expect(DecisionSchema.safeParse(defaultDecision(s, id)).success).toBe(true);
  });

  test.each([
    ["a fractional amount", { capex: 1.5 }, "capex", /int/i],
    ["a negative amount", { buybacks: -1 }, "buybacks", />=\s*0|too small/i],
    ["an amount past the hard cap", { debtIssue: 10_000_001 }, "debtIssue", /10000000|too big/i],
    ["a custom share above 100%", { customShareBp: 10_001 }, "customShareBp", /10000|too big/i],
    ["a tenor that is not offered", { debtTenor: 20 }, "debtTenor", undefined],
    ["a string for a number", { dividends: "5" }, "dividends", /number/i],
    ["a bid without a deal", { energyBids: [{ amount: 5 }] }, "energyBids.0.dealId", undefined],
    ["too many bids", { energyBids: Array.from({ length: 9 }, (_, i) => ({ dealId: `E${i}`, amount: 1 })) }, "energyBids", /8|too big/i],
  ] as const)("rejects %s", (_label, patch, path, message) => {
    rejects(DecisionSchema, { ...GOOD_DECISION, ...patch }, path, message);
  });

  test("rejects unknown and missing fields", () => {
    const r = DecisionSchema.safeParse({ ...GOOD_DECISION, cheat: 1 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/cheat/);
    const { capex: _c, ...missing } = GOOD_DECISION;
    rejects(DecisionSchema, missing, "capex");
  });

  test("the schema and the engine's shape check agree on near-valid decisions, both ways", () => {
    // Opening and mid-match states, every seat: the legal ranges differ, so do the nudged fields.
    const states = play({ seed: 2, seats: [...COMPANIES], turns: 4 }, scriptedDecisions).states.filter((s) => !s.ended);
    const seen = { samples: 0, accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.constantFrom(...COMPANIES), fc.gen(), (s, seat, g) => {
        const { decision, nudged } = g(() => nearShapeArb(s, seat));
        const accepted = DecisionSchema.safeParse(decision).success;
        const v = validateDecision(s, seat, decision);
        const shapeErrors = v.ok ? [] : v.errors.filter((e) => SHAPE_CODES.includes(e.code));
        seen.samples++;
        if (accepted) {
          seen.accepted++;
          expect(nudged, "a nudge out of shape got past the schema").toBe(false);
          expect(shapeErrors).toEqual([]);
        } else {
          seen.rejected++;
          expect(shapeErrors.length, `the engine found ${JSON.stringify(decision)} well-formed`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
    // Every sample reaches an assertion; both sides are well represented.
    expect(seen.samples).toBe(300);
    expect(seen.accepted).toBeGreaterThan(seen.samples / 3);
    expect(seen.rejected).toBeGreaterThan(seen.samples / 3);
    console.log(`schema cross-check reach: ${JSON.stringify(seen)}`);
  });

  test("every decision built inside decisionBounds passes the schema", () => {
    let s = createMatch({ seed: 3, seats: [...COMPANIES], turns: 4 });
    while (!s.ended) {
      for (const id of activeSeats(s))
        for (const k of [0, 5000, 10_000])
          expect(
            DecisionSchema.safeParse(
              decisionFromPlan(s, id as CompanyId, {
                capexBp: k,
                customBp: k,
                rndBp: k,
                debtBp: k,
                tenorIdx: k,
                repayBp: k,
                bids: [{ dealIdx: 0, amountBp: k }],
                buybacksBp: k,
                dividendsBp: k,
              }),
            ).success,
          ).toBe(true);
      s = resolveTurn(s, scriptedDecisions(s)).state;
    }
  });

  test("DecideMessage wraps a decision with a turn", () => {
    expect(DecideMessageSchema.safeParse({ turn: 3, decision: GOOD_DECISION }).success).toBe(true);
    rejects(DecideMessageSchema, { turn: -1, decision: GOOD_DECISION }, "turn");
    rejects(DecideMessageSchema, { turn: 1, decision: { ...GOOD_DECISION, capex: -3 } }, "decision.capex");
  });
});

describe("CreateOptions and JoinOptions", () => {
  test("accept good options, including none at all", () => {
    expect(CreateOptionsSchema.safeParse({}).success).toBe(true);
    const good = {
      scenario: "buildout",
      variant: "cons",
      turns: 12,
      seats: ["meta", "oracle"],
      aiSeats: "fill",
      turnSeconds: 90,
      mode: "classroom",
      seed: 42,
      scoring: "blend",
      difficulty: "hard",
      name: "Ada",
      seat: "meta",
      role: "teacher",
    };
    expect(CreateOptionsSchema.parse(good)).toEqual(good);
    expect(CreateOptionsSchema.safeParse({ aiSeats: ["tesla"] }).success).toBe(true);
  });

  test.each([
    ["an unknown scenario", { scenario: "apocalypse" }, "scenario"],
    ["too few turns", { turns: 3 }, "turns"],
    ["too many turns", { turns: 25 }, "turns"],
    ["a fractional seed", { seed: 1.5 }, "seed"],
    ["a seed past uint32", { seed: 2 ** 32 }, "seed"],
    ["Nvidia as a seat (it is the market)", { seats: ["nvidia"] }, "seats.0"],
    ["an empty seat list", { seats: [] }, "seats"],
    ["a timer that is too short", { turnSeconds: 5 }, "turnSeconds"],
    ["an unknown mode", { mode: "ranked" }, "mode"],
    ["an unknown field", { cheat: true }, ""],
    ["a name that is too long", { name: "x".repeat(41) }, "name"],
  ] as const)("CreateOptions rejects %s", (_label, input, path) => {
    rejects(CreateOptionsSchema, input, path);
  });

  test("CreateOptions rejects a seat listed twice (createMatch would throw on it)", () => {
    rejects(CreateOptionsSchema, { seats: ["meta", "meta"] }, "seats");
    expect(() => createMatch({ seats: ["meta", "meta"] })).toThrow(/distinct/);
  });

  test("JoinOptions fills defaults and rejects bad input", () => {
    expect(JoinOptionsSchema.parse({})).toEqual({ name: "Player", role: "player" });
    expect(JoinOptionsSchema.parse({ name: "Bo", seat: "apple", code: "ABC123", role: "spectator" })).toEqual({
      name: "Bo",
      seat: "apple",
      code: "ABC123",
      role: "spectator",
    });
    rejects(JoinOptionsSchema, { role: "admin" }, "role");
    rejects(JoinOptionsSchema, { seat: "nvidia" }, "seat");
    rejects(JoinOptionsSchema, { name: 7 }, "name", /string/i);
    rejects(JoinOptionsSchema, { code: "x".repeat(13) }, "code");
    rejects(JoinOptionsSchema, { extra: 1 }, "");
  });

  test("MatchConfigSchema and TeacherEventSchema", () => {
    const c = createMatch({ seed: 4 }).config;
    expect(MatchConfigSchema.parse(c)).toEqual(c);
    rejects(MatchConfigSchema, { ...c, seats: ["meta", "meta"] }, "seats", /repeat/);
    expect(TeacherEventSchema.safeParse({ kind: "grid_outage", target: "meta", magnitudeBp: 2000 }).success).toBe(true);
    rejects(TeacherEventSchema, { kind: "alien_invasion" }, "kind");
    rejects(TeacherEventSchema, { kind: "rate_move", magnitudeBp: 20_000 }, "magnitudeBp");
  });
});

describe("replay files", () => {
  const config = { scenario: "reckoning", variant: "guide", seed: 90, turns: 4, seats: ["microsoft", "meta"], scoring: "tsr", randomEvents: true } as const;

  function makeFile(): ReplayFile {
    const turns = playRecorded(config, scriptedDecisions, "state").turns as ReplayFile["turns"];
    // Whole-state hashes (hashState per turn) are the version-1 scheme.
    return {
      version: 1,
      engineVersion: ENGINE_VERSION,
      scenario: config.scenario,
      variant: config.variant,
      seed: config.seed,
      seats: [...config.seats],
      turnCount: config.turns,
      scoring: config.scoring,
      randomEvents: config.randomEvents,
      createdAt: "2026-01-01T00:00:00Z",
      turns,
    };
  }
  const FILE = makeFile();

  test("a well-formed file parses (through text) and verifies", () => {
    const parsed = parseReplayText(JSON.stringify(FILE));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file).toEqual(FILE);
    const v = verifyReplay(parsed.file);
    expect(v).toMatchObject({ ok: true, turnsChecked: 4, firstDivergentTurn: null, engineVersionMatches: true });
    expect(v.finalHash).toBe(FILE.turns[3]!.hash);
  });

  test("defaults: scoring and randomEvents may be omitted", () => {
    const { scoring: _s, randomEvents: _r, ...rest } = FILE;
    expect(ReplayFileSchema.parse(rest)).toMatchObject({ scoring: "tsr", randomEvents: true });
  });

  test("a tampered decision is reported at its turn", () => {
    const bad = structuredClone(FILE) as ReplayFile;
    const d = bad.turns[2]!.decisions.meta!;
    bad.turns[2]!.decisions.meta = { ...d, capex: d.capex > 1000 ? d.capex - 1000 : d.capex + 1000 };
    const v = verifyReplay(bad);
    expect(v.ok).toBe(false);
    expect(v.firstDivergentTurn).toBe(2);
    expect(v.message).toMatch(/turn 2/);
    expect(v.expectedHash).toBe(FILE.turns[2]!.hash);
    expect(v.gotHash).not.toBe(FILE.turns[2]!.hash);
  });

  test("malformed JSON, a wrong version and bad fields get clear sentences", () => {
    const notJson = parseReplayText("{ nope");
    expect(notJson).toMatchObject({ ok: false, error: expect.stringMatching(/JSON/) });
    const v9 = parseReplayText(JSON.stringify({ ...FILE, version: 9 }));
    expect(v9).toMatchObject({ ok: false, error: expect.stringMatching(/version 9.*versions 1 and 2/) });
    const badHash = structuredClone(FILE) as ReplayFile;
    badHash.turns[1]!.hash = "XYZ";
    expect(parseReplayText(JSON.stringify(badHash))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/turns\.1\.hash: hash must be 64 lowercase hex/),
    });
    expect(parseReplayText(JSON.stringify({ ...FILE, seats: ["nvidia"] }))).toMatchObject({ ok: false, error: expect.stringMatching(/seats\.0/) });
    const badDecision = structuredClone(FILE) as unknown as { turns: { decisions: Record<string, Record<string, unknown>> }[] };
    badDecision.turns[0]!.decisions.meta!.capex = -5;
    expect(parseReplayText(JSON.stringify(badDecision))).toMatchObject({ ok: false, error: expect.stringMatching(/turns\.0\.decisions\.meta\.capex/) });
    expect(parseReplayText("[]")).toMatchObject({ ok: false });
    expect(parseReplayText("null")).toMatchObject({ ok: false });
  });

  test("a file whose config the engine refuses is an error, not a crash", () => {
    const bad = { ...FILE, turnCount: 1 };
    expect(ReplayFileSchema.safeParse(bad).success).toBe(true);
    const v = verifyReplay(bad);
    expect(v.ok).toBe(false);
    expect(v.message.length).toBeGreaterThan(10);
  });
});
