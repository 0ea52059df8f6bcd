/** Which screen shows, derived from the session each time it changes. */
import type * as Phaser from "phaser";
import { getSession } from "./net.ts";
import { currentPage } from "./replay/route.ts";
import { currentClassPage } from "./class/route.ts";

export const SCENES = ["title", "lobby", "board", "reveal", "statements", "end", "replay", "library", "teacher", "projector", "classjoin"] as const;
export type SceneKey = (typeof SCENES)[number];

let statementsOpen = false;

export function openStatements(game: Phaser.Game, open: boolean): void {
  statementsOpen = open;
  route(game);
}

export function wanted(): SceneKey {
  const s = getSession();
  // The classroom's pages: the teacher console and the projector always; a team's page until its match takes over.
  const cls = currentClassPage();
  if (cls?.kind === "teacher" || cls?.kind === "projector") return cls.kind;
  if (cls?.kind === "student" && !s.room && !s.ended) return "classjoin";
  // Pages with their own URL (the replay viewer, the library) show while no match is being played.
  const page = currentPage();
  if (page && !s.room && !s.ended) return page.kind;
  if (!s.room && !s.ended) return "title";
  if (s.unseenReveal) return "reveal";
  if (s.ended) return "end";
  if (!s.snap || s.snap.phase === "lobby") return "lobby";
  if (s.snap.phase === "ended") return "end";
  return statementsOpen ? "statements" : "board";
}

export function current(game: Phaser.Game): SceneKey | null {
  for (const k of SCENES) if (game.scene.isActive(k)) return k;
  return null;
}

export function go(game: Phaser.Game, key: SceneKey): void {
  for (const k of SCENES) if (k !== key && (game.scene.isActive(k) || game.scene.isPaused(k))) game.scene.stop(k);
  game.scene.start(key);
}

export function route(game: Phaser.Game): void {
  const want = wanted();
  if (current(game) !== want) go(game, want);
}

/** The URL's page changed (library ↔ replay, another replay, a file opened): show it, afresh even when the scene is the same. */
export function routePage(game: Phaser.Game): void {
  const want = wanted();
  if (current(game) === want) game.scene.getScene(want)?.scene.restart();
  else go(game, want);
}
