/**
 * Classes on the server: creating one (its record, its teacher key, its room), finding its room
 * by id or class code — bringing the room back when it was disposed or the server restarted — and
 * reopening every open class at start. The class rooms do the rest.
 */
import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { CLASS_ROOM_NAME, type ClassLocation, type ClassSettings, type CreatedClass } from "../../shared/protocol/class.ts";
import type { Storage } from "../storage/types.ts";
import { openOnce } from "../scale/rooms.ts";
import { hashToken, newJoinCode, newToken } from "../util.ts";
import { classRequestOptions, type ClassContext } from "./context.ts";
import { newClassRecord, parseClassRecord } from "./record.ts";

/** Class codes share the match codes' alphabet and never collide with a match's code or another class's. */
async function freeCode(ctx: ClassContext): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const code = newJoinCode();
    if (!(await ctx.storage.findClassByCode(code)) && !(await ctx.storage.findByCode(code))) return code;
  }
  throw new Error("no free class code");
}

export async function createClass(ctx: ClassContext, settings: ClassSettings): Promise<CreatedClass> {
  const id = `c${randomBytes(8).toString("hex")}`;
  const code = await freeCode(ctx);
  const teacherKey = newToken();
  const now = new Date().toISOString();
  const record = newClassRecord(id, code, settings, now);
  await ctx.storage.createClass({ id, code, teacherKeyHash: hashToken(teacherKey), status: record.status, record, createdAt: now, updatedAt: now });
  const roomId = await ensureClassRoom(ctx, id);
  if (!roomId) throw new Error(`class ${id} was saved but its room did not open`);
  ctx.log(`class ${id} created (${settings.matches} match(es) of ${settings.seats.length} seats)`);
  return { classId: id, code, teacherKey, roomId };
}

/**
 * The class's room id, opening the room from storage when no process holds it (one opening at a
 * time per class across every process; a dead process's listing does not count: server/scale/rooms.ts).
 */
export function ensureClassRoom(ctx: ClassContext, classId: string): Promise<string | null> {
  return openOnce(classId, async () => {
    if (!(await ctx.storage.getClass(classId))) return null;
    try {
      return (await matchMaker.createRoom(CLASS_ROOM_NAME, classRequestOptions(ctx, { classId }))).roomId;
    } catch (e) {
      ctx.log(`class ${classId} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  });
}

/** Where a class is, by id or by class code; null when there is no such class (or its record is unreadable). */
export async function locateClass(ctx: ClassContext, by: { readonly id: string } | { readonly code: string }): Promise<ClassLocation | null> {
  const row = "id" in by ? await ctx.storage.getClass(by.id) : await ctx.storage.findClassByCode(by.code);
  if (!row) return null;
  const parsed = parseClassRecord(row.record);
  if (!parsed.ok) return null;
  const roomId = await ensureClassRoom(ctx, row.id);
  if (!roomId) return null;
  return { classId: row.id, code: row.code, roomId, status: parsed.record.status, title: parsed.record.settings.title };
}

/** At start: every class not ended gets its room back (its matches are restored by the match restore). */
export async function restoreClasses(ctx: ClassContext): Promise<string[]> {
  const out: string[] = [];
  for (const row of await ctx.storage.listOpenClasses()) {
    const id = await ensureClassRoom(ctx, row.id);
    if (id) out.push(id);
  }
  if (out.length > 0) ctx.log(`restored ${out.length} class(es)`);
  return out;
}

/** For the class export (server/http/exports.ts): a class's matches and the hash of its teacher key. */
export function classSource(storage: Storage): { getClass(classId: string): Promise<{ teacherKeyHash: string; matchIds: string[] } | undefined> } {
  return {
    async getClass(classId) {
      const row = await storage.getClass(classId);
      if (!row) return undefined;
      const parsed = parseClassRecord(row.record);
      if (!parsed.ok) return undefined;
      return { teacherKeyHash: row.teacherKeyHash, matchIds: parsed.record.slots.flatMap((s) => (s.matchId ? [s.matchId] : [])) };
    },
  };
}
