/**
 * Exports of finished matches (issue 13): the HTTP queries and the JSON export's shape. The CSV
 * tables have the same columns as the JSON rows (`shared/debrief/export.ts`).
 *
 *   GET /api/matches/:id/export.json[?lang=en|zh-CN]
 *   GET /api/matches/:id/export/:table.csv[?lang=…]      table: scores | decisions | statements
 *   GET /api/classes/:id/export.json | export/:table.csv  (teacher key; once classes exist)
 */
import { z } from "zod";
import { COMPANIES, RATINGS } from "../engine/ids.ts";
import { LANGS } from "../i18n/index.ts";
import { CompanyIdSchema, MatchConfigSchema } from "./config.ts";
import { DECISION_COLUMNS, EXPORT_TABLES, MATCH_EXPORT_FORMAT, MATCH_EXPORT_VERSION, SCORE_COLUMNS, STATEMENT_COLUMNS } from "../debrief/export.ts";
import { CLASS_COLUMNS } from "../debrief/class.ts";

export const ExportTableSchema = z.enum(EXPORT_TABLES);

/** Query of every export: `lang` names the companies (column names are stable ids in every language); `company` keeps one seat's rows. */
export const ExportQuerySchema = z.strictObject({
  lang: z.enum(LANGS).default("en"),
  /** One team's rows only (its seat), with the industry row of the scores kept as the yardstick. */
  company: CompanyIdSchema.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** A class's exports are guarded by the teacher key: header `x-teacher-key`, or `key` in the query (a download link cannot set headers). */
export const ClassExportQuerySchema = ExportQuerySchema.extend({ key: z.string().min(1).max(128).optional() });
export type ClassExportQuery = z.infer<typeof ClassExportQuerySchema>;

const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
function rowSchema(columns: readonly string[]) {
  return z.strictObject(Object.fromEntries(columns.map((c) => [c, CellSchema])));
}
export const ScoreRowSchema = rowSchema(SCORE_COLUMNS);
export const DecisionRowSchema = rowSchema(DECISION_COLUMNS);
export const StatementRowSchema = rowSchema(STATEMENT_COLUMNS);
export const ClassRowSchema = rowSchema(CLASS_COLUMNS);

const LessonValueSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("company"), id: CompanyIdSchema }),
  z.strictObject({ kind: z.literal("companies"), ids: z.array(CompanyIdSchema) }),
  z.strictObject({ kind: z.literal("score"), bp: z.number() }),
  z.strictObject({ kind: z.literal("points"), bp: z.number() }),
  z.strictObject({ kind: z.literal("money"), m: z.number() }),
  z.strictObject({ kind: z.literal("ratio"), bp: z.number() }),
  z.strictObject({ kind: z.literal("count"), n: z.number() }),
]);
/** A sentence of the lesson: an i18n key of `shared/i18n/debrief.ts` and its typed parameters. */
export const LessonLineSchema = z.strictObject({ key: z.string(), params: z.record(z.string(), LessonValueSchema) });

const SeatPayoffSchema = z.strictObject({
  company: CompanyIdSchema,
  T: z.number(),
  R: z.number(),
  P: z.number(),
  S: z.number(),
  capexVsRestraintBp: z.number(),
  raced: z.boolean(),
  racingGainBp: z.number(),
  orderHolds: z.boolean(),
  iteratedHolds: z.boolean(),
});

const IndustrySchema = z.strictObject({
  startMarketCap: z.number(),
  value: z.number(),
  valueCreated: z.number(),
  capex: z.number(),
  netIncome: z.number(),
  freeCashFlow: z.number(),
  aiRevenue: z.number(),
  profitToCapexBp: z.number(),
});

const VerdictSchema = z.strictObject({
  cloud2: z.boolean(),
  globalCrossing: z.boolean(),
  aiCoverageBp: z.number(),
  defaulted: z.array(CompanyIdSchema),
  belowRiskFree: z.array(CompanyIdSchema),
  riskFreeBp: z.number(),
  windowShut: z.boolean(),
});

const SeatOutcomeSchema = z.strictObject({
  company: CompanyIdSchema,
  scoreBp: z.number(),
  tsrBp: z.number(),
  rank: z.number(),
  defaulted: z.boolean(),
  startMarketCap: z.number(),
  marketCap: z.number(),
  cashReturned: z.number(),
  equityIssued: z.number(),
  valueCreated: z.number(),
  capex: z.number(),
  netIncome: z.number(),
  freeCashFlow: z.number(),
  aiRevenue: z.number(),
});

const RealityRowSchema = z.strictObject({
  id: z.string(),
  year: z.number(),
  company: CompanyIdSchema.nullable(),
  unit: z.enum(["money", "bp", "ratio", "count"]),
  companies: z.array(CompanyIdSchema).optional(),
  match: z.number().nullable(),
  quarters: z.number(),
  doc: z.strictObject({ lo: z.number(), hi: z.number() }),
  figureIds: z.array(z.string()),
});

export const MatchExportSchema = z.strictObject({
  format: z.literal(MATCH_EXPORT_FORMAT),
  version: z.literal(MATCH_EXPORT_VERSION),
  matchId: z.string(),
  engineVersion: z.string(),
  endedAt: z.string().nullable(),
  lang: z.enum(LANGS),
  config: MatchConfigSchema,
  players: z.partialRecord(CompanyIdSchema, z.strictObject({ kind: z.enum(["human", "ai"]), name: z.string().optional() })),
  scores: z.array(ScoreRowSchema),
  decisions: z.array(DecisionRowSchema),
  statements: z.array(StatementRowSchema),
  debrief: z.strictObject({
    lesson: z.array(LessonLineSchema),
    payoff: z.strictObject({ seats: z.array(SeatPayoffSchema), dilemmaSeats: z.array(CompanyIdSchema) }),
    welfare: z.strictObject({
      rows: z.array(
        z.strictObject({
          company: CompanyIdSchema,
          rank: z.number(),
          scoreBp: z.number(),
          restrainScoreBp: z.number(),
          valueCreated: z.number(),
          restrainValueCreated: z.number(),
          netIncome: z.number(),
          restrainNetIncome: z.number(),
          defaulted: z.boolean(),
        }),
      ),
      actual: IndustrySchema,
      allRestrain: IndustrySchema,
      raceCostValue: z.number(),
      raceCostProfit: z.number(),
    }),
    verdict: VerdictSchema,
    reality: z.array(RealityRowSchema),
    runs: z.array(
      z.strictObject({
        kind: z.enum(["actual", "allRestrain", "onlyRestrain", "onlyRace"]),
        seat: CompanyIdSchema.nullable(),
        seats: z.array(SeatOutcomeSchema),
        industry: IndustrySchema,
        verdict: VerdictSchema,
        adjusted: z.number(),
        defaulted: z.number(),
      }),
    ),
  }),
});
export type MatchExportFile = z.infer<typeof MatchExportSchema>;

/** The JSON export of a class: every match side by side, one row per team. */
/** One finished match of a class, compared with the class's other matches and with its own all-restrain run. */
export const ClassMatchSummarySchema = z.strictObject({
  matchId: z.string(),
  seats: z.array(CompanyIdSchema),
  valueCreated: z.number(),
  restrainValueCreated: z.number(),
  raceCost: z.number(),
  rankByValue: z.number(),
  profitToCapexBp: z.number(),
  restrainProfitToCapexBp: z.number(),
  ending: z.enum(["cloud2", "global_crossing", "both", "neither"]),
  dilemmaSeats: z.number(),
});

export const ClassExportSchema = z.strictObject({
  format: z.literal("capital-purgatory/class-export"),
  version: z.literal(1),
  classId: z.string(),
  lang: z.enum(LANGS),
  /** The class's finished matches side by side (ranked by the value their industry created). */
  matches: z.array(ClassMatchSummarySchema),
  rows: z.array(ClassRowSchema),
  /** Matches of the class that are not finished yet: left out (no hidden information before the end). */
  pending: z.array(z.string()),
});

/** Ratings and companies as the exports spell them (for readers of the CSV). */
export const EXPORT_VOCABULARY = { companies: COMPANIES, ratings: RATINGS } as const;
