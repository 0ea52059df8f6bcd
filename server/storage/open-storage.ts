/**
 * The server's storage: PostgreSQL when a database URL is given (several processes share it),
 * otherwise the embedded SQLite file under the data dir (one process, nothing to install).
 */
import { PostgresStorage, redactUrl } from "./postgres.ts";
import { SqliteStorage } from "./sqlite.ts";
import type { Storage } from "./types.ts";

export interface StorageOptions {
  readonly dataDir: string;
  /** `postgres://…`: PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  readonly sqliteSync?: "NORMAL" | "FULL";
  readonly log: (line: string) => void;
}

export async function openStorage(o: StorageOptions): Promise<{ readonly storage: Storage; readonly describe: string }> {
  if (o.databaseUrl) return { storage: await PostgresStorage.open(o.databaseUrl, o.log), describe: `PostgreSQL ${redactUrl(o.databaseUrl)}` };
  const sqlite = new SqliteStorage(o.dataDir, o.sqliteSync ?? "NORMAL", o.log);
  return { storage: sqlite, describe: `SQLite ${sqlite.path}` };
}
