import { z } from "zod";
import { DecisionSchema } from "./decision.ts";
import { CompanyIdSchema } from "./config.ts";
import { MAX_TURNS, SCENARIOS, SCORINGS, VARIANTS } from "../engine/ids.ts";

export const REPLAY_VERSION = 1;

export const ReplayTurnSchema = z.strictObject({
  turn: z.number().int().min(0).max(MAX_TURNS),
  decisions: z.partialRecord(CompanyIdSchema, DecisionSchema),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "hash must be 64 lowercase hex characters"),
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
