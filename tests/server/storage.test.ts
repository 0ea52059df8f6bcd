/** SQLite storage: versioned schema, atomic ordered turn log, reopen over the same file. */
import { describe, expect, it } from "vitest";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { DB_FILE, SCHEMA_VERSION, SqliteStorage } from "../../server/storage/sqlite.ts";
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
