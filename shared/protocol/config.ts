import { z } from "zod";
import { COMPANIES, MAX_SEATS, MAX_TURNS, MIN_TURNS, PAR_LEVELS, SCENARIOS, SCORINGS, VARIANTS } from "../engine/ids.ts";

export const CompanyIdSchema = z.enum(COMPANIES);

export const MatchConfigSchema = z.strictObject({
  scenario: z.enum(SCENARIOS),
  variant: z.enum(VARIANTS),
  turns: z.number().int().min(MIN_TURNS).max(MAX_TURNS),
  seats: z
    .array(CompanyIdSchema)
    .min(1)
    .max(MAX_SEATS)
    .refine((s) => new Set(s).size === s.length, "seats must not repeat"),
  seed: z.number().int().min(0).max(0xffffffff),
  scoring: z.enum(SCORINGS),
  randomEvents: z.boolean(),
  /** The handicap's par level (absent = normal). */
  parLevel: z.enum(PAR_LEVELS).optional(),
});

export const MatchConfigInputSchema = MatchConfigSchema.partial();
