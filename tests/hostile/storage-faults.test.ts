/**
 * Storage faults against a real server process: a truncated file, random bytes in its pages, a bad
 * environment are refused at start with a sentence naming the problem; bad JSON in one turn, a bad
 * config in one match and a match from another engine version cost only that match (closed, named
 * in the log, its replay readable where possible) while the others restore and play on.
 */
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { DB_FILE } from "../../server/storage/sqlite.ts";
import type { TurnResolvedMessage } from "../../shared/protocol/index.ts";
import { Player, freeTestPort, getJson, tempDataDir } from "../server/harness.ts";
import { refusedStart, startChild, type ChildServer } from "./harness.ts";
import { summary } from "./summary.ts";

const dirs: { dir: string; cleanup: () => void }[] = [];
const servers: ChildServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill9();
  for (const d of dirs) d.cleanup();
});
function dir(tag: string): string {
  const d = tempDataDir(tag);
  dirs.push(d);
  return d.dir;
}

interface Seeded {
  readonly ids: string[];
  readonly codes: string[];
  readonly tokens: string[];
}

/** Three running matches, one turn played in each, then a clean stop. */
async function seed(dataDir: string, port: number): Promise<Seeded> {
  const s = await startChild(port, dataDir);
  servers.push(s);
  const ws = `ws://127.0.0.1:${port}`;
  const out: Seeded = { ids: [], codes: [], tokens: [] };
  for (let i = 0; i < 3; i++) {
    const p = await Player.create(ws, { name: `P${i}`, turns: 4, seed: 100 + i });
    await p.turnStarted(0);
    p.room.send("ready");
    await p.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 0, 60_000);
    out.ids.push(p.room.roomId);
    out.codes.push(p.welcome.code);
    out.tokens.push(p.welcome.token);
    await p.leave();
  }
  expect(await s.stop()).toBe(0);
  return out;
}

describe("storage faults", () => {
  it("refuses damaged files, and a bad row costs only its own match", async () => {
    const port = await freeTestPort();
    const base = dir("hostile-storage");
    const seeded = await seed(base, port);
    const file = join(base, DB_FILE);
    const pristine = readFileSync(file);
    const lines: string[] = [];

    // 1. Truncated to 0 bytes, and to half.
    for (const [label, cut] of [
      ["truncated to 0 bytes", 0],
      ["truncated to half", Math.floor(pristine.length / 2)],
    ] as const) {
      const d = dir("hostile-storage-cut");
      writeFileSync(join(d, DB_FILE), pristine);
      truncateSync(join(d, DB_FILE), cut);
      const r = await refusedStart(port, d);
      expect(r.code, label).toBe(1);
      expect(r.output, label).toContain(join(d, DB_FILE));
      expect(readFileSync(join(d, DB_FILE)).length, `${label}: the file is left as it was`).toBe(cut);
      lines.push(`${label}: refused (${r.output.trim().split("\n").pop()?.slice(0, 90)}…)`);
    }

    // 2. Random bytes over its pages.
    {
      const d = dir("hostile-storage-noise");
      const bytes = Buffer.from(pristine);
      let x = 99;
      for (let i = 4096; i < bytes.length; i += 1) {
        x = (x * 1103515245 + 12345) >>> 0;
        if (i % 7 === 0) bytes[i] = x >>> 24;
      }
      writeFileSync(join(d, DB_FILE), bytes);
      const r = await refusedStart(port, d);
      expect(r.code).toBe(1);
      expect(r.output).toMatch(/is damaged/);
      lines.push("random bytes in pages: refused");
    }

    // 3. A bad environment value.
    {
      const r = await refusedStart(port, base, { PORT: "not-a-port" });
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/environment PORT/);
      lines.push("bad environment (PORT): refused naming the variable");
    }

    // 4. Bad JSON in one turn, bad config in another match, a third from another engine version.
    {
      const d = dir("hostile-storage-rows");
      copyFileSync(file, join(d, DB_FILE));
      const db = new DatabaseSync(join(d, DB_FILE));
      db.prepare('UPDATE turns SET decisions = \'{"microsoft": {"capex": oops\' WHERE match_id = ?').run(seeded.ids[0]!);
      db.prepare("UPDATE matches SET config = '{\"seats\": 42' WHERE id = ?").run(seeded.ids[1]!);
      db.close();
      // The third plays on, untouched: it must restore and be playable.
      const s = await startChild(port, d);
      servers.push(s);
      const out = s.output();
      expect(out).toMatch(new RegExp(`${seeded.ids[0]}.*(turn 0 does not parse|cannot be restored)`));
      expect(out).toMatch(new RegExp(`skipping match ${seeded.ids[1]}`));
      const list = await getJson(`http://127.0.0.1:${port}/api/matches`);
      expect(list.status).toBe(200);
      const code = await getJson(`http://127.0.0.1:${port}/api/codes/${seeded.codes[2]}`);
      expect(code.status).toBe(200);
      const p = await Player.join(`ws://127.0.0.1:${port}`, (code.body as { roomId: string }).roomId, { name: "P2", token: seeded.tokens[2]! });
      await p.turnStarted(1);
      p.room.send("ready");
      await p.waitFor<TurnResolvedMessage>("turn:resolved", (m) => m.turn === 1, 60_000);
      await p.leave();
      const bad = await getJson(`http://127.0.0.1:${port}/api/codes/${seeded.codes[0]}`);
      expect(bad.status).toBe(410);
      expect(await s.stop()).toBe(0);
      lines.push(
        `bad JSON in one turn: that match closed and named (${bad.status}); bad config in one match: skipped and named; the third restored and played a turn`,
      );
    }

    // 5. Another engine version: closed with the reason, readable as a replay.
    {
      const d = dir("hostile-storage-engine");
      copyFileSync(file, join(d, DB_FILE));
      const db = new DatabaseSync(join(d, DB_FILE));
      db.prepare("UPDATE matches SET engine_version = '0.9.0' WHERE id = ?").run(seeded.ids[2]!);
      db.close();
      const s = await startChild(port, d);
      servers.push(s);
      expect(s.output()).toMatch(new RegExp(`match ${seeded.ids[2]} was played with engine 0\\.9\\.0; this server runs .*: closed; its replay stays readable`));
      const replay = await getJson(`http://127.0.0.1:${port}/api/matches/${seeded.ids[2]}/replay`);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ engineVersion: "0.9.0" });
      const code = await getJson(`http://127.0.0.1:${port}/api/codes/${seeded.codes[2]}`);
      expect(code.status).toBe(410);
      expect(JSON.stringify(code.body)).toMatch(/engine 0\.9\.0/);
      expect(await s.stop()).toBe(0);
      lines.push("another engine version: closed with the reason, replay served (200), code answers 410 saying so");
    }
    summary("storage-faults", lines.join("; "));
  }, 300_000);
});
