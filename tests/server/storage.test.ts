/**
 * Storage, one table-driven suite over both backends (SQLite file, PostgreSQL server): versioned
 * schema, atomic ordered turn log, reopen, one bad row costs one match, stale matches closed. Then
 * what only one of them has: SQLite's file checks, PostgreSQL's several writers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import pg from "pg";
import { CorruptRow, DB_FILE, SCHEMA_VERSION, SqliteStorage, StorageRefused } from "../../server/storage/sqlite.ts";
import { PG_SCHEMA_VERSION, PostgresStorage } from "../../server/storage/postgres.ts";
import type { MatchRecord, Storage } from "../../server/storage/types.ts";
import { createMatch, defaultDecision, hashState, resolveTurn } from "../../shared/engine/index.ts";
import { hashToken } from "../../server/util.ts";
import { tempDataDir } from "./harness.ts";
import { startPostgres, type PostgresService } from "./services.ts";

function record(id: string, code: string): MatchRecord {
  const state = createMatch({ seats: ["microsoft", "amazon"], turns: 4, seed: 1 });
  return {
    id,
    code,
    config: state.config,
    settings: { mode: "solo", turnSeconds: 0, difficulty: "normal" },
    seats: {
      microsoft: { control: "human", name: "Ann", tokenHash: "cd".repeat(32), held: false },
      amazon: { control: "ai", name: "", tokenHash: "", held: false },
    },
    hostTokenHash: "ab".repeat(32),
    teacherKeyHash: "",
    status: "active",
    engineVersion: state.engineVersion,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    endedAt: null,
    finalHash: null,
    scores: null,
  };
}

function twoSeatTurn() {
  const state = createMatch({ seats: ["microsoft", "amazon"], turns: 4, seed: 1 });
  const decisions = { microsoft: defaultDecision(state, "microsoft"), amazon: defaultDecision(state, "amazon") };
  return { decisions, hash: hashState(resolveTurn(state, decisions).state) };
}

/** One database of one backend, opened as many times as a test likes. */
interface Db {
  open(log?: (line: string) => void): Promise<Storage>;
  schemaVersion(s: Storage): Promise<number>;
  /** SQL straight to the database (to damage rows as a disk or an operator would). */
  raw(sql: string): Promise<void>;
  cleanup(): Promise<void>;
}

interface Backend {
  readonly name: string;
  readonly version: number;
  fresh(): Promise<Db>;
}

let postgres: PostgresService | null = null;
beforeAll(async () => {
  postgres = await startPostgres("storage-pg");
});
afterAll(async () => {
  await postgres?.stop();
});

const BACKENDS: readonly Backend[] = [
  {
    name: "SQLite",
    version: SCHEMA_VERSION,
    async fresh() {
      const data = tempDataDir("storage");
      return {
        open: async (log) => new SqliteStorage(data.dir, "NORMAL", log),
        schemaVersion: async (s) => (s as SqliteStorage).schemaVersion(),
        async raw(sql) {
          const db = new DatabaseSync(join(data.dir, DB_FILE));
          db.exec(sql);
          db.close();
        },
        cleanup: async () => data.cleanup(),
      };
    },
  },
  {
    name: "PostgreSQL",
    version: PG_SCHEMA_VERSION,
    async fresh() {
      if (!postgres) throw new Error("postgres did not start");
      const url = await postgres.createDatabase();
      return {
        open: (log) => PostgresStorage.open(url, log),
        schemaVersion: (s) => (s as PostgresStorage).schemaVersion(),
        async raw(sql) {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(sql);
          await c.end();
        },
        cleanup: async () => undefined,
      };
    },
  },
];

async function withMatches(db: Pick<Db, "open">): Promise<void> {
  const s = await db.open();
  await s.createMatch(record("m0000000000000001", "ABCDEF"));
  await s.createMatch(record("m0000000000000002", "BCDEFG"));
  const { decisions } = twoSeatTurn();
  for (const id of ["m0000000000000001", "m0000000000000002"])
    await s.appendTurn(id, { turn: 0, decisions, hash: "0".repeat(64), resolvedAt: "2026-01-01T00:01:00.000Z" });
  await s.close();
}

describe.each(BACKENDS)("$name storage", (backend) => {
  it("creates a versioned schema, appends turns in order only, and reads them back after reopening", async () => {
    const db = await backend.fresh();
    try {
      const s = await db.open();
      expect(await db.schemaVersion(s)).toBe(backend.version);
      await s.createMatch(record("m0000000000000001", "ABCDEF"));
      const { decisions, hash } = twoSeatTurn();
      await expect(s.appendTurn("m0000000000000001", { turn: 1, decisions, hash, resolvedAt: "x" })).rejects.toThrow(/refusing/);
      await s.appendTurn("m0000000000000001", { turn: 0, decisions, hash, resolvedAt: "2026-01-01T00:01:00.000Z" });
      await expect(s.appendTurn("m0000000000000001", { turn: 0, decisions, hash, resolvedAt: "x" })).rejects.toThrow(/refusing/);
      await expect(s.createMatch(record("m0000000000000002", "ABCDEF"))).rejects.toThrow(/unique/i);
      await s.close();

      const again = await db.open();
      expect((await again.findByCode("ABCDEF"))?.id).toBe("m0000000000000001");
      const turns = await again.getTurns("m0000000000000001");
      expect(turns).toHaveLength(1);
      expect(turns[0]?.decisions.microsoft).toEqual(decisions.microsoft);
      expect(turns[0]?.hash).toBe(hash);
      expect((await again.listUnfinished()).map((m) => m.id)).toEqual(["m0000000000000001"]);
      // Live matches are listed only to a holder of one of their tokens.
      expect(await again.listFinished(10)).toEqual([]);
      expect((await again.listLiveFor([hashToken("nope")])).length).toBe(0);
      expect((await again.listLiveFor(["ab".repeat(32)])).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect((await again.listLiveFor(["cd".repeat(32)])).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect((await again.listLiveFor(["not hex", "'; DROP TABLE matches; --"])).length).toBe(0);
      await again.close();

      await db.raw("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
      await expect(db.open()).rejects.toThrow(/newer/);
    } finally {
      await db.cleanup();
    }
  });

  it("ends a match with its last turn in one transaction, and the teacher's undo takes it back", async () => {
    const db = await backend.fresh();
    try {
      const s = await db.open();
      await s.createMatch(record("m0000000000000001", "ABCDEF"));
      const { decisions, hash } = twoSeatTurn();
      const scores = [{ company: "microsoft", scoreBp: 120, rank: 1 }] as never;
      await s.appendTurn("m0000000000000001", { turn: 0, decisions, hash, resolvedAt: "2026-01-01T00:01:00.000Z" }, { finalHash: hash, scores });
      const ended = await s.getMatch("m0000000000000001");
      expect([ended?.status, ended?.finalHash, ended?.endedAt]).toEqual(["ended", hash, "2026-01-01T00:01:00.000Z"]);
      expect((await s.listFinished(10)).map((m) => [m.id, m.turnsPlayed])).toEqual([["m0000000000000001", 1]]);
      await expect(s.dropLastTurn("m0000000000000001", 3)).rejects.toThrow(/not its last/);
      await s.dropLastTurn("m0000000000000001", 0);
      const back = await s.getMatch("m0000000000000001");
      expect([back?.status, back?.finalHash, back?.scores]).toEqual(["active", null, null]);
      expect(await s.getTurns("m0000000000000001")).toEqual([]);
      await s.updateMatch("m0000000000000001", { status: "abandoned", closedReason: "test", hostTokenHash: "ef".repeat(32) });
      const closed = await s.getMatch("m0000000000000001");
      expect([closed?.status, closed?.closedReason, closed?.hostTokenHash]).toEqual(["abandoned", "test", "ef".repeat(32)]);
      await s.close();
    } finally {
      await db.cleanup();
    }
  });

  it("one bad row costs only its own match, and says which", async () => {
    const db = await backend.fresh();
    try {
      await withMatches(db);
      await db.raw("UPDATE turns SET decisions = '{\"microsoft\": {bad' WHERE match_id = 'm0000000000000001'");
      await db.raw("UPDATE matches SET config = 'not json' WHERE id = 'm0000000000000002'");
      const logged: string[] = [];
      const s = await db.open((l) => logged.push(l));
      await expect(s.getTurns("m0000000000000001")).rejects.toThrow(/match m0000000000000001: turn 0 does not parse/);
      await expect(s.getMatch("m0000000000000002")).rejects.toBeInstanceOf(CorruptRow);
      expect((await s.listUnfinished()).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect(logged.join("\n")).toMatch(/skipping match m0000000000000002: its stored row does not parse/);
      await s.close();
    } finally {
      await db.cleanup();
    }
  });

  it("closes running matches and lobbies nobody plays, with the reason", async () => {
    const db = await backend.fresh();
    try {
      await withMatches(db);
      const s = await db.open();
      expect(await s.closeStale("2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z")).toEqual([]);
      expect([...(await s.closeStale("2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"))].sort()).toEqual(["m0000000000000001", "m0000000000000002"]);
      expect(await s.listUnfinished()).toEqual([]);
      const list = await s.listFinished(10);
      expect(list.map((m) => m.status)).toEqual(["abandoned", "abandoned"]);
      expect(list[0]?.closedReason).toBe("nobody played it since 2026-01-01T00:01:00.000Z");
      await s.close();
    } finally {
      await db.cleanup();
    }
  });

  it("keeps classes: created, updated, found by code, listed while open", async () => {
    const db = await backend.fresh();
    try {
      const s = await db.open();
      const row = { id: "c0000000000000001", code: "CDEFGH", teacherKeyHash: "ab".repeat(32), status: "lobby", record: { any: ["json", 1] } };
      await s.createClass({ ...row, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" });
      expect((await s.findClassByCode("CDEFGH"))?.record).toEqual({ any: ["json", 1] });
      await s.updateClass(row.id, "running", { any: ["json", 2] });
      expect((await s.getClass(row.id))?.status).toBe("running");
      expect((await s.listOpenClasses()).map((c) => c.id)).toEqual([row.id]);
      await s.updateClass(row.id, "ended", {});
      expect(await s.listOpenClasses()).toEqual([]);
      await s.close();
    } finally {
      await db.cleanup();
    }
  });
});

describe("SQLite file faults", () => {
  it("refuses an empty (truncated) file, a file that is not SQLite, and damaged pages — naming the file", async () => {
    const data = tempDataDir("storage-faults");
    try {
      const path = join(data.dir, DB_FILE);
      writeFileSync(path, "");
      expect(() => new SqliteStorage(data.dir)).toThrow(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is empty`));
      expect(statSync(path).size).toBe(0);
      writeFileSync(path, "hello, I am not a database".repeat(200));
      expect(() => new SqliteStorage(data.dir)).toThrow(StorageRefused);
      rmSync(path);
      await withMatches({ open: async () => new SqliteStorage(data.dir) });
      // Random bytes over the pages after the first (the schema page stays readable).
      const bytes = readFileSync(path);
      let seed = 7;
      for (let i = 4096; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      writeFileSync(path, bytes);
      expect(() => new SqliteStorage(data.dir)).toThrow(/capital-purgatory\.sqlite is damaged/);
    } finally {
      data.cleanup();
    }
  });
});

describe("PostgreSQL with several servers", () => {
  it("migrates once when servers start together, and a turn appended by two of them at once is kept once", async () => {
    const url = await postgres!.createDatabase();
    const [a, b, c] = await Promise.all([PostgresStorage.open(url), PostgresStorage.open(url), PostgresStorage.open(url)]);
    try {
      expect(await Promise.all([a.schemaVersion(), b.schemaVersion(), c.schemaVersion()])).toEqual([1, 1, 1]);
      await a.createMatch(record("m0000000000000001", "ABCDEF"));
      const { decisions, hash } = twoSeatTurn();
      const turn = { turn: 0, decisions, hash, resolvedAt: "2026-01-01T00:01:00.000Z" };
      const results = await Promise.allSettled([
        a.appendTurn("m0000000000000001", turn),
        b.appendTurn("m0000000000000001", turn),
        c.appendTurn("m0000000000000001", turn),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([
        expect.stringMatching(/refusing to append turn 0/),
        expect.stringMatching(/refusing to append turn 0/),
      ]);
      expect(await c.getTurns("m0000000000000001")).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("refuses a database it cannot reach, naming it without its password", async () => {
    const err = await PostgresStorage.open(`postgres://cp:secret@127.0.0.1:${postgres!.port}/no_such_database`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageRefused);
    expect(String(err)).toMatch(/PostgreSQL at postgres:\/\/cp:\*\*\*@127\.0\.0\.1:\d+\/no_such_database cannot be used .*does not exist/);
    expect(String(err)).not.toMatch(/secret/);
  });
});
