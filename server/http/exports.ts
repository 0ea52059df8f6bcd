/**
 * Export routes (issue 13): a finished match's scores, decisions per quarter and statements as
 * CSV (UTF-8 with BOM, RFC 4180) or JSON, and — once classes exist — a class's matches side by
 * side behind the teacher key. Only finished matches are exportable: before the end an export
 * would reveal sealed decisions and the seed.
 *
 *   GET /api/matches/:id/export.json[?lang=en|zh-CN][&company=…]
 *   GET /api/matches/:id/export/:table.csv[?lang=…][&company=…]     table: scores | decisions | statements
 *   GET /api/classes/:id/export.json | /api/classes/:id/export/class.csv   (x-teacher-key header or ?key=)
 *
 * A Node request handler (express-compatible middleware): unknown paths go to `next`. The
 * debrief behind an export re-runs the match (~20 ms for 12 quarters × 4 seats); finished
 * matches never change, so each is computed once and kept in a small cache.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { ENGINE_VERSION, type CompanyId } from "../../shared/engine/index.ts";
import {
  buildDebrief,
  classSummary,
  classTable,
  forCompany,
  matchExport,
  matchTable,
  toCsv,
  type ClassMatch,
  type Debrief,
  type SeatPlayer,
} from "../../shared/debrief/index.ts";
import { ClassExportQuerySchema, ExportQuerySchema, ExportTableSchema, MatchIdSchema, type ClassExportSchema } from "../../shared/protocol/index.ts";
import type { MatchRecord, Storage } from "../storage/types.ts";

/**
 * What the classroom provides (issue 12): a class's matches and the hash of its teacher key.
 * Until it exists the class routes answer 404.
 */
export interface ClassSource {
  getClass(classId: string): Promise<{ readonly teacherKeyHash: string; readonly matchIds: readonly string[] } | undefined>;
}

export interface ExportDeps {
  readonly storage: Storage;
  readonly classes?: ClassSource;
  /** Finished matches whose debrief is kept (default 32). */
  readonly cacheSize?: number;
}

class ExportError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: unknown;
  constructor(status: number, code: string, message: string, detail?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

function sendError(res: ServerResponse, e: ExportError): void {
  const text = JSON.stringify({ error: { code: e.code, message: e.message, ...(e.detail !== undefined ? { detail: e.detail } : {}) } });
  res.statusCode = e.status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

function send(res: ServerResponse, type: string, body: string, filename: string, head: boolean): void {
  res.statusCode = 200;
  res.setHeader("content-type", type);
  res.setHeader("content-disposition", `attachment; filename="${filename}"`);
  // A finished match never changes; still, exports are not for shared caches.
  res.setHeader("cache-control", "private, max-age=300");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(head ? undefined : body);
}

function zodDetail(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

function playersOf(rec: MatchRecord): Partial<Record<CompanyId, SeatPlayer>> {
  const out: Partial<Record<CompanyId, SeatPlayer>> = {};
  for (const c of rec.config.seats) {
    const s = rec.seats[c];
    out[c] = s?.control === "human" ? { kind: "human", ...(s.name ? { name: s.name } : {}) } : { kind: "ai" };
  }
  return out;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

const MATCH_JSON = /^\/api\/matches\/([^/]+)\/export\.json$/;
const MATCH_CSV = /^\/api\/matches\/([^/]+)\/export\/([^/]+)\.csv$/;
const CLASS_JSON = /^\/api\/classes\/([^/]+)\/export\.json$/;
const CLASS_CSV = /^\/api\/classes\/([^/]+)\/export\/class\.csv$/;

export function createExportsHandler(deps: ExportDeps): (req: IncomingMessage, res: ServerResponse, next?: () => void) => void {
  const cache = new Map<string, Debrief>();
  const limit = deps.cacheSize ?? 32;

  /** The debrief of a finished match of this engine, or the reason there is none. */
  async function finished(id: string): Promise<{ rec: MatchRecord; debrief: Debrief }> {
    const rec = await deps.storage.getMatch(id);
    if (!rec) throw new ExportError(404, "http/not_found", `no match ${id}`);
    if (rec.status !== "ended")
      throw new ExportError(
        409,
        "export/not_finished",
        `match ${id} has not ended: only finished matches can be exported (no hidden information before the end)`,
      );
    if (rec.engineVersion !== ENGINE_VERSION)
      throw new ExportError(
        409,
        "export/engine_version",
        `match ${id} was played with engine ${rec.engineVersion}; this server runs ${ENGINE_VERSION} and cannot re-run it`,
      );
    const key = `${id}:${rec.finalHash ?? ""}`;
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last.
      cache.delete(key);
      cache.set(key, hit);
      return { rec, debrief: hit };
    }
    const turns = await deps.storage.getTurns(id);
    const r = buildDebrief({
      config: rec.config,
      turns: turns.map((t) => ({ turn: t.turn, decisions: t.decisions, ...(t.events && t.events.length > 0 ? { events: t.events } : {}) })),
    });
    if (!r.ok) throw new ExportError(409, r.code, r.message);
    cache.set(key, r.debrief);
    while (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return { rec, debrief: r.debrief };
  }

  function matchId(raw: string): string {
    const id = MatchIdSchema.safeParse(decodeURIComponent(raw));
    if (!id.success) throw new ExportError(400, "http/invalid_id", id.error.issues[0]?.message ?? "bad match id");
    return id.data;
  }

  function query<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
    const q = schema.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) throw new ExportError(400, "http/invalid_query", "bad query parameters", zodDetail(q.error));
    return q.data;
  }

  async function classMatches(req: IncomingMessage, url: URL, classId: string): Promise<{ matches: ClassMatch[]; pending: string[] }> {
    const q = query(ClassExportQuerySchema, url);
    const cls = deps.classes ? await deps.classes.getClass(decodeURIComponent(classId)) : undefined;
    if (!cls) throw new ExportError(404, "http/not_found", `no class ${classId}`);
    const header = req.headers["x-teacher-key"];
    const key = (typeof header === "string" ? header : undefined) ?? q.key;
    if (!key || !sameHash(sha256(key), cls.teacherKeyHash)) throw new ExportError(403, "auth/not_teacher", "the class's exports need its teacher key");
    const matches: ClassMatch[] = [];
    const pending: string[] = [];
    for (const id of cls.matchIds) {
      try {
        const { rec, debrief } = await finished(id);
        matches.push({ matchId: id, debrief, players: playersOf(rec) });
      } catch (e) {
        if (e instanceof ExportError && e.status === 409) pending.push(id);
        else throw e;
      }
    }
    return { matches, pending };
  }

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const m = MATCH_JSON.exec(path) ?? MATCH_CSV.exec(path) ?? CLASS_JSON.exec(path) ?? CLASS_CSV.exec(path);
    if (!m) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET");
      throw new ExportError(405, "http/method_not_allowed", `${path} accepts GET only`);
    }
    const head = req.method === "HEAD";
    if (path.startsWith("/api/classes/")) {
      const q = query(ClassExportQuerySchema, url);
      const { matches, pending } = await classMatches(req, url, m[1] ?? "");
      const table = classTable(matches, q.lang);
      const safeId = (m[1] ?? "class").replace(/[^\w-]/g, "_");
      if (path.endsWith(".csv")) send(res, "text/csv; charset=utf-8", toCsv(table), `${safeId}-class.csv`, head);
      else {
        const body: z.infer<typeof ClassExportSchema> = {
          format: "capital-purgatory/class-export",
          version: 1,
          classId: decodeURIComponent(m[1] ?? ""),
          lang: q.lang,
          matches: classSummary(matches).map((m) => ({ ...m, seats: [...m.seats] })),
          rows: table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null]))),
          pending,
        };
        send(res, "application/json; charset=utf-8", JSON.stringify(body), `${safeId}-class.json`, head);
      }
      return true;
    }
    const id = matchId(m[1] ?? "");
    const q = query(ExportQuerySchema, url);
    if (m.length > 2 && path.endsWith(".csv")) {
      const table = ExportTableSchema.safeParse(m[2]);
      if (!table.success) throw new ExportError(404, "http/not_found", `no export table ${m[2]}: one of scores, decisions, statements`);
      const { rec, debrief } = await finished(id);
      if (q.company && !rec.config.seats.includes(q.company)) throw new ExportError(400, "http/invalid_query", `${q.company} is not a seat of match ${id}`);
      let t = matchTable(table.data, debrief, { matchId: id, players: playersOf(rec), lang: q.lang });
      if (q.company) t = forCompany(t, q.company);
      send(res, "text/csv; charset=utf-8", toCsv(t), `${id}-${table.data}${q.company ? `-${q.company}` : ""}.csv`, head);
      return true;
    }
    const { rec, debrief } = await finished(id);
    if (q.company && !rec.config.seats.includes(q.company)) throw new ExportError(400, "http/invalid_query", `${q.company} is not a seat of match ${id}`);
    const full = matchExport(debrief, { matchId: id, players: playersOf(rec), lang: q.lang, engineVersion: rec.engineVersion, endedAt: rec.endedAt });
    const body = q.company
      ? {
          ...full,
          scores: full.scores.filter((r) => r.company === q.company || r.company === "industry"),
          decisions: full.decisions.filter((r) => r.company === q.company),
          statements: full.statements.filter((r) => r.company === q.company),
        }
      : full;
    send(res, "application/json; charset=utf-8", JSON.stringify(body), `${id}${q.company ? `-${q.company}` : ""}.export.json`, head);
    return true;
  };

  return (req, res, next) => {
    route(req, res)
      .then((handled) => {
        if (!handled) next?.();
      })
      .catch((e: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (e instanceof ExportError) sendError(res, e);
        else {
          console.error("[exports]", e);
          sendError(res, new ExportError(500, "http/internal", "internal error"));
        }
      });
  };
}
