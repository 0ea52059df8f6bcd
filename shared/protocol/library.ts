/**
 * The saved-matches library: finished matches (public: who played, who won, the scores, where a
 * branch came from), searchable and paged. Nothing here concerns an unfinished match (a player's
 * own live matches come from `POST /api/matches/mine`, by seat token).
 */
import { z } from "zod";
import type { CompanyId, ScenarioId, Scoring, Variant } from "../engine/ids.ts";
import type { BranchOrigin } from "./branch.ts";

/** `GET /api/library?q=&page=&pageSize=`: every term of `q` must match (match id, scenario, variant, AI level, a company, a player's name). */
export const LibraryQuerySchema = z.strictObject({
  q: z.string().trim().max(80).default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

export interface LibrarySeat {
  readonly company: CompanyId;
  readonly kind: "human" | "ai";
  /** A person's chosen name (absent for AI). */
  readonly name?: string;
  readonly rank: number | null;
  readonly scoreBp: number | null;
  readonly defaulted: boolean;
}

export interface LibraryEntry {
  readonly matchId: string;
  readonly createdAt: string;
  readonly endedAt: string | null;
  readonly scenario: ScenarioId;
  readonly variant: Variant;
  readonly turns: number;
  readonly difficulty: string;
  /** How the seats were ranked: a score is a percentage, or swings against par under "handicap". */
  readonly scoring: Scoring;
  readonly seats: readonly LibrarySeat[];
  readonly winner: CompanyId | null;
  readonly branch: BranchOrigin | null;
  /** The engine that played it; only this server's engine can re-simulate (watch) it. */
  readonly engineVersion: string;
}

export interface LibraryPage {
  readonly entries: readonly LibraryEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
}
