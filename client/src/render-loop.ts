/**
 * Render on demand: the screens are dashboards, so Phaser's loop sleeps while nothing moves and
 * wakes when something changes (a session update, a scene switch, a resize, a tween or timer a
 * scene starts). A static board costs no frames at all.
 */
import type * as Phaser from "phaser";

/** Frames drawn after the last change before the loop sleeps (lets queued scene operations and the DOM layout settle). */
const SETTLE_FRAMES = 3;

let game: Phaser.Game | null = null;
let quiet = 0;
let holds = 0;
/** Frames actually rendered, for the benchmark (window.__cp.frames). */
let frames = 0;

function busy(g: Phaser.Game): boolean {
  if (holds > 0) return true;
  const sm = g.scene as unknown as { _pending?: unknown[]; _queue?: unknown[]; _start?: unknown[] };
  if ((sm._pending?.length ?? 0) + (sm._queue?.length ?? 0) + (sm._start?.length ?? 0) > 0) return true;
  for (const s of g.scene.getScenes(true)) {
    if (s.tweens && s.tweens.getTweens().length > 0) return true;
    // Phaser's clock keeps its live events in `_active` (and new ones in `_pendingInsertion`).
    const clock = s.time as unknown as { _active?: unknown[]; _pendingInsertion?: unknown[] } | undefined;
    if ((clock?._active?.length ?? 0) + (clock?._pendingInsertion?.length ?? 0) > 0) return true;
  }
  return false;
}

/** Wakes the loop for a few frames (call after anything that changes what a scene shows). */
export function requestRender(): void {
  quiet = 0;
  if (game && !game.loop.running) game.loop.wake(true);
}

/** Keeps the loop awake until the returned function is called (an animation you drive yourself). */
export function holdAwake(): () => void {
  holds += 1;
  requestRender();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds = Math.max(0, holds - 1);
  };
}

export function framesRendered(): number {
  return frames;
}

/** Installs the sleep/wake policy on a game. */
export function renderOnDemand(g: Phaser.Game): void {
  game = g;
  g.events.on("postrender", () => {
    frames += 1;
    if (busy(g)) {
      quiet = 0;
      return;
    }
    quiet += 1;
    if (quiet >= SETTLE_FRAMES) g.loop.sleep();
  });
  window.addEventListener("resize", requestRender);
  document.addEventListener("visibilitychange", requestRender);
}
