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
/** The seat ("matchId:seat") the class last said the teacher handed to AI. */
let benchedSeat: string | null = null;
/** Since when (ms) this page has watched its own match as a spectator while the class still seats it there; 0 = not now. */
let spectatorSince = 0;
/** The last join failure shown (one toast per streak of the same failure). */
let lastFailure = "";

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

/** Looks again in `ms` (one pending look at a time): a failed or deferred step is retried without waiting for another change. */
function recheck(c: ClassConnection, ms: number): void {
  if (retryTimer) return;
  retryTimer = window.setTimeout(() => {
    retryTimer = 0;
    if (conn === c) enterMatch(c);
  }, ms);
}

/** Steps into the team's seat when the class says where it plays and this browser is not there yet. */
function enterMatch(c: ClassConnection): void {
  const v = c.view?.role === "student" ? c.view : null;
  const token = c.welcome?.team?.token;
  if (!v?.match || !token) return;
  const seatKey = `${v.match.matchId}:${v.match.seat}`;
  if (v.benched) {
    benchedSeat = seatKey;
    return;
  }
  if (joining) return;
  const s = getSession();
  // Already in the seat, or recovering the connection to it by itself.
  if (s.room && s.welcome?.matchId === v.match.matchId && s.welcome.seat === v.match.seat) {
    spectatorSince = 0;
    return;
  }
  if (s.room && !s.welcome) return;
  if (s.status === "lost") return;
  // The match has just made this connection a spectator: the teacher handed the seat to AI, and the
  // class (another room) says so a moment later. Rejoining now would only meet a refused token — so
  // wait for the class, unless it already said the seat went to AI and has since given it back.
  if (s.room && s.welcome?.matchId === v.match.matchId && s.welcome.seat === null && benchedSeat !== seatKey) {
    if (spectatorSince === 0) spectatorSince = Date.now();
    const waited = Date.now() - spectatorSince;
    if (waited < RETRY_MS) {
      recheck(c, RETRY_MS - waited);
      return;
    }
  }
  const since = Date.now() - lastTry;
  if (since < RETRY_MS) {
    recheck(c, RETRY_MS - since);
    return;
  }
  lastTry = Date.now();
  joining = true;
  spectatorSince = 0;
  const m = v.match;
  void resetSession()
    .joinByCode(m.code, { name: v.team.name, role: "player", seat: m.seat, token })
    .then(
      () => {
        lastFailure = "";
        if (benchedSeat === seatKey) benchedSeat = null;
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (message !== lastFailure) toast(t("net.joinFailed", { message }));
        lastFailure = message;
      },
    )
    .finally(() => {
      joining = false;
      // Whatever happened, look again later: a failed join is retried while the class still seats the team here.
      recheck(c, RETRY_MS);
    });
}
