/** Helpers for the replay end-to-end tests (the shared harness is harness.ts). */
import { Client } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { audit, expectAuditFloor, summary } from "./audit.ts";
import { shot } from "./harness.ts";

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

/**
 * The client's screen audit (tests/e2e/audit.ts) with its floor: no axe violation, no undecided
 * contrast, no text under 12 px at 1280×720, nothing cut off, no text on the canvas; then a screenshot.
 */
export async function auditedShot(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const r = await audit(page, name);
  console.log(summary(r));
  for (const v of r.violations) console.log(`  ${name} axe ${v.id} ×${v.nodes}: ${v.sample[0] ?? ""}`);
  for (const c of r.clipped) console.log(`  ${name} clipped ${c.what} by ${c.by}`);
  for (const x of r.smallTexts.slice(0, 5)) console.log(`  ${name} small ${x.px}px: ${x.text}`);
  for (const u of r.undecided.slice(0, 5)) console.log(`  ${name} undecided: ${u}`);
  await shot(page, name);
  expectAuditFloor(r, name);
}
