/** Helpers for the replay end-to-end tests (the shared harness is harness.ts). */
import { Client } from "@colyseus/sdk";

export const SEVEN_SEATS = ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"] as const;

/** A match played to its end by AI only, watched by a spectator through the real client SDK; returns its match id. */
export async function finishedAiMatch(url: string, turns: number, seats: readonly string[] = SEVEN_SEATS): Promise<string> {
  const client = new Client(url.replace(/^http/, "ws"));
  const room = await client.create("match", { mode: "solo", role: "spectator", turns, seats: [...seats], difficulty: "easy", name: "Watcher" });
  room.onMessage("*", () => undefined);
  await new Promise<void>((resolve) => room.onMessage("match:ended", () => resolve()));
  const id = room.roomId;
  await room.leave();
  return id;
}
