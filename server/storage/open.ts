/**
 * Opening the database file safely. A file that exists but is empty, is not an SQLite database,
 * or fails SQLite's quick check is refused with a sentence naming the file: a server must never
 * start over a truncated or damaged database as if it were new (its matches would be silently
 * lost, and the next write would make that permanent). A missing file is a new, empty database.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";

/** The server refuses to start over this database; the message says why and names the file. */
export class StorageRefused extends Error {}

const HEADER = Buffer.from("SQLite format 3\0", "latin1");

function header(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const b = Buffer.alloc(HEADER.length);
    readSync(fd, b, 0, b.length, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

const ADVICE = "restore it from a backup (npm run db:backup makes one), or move it away to start with an empty database";

export function openChecked(path: string): DatabaseSync {
  if (existsSync(path)) {
    const size = statSync(path).size;
    if (size === 0) throw new StorageRefused(`${path} is empty (0 bytes): refusing to start over a truncated database; ${ADVICE}`);
    if (size < HEADER.length || !header(path).equals(HEADER))
      throw new StorageRefused(`${path} is not an SQLite database (its header is wrong): refusing to start; ${ADVICE}`);
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (e) {
    throw new StorageRefused(`${path} cannot be opened (${e instanceof Error ? e.message : String(e)}); ${ADVICE}`);
  }
  try {
    const rows = db.prepare("PRAGMA quick_check(5)").all() as { quick_check?: unknown }[];
    const problems = rows.map((r) => String(r.quick_check ?? Object.values(r)[0])).filter((x) => x !== "ok");
    if (problems.length > 0)
      throw new StorageRefused(`${path} is damaged (SQLite quick_check: ${problems.join("; ").slice(0, 400)}): refusing to start; ${ADVICE}`);
  } catch (e) {
    db.close();
    if (e instanceof StorageRefused) throw e;
    throw new StorageRefused(`${path} is damaged (${e instanceof Error ? e.message : String(e)}): refusing to start; ${ADVICE}`);
  }
  return db;
}
