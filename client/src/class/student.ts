/**
 * A student team's side of the class: the connection to the class room (by name the first time,
 * then by the team token kept in this browser), and the step into the team's match once the
 * teacher has started it — joining the match room with the same token, which is the seat's token
 * too. When the teacher hands the seat to AI and back, the team steps back in by itself.
 */
import type { StudentClassView } from "../../../shared/protocol/class.ts";
import { getSession, onAnySession, resetSession } from "../net.ts";
import { t } from "../lang.ts";
import { toast } from "../ui.ts";
import { ClassConnection } from "./connection.ts";
import { saveTeam } from "./store.ts";

let conn: ClassConnection | null = null;
let joining = false;
let lastTry = 0;
let retryTimer = 0;
/** Joining a match again is not retried faster than this (ms). */
const RETRY_MS = 4000;

let watching = false;

/**
 * The match connection changes too (a reload's automatic rejoin that gives up, a seat handed to
 * AI): each change is a chance to step back into the seat the class says is the team's.
 */
function watchSession(): void {
  if (watching) return;
  watching = true;
  onAnySession(() => {
    if (conn) enterMatch(conn);
  });
}

export function studentConnection(): ClassConnection | null {
  return conn;
}

export function studentView(): StudentClassView | null {
  return conn?.view?.role === "student" ? conn.view : null;
}

/** Joins the class `code` as a new team (`name`) or a returning one (`token`). */
export function startStudent(code: string, who: { readonly name: string } | { readonly token: string }): ClassConnection {
  void conn?.close();
  const c = new ClassConnection({ role: "student", code, ...who });
  conn = c;
  watchSession();
  c.on(() => {
    const w = c.welcome;
    if (w?.team) saveTeam(code, { classId: w.classId, token: w.team.token, name: w.team.name });
    if (c.status === "refused" && c.lastError?.code !== "class/removed") saveTeam(code, null);
    enterMatch(c);
  });
  c.start();
  return c;
}

export function leaveClass(code: string): void {
  saveTeam(code, null);
  void conn?.close();
  conn = null;
}

/** Steps into the team's seat when the class says where it plays and this browser is not there yet. */
function enterMatch(c: ClassConnection): void {
  const v = c.view?.role === "student" ? c.view : null;
  const token = c.welcome?.team?.token;
  if (!v?.match || v.benched || !token || joining) return;
  const s = getSession();
  // Already in the seat, or recovering the connection to it by itself.
  if (s.room && s.welcome?.matchId === v.match.matchId && s.welcome.seat === v.match.seat) return;
  if (s.room && !s.welcome) return;
  if (s.status === "lost") return;
  if (Date.now() - lastTry < RETRY_MS) {
    if (!retryTimer)
      retryTimer = window.setTimeout(() => {
        retryTimer = 0;
        enterMatch(c);
      }, RETRY_MS);
    return;
  }
  lastTry = Date.now();
  joining = true;
  const m = v.match;
  void resetSession()
    .joinByCode(m.code, { name: v.team.name, role: "player", seat: m.seat, token })
    .catch((e: unknown) => toast(t("net.joinFailed", { message: e instanceof Error ? e.message : String(e) })))
    .finally(() => {
      joining = false;
    });
}
