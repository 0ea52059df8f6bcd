/** SQLite storage: versioned schema, atomic ordered turn log, reopen over the same file. */
import { describe, expect, it } from "vitest";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { CorruptRow, DB_FILE, SCHEMA_VERSION, SqliteStorage, StorageRefused } from "../../server/storage/sqlite.ts";
import type { MatchRecord } from "../../server/storage/types.ts";
import { createMatch, defaultDecision, hashState, resolveTurn } from "../../shared/engine/index.ts";
import { hashToken } from "../../server/util.ts";
import { tempDataDir } from "./harness.ts";

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

describe("SqliteStorage", () => {
  it("creates a versioned schema, appends turns in order only, and reads them back after reopening", async () => {
    const data = tempDataDir("storage");
    try {
      const s = new SqliteStorage(data.dir);
      expect(s.schemaVersion()).toBe(SCHEMA_VERSION);
      await s.createMatch(record("m0000000000000001", "ABCDEF"));
      const state = createMatch({ seats: ["microsoft", "amazon"], turns: 4, seed: 1 });
      const decisions = { microsoft: defaultDecision(state, "microsoft"), amazon: defaultDecision(state, "amazon") };
      const next = resolveTurn(state, decisions).state;
      await expect(s.appendTurn("m0000000000000001", { turn: 1, decisions, hash: hashState(next), resolvedAt: "x" })).rejects.toThrow(/refusing/);
      await s.appendTurn("m0000000000000001", { turn: 0, decisions, hash: hashState(next), resolvedAt: "2026-01-01T00:01:00.000Z" });
      await expect(s.appendTurn("m0000000000000001", { turn: 0, decisions, hash: hashState(next), resolvedAt: "x" })).rejects.toThrow(/refusing/);
      await expect(s.createMatch(record("m0000000000000002", "ABCDEF"))).rejects.toThrow(/UNIQUE/);
      await s.close();

      const again = new SqliteStorage(data.dir);
      expect((await again.findByCode("ABCDEF"))?.id).toBe("m0000000000000001");
      const turns = await again.getTurns("m0000000000000001");
      expect(turns).toHaveLength(1);
      expect(turns[0]?.decisions.microsoft).toEqual(decisions.microsoft);
      expect((await again.listUnfinished()).map((m) => m.id)).toEqual(["m0000000000000001"]);
      // Live matches are listed only to a holder of one of their tokens.
      expect(await again.listFinished(10)).toEqual([]);
      expect((await again.listLiveFor([hashToken("nope")])).length).toBe(0);
      expect((await again.listLiveFor(["ab".repeat(32)])).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect((await again.listLiveFor(["cd".repeat(32)])).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect((await again.listLiveFor(["not hex", "'; DROP TABLE matches; --"])).length).toBe(0);
      await again.close();

      const raw = new DatabaseSync(join(data.dir, DB_FILE));
      expect(raw.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: String(SCHEMA_VERSION) });
      raw.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
      raw.close();
      expect(() => new SqliteStorage(data.dir)).toThrow(/newer/);
    } finally {
      data.cleanup();
    }
  });
});

describe("SqliteStorage faults", () => {
  async function withMatches(dir: string): Promise<void> {
    const s = new SqliteStorage(dir);
    await s.createMatch(record("m0000000000000001", "ABCDEF"));
    await s.createMatch(record("m0000000000000002", "BCDEFG"));
    const state = createMatch({ seats: ["microsoft", "amazon"], turns: 4, seed: 1 });
    const decisions = { microsoft: defaultDecision(state, "microsoft"), amazon: defaultDecision(state, "amazon") };
    for (const id of ["m0000000000000001", "m0000000000000002"])
      await s.appendTurn(id, { turn: 0, decisions, hash: "0".repeat(64), resolvedAt: "2026-01-01T00:01:00.000Z" });
    await s.close();
  }

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
      await withMatches(data.dir);
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

  it("one bad row costs only its own match, and says which", async () => {
    const data = tempDataDir("storage-bad-row");
    try {
      await withMatches(data.dir);
      const raw = new DatabaseSync(join(data.dir, DB_FILE));
      raw.prepare("UPDATE turns SET decisions = '{\"microsoft\": {bad' WHERE match_id = 'm0000000000000001'").run();
      raw.prepare("UPDATE matches SET config = 'not json' WHERE id = 'm0000000000000002'").run();
      raw.close();
      const logged: string[] = [];
      const s = new SqliteStorage(data.dir, "NORMAL", (l) => logged.push(l));
      await expect(s.getTurns("m0000000000000001")).rejects.toThrow(/match m0000000000000001: turn 0 does not parse/);
      await expect(s.getMatch("m0000000000000002")).rejects.toBeInstanceOf(CorruptRow);
      expect((await s.listUnfinished()).map((m) => m.id)).toEqual(["m0000000000000001"]);
      expect(logged.join("\n")).toMatch(/skipping match m0000000000000002: its stored row does not parse/);
      await s.close();
    } finally {
      data.cleanup();
    }
  });

  it("closes running matches and lobbies nobody plays, with the reason", async () => {
    const data = tempDataDir("storage-stale");
    try {
      await withMatches(data.dir);
      const s = new SqliteStorage(data.dir);
      expect(await s.closeStale("2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z")).toEqual([]);
      expect([...(await s.closeStale("2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"))].sort()).toEqual(["m0000000000000001", "m0000000000000002"]);
      expect(await s.listUnfinished()).toEqual([]);
      const list = await s.listFinished(10);
      expect(list.map((m) => m.status)).toEqual(["abandoned", "abandoned"]);
      expect(list[0]?.closedReason).toMatch(/nobody played it since/);
      await s.close();
    } finally {
      data.cleanup();
    }
  });
});
