/**
 * Replay files: a match log (config + seed + decisions per turn + a hash per turn), zod-validated.
 *
 *   version 1: each turn's `hash` is `hashState` of the state after it ("state" scheme).
 *   version 2: each turn's `hash` is chained — SHA-256 of the previous turn's hash and the turn's
 *              delta ("chain" scheme, shared/engine/replay.ts), about 4× cheaper to verify — and the
 *              file may say who played each seat, and where a branched match came from.
 *
 * Both versions stay readable and verifiable. A file records the engine version that made it; a
 * different engine cannot re-simulate it (its rules and numbers differ), so such a file is refused
 * with both versions named rather than wrongly reported as tampered.
 */
import { z } from "zod";
import { DecisionSchema } from "./decision.ts";
import { CompanyIdSchema } from "./config.ts";
import { DIFFICULTIES } from "./messages.ts";
import { EVENT_KINDS, MAX_TURNS, PAR_LEVELS, SCENARIOS, SCORINGS, VARIANTS, type CompanyId } from "../engine/ids.ts";
import { ENGINE_VERSION } from "../engine/types.ts";
import { Replayer, configOfReplay, type HashScheme } from "../engine/replay.ts";
import { BranchOriginSchema, MatchIdSchema } from "./branch.ts";

export * from "./branch.ts";
export * from "./library.ts";

/** The version this build writes. */
export const REPLAY_VERSION = 2;
/** Every version this build reads and verifies. */
export const REPLAY_VERSIONS = [1, 2] as const;
export type ReplayVersion = (typeof REPLAY_VERSIONS)[number];

export const InjectedEventSchema = z.strictObject({
  turn: z.number().int().min(0).max(MAX_TURNS),
  kind: z.enum(EVENT_KINDS),
  target: CompanyIdSchema.optional(),
  magnitudeBp: z.number().int().min(-10_000).max(10_000).optional(),
});

export const ReplayTurnSchema = z.strictObject({
  turn: z.number().int().min(0).max(MAX_TURNS),
  decisions: z.partialRecord(CompanyIdSchema, DecisionSchema),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "hash must be 64 lowercase hex characters"),
  /** Events a teacher injected into this turn (absent when none). */
  events: z.array(InjectedEventSchema).max(8).optional(),
});

/** Who played a seat: a person (with the name they gave) or the AI. */
export const ReplayPlayerSchema = z.strictObject({
  kind: z.enum(["human", "ai"]),
  name: z.string().max(40).optional(),
});

const common = {
  engineVersion: z.string().min(1).max(40),
  scenario: z.enum(SCENARIOS),
  variant: z.enum(VARIANTS),
  seed: z.number().int().min(0).max(0xffffffff),
  seats: z.array(CompanyIdSchema).min(1),
  turnCount: z.number().int().min(1).max(MAX_TURNS),
  scoring: z.enum(SCORINGS).default("tsr"),
  /** The handicap's par level, when the match named one (part of the hashed config). */
  parLevel: z.enum(PAR_LEVELS).optional(),
  randomEvents: z.boolean().default(true),
  createdAt: z.string().min(1).max(40),
  turns: z.array(ReplayTurnSchema).max(MAX_TURNS),
};

/** Decisions and event targets must name seats of the match (a file cannot smuggle in another company). */
function seatsRefinement(file: { seats: readonly CompanyId[]; turns: readonly z.infer<typeof ReplayTurnSchema>[] }, ctx: z.RefinementCtx): void {
  const seats = new Set(file.seats);
  if (seats.size !== file.seats.length) ctx.addIssue({ code: "custom", path: ["seats"], message: "seats must not repeat" });
  file.turns.forEach((t, i) => {
    for (const c of Object.keys(t.decisions))
      if (!seats.has(c as CompanyId)) ctx.addIssue({ code: "custom", path: ["turns", i, "decisions", c], message: `${c} is not a seat of this match` });
    t.events?.forEach((e, k) => {
      if (e.target !== undefined && !seats.has(e.target))
        ctx.addIssue({ code: "custom", path: ["turns", i, "events", k, "target"], message: `${e.target} is not a seat of this match` });
    });
  });
}

export const ReplayFileV1Schema = z.strictObject({ version: z.literal(1), ...common }).superRefine(seatsRefinement);

export const ReplayFileV2Schema = z
  .strictObject({
    version: z.literal(2),
    ...common,
    /** The server's id of the match, when it came from one. */
    matchId: MatchIdSchema.optional(),
    /** AI level the match was played at. */
    difficulty: z.enum(DIFFICULTIES).optional(),
    players: z.partialRecord(CompanyIdSchema, ReplayPlayerSchema).optional(),
    branch: BranchOriginSchema.optional(),
  })
  .superRefine(seatsRefinement);

/** A match log, either version (`version` tells which). */
export const ReplayFileSchema = z.discriminatedUnion("version", [ReplayFileV1Schema, ReplayFileV2Schema]);

export type ReplayFileV1 = z.infer<typeof ReplayFileV1Schema>;
export type ReplayFileV2 = z.infer<typeof ReplayFileV2Schema>;
export type ReplayFile = ReplayFileV1 | ReplayFileV2;
export type ReplayTurn = z.infer<typeof ReplayTurnSchema>;

// ---- reading and checking replay files (pure: callers do the I/O) ----

export { configOfReplay };

/** How a file's per-turn hashes are computed. */
export function hashSchemeOf(r: Pick<ReplayFile, "version">): HashScheme {
  return r.version === 1 ? "state" : "chain";
}

/** The replay version whose hashes use `scheme`. */
export function replayVersionFor(scheme: HashScheme): ReplayVersion {
  return scheme === "state" ? 1 : 2;
}

/** Zod issues as one line each: `turns.3.hash: hash must be 64 lowercase hex characters`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(file)"}: ${i.message}`);
}

export type ParsedReplay = { ok: true; file: ReplayFile } | { ok: false; error: string };

/** Parses replay text: malformed JSON, a wrong version or a bad field each get a clear sentence. */
export function parseReplayText(text: string): ParsedReplay {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a replay file: the JSON does not parse (${(e as Error).message})` };
  }
  return parseReplayValue(raw);
}

export function parseReplayValue(raw: unknown): ParsedReplay {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, error: "not a replay file: expected a JSON object" };
  const version = (raw as { version?: unknown }).version;
  if (!(REPLAY_VERSIONS as readonly unknown[]).includes(version))
    return {
      ok: false,
      error: `unsupported replay version ${JSON.stringify(version) ?? "(none)"}: this build reads versions ${REPLAY_VERSIONS.join(" and ")}`,
    };
  const r = version === 1 ? ReplayFileV1Schema.safeParse(raw) : ReplayFileV2Schema.safeParse(raw);
  if (!r.success) return { ok: false, error: `invalid replay file:\n  ${describeIssues(r.error.issues).join("\n  ")}` };
  return { ok: true, file: r.data };
}

/**
 * Null when this build's engine can re-simulate the file; otherwise the sentence that says why not,
 * naming both engine versions. There is no migration: a log is only decisions, and what they lead
 * to is defined by the engine that resolved them.
 */
export function engineMismatch(file: Pick<ReplayFile, "engineVersion">): string | null {
  if (file.engineVersion === ENGINE_VERSION) return null;
  return (
    `recorded with engine ${file.engineVersion}, but this build runs engine ${ENGINE_VERSION}: ` +
    `a replay can only be re-simulated by the engine version that recorded it, so it cannot be verified or replayed here`
  );
}

export type VerdictReason = "verified" | "diverged" | "engine_version" | "error";

export interface ReplayVerdict {
  readonly ok: boolean;
  readonly reason: VerdictReason;
  readonly version: ReplayVersion;
  readonly scheme: HashScheme;
  readonly turnsChecked: number;
  readonly firstDivergentTurn: number | null;
  readonly expectedHash: string | null;
  readonly gotHash: string | null;
  readonly finalHash: string | null;
  readonly engineVersionMatches: boolean;
  /** The engine version recorded in the file, and this build's. */
  readonly fileEngineVersion: string;
  readonly engineVersion: string;
  readonly message: string;
}

/** Re-simulates a replay with the scheme its version uses and compares every turn's hash. */
export function verifyReplay(file: ReplayFile): ReplayVerdict {
  const scheme = hashSchemeOf(file);
  const base = {
    version: file.version,
    scheme,
    expectedHash: null,
    gotHash: null,
    finalHash: null,
    engineVersionMatches: file.engineVersion === ENGINE_VERSION,
    fileEngineVersion: file.engineVersion,
    engineVersion: ENGINE_VERSION,
  } as const;
  const mismatch = engineMismatch(file);
  if (mismatch !== null) return { ...base, ok: false, reason: "engine_version", turnsChecked: 0, firstDivergentTurn: null, message: mismatch };
  let r: Replayer;
  try {
    r = new Replayer(configOfReplay(file), file.turns, scheme);
  } catch (e) {
    return { ...base, ok: false, reason: "error", turnsChecked: 0, firstDivergentTurn: 0, message: `cannot re-simulate: ${(e as Error).message}` };
  }
  let n = 0;
  let last: string | null = null;
  for (let step = r.step(); step; step = r.step()) {
    n++;
    last = step.hash;
    if (step.matches === false)
      return {
        ...base,
        ok: false,
        reason: "diverged",
        turnsChecked: n,
        firstDivergentTurn: step.turn,
        expectedHash: step.recorded ?? null,
        gotHash: step.hash,
        message: `turn ${step.turn} diverges: hash mismatch`,
      };
  }
  if (r.error !== null) return { ...base, ok: false, reason: "error", turnsChecked: n, firstDivergentTurn: n, message: `turn ${n} diverges: ${r.error}` };
  return { ...base, ok: true, reason: "verified", turnsChecked: n, firstDivergentTurn: null, finalHash: last, message: `all ${n} turns match` };
}
