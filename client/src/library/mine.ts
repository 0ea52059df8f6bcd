/**
 * The matches this browser plays in, by seat token: kept in localStorage (most recent first, at most
 * 20) so the library can offer to resume them. A token proves the seat to the server; the server
 * answers only for matches still being played (POST /api/library/mine).
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { getSession, onAnySession } from "../net.ts";

const KEY = "cp.myMatches";
const MAX = 20;

export interface MyMatch {
  readonly matchId: string;
  readonly token: string;
  readonly seat: CompanyId;
  readonly code: string;
  readonly name: string;
  /** ms since epoch, when last seen. */
  readonly at: number;
}

export function myMatchList(): MyMatch[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((m): m is MyMatch => typeof m === "object" && m !== null && typeof (m as MyMatch).matchId === "string") : [];
  } catch {
    return [];
  }
}

function write(list: readonly MyMatch[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // not kept: the library cannot offer to resume
  }
}

export function rememberMatch(m: MyMatch): void {
  write([m, ...myMatchList().filter((x) => x.matchId !== m.matchId)]);
}

/** Keeps only the given matches (the ones the server still knows as being played). */
export function keepOnly(matchIds: readonly string[]): void {
  write(myMatchList().filter((m) => matchIds.includes(m.matchId)));
}

/** Remembers every seat this browser is given, with the player's name once the synced state shows it (called once at start). */
export function trackMyMatches(): void {
  let last = "";
  onAnySession(() => {
    const s = getSession();
    const w = s.welcome;
    if (!w?.seat || !w.token || !w.matchId || w.role !== "player") return;
    const name = s.snap?.seats[w.seat]?.name || "Player";
    const key = `${w.matchId}:${w.token}:${name}`;
    if (key === last) return;
    last = key;
    rememberMatch({ matchId: w.matchId, token: w.token, seat: w.seat as CompanyId, code: w.code, name, at: Date.now() });
  });
}
