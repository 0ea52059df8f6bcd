/**
 * Shared scene helpers. The player's screens are DOM laid out on the 1600×900 design canvas
 * (`screen()`): text stays sharp when Phaser scales the page, reads in both languages, and is
 * checked for contrast and size like any web page. `text()` and `panel()` draw on the canvas for
 * scenes that still want it (with the same type floor).
 */
import * as Phaser from "phaser";
import { COLORS, CSS, FONT, H, MIN_FONT_PX, W } from "../theme.ts";
import { getSession, type Session } from "../net.ts";
import { lang, setLang, t } from "../lang.ts";
import { LANGS, type Lang } from "../../../shared/i18n/index.ts";
import { el, select } from "../ui.ts";
import { loadFonts } from "../fonts.ts";
import { requestRender } from "../render-loop.ts";

export type TextStyle = { size?: number; color?: string; bold?: boolean; width?: number; align?: "left" | "center" | "right" };

export abstract class BaseScene extends Phaser.Scene {
  protected unsub: (() => void) | null = null;

  get session(): Session {
    return getSession();
  }

  /** Subscribes `render` to session changes for the scene's lifetime. */
  protected follow(render: () => void): void {
    this.unsub?.();
    let queued = false;
    this.unsub = this.session.on(() => {
      if (queued || !this.scene.isActive()) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (this.scene.isActive()) {
          render();
          requestRender();
        }
      });
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.unsub?.();
      this.unsub = null;
    });
  }

  /**
   * The scene's page: one DOM node covering the design canvas, laid out with CSS. It carries the
   * page background itself, so every text on it has a known background.
   */
  screen(testid: string, cls = ""): HTMLDivElement {
    const root = el("div", { class: `cp-screen ${cls}`.trim(), testid: `screen-${testid}`, lang: lang() });
    const wrap = this.dom(0, 0, root).node as HTMLElement;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => wrap.remove());
    requestRender();
    return root;
  }

  /** A timer that lives as long as the scene (DOM updates need no Phaser frame). */
  every(ms: number, fn: () => void): void {
    const id = window.setInterval(fn, ms);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => window.clearInterval(id));
  }

  text(x: number, y: number, s: string, style: TextStyle = {}): Phaser.GameObjects.Text {
    const txt = this.add.text(x, y, s, {
      fontFamily: FONT,
      fontSize: `${Math.max(MIN_FONT_PX, style.size ?? 18)}px`,
      color: style.color ?? CSS.text,
      fontStyle: style.bold ? "bold" : "normal",
      align: style.align ?? "left",
      wordWrap: style.width ? { width: style.width, useAdvancedWrap: true } : undefined,
    });
    txt.setResolution(2);
    if (style.align === "center") txt.setOrigin(0.5, 0);
    if (style.align === "right") txt.setOrigin(1, 0);
    return txt;
  }

  panel(x: number, y: number, w: number, h: number, color: number = COLORS.panel): Phaser.GameObjects.Graphics {
    const g = this.add.graphics();
    g.fillStyle(color, 1);
    g.fillRoundedRect(x, y, w, h, 10);
    g.lineStyle(1, COLORS.line, 1);
    g.strokeRoundedRect(x, y, w, h, 10);
    return g;
  }

  /** Places a DOM node; it is wrapped because Phaser sets the placed element's own `display` every frame. */
  dom(x: number, y: number, node: HTMLElement): Phaser.GameObjects.DOMElement {
    const wrap = document.createElement("div");
    wrap.append(node);
    return this.add.dom(x, y, wrap).setOrigin(0, 0);
  }

  background(): void {
    const g = this.add.graphics();
    g.fillGradientStyle(0x0e1621, 0x0e1621, 0x122236, 0x122236, 1);
    g.fillRect(0, 0, W, H);
  }

  /**
   * The language switch (remembered). The scene restarts at once (DOM text needs no preloading);
   * a scene that draws text on the canvas restarts again once the new glyphs are loaded.
   */
  langSelect(): HTMLSelectElement {
    return select(
      LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) })),
      lang(),
      "lang-select",
      (v: Lang) => {
        setLang(v);
        this.scene.restart();
        requestRender();
        void loadFonts().then(() => {
          const canvasText = this.scene.isActive() && this.children.list.some((o) => o.type === "Text");
          if (canvasText) {
            this.scene.restart();
            requestRender();
          }
        });
      },
      t("lang.label"),
    );
  }

  /** The language switch placed on the canvas at (x, y) (for scenes not built with `screen()`). */
  langSwitch(x: number, y: number): void {
    this.dom(x, y, this.langSelect());
  }
}
