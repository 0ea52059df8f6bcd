import { z } from "zod";
import { DecisionSchema } from "./decision.ts";
import { CompanyIdSchema } from "./config.ts";
import { EVENT_KINDS, MAX_TURNS, SCENARIOS, SCORINGS, VARIANTS } from "../engine/ids.ts";
import { replayMatch, ENGINE_VERSION, type MatchConfig } from "../engine/index.ts";

export const REPLAY_VERSION = 1;

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

/** A match log: config + seed + decisions per turn + state hash per turn. */
export const ReplayFileSchema = z.strictObject({
  version: z.literal(REPLAY_VERSION),
  engineVersion: z.string().min(1),
  scenario: z.enum(SCENARIOS),
  variant: z.enum(VARIANTS),
  seed: z.number().int().min(0).max(0xffffffff),
  seats: z.array(CompanyIdSchema).min(1),
  turnCount: z.number().int().min(1).max(MAX_TURNS),
  scoring: z.enum(SCORINGS).default("tsr"),
  randomEvents: z.boolean().default(true),
  createdAt: z.string().min(1),
  turns: z.array(ReplayTurnSchema),
});

export type ReplayFile = z.infer<typeof ReplayFileSchema>;
export type ReplayTurn = z.infer<typeof ReplayTurnSchema>;

// ---- reading and checking replay files (pure: callers do the I/O) ----

export function configOfReplay(r: ReplayFile): MatchConfig {
  return { scenario: r.scenario, variant: r.variant, turns: r.turnCount, seats: [...r.seats], seed: r.seed, scoring: r.scoring, randomEvents: r.randomEvents };
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
  if (typeof raw === "object" && raw !== null && "version" in raw && (raw as { version: unknown }).version !== REPLAY_VERSION)
    return {
      ok: false,
      error: `unsupported replay version ${JSON.stringify((raw as { version: unknown }).version)}: this build reads version ${REPLAY_VERSION}`,
    };
  const r = ReplayFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, error: `invalid replay file:\n  ${describeIssues(r.error.issues).join("\n  ")}` };
  return { ok: true, file: r.data };
}

export interface ReplayVerdict {
  readonly ok: boolean;
  readonly turnsChecked: number;
  readonly firstDivergentTurn: number | null;
  readonly expectedHash: string | null;
  readonly gotHash: string | null;
  readonly finalHash: string | null;
  readonly engineVersionMatches: boolean;
  readonly message: string;
}

/** Re-simulates a replay and compares every turn's hash. */
export function verifyReplay(file: ReplayFile): ReplayVerdict {
  const engineVersionMatches = file.engineVersion === ENGINE_VERSION;
  let out: ReturnType<typeof replayMatch>;
  try {
    out = replayMatch(configOfReplay(file), file.turns);
  } catch (e) {
    return {
      ok: false,
      turnsChecked: 0,
      firstDivergentTurn: 0,
      expectedHash: null,
      gotHash: null,
      finalHash: null,
      engineVersionMatches,
      message: `cannot re-simulate: ${(e as Error).message}`,
    };
  }
  const n = out.hashes.length;
  if (out.firstDivergentTurn === null) {
    return {
      ok: true,
      turnsChecked: n,
      firstDivergentTurn: null,
      expectedHash: null,
      gotHash: null,
      finalHash: out.hashes[n - 1] ?? null,
      engineVersionMatches,
      message: `all ${n} turns match`,
    };
  }
  const t = out.firstDivergentTurn;
  return {
    ok: false,
    turnsChecked: n,
    firstDivergentTurn: t,
    expectedHash: file.turns[t]?.hash ?? null,
    gotHash: out.hashes[t] ?? null,
    finalHash: null,
    engineVersionMatches,
    message: `turn ${t} diverges: ${out.error ?? "hash mismatch"}${engineVersionMatches ? "" : ` (file made by engine ${file.engineVersion}, this is ${ENGINE_VERSION})`}`,
  };
}
