/**
 * Render on demand: the screens are dashboards, so Phaser's loop sleeps while nothing moves and
 * wakes when something changes (a session update, a scene switch, a resize, input, an object
 * added or removed, a tween or timer a scene runs). A static board costs no frames at all. A scene
 * that changes canvas objects from its own timers calls `requestRender()` (or `holdAwake()` for
 * an animation it drives itself).
 */
import type * as Phaser from "phaser";

/** Frames drawn after the last change before the loop sleeps (lets queued scene operations and the DOM layout settle). */
const SETTLE_FRAMES = 3;

let game: Phaser.Game | null = null;
const hooked = new WeakSet<Phaser.Scene>();
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

/** Any object added to or removed from a scene wakes the loop (scenes are created after boot, so each is hooked when first seen). */
function hookScenes(g: Phaser.Game): void {
  for (const s of g.scene.scenes) {
    if (hooked.has(s)) continue;
    hooked.add(s);
    s.sys.events.on("addedtoscene", requestRender);
    s.sys.events.on("removedfromscene", requestRender);
  }
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
    hookScenes(g);
    if (busy(g)) {
      quiet = 0;
      return;
    }
    quiet += 1;
    if (quiet >= SETTLE_FRAMES) g.loop.sleep();
  });
  window.addEventListener("resize", requestRender);
  document.addEventListener("visibilitychange", requestRender);
  // A safety net for scenes that change canvas objects without asking: any input wakes the loop
  // (hover effects, clicks, typing); objects added or removed wake it too (hookScenes).
  for (const type of ["pointerdown", "pointermove", "pointerup", "keydown", "wheel", "input", "change"])
    document.addEventListener(type, requestRender, { capture: true, passive: true });
  g.events.once("ready", () => hookScenes(g));
  // Scene operations (start, restart, stop…) are processed by the loop: whoever asks for one,
  // from a click or from an async callback, wakes it.
  const manager = g.scene as unknown as Record<string, unknown>;
  for (const name of ["queueOp", "start", "stop", "run", "switch", "sleep", "wake", "pause", "resume", "remove"]) {
    const original = manager[name];
    if (typeof original !== "function") continue;
    manager[name] = function (this: unknown, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      requestRender();
      return result;
    };
  }
}
