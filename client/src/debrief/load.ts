/**
 * The debrief is computed here, in the browser, from the match's replay file: the server sends
 * the file it already keeps and does no extra work. The engine and the debrief are loaded as a
 * separate chunk only when a match ends. One computation per match, kept across scene restarts
 * (a language switch re-renders, it does not re-simulate).
 */
import type { DebriefResult } from "../../../shared/debrief/index.ts";
import type { ReplayFile } from "../../../shared/protocol/replay.ts";

const cache = new Map<string, Promise<DebriefResult>>();

/**
 * A light shape check of the server's reply before the engine re-runs it: the server parsed the
 * file with its zod schema, and `debriefOfReplay` re-simulates every turn against the file's
 * hashes, so a wrong file is refused there (zod itself stays out of the client bundle).
 */
function looksLikeReplay(x: unknown): x is ReplayFile {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    (r.version === 1 || r.version === 2) &&
    typeof r.engineVersion === "string" &&
    typeof r.seed === "number" &&
    typeof r.turnCount === "number" &&
    Array.isArray(r.seats) &&
    Array.isArray(r.turns)
  );
}

async function compute(replayId: string): Promise<DebriefResult> {
  const res = await fetch(`/api/matches/${encodeURIComponent(replayId)}/replay`);
  if (!res.ok) return { ok: false, code: "debrief/replay_unavailable", message: `the replay could not be loaded (HTTP ${res.status})` };
  const body: unknown = await res.json();
  if (!looksLikeReplay(body)) return { ok: false, code: "debrief/bad_replay", message: "the server's reply is not a replay file" };
  const { debriefOfReplay } = await import("./compute.ts");
  // Let the loading text paint before the re-simulation takes the main thread (tens of ms).
  await new Promise((r) => setTimeout(r, 0));
  try {
    return debriefOfReplay(body);
  } catch (e) {
    return { ok: false, code: "debrief/error", message: e instanceof Error ? e.message : String(e) };
  }
}

const done = new Map<string, DebriefResult>();

export function loadDebrief(replayId: string): Promise<DebriefResult> {
  let p = cache.get(replayId);
  if (!p) {
    p = compute(replayId)
      .catch((e: unknown): DebriefResult => ({ ok: false, code: "debrief/error", message: e instanceof Error ? e.message : String(e) }))
      .then((r) => {
        // A failure is not kept: the next visit to the screen tries again.
        if (r.ok) done.set(replayId, r);
        else cache.delete(replayId);
        return r;
      });
    cache.set(replayId, p);
  }
  return p;
}

/** The result if it is already computed (a re-render shows it at once, with no flash of "loading"). */
export function peekDebrief(replayId: string): DebriefResult | undefined {
  return done.get(replayId);
}
