/**
 * The export routes against a real server and a real SQLite file: a finished match stored as the
 * rooms store it, fetched as CSV and JSON; unfinished matches refused; a class's export behind its
 * teacher key through the hook the classroom will provide.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { startApp, type AppHandle } from "../../../server/app.ts";
import { createExportsHandler } from "../../../server/http/exports.ts";
import { ENGINE_VERSION, replayMatch, score, type CompanyId } from "../../../shared/engine/index.ts";
import { buildDebrief } from "../../../shared/debrief/index.ts";
import { ClassExportSchema, MatchExportSchema } from "../../../shared/protocol/index.ts";
import type { MatchRecord } from "../../../server/storage/types.ts";
import { freeTestPort, tempDataDir } from "../harness.ts";
import { playLog } from "../../debrief/helpers.ts";
import { csvObjects, parseCsv } from "../../debrief/csv.ts";

const data = tempDataDir("exports");
let app: AppHandle;
const DONE = "m00000000000000d1";
const OPEN = "m00000000000000e2";
const played = playLog({ seed: 5, turns: 4 });

async function store(id: string, code: string, turns: number): Promise<void> {
  const cfg = played.input.config;
  const log = played.input.turns.slice(0, turns);
  const r = replayMatch(cfg, log, "chain");
  const now = new Date().toISOString();
  const rec: MatchRecord = {
    id,
    code,
    config: cfg,
    settings: { mode: "classroom", turnSeconds: 0, difficulty: "normal" },
    seats: {
      microsoft: { control: "human", name: "张伟", tokenHash: "", held: false },
      amazon: { control: "human", name: '=HYPERLINK("x")', tokenHash: "", held: false },
      alphabet: { control: "ai", name: "", tokenHash: "", held: false },
      meta: { control: "ai", name: "", tokenHash: "", held: false },
    },
    hostTokenHash: "",
    teacherKeyHash: "",
    status: "active",
    engineVersion: ENGINE_VERSION,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
    finalHash: null,
    scores: null,
  };
  await app.storage.createMatch(rec);
  for (let i = 0; i < log.length; i++) {
    const last = i === cfg.turns - 1;
    await app.storage.appendTurn(
      id,
      { turn: i, decisions: log[i]!.decisions, hash: r.hashes[i]!, resolvedAt: now },
      last ? { finalHash: r.hashes[i]!, scores: score(r.state) } : undefined,
    );
  }
}

beforeAll(async () => {
  app = await startApp({ port: await freeTestPort(), dataDir: data.dir, staticDir: null, log: () => undefined });
  await store(DONE, "ABCDEF", 4);
  await store(OPEN, "GHJKMN", 2);
});
afterAll(async () => {
  await app?.close();
  data.cleanup();
});

async function get(path: string, headers: Record<string, string> = {}, base = app.httpUrl) {
  const res = await fetch(`${base}${path}`, { headers });
  // The bytes as sent: a plain res.text() would drop the BOM a spreadsheet relies on.
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("exports of a finished match", () => {
  test("scores as CSV: UTF-8 with BOM, an attachment, one row per seat and the industry, Chinese names intact", async () => {
    const { res, text } = await get(`/api/matches/${DONE}/export/scores.csv?lang=zh-CN`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${DONE}-scores.csv"`);
    const { bytes } = await get(`/api/matches/${DONE}/export/scores.csv?lang=zh-CN`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(text);
    expect(csv.bom).toBe(true);
    const rows = csvObjects(csv);
    expect(rows.map((r) => r.company).sort()).toEqual(["alphabet", "amazon", "industry", "meta", "microsoft"]);
    const ms = rows.find((r) => r.company === "microsoft")!;
    expect([ms.player, ms.company_name]).toEqual(["张伟", "微软"]);
    // A name a spreadsheet would run as a formula stays text.
    expect(rows.find((r) => r.company === "amazon")!.player).toBe('\'=HYPERLINK("x")');
    expect(rows.find((r) => r.company === "alphabet")!.player).toBe("AI");
    // The private scores are the engine's.
    for (const s of score(played.state)) expect(Number(rows.find((r) => r.company === s.company)!.score_pct)).toBe(s.scoreBp / 100);
  });

  test("decisions and statements per quarter", async () => {
    const dec = csvObjects(parseCsv((await get(`/api/matches/${DONE}/export/decisions.csv`)).text));
    expect(dec).toHaveLength(16);
    for (const r of dec) expect(Number(r.capex_musd)).toBe(played.input.turns[Number(r.turn)]!.decisions[r.company as CompanyId]!.capex);
    const st = csvObjects(parseCsv((await get(`/api/matches/${DONE}/export/statements.csv`)).text));
    expect(st).toHaveLength(16);
    const last = st.find((r) => r.company === "meta" && r.turn === "3")!;
    expect(Number(last.cash_musd)).toBe(played.state.companies.meta!.cash);
  });

  test("JSON: the published schema, the same debrief the client computes", async () => {
    const { res, text } = await get(`/api/matches/${DONE}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const j = MatchExportSchema.parse(JSON.parse(text));
    const local = buildDebrief(played.input);
    if (!local.ok) throw new Error(local.message);
    expect(j.debrief.payoff).toEqual(local.debrief.payoff);
    expect(j.debrief.lesson).toEqual(local.debrief.lesson);
    expect(j.players.microsoft).toEqual({ kind: "human", name: "张伟" });
    expect(j.decisions).toHaveLength(16);
  });

  test("one team's export", async () => {
    const rows = csvObjects(parseCsv((await get(`/api/matches/${DONE}/export/decisions.csv?company=meta`)).text));
    expect(rows.map((r) => r.company)).toEqual(["meta", "meta", "meta", "meta"]);
    const j = MatchExportSchema.parse(JSON.parse((await get(`/api/matches/${DONE}/export.json?company=meta`)).text));
    expect(j.scores.map((r) => r.company)).toEqual(["meta", "industry"]);
    expect((await get(`/api/matches/${DONE}/export.json?company=oracle`)).res.status).toBe(400);
  });
});

describe("what is refused", () => {
  test("an unfinished match: nothing about it leaks", async () => {
    for (const path of [`/api/matches/${OPEN}/export.json`, `/api/matches/${OPEN}/export/decisions.csv`]) {
      const { res, text } = await get(path);
      expect(res.status).toBe(409);
      expect(JSON.parse(text).error.code).toBe("export/not_finished");
      expect(text).not.toContain("capex");
      expect(text).not.toContain(String(played.input.config.seed));
    }
  });

  test.each([
    ["/api/matches/nope/export.json", 400, "http/invalid_id"],
    ["/api/matches/m0000000000000099/export.json", 404, "http/not_found"],
    [`/api/matches/${DONE}/export/secrets.csv`, 404, "http/not_found"],
    [`/api/matches/${DONE}/export.json?lang=fr`, 400, "http/invalid_query"],
    [`/api/matches/${DONE}/export.json?extra=1`, 400, "http/invalid_query"],
    ["/api/classes/c1/export.json", 404, "http/not_found"],
  ])("%s → %i %s", async (path, status, code) => {
    const { res, text } = await get(path);
    expect(res.status).toBe(status);
    expect(JSON.parse(text).error.code).toBe(code);
  });

  test("only GET", async () => {
    const res = await fetch(`${app.httpUrl}/api/matches/${DONE}/export.json`, { method: "POST" });
    expect(res.status).toBe(405);
    await res.body?.cancel();
  });
});

describe("a class's export (the classroom's hook)", () => {
  let server: Server;
  let base = "";
  const KEY = "teacher-secret";
  beforeAll(async () => {
    const handler = createExportsHandler({
      storage: app.storage,
      classes: {
        getClass: async (id) => (id === "class-1" ? { teacherKeyHash: createHash("sha256").update(KEY).digest("hex"), matchIds: [DONE, OPEN] } : undefined),
      },
    });
    server = createServer((req, res) =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    );
    const port = await freeTestPort();
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  test("refused without the teacher key, or with a wrong one", async () => {
    expect((await get("/api/classes/class-1/export.json", {}, base)).res.status).toBe(403);
    expect((await get("/api/classes/class-1/export.json", { "x-teacher-key": "guess" }, base)).res.status).toBe(403);
    expect((await get("/api/classes/class-2/export.json", { "x-teacher-key": KEY }, base)).res.status).toBe(404);
  });

  test("with the key: every finished match's teams, the unfinished ones listed as pending", async () => {
    const { res, text } = await get("/api/classes/class-1/export.json", { "x-teacher-key": KEY }, base);
    expect(res.status).toBe(200);
    const j = ClassExportSchema.parse(JSON.parse(text));
    expect(j.pending).toEqual([OPEN]);
    expect(j.matches.map((m) => [m.matchId, m.rankByValue])).toEqual([[DONE, 1]]);
    expect(j.matches[0]!.raceCost).toBe(j.matches[0]!.restrainValueCreated - j.matches[0]!.valueCreated);
    expect(j.rows).toHaveLength(4);
    expect(j.rows.every((r) => r.match_id === DONE)).toBe(true);
    const csv = csvObjects(parseCsv((await get(`/api/classes/class-1/export/class.csv?key=${KEY}&lang=zh-CN`, {}, base)).text));
    expect(csv.find((r) => r.company === "microsoft")?.team).toBe("张伟");
    expect(csv.find((r) => r.company === "microsoft")?.company_name).toBe("微软");
  });
});
