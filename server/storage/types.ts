/**
 * The storage interface the rooms and the HTTP API use. SQLite (node:sqlite) implements it
 * today; a PostgreSQL implementation can be added for scale-out without touching the rooms.
 * Methods are async so a networked database fits the same shape.
 */
import type { CompanyId, Decision, MatchConfig, ScheduledEvent, SeatScore } from "../../shared/engine/index.ts";
import type { BranchRequest } from "../../shared/protocol/index.ts";

export type MatchStatus = "lobby" | "active" | "ended" | "abandoned";
export type SeatControl = "human" | "ai" | "vacant";

export interface SeatRecord {
  readonly control: SeatControl;
  readonly name: string;
  /** sha256 hex of the seat token; "" while nobody has been given one. */
  readonly tokenHash: string;
  /** Human seat currently played by AI (player away past the grace period). */
  readonly held: boolean;
}

/** Room settings that are not part of the engine config. */
export interface MatchSettings {
  readonly mode: "solo" | "multiplayer" | "classroom";
  /** 0 = no timer. */
  readonly turnSeconds: number;
  readonly difficulty: "easy" | "normal" | "hard";
  /** A branch: the finished match it started from, after how many of its quarters, and who plays the other seats. */
  readonly branch?: BranchRequest;
}

export interface MatchRecord {
  readonly id: string;
  readonly code: string;
  readonly config: MatchConfig;
  readonly settings: MatchSettings;
  readonly seats: Readonly<Partial<Record<CompanyId, SeatRecord>>>;
  /** sha256 hex of the host token (the creator's); "" before the creator joined. */
  readonly hostTokenHash: string;
  /** sha256 hex of the teacher key that governs this match; "" when no teacher does. */
  readonly teacherKeyHash: string;
  readonly status: MatchStatus;
  readonly engineVersion: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly endedAt: string | null;
  readonly finalHash: string | null;
  readonly scores: readonly SeatScore[] | null;
  /** Why the match was closed before its end (abandoned): engine version, idle, a log that does not re-run. */
  readonly closedReason?: string | null;
}

export interface TurnRecord {
  readonly turn: number;
  readonly decisions: Readonly<Partial<Record<CompanyId, Decision>>>;
  readonly hash: string;
  readonly resolvedAt: string;
  /** Events a teacher injected into this turn. */
  readonly events?: readonly ScheduledEvent[];
}

export interface MatchSummary {
  readonly id: string;
  readonly code: string;
  readonly status: MatchStatus;
  readonly scenario: string;
  readonly variant: string;
  readonly seats: readonly CompanyId[];
  readonly turns: number;
  readonly turnsPlayed: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly endedAt: string | null;
  readonly closedReason: string | null;
  readonly engineVersion: string;
}

export interface MatchPatch {
  readonly seats?: MatchRecord["seats"];
  readonly status?: MatchStatus;
  readonly closedReason?: string;
  readonly hostTokenHash?: string;
  readonly teacherKeyHash?: string;
}

/** A classroom session as stored: its record is a JSON document that server/class parses with its schema. */
export interface ClassRow {
  readonly id: string;
  readonly code: string;
  /** sha256 hex of the class's teacher key. */
  readonly teacherKeyHash: string;
  readonly status: string;
  readonly record: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Storage {
  createMatch(rec: MatchRecord): Promise<void>;
  /** Seats, status or host token changed (joins, seat swaps, start). */
  updateMatch(id: string, patch: MatchPatch): Promise<void>;
  /**
   * Append one resolved turn, atomically; with `end`, mark the match ended in the same
   * transaction. Throws if the turn is not the next one (no gaps, no duplicates).
   */
  appendTurn(id: string, turn: TurnRecord, end?: { readonly finalHash: string; readonly scores: readonly SeatScore[] }): Promise<void>;
  /**
   * Removes the match's last turn (`turn` must be it; throws otherwise) and marks the match active
   * again (no end, no scores): the teacher's undo.
   */
  dropLastTurn(id: string, turn: number): Promise<void>;
  getMatch(id: string): Promise<MatchRecord | undefined>;
  findByCode(code: string): Promise<MatchRecord | undefined>;
  getTurns(id: string): Promise<readonly TurnRecord[]>;
  /** Matches that ended or were closed, newest first: the public list (nothing live is listed to strangers). */
  listFinished(limit: number): Promise<readonly MatchSummary[]>;
  /** Closes running matches untouched since `activeBefore` and lobbies since `lobbyBefore`; returns their ids. */
  closeStale(activeBefore: string, lobbyBefore: string): Promise<readonly string[]>;
  /** Lobby or running matches holding one of these token hashes as host, teacher or seat token. */
  listLiveFor(tokenHashes: readonly string[]): Promise<readonly MatchRecord[]>;
  /** Matches that started and have not ended: restored on start. */
  listUnfinished(): Promise<readonly MatchRecord[]>;
  /** Classroom sessions (server/class). */
  createClass(row: ClassRow): Promise<void>;
  updateClass(id: string, status: string, record: unknown): Promise<void>;
  getClass(id: string): Promise<ClassRow | undefined>;
  findClassByCode(code: string): Promise<ClassRow | undefined>;
  /** Classes not ended: restored on start. */
  listOpenClasses(): Promise<readonly ClassRow[]>;
  close(): Promise<void>;
}
