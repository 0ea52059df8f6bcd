/**
 * PostgreSQL storage (`DATABASE_URL`), behind the same interface and with the same guarantees as
 * SQLite: a turn is appended in one transaction before it is revealed (the match row is locked
 * first, so two processes can never interleave one match's log), every JSON column is text parsed
 * back through its zod schema (rows.ts), and the schema is versioned with ordered migrations that
 * run under an advisory lock (several processes may start at once over one database).
 *
 * Times stay ISO-8601 text, as in SQLite, so both backends compare and return them identically.
 */
import pg from "pg";
import { StorageRefused } from "./open.ts";
import { type Row, parseEach, searchableHashes, staleReason, toClassRow, toRecord, toSummary, toTurn } from "./rows.ts";
import type { ClassRow, MatchPatch, MatchRecord, MatchSummary, Storage, TurnRecord } from "./types.ts";

export const PG_SCHEMA_VERSION = 1;

/** Every process migrating one database takes this lock first (an arbitrary, fixed 64-bit key). */
const MIGRATION_LOCK = 7_160_424_117;

/**
 * PostgreSQL's migrations: v1 is SQLite's schema v5 as one step (no PostgreSQL database predates
 * it). A later change adds a step here and one to sqlite.ts.
 */
const MIGRATIONS: readonly string[] = [
  // v1
  `CREATE TABLE matches (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     config TEXT NOT NULL,
     settings TEXT NOT NULL,
     seats TEXT NOT NULL,
     host_token_hash TEXT NOT NULL,
     teacher_key_hash TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL,
     engine_version TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     ended_at TEXT,
     final_hash TEXT,
     scores TEXT,
     closed_reason TEXT
   );
   CREATE INDEX matches_status ON matches(status);
   CREATE TABLE turns (
     match_id TEXT NOT NULL REFERENCES matches(id),
     turn INTEGER NOT NULL,
     decisions TEXT NOT NULL,
     hash TEXT NOT NULL,
     resolved_at TEXT NOT NULL,
     events TEXT,
     PRIMARY KEY (match_id, turn)
   );
   CREATE TABLE classes (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     teacher_key_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX classes_status ON classes(status);`,
];

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

type Queryable = Pick<pg.PoolClient, "query">;

async function rows(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, params as unknown[])).rows as Row[];
}

export class PostgresStorage implements Storage {
  readonly #pool: pg.Pool;
  readonly #log: (line: string) => void;
  readonly url: string;

  private constructor(pool: pg.Pool, url: string, log: (line: string) => void) {
    this.#pool = pool;
    this.url = url;
    this.#log = log;
  }

  /**
   * Connects and brings the schema to this server's version. A database that cannot be reached, or
   * whose schema is newer than this server, is refused with a sentence naming it.
   */
  static async open(url: string, log: (line: string) => void = () => undefined, poolSize = 10): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server must not crash the process: the pool replaces it.
    pool.on("error", (e) => log(`postgres: idle connection lost (${e.message})`));
    const s = new PostgresStorage(pool, url, log);
    try {
      await s.#migrate();
    } catch (e) {
      await pool.end().catch(() => undefined);
      if (e instanceof StorageRefused) throw e;
      throw new StorageRefused(`PostgreSQL at ${redactUrl(url)} cannot be used (${e instanceof Error ? e.message : String(e)})`);
    }
    return s;
  }

  async #migrate(): Promise<void> {
    await this.#tx(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await db.query("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      const row = (await rows(db, "SELECT value FROM meta WHERE key = 'schema_version'"))[0];
      let version = row ? Number(row["value"]) : 0;
      if (version > PG_SCHEMA_VERSION)
        throw new StorageRefused(`PostgreSQL at ${redactUrl(this.url)} has schema v${version}, newer than this server (v${PG_SCHEMA_VERSION})`);
      while (version < PG_SCHEMA_VERSION) {
        const sql = MIGRATIONS[version];
        if (sql === undefined) throw new Error(`storage: no migration to v${version + 1}`);
        await db.query(sql);
        version += 1;
        await db.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(version)]);
        this.#log(`postgres: schema migrated to v${version}`);
      }
    });
  }

  /** One transaction on one connection; rolled back if `fn` throws. */
  async #tx<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.#pool.connect();
    try {
      await db.query("BEGIN");
      const out = await fn(db);
      await db.query("COMMIT");
      return out;
    } catch (e) {
      await db.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      db.release();
    }
  }

  async schemaVersion(): Promise<number> {
    const row = (await rows(this.#pool, "SELECT value FROM meta WHERE key = 'schema_version'"))[0];
    return row ? Number(row["value"]) : 0;
  }

  async createMatch(rec: MatchRecord): Promise<void> {
    await this.#pool.query(
      `INSERT INTO matches (id, code, config, settings, seats, host_token_hash, teacher_key_hash, status, engine_version,
         created_at, updated_at, ended_at, final_hash, scores)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
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
      ],
    );
  }

  async updateMatch(id: string, patch: MatchPatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.seats !== undefined) set("seats", JSON.stringify(patch.seats));
    if (patch.status !== undefined) set("status", patch.status);
    if (patch.hostTokenHash !== undefined) set("host_token_hash", patch.hostTokenHash);
    if (patch.closedReason !== undefined) set("closed_reason", patch.closedReason);
    if (patch.teacherKeyHash !== undefined) set("teacher_key_hash", patch.teacherKeyHash);
    if (sets.length === 0) return;
    set("updated_at", new Date().toISOString());
    params.push(id);
    // One statement: atomic as SQLite's transaction.
    await this.#pool.query(`UPDATE matches SET ${sets.join(", ")} WHERE id = $${params.length}`, params);
  }

  async appendTurn(id: string, turn: TurnRecord, end?: { readonly finalHash: string; readonly scores: readonly unknown[] }): Promise<void> {
    await this.#tx(async (db) => {
      // The match row's lock orders every writer of this match's log (another process included).
      await db.query("SELECT id FROM matches WHERE id = $1 FOR UPDATE", [id]);
      const n = Number((await rows(db, "SELECT COUNT(*) AS n FROM turns WHERE match_id = $1", [id]))[0]?.["n"] ?? 0);
      if (n !== turn.turn) throw new Error(`storage: match ${id} has ${n} turns; refusing to append turn ${turn.turn}`);
      await db.query("INSERT INTO turns (match_id, turn, decisions, hash, resolved_at, events) VALUES ($1, $2, $3, $4, $5, $6)", [
        id,
        turn.turn,
        JSON.stringify(turn.decisions),
        turn.hash,
        turn.resolvedAt,
        turn.events && turn.events.length > 0 ? JSON.stringify(turn.events) : null,
      ]);
      if (end) {
        await db.query("UPDATE matches SET status = 'ended', ended_at = $1, final_hash = $2, scores = $3, updated_at = $1 WHERE id = $4", [
          turn.resolvedAt,
          end.finalHash,
          JSON.stringify(end.scores),
          id,
        ]);
      } else {
        await db.query("UPDATE matches SET status = 'active', updated_at = $1 WHERE id = $2", [turn.resolvedAt, id]);
      }
    });
  }

  async dropLastTurn(id: string, turn: number): Promise<void> {
    await this.#tx(async (db) => {
      await db.query("SELECT id FROM matches WHERE id = $1 FOR UPDATE", [id]);
      const n = Number((await rows(db, "SELECT COUNT(*) AS n FROM turns WHERE match_id = $1", [id]))[0]?.["n"] ?? 0);
      if (n !== turn + 1) throw new Error(`storage: match ${id} has ${n} turns; turn ${turn} is not its last`);
      await db.query("DELETE FROM turns WHERE match_id = $1 AND turn = $2", [id, turn]);
      await db.query("UPDATE matches SET status = 'active', ended_at = NULL, final_hash = NULL, scores = NULL, updated_at = $1 WHERE id = $2", [
        new Date().toISOString(),
        id,
      ]);
    });
  }

  async getMatch(id: string): Promise<MatchRecord | undefined> {
    const row = (await rows(this.#pool, "SELECT * FROM matches WHERE id = $1", [id]))[0];
    return row ? toRecord(row) : undefined;
  }

  async findByCode(code: string): Promise<MatchRecord | undefined> {
    const row = (await rows(this.#pool, "SELECT * FROM matches WHERE code = $1", [code]))[0];
    return row ? toRecord(row) : undefined;
  }

  async getTurns(id: string): Promise<readonly TurnRecord[]> {
    return (await rows(this.#pool, "SELECT * FROM turns WHERE match_id = $1 ORDER BY turn", [id])).map((r) => toTurn(id, r));
  }

  async listFinished(limit: number): Promise<readonly MatchSummary[]> {
    const list = await rows(
      this.#pool,
      `SELECT m.*, (SELECT COUNT(*) FROM turns t WHERE t.match_id = m.id) AS played
       FROM matches m WHERE m.status IN ('ended', 'abandoned') ORDER BY m.updated_at DESC LIMIT $1`,
      [limit],
    );
    return parseEach(list, toSummary, this.#log);
  }

  async closeStale(activeBefore: string, lobbyBefore: string): Promise<readonly string[]> {
    // One statement: several processes sweeping at once close each match once.
    const now = new Date().toISOString();
    const closed = await rows(
      this.#pool,
      `UPDATE matches SET status = 'abandoned', closed_reason = $3 || updated_at, updated_at = $4
       WHERE (status = 'active' AND updated_at < $1) OR (status = 'lobby' AND updated_at < $2)
       RETURNING id`,
      [activeBefore, lobbyBefore, staleReason(""), now],
    );
    return closed.map((r) => String(r["id"]));
  }

  async listLiveFor(tokenHashes: readonly string[]): Promise<readonly MatchRecord[]> {
    const hashes = searchableHashes(tokenHashes);
    if (hashes.length === 0) return [];
    const list = await rows(
      this.#pool,
      `SELECT * FROM matches WHERE status IN ('lobby', 'active')
         AND (host_token_hash = ANY($1) OR teacher_key_hash = ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) h WHERE position(h IN seats) > 0))
       ORDER BY created_at DESC LIMIT 50`,
      [hashes],
    );
    return parseEach(list, toRecord, this.#log);
  }

  async listUnfinished(): Promise<readonly MatchRecord[]> {
    return parseEach(await rows(this.#pool, "SELECT * FROM matches WHERE status = 'active' ORDER BY created_at"), toRecord, this.#log);
  }

  async createClass(row: ClassRow): Promise<void> {
    await this.#pool.query("INSERT INTO classes (id, code, teacher_key_hash, status, record, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
      row.id,
      row.code,
      row.teacherKeyHash,
      row.status,
      JSON.stringify(row.record),
      row.createdAt,
      row.updatedAt,
    ]);
  }

  async updateClass(id: string, status: string, record: unknown): Promise<void> {
    await this.#pool.query("UPDATE classes SET status = $1, record = $2, updated_at = $3 WHERE id = $4", [
      status,
      JSON.stringify(record),
      new Date().toISOString(),
      id,
    ]);
  }

  async getClass(id: string): Promise<ClassRow | undefined> {
    const row = (await rows(this.#pool, "SELECT * FROM classes WHERE id = $1", [id]))[0];
    return row ? toClassRow(row) : undefined;
  }

  async findClassByCode(code: string): Promise<ClassRow | undefined> {
    const row = (await rows(this.#pool, "SELECT * FROM classes WHERE code = $1", [code]))[0];
    return row ? toClassRow(row) : undefined;
  }

  async listOpenClasses(): Promise<readonly ClassRow[]> {
    return (await rows(this.#pool, "SELECT * FROM classes WHERE status != 'ended' ORDER BY created_at")).map(toClassRow);
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
