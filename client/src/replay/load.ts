/**
 * Getting a replay file into the viewer: from the server by match id, or from a file the user
 * picked. Every file is parsed with the protocol's zod schema first; that module (with zod) and the
 * engine's fold are imported on demand (`runtime.ts`), so they land in the replay chunk and never in
 * the title's first load.
 */
import type { ReplayFile } from "../../../shared/protocol/replay.ts";
import type { ReplayModel } from "./model.ts";

export type LoadedReplay =
  | { readonly ok: true; readonly file: ReplayFile; readonly model: ReplayModel; readonly source: ReplaySource }
  | { readonly ok: false; readonly error: string; readonly source: ReplaySource };

export type ReplaySource = { readonly kind: "server"; readonly matchId: string } | { readonly kind: "file"; readonly name: string };

/** Parses replay text with the protocol's schema and sets up its re-simulation (both loaded on first use). */
export async function parseReplay(text: string, source: ReplaySource): Promise<LoadedReplay> {
  const { parseReplayText, hashSchemeOf, ReplayModel } = await import("./runtime.ts");
  const parsed = parseReplayText(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, source };
  return { ok: true, file: parsed.file, model: new ReplayModel(parsed.file, hashSchemeOf(parsed.file)), source };
}

/** Starts loading the parser and the engine early (the viewer asks while it fetches the file). */
export function preloadParser(): void {
  void import("./runtime.ts");
}

const inFlight = new Map<string, Promise<LoadedReplay>>();

/**
 * Starts fetching a saved match's replay (and the parser) right away — main.ts calls it before
 * Phaser boots and the fonts load, so the viewer finds the file ready. The promise is handed out once.
 */
export function prefetchReplay(matchId: string): void {
  if (!inFlight.has(matchId)) inFlight.set(matchId, fetchReplay(matchId));
}

/** GET /api/matches/:id/replay, parsed. Network and HTTP errors become the server's own sentence. */
export function loadFromServer(matchId: string): Promise<LoadedReplay> {
  const pending = inFlight.get(matchId);
  inFlight.delete(matchId);
  return pending ?? fetchReplay(matchId);
}

async function fetchReplay(matchId: string): Promise<LoadedReplay> {
  const source: ReplaySource = { kind: "server", matchId };
  preloadParser();
  let res: Response;
  try {
    res = await fetch(`/api/matches/${encodeURIComponent(matchId)}/replay`);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), source };
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `${res.status}`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // keep the status
    }
    return { ok: false, error: message, source };
  }
  return parseReplay(text, source);
}

export async function loadFromFile(file: File): Promise<LoadedReplay> {
  return parseReplay(await file.text(), { kind: "file", name: file.name });
}
