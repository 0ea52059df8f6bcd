/**
 * The classroom's way in from the title screen: two links (run a class, join a class), shown while
 * the title is the active screen. Kept here so the title scene does not change for the classroom.
 */
import type * as Phaser from "phaser";
import { t } from "../lang.ts";
import { el } from "../ui.ts";
import "./class.css";

export function installClassEntry(game: Phaser.Game): void {
  let bar: HTMLElement | null = null;
  let shownFor = "";
  const update = (): void => {
    // Not over a dialog (the title's how-to, the glossary): the dialog has the page to itself.
    const onTitle = game.scene.isActive("title") && !document.querySelector(".cp-modal, [aria-modal='true']");
    const key = onTitle ? document.documentElement.lang : "";
    if (key === shownFor) return;
    shownFor = key;
    bar?.remove();
    bar = null;
    if (!onTitle) return;
    bar = el(
      "nav",
      { class: "cl-entry", testid: "class-entry", "aria-label": t("class.teach.title") },
      el("a", { href: "/teach", testid: "entry-teach", text: t("class.entry.teach") }),
      el("a", { href: "/class", testid: "entry-join", text: t("class.entry.join") }),
    );
    document.body.append(bar);
  };
  game.events.on("poststep", update);
  // Dialogs open and close without a Phaser frame (the loop sleeps while nothing moves).
  new MutationObserver(update).observe(document.body, { childList: true });
}
