/**
 * Branching a finished match: the create option that starts a new match from another match's
 * first `turn` quarters (its replay prefix), and the origin a branch records. Its own module so
 * both the create options (messages.ts) and the replay file (replay.ts) use it without a cycle.
 */
import { z } from "zod";
import { MAX_TURNS } from "../engine/ids.ts";

export const MatchIdSchema = z.string().regex(/^m[0-9a-f]{16}$/, "match id must be 'm' and 16 hex characters");

/** How the seats nobody takes over play on after the branch point. */
export const BRANCH_OTHERS = ["ai", "recorded"] as const;
export type BranchOthers = (typeof BRANCH_OTHERS)[number];

/** Create option `branch`: play on from quarter `turn` (0 = the start) of finished match `matchId`. */
export const BranchRequestSchema = z.strictObject({
  matchId: MatchIdSchema,
  turn: z
    .number()
    .int()
    .min(0)
    .max(MAX_TURNS - 1),
  /** "ai": the AI personality that played each seat; "recorded": each seat's recorded decision while it stays legal (then that AI). */
  others: z.enum(BRANCH_OTHERS).default("ai"),
});
export type BranchRequest = z.infer<typeof BranchRequestSchema>;

/** Where a branched match came from: the match and how many of its quarters it kept. */
export const BranchOriginSchema = z.strictObject({
  matchId: MatchIdSchema,
  turn: z.number().int().min(0).max(MAX_TURNS),
});
export type BranchOrigin = z.infer<typeof BranchOriginSchema>;
