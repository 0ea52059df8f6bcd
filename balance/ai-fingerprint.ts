/**
 * A fingerprint of what the shipped AI levels decide: every core seat's decision at each level on
 * three fixed states of each scenario (the opening, and after one and five quarters of default play). par.json
 * carries the fingerprint of the AI it was calibrated on, so a change to the AI that leaves the
 * engine alone still shows as a stale par (a tripwire, not a proof: an AI change that decides the
 * same on these states passes it).
 */
import { CORE_FOUR, createMatch, defaultDecision, resolveTurn, SCENARIOS, type MatchState } from "../shared/engine/index.ts";
import { canonicalJson, sha256Hex } from "../shared/engine/hash.ts";
import { DIFFICULTY_IDS, decideFor } from "../shared/ai/index.ts";

const AI_SEED = 20_261_130;

function probeStates(): MatchState[] {
  return SCENARIOS.flatMap((scenario) => {
    const states = [createMatch({ scenario, seed: 11, turns: 12, seats: [...CORE_FOUR], randomEvents: false })];
    for (let q = 0; q < 5; q++) {
      const s = states[states.length - 1]!;
      states.push(resolveTurn(s, Object.fromEntries(s.config.seats.map((id) => [id, defaultDecision(s, id)]))).state);
    }
    // The opening, one quarter in, and five in (where a planner already holds a line).
    return [states[0]!, states[1]!, states[5]!];
  });
}

export function aiFingerprint(): string {
  const decisions = probeStates().map((s) => DIFFICULTY_IDS.map((level) => s.config.seats.map((id) => decideFor(s, id, level, AI_SEED))));
  return sha256Hex(canonicalJson(decisions)).slice(0, 16);
}
