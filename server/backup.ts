/**
 * `npm run db:backup [-- --out FILE]`: a consistent copy of the database, safe while the server
 * runs (SQLite's `VACUUM INTO` reads one snapshot; in WAL mode writers are not blocked). The copy
 * is checked like any database the server opens. DATA_DIR as for the server (default ./data).
 *
 * To restore: stop the server, replace `<DATA_DIR>/capital-purgatory.sqlite` by the copy, and
 * remove `capital-purgatory.sqlite-wal` and `-shm` next to it; start the server.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { DB_FILE } from "./storage/sqlite.ts";
import { openChecked } from "./storage/open.ts";

const dataDir = process.env["DATA_DIR"] ?? "./data";
const at = process.argv.indexOf("--out");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : join(dataDir, "backups", `capital-purgatory-${stamp}.sqlite`));
const source = join(dataDir, DB_FILE);

// PostgreSQL has its own consistent, online backup: pointing at an SQLite file here would copy the wrong database.
if (process.env["DATABASE_URL"]) {
  console.error('[backup] DATABASE_URL is set: the matches are in PostgreSQL; back them up with pg_dump (e.g. pg_dump -Fc "$DATABASE_URL" > cp.dump)');
  process.exit(2);
}
if (!existsSync(source)) {
  console.error(`[backup] no database at ${source}`);
  process.exit(2);
}
if (existsSync(out)) {
  console.error(`[backup] ${out} exists; choose another --out`);
  process.exit(2);
}
try {
  const db = openChecked(source);
  mkdirSync(dirname(out), { recursive: true });
  db.prepare("VACUUM INTO ?").run(out);
  db.close();
  openChecked(out).close();
  const check = new DatabaseSync(out, { readOnly: true });
  const n = check.prepare("SELECT COUNT(*) AS n FROM matches").get() as { n: number };
  check.close();
  console.log(`[backup] ${source} → ${out} (${n.n} matches, checked)`);
} catch (e) {
  console.error(`[backup] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
