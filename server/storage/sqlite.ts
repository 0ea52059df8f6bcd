/**
 * SQLite storage on node:sqlite (built into Node 24; no native module). One file,
 * `<dataDir>/capital-purgatory.sqlite`, WAL journal, versioned schema (table `meta`).
 * The file is checked when opened (open.ts); rows are parsed back as PostgreSQL's are (rows.ts).
 */
import type { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ClassRow, MatchPatch, MatchRecord, MatchSummary, Storage, TurnRecord } from "./types.ts";
import { openChecked } from "./open.ts";
import { type Row, parseEach, searchableHashes, staleReason, toClassRow, toRecord, toSummary, toTurn } from "./rows.ts";

export { StorageRefused } from "./open.ts";
export { CorruptRow } from "./rows.ts";

export const SCHEMA_VERSION = 5;
export const DB_FILE = "capital-purgatory.sqlite";

const MIGRATIONS: readonly string[] = [
  // v1
  `CREATE TABLE matches (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     config TEXT NOT NULL,
     settings TEXT NOT NULL,
     seats TEXT NOT NULL,
     host_token_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     engine_version TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     ended_at TEXT,
     final_hash TEXT,
     scores TEXT
   );
   CREATE INDEX matches_status ON matches(status);
   CREATE TABLE turns (
     match_id TEXT NOT NULL REFERENCES matches(id),
     turn INTEGER NOT NULL,
     decisions TEXT NOT NULL,
     hash TEXT NOT NULL,
     resolved_at TEXT NOT NULL,
     PRIMARY KEY (match_id, turn)
   );`,
  // v2: teacher-injected events, recorded with the turn they were injected into.
  `ALTER TABLE turns ADD COLUMN events TEXT;`,
  // v3: the teacher key is separate from the host token (a host is not a teacher).
  `ALTER TABLE matches ADD COLUMN teacher_key_hash TEXT NOT NULL DEFAULT '';`,
  // v4: classroom sessions (server/class): one JSON document per class (settings, roster, matches).
  `CREATE TABLE classes (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     teacher_key_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX classes_status ON classes(status);`,
  // v5: why a match was closed before its end (engine version, idle, a log that does not re-run).
  `ALTER TABLE matches ADD COLUMN closed_reason TEXT;`,
];

export class SqliteStorage implements Storage {
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #log: (line: string) => void;

  /**
   * `synchronous`: NORMAL (default) — in WAL mode a committed transaction survives a process
   * crash (SIGKILL) but may be lost on power failure; it avoids an fsync per turn, which blocks
   * the event loop. FULL — fsync on every commit, survives power loss too.
   */
  constructor(dataDir: string, synchronous: "NORMAL" | "FULL" = "NORMAL", log: (line: string) => void = () => undefined) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, DB_FILE);
    this.#log = log;
    this.#db = openChecked(this.path);
    this.#db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous === "FULL" ? "FULL" : "NORMAL"}; PRAGMA foreign_keys = ON;`);
    this.#migrate();
  }

  #migrate(): void {
    this.#db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row | undefined;
    let version = row ? Number(row["value"]) : 0;
    if (version > SCHEMA_VERSION) {
      throw new Error(`storage: database schema v${version} is newer than this server (v${SCHEMA_VERSION})`);
    }
    while (version < SCHEMA_VERSION) {
      const sql = MIGRATIONS[version];
      if (sql === undefined) throw new Error(`storage: no migration to v${version + 1}`);
      this.#tx(() => {
        this.#db.exec(sql);
        version += 1;
        this.#db
          .prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
          .run(String(version));
      });
    }
  }

  #tx<T>(fn: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const out = fn();
      this.#db.exec("COMMIT");
      return out;
    } catch (e) {
      this.#db.exec("ROLLBACK");
      throw e;
    }
  }

  schemaVersion(): number {
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row | undefined;
    return row ? Number(row["value"]) : 0;
  }

  async createMatch(rec: MatchRecord): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO matches (id, code, config, settings, seats, host_token_hash, teacher_key_hash, status, engine_version,
           created_at, updated_at, ended_at, final_hash, scores)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rec.id,
        rec.code,
        JSON.stringify(rec.config),
        JSON.stringify(rec.settings),
        JSON.stringify(rec.seats),
        rec.hostTokenHash,
        rec.teacherKeyHash,
        rec.status,
        rec.engineVersion,
        rec.createdAt,
        rec.updatedAt,
        rec.endedAt,
        rec.finalHash,
        rec.scores === null ? null : JSON.stringify(rec.scores),
      );
  }

  async updateMatch(id: string, patch: MatchPatch): Promise<void> {
    const now = new Date().toISOString();
    this.#tx(() => {
      if (patch.seats !== undefined) {
        this.#db.prepare("UPDATE matches SET seats = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(patch.seats), now, id);
      }
      if (patch.status !== undefined) {
        this.#db.prepare("UPDATE matches SET status = ?, updated_at = ? WHERE id = ?").run(patch.status, now, id);
      }
      if (patch.hostTokenHash !== undefined) {
        this.#db.prepare("UPDATE matches SET host_token_hash = ?, updated_at = ? WHERE id = ?").run(patch.hostTokenHash, now, id);
      }
      if (patch.closedReason !== undefined) {
        this.#db.prepare("UPDATE matches SET closed_reason = ?, updated_at = ? WHERE id = ?").run(patch.closedReason, now, id);
      }
      if (patch.teacherKeyHash !== undefined) {
        this.#db.prepare("UPDATE matches SET teacher_key_hash = ?, updated_at = ? WHERE id = ?").run(patch.teacherKeyHash, now, id);
      }
    });
  }

  async appendTurn(id: string, turn: TurnRecord, end?: { readonly finalHash: string; readonly scores: readonly unknown[] }): Promise<void> {
    this.#tx(() => {
      const row = this.#db.prepare("SELECT COUNT(*) AS n FROM turns WHERE match_id = ?").get(id) as Row | undefined;
      const n = Number(row?.["n"] ?? 0);
      if (n !== turn.turn) throw new Error(`storage: match ${id} has ${n} turns; refusing to append turn ${turn.turn}`);
      this.#db
        .prepare("INSERT INTO turns (match_id, turn, decisions, hash, resolved_at, events) VALUES (?, ?, ?, ?, ?, ?)")
        .run(
          id,
          turn.turn,
          JSON.stringify(turn.decisions),
          turn.hash,
          turn.resolvedAt,
          turn.events && turn.events.length > 0 ? JSON.stringify(turn.events) : null,
        );
      if (end) {
        this.#db
          .prepare("UPDATE matches SET status = 'ended', ended_at = ?, final_hash = ?, scores = ?, updated_at = ? WHERE id = ?")
          .run(turn.resolvedAt, end.finalHash, JSON.stringify(end.scores), turn.resolvedAt, id);
      } else {
        this.#db.prepare("UPDATE matches SET status = 'active', updated_at = ? WHERE id = ?").run(turn.resolvedAt, id);
      }
    });
  }

  async dropLastTurn(id: string, turn: number): Promise<void> {
    this.#tx(() => {
      const row = this.#db.prepare("SELECT COUNT(*) AS n FROM turns WHERE match_id = ?").get(id) as Row | undefined;
      const n = Number(row?.["n"] ?? 0);
      if (n !== turn + 1) throw new Error(`storage: match ${id} has ${n} turns; turn ${turn} is not its last`);
      this.#db.prepare("DELETE FROM turns WHERE match_id = ? AND turn = ?").run(id, turn);
      this.#db
        .prepare("UPDATE matches SET status = 'active', ended_at = NULL, final_hash = NULL, scores = NULL, updated_at = ? WHERE id = ?")
        .run(new Date().toISOString(), id);
    });
  }

  async getMatch(id: string): Promise<MatchRecord | undefined> {
    const row = this.#db.prepare("SELECT * FROM matches WHERE id = ?").get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  async findByCode(code: string): Promise<MatchRecord | undefined> {
    const row = this.#db.prepare("SELECT * FROM matches WHERE code = ?").get(code) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  async getTurns(id: string): Promise<readonly TurnRecord[]> {
    const rows = this.#db.prepare("SELECT * FROM turns WHERE match_id = ? ORDER BY turn").all(id) as Row[];
    return rows.map((r) => toTurn(id, r));
  }

  async listFinished(limit: number): Promise<readonly MatchSummary[]> {
    const rows = this.#db
      .prepare(
        `SELECT m.*, (SELECT COUNT(*) FROM turns t WHERE t.match_id = m.id) AS played
         FROM matches m WHERE m.status IN ('ended', 'abandoned') ORDER BY m.updated_at DESC LIMIT ?`,
      )
      .all(limit) as Row[];
    return parseEach(rows, toSummary, this.#log);
  }

  /**
   * Closes matches nobody will finish: running ones untouched since `activeBefore`, lobbies since
   * `lobbyBefore` (ISO times). They become `abandoned` with the reason; their replays stay readable.
   */
  async closeStale(activeBefore: string, lobbyBefore: string): Promise<readonly string[]> {
    const rows = this.#db
      .prepare("SELECT id, updated_at FROM matches WHERE (status = 'active' AND updated_at < ?) OR (status = 'lobby' AND updated_at < ?)")
      .all(activeBefore, lobbyBefore) as Row[];
    const ids = rows.map((r) => String(r["id"]));
    if (ids.length === 0) return ids;
    const now = new Date().toISOString();
    this.#tx(() => {
      const stmt = this.#db.prepare("UPDATE matches SET status = 'abandoned', closed_reason = ?, updated_at = ? WHERE id = ?");
      for (const r of rows) stmt.run(staleReason(r["updated_at"]), now, String(r["id"]));
    });
    return ids;
  }

  async listLiveFor(tokenHashes: readonly string[]): Promise<readonly MatchRecord[]> {
    const hashes = searchableHashes(tokenHashes);
    if (hashes.length === 0) return [];
    const marks = hashes.map(() => "?").join(", ");
    const rows = this.#db
      .prepare(
        `SELECT * FROM matches WHERE status IN ('lobby', 'active')
           AND (host_token_hash IN (${marks}) OR teacher_key_hash IN (${marks}) OR ${hashes.map(() => "instr(seats, ?) > 0").join(" OR ")})
         ORDER BY created_at DESC LIMIT 50`,
      )
      .all(...hashes, ...hashes, ...hashes) as Row[];
    return parseEach(rows, toRecord, this.#log);
  }

  async listUnfinished(): Promise<readonly MatchRecord[]> {
    const rows = this.#db.prepare("SELECT * FROM matches WHERE status = 'active' ORDER BY created_at").all() as Row[];
    return parseEach(rows, toRecord, this.#log);
  }

  async createClass(row: ClassRow): Promise<void> {
    this.#db
      .prepare("INSERT INTO classes (id, code, teacher_key_hash, status, record, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(row.id, row.code, row.teacherKeyHash, row.status, JSON.stringify(row.record), row.createdAt, row.updatedAt);
  }

  async updateClass(id: string, status: string, record: unknown): Promise<void> {
    this.#db
      .prepare("UPDATE classes SET status = ?, record = ?, updated_at = ? WHERE id = ?")
      .run(status, JSON.stringify(record), new Date().toISOString(), id);
  }

  async getClass(id: string): Promise<ClassRow | undefined> {
    const row = this.#db.prepare("SELECT * FROM classes WHERE id = ?").get(id) as Row | undefined;
    return row ? toClassRow(row) : undefined;
  }

  async findClassByCode(code: string): Promise<ClassRow | undefined> {
    const row = this.#db.prepare("SELECT * FROM classes WHERE code = ?").get(code) as Row | undefined;
    return row ? toClassRow(row) : undefined;
  }

  async listOpenClasses(): Promise<readonly ClassRow[]> {
    const rows = this.#db.prepare("SELECT * FROM classes WHERE status != 'ended' ORDER BY created_at").all() as Row[];
    return rows.map(toClassRow);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
