/**
 * Finding a room wherever it lives, and opening a stored one exactly once across processes.
 *
 * A match's or class's room id is its stored id, so "where is it" is a question for Colyseus'
 * driver (Redis with several processes): a listing says which process holds the room. A process
 * killed with SIGKILL leaves its listings behind, so a listing of another process counts only if
 * that process answers Colyseus' own health check (a dead one's listings are then removed by it).
 * Opening (restoring) a room takes a short lock in presence first, so two processes asked for the
 * same code at once never run the same match twice.
 */
import { matchMaker } from "@colyseus/core";

/** How long a process may hold an opening lock (a restore re-runs the log: well under a second). */
const LOCK_SECONDS = 20;
/** How long a caller waits for another process that is opening the same room. */
const WAIT_MS = 25_000;
const POLL_MS = 50;

function lockKey(roomId: string): string {
  return `cp:opening:${roomId}`;
}

/** True when a room with this id runs in this process or in another process that answers. */
export async function isLive(roomId: string): Promise<boolean> {
  if (matchMaker.getLocalRoomById(roomId)) return true;
  const listing = await matchMaker.getRoomById(roomId);
  if (!listing) return false;
  // Our own listing without a local room is a room being disposed: not live.
  if (listing.processId === matchMaker.processId) return false;
  return matchMaker.healthCheckProcessId(listing.processId);
}

const pending = new Map<string, Promise<string | null>>();

/**
 * The id of the live room `roomId`, calling `open` to create it (here) when no process holds it.
 * `open` returns the new room's id, or null when the room cannot be opened. One opening at a time
 * per room across every process; callers meanwhile wait for the opener's room to be listed.
 */
export function openOnce(roomId: string, open: () => Promise<string | null>): Promise<string | null> {
  const already = pending.get(roomId);
  if (already) return already;
  const p = openAcrossProcesses(roomId, open).finally(() => pending.delete(roomId));
  pending.set(roomId, p);
  return p;
}

async function openAcrossProcesses(roomId: string, open: () => Promise<string | null>): Promise<string | null> {
  const deadline = Date.now() + WAIT_MS;
  const presence = matchMaker.presence;
  for (;;) {
    if (await isLive(roomId)) return roomId;
    // Atomic increment with expiry: the first caller gets 1 and opens; the lock lapses if it dies.
    if ((await presence.hincrbyex(lockKey(roomId), "n", 1, LOCK_SECONDS)) === 1) {
      try {
        // Checked again under the lock: an opener that finished just before lists its room before it unlocks.
        if (await isLive(roomId)) return roomId;
        return await open();
      } finally {
        await presence.del(lockKey(roomId));
      }
    }
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
