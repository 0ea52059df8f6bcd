/** The library's HTTP calls: finished matches (public) and this browser's own live ones (by seat token). */
import type { CompanyId, ScenarioId, Variant } from "../../../shared/engine/ids.ts";
import type { LibraryPage } from "../../../shared/protocol/library.ts";
import { keepOnly, myMatchList } from "./mine.ts";

/** One of this browser's matches still being played, as `POST /api/matches/mine` answers it (server/http/matches.ts). */
export interface LiveMatch {
  readonly id: string;
  readonly code: string;
  readonly status: string;
  readonly scenario: ScenarioId;
  readonly variant: Variant;
  readonly turns: number;
  readonly seat: CompanyId | null;
  readonly updatedAt: string;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || body === null) throw new Error(body?.error?.message ?? `${res.status}`);
  return body;
}

export async function fetchLibrary(q: string, page: number, pageSize: number): Promise<LibraryPage> {
  const params = new URLSearchParams({ q, page: String(page), pageSize: String(pageSize) });
  return json<LibraryPage>(await fetch(`/api/library?${params}`));
}

/** This browser's matches still being played (a seat it holds); the ones the server no longer lists as live are forgotten. */
export async function fetchMine(): Promise<LiveMatch[]> {
  const kept = myMatchList();
  if (kept.length === 0) return [];
  const body = await json<{ matches: LiveMatch[] }>(
    await fetch("/api/matches/mine", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: [...new Set(kept.map((m) => m.token))].slice(0, 20) }),
    }),
  );
  const live = body.matches.filter((m) => m.seat !== null && kept.some((k) => k.matchId === m.id));
  keepOnly(live.map((m) => m.id));
  return live;
}
