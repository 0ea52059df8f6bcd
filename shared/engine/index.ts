/**
 * The engine's public API (ARCHITECTURE.md): pure functions over plain JSON data.
 *
 *   createMatch(config)                → MatchState
 *   resolveTurn(state, decisions)      → { state, report }
 *   validateDecision(state, seat, d)   → { ok: true } | { ok: false, errors }
 *   decisionBounds(state, seat)        → each field's legal range now
 *   defaultDecision(state, seat)       → the decision that stands if a seat sends none
 *   score(state)                       → SeatScore[]
 *   viewFor(state, seat | null)        → what a seat or a spectator may see
 *   hashState(state)                   → SHA-256 hex of canonical JSON
 *   aiSeedFor(matchSeed)               → the AIs' own seed, one-way from the match seed
 */
export * from "./ids.ts";
export * from "./types.ts";
export { createMatch, resolveConfig } from "./create-match.ts";
export { resolveTurn } from "./resolve-turn.ts";
export { validateDecision, decisionBounds, defaultDecision, parseDecision, decisionOutflows, budgetShortfall } from "./validate.ts";
export { score, endingVerdict, scoringIn } from "./score.ts";
export { viewFor } from "./view.ts";
export type { MatchView, PublicCompanyView, PrivateCompanyView, MarketView } from "./view.ts";
export { hashState, canonicalJson } from "./hash.ts";
export { aiSeedFor } from "./seeds.ts";
export { replayMatch } from "./replay.ts";
export { previewDecision, type DecisionPreview, type PreviewInput } from "./preview.ts";
export {
  injectEvents,
  validateInjectedEvent,
  eventShapeErrors,
  INJECT_BOUNDS,
  INJECT_UNITS,
  INJECTABLE_KINDS,
  boundOf,
  magnitudeOf,
  eventEffect,
  type EventBound,
  type EventEffect,
  type InjectUnit,
  type PreviewContext,
} from "./inject.ts";
