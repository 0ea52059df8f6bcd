/**
 * The one place the server asks an AI for a seat's decision (shared/ai's `decideFor`). Must be
 * deterministic: same state + seat + level + seed → same decision, so a restored match replays
 * the same way. The AI's seed comes from `aiSeedFor` (shared/engine/seeds.ts).
 */
import { decideFor } from "../shared/ai/index.ts";
import type { CompanyId, Decision, MatchState } from "../shared/engine/index.ts";
import type { Difficulty } from "../shared/protocol/index.ts";

export type { Difficulty };

export function aiDecision(state: MatchState, seat: CompanyId, difficulty: Difficulty, aiSeed: number): Decision {
  return decideFor(state, seat, difficulty, aiSeed);
}
