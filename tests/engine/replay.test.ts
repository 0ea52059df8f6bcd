/** replayMatch: the re-simulation fold; round trip and tamper detection. */
import { describe, expect, test } from "vitest";
import { hashState, replayMatch, type CompanyId, type Decision, type MatchConfigInput } from "../../shared/engine/index.ts";
import type { ReplayInputTurn } from "../../shared/engine/replay.ts";
import { play, scriptedDecisions } from "./helpers.ts";

const CONFIG: MatchConfigInput = { seed: 80, scenario: "buildout", variant: "cons", turns: 6, seats: ["microsoft", "amazon", "meta", "oracle", "tesla"] };
const LIVE = play(CONFIG, scriptedDecisions);
const LOG: ReplayInputTurn[] = LIVE.decisions.map((decisions, i) => ({ turn: i, decisions, hash: hashState(LIVE.states[i + 1]!) }));

function tamper(turn: number, seat: CompanyId, patch: Partial<Decision>): ReplayInputTurn[] {
  return LOG.map((t) => (t.turn === turn ? { ...t, decisions: { ...t.decisions, [seat]: { ...(t.decisions[seat] as Decision), ...patch } } } : t));
}

describe("replayMatch", () => {
  test("round trip: the live match re-simulates hash for hash", () => {
    const r = replayMatch(CONFIG, LOG);
    expect(r.error).toBeNull();
    expect(r.firstDivergentTurn).toBeNull();
    expect(r.hashes).toEqual(LOG.map((t) => t.hash));
    expect(hashState(r.state)).toBe(hashState(LIVE.states[LIVE.states.length - 1]!));
    expect(r.reports).toEqual(LIVE.reports);
    expect(r.state.ended).toBe(true);
  });

  test("the log survives a JSON round trip", () => {
    const r = replayMatch(JSON.parse(JSON.stringify(CONFIG)) as MatchConfigInput, JSON.parse(JSON.stringify(LOG)) as ReplayInputTurn[]);
    expect(r.firstDivergentTurn).toBeNull();
  });

  test.each([0, 2, 5])("a tampered decision at turn %i is caught at that turn", (turn) => {
    const original = LOG[turn]!.decisions.amazon as Decision;
    const r = replayMatch(CONFIG, tamper(turn, "amazon", { capex: original.capex > 1000 ? original.capex - 1000 : original.capex + 1000 }));
    expect(r.firstDivergentTurn).toBe(turn);
    expect(r.error).toMatch(new RegExp(`turn ${turn}`));
    expect(r.hashes.slice(0, turn)).toEqual(LOG.slice(0, turn).map((t) => t.hash));
  });

  test("a dropped decision (the default stands instead) is caught", () => {
    const log = LOG.map((t) => (t.turn === 3 ? { ...t, decisions: { ...t.decisions, tesla: undefined } } : t));
    expect(replayMatch(CONFIG, log).firstDivergentTurn).toBe(3);
  });

  test("a tampered hash is caught at its turn; a different seed diverges at once", () => {
    const log = LOG.map((t) => (t.turn === 4 ? { ...t, hash: "0".repeat(64) } : t));
    expect(replayMatch(CONFIG, log).firstDivergentTurn).toBe(4);
    expect(replayMatch({ ...CONFIG, seed: 81 }, LOG).firstDivergentTurn).toBe(0);
  });

  test("misnumbered turns and turns past the end are errors, not crashes", () => {
    const misnumbered = LOG.map((t, i) => (i === 2 ? { ...t, turn: 7 } : t));
    expect(replayMatch(CONFIG, misnumbered)).toMatchObject({ firstDivergentTurn: 2, error: expect.stringMatching(/turn 2/) });
    const tooLong = [...LOG, { turn: LOG.length, decisions: {} }];
    expect(replayMatch(CONFIG, tooLong)).toMatchObject({ firstDivergentTurn: LOG.length, error: expect.stringMatching(/ended/) });
  });

  test("without recorded hashes it simply re-simulates", () => {
    const r = replayMatch(
      CONFIG,
      LOG.map(({ turn, decisions }) => ({ turn, decisions })),
    );
    expect(r.firstDivergentTurn).toBeNull();
    expect(r.hashes).toEqual(LOG.map((t) => t.hash));
  });
});
