/**
 * The projector (`/projector/<CODE>`): the class's big screen. It joins the class room as a
 * projector — no secret, public figures only — and shows what the teacher chose: the lobby with the
 * join code while teams come in, then a match's board, the staged reveal and the leaderboard.
 */
import * as Phaser from "phaser";
import type { ProjectorClassView } from "../../../shared/protocol/class.ts";
import { BaseScene } from "./base.ts";
import { t } from "../lang.ts";
import { el } from "../ui.ts";
import { ClassConnection } from "../class/connection.ts";
import { connectionPanel, langSelect } from "../class/dom.ts";
import { currentClassPage } from "../class/route.ts";
import { projectorLobby, projectorStage } from "../class/projector-views.ts";
import { tickClocks } from "../class/teacher-run.ts";

let conn: ClassConnection | null = null;

export class ProjectorScene extends BaseScene {
  private root: HTMLDivElement | null = null;
  private off: (() => void) | null = null;

  constructor() {
    super("projector");
  }

  create(): void {
    this.background();
    this.root = this.screen("projector", "cl-page cl-pj");
    const p = currentClassPage();
    const code = p?.kind === "projector" ? p.code : "";
    if (conn && conn.credentials.role === "projector" && conn.credentials.code !== code) {
      void conn.close();
      conn = null;
    }
    if (!conn && code) {
      conn = new ClassConnection({ role: "projector", code });
      const c = conn;
      c.start();
    }
    this.off = conn?.on(() => this.render()) ?? null;
    const tick = window.setInterval(() => {
      if (this.root) tickClocks(this.root);
    }, 1000);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.clearInterval(tick);
      this.off?.();
    });
    this.render();
  }

  private render(): void {
    const root = this.root;
    if (!root?.isConnected) return;
    root.replaceChildren();
    const v = conn?.view?.role === "projector" ? (conn.view as ProjectorClassView) : null;
    if (!conn || !v) {
      root.append(connectionPanel(conn?.status ?? "refused", conn?.lastError?.message ?? null, () => conn?.retry()));
      return;
    }
    const origin = location.origin;
    root.append(
      el(
        "header",
        { class: "cl-head" },
        el("h1", { text: v.title || t("class.projector") }),
        el("span", { class: "cl-spacer" }),
        el("span", { class: "cl-sub", style: "font-size:24px", testid: "pj-join", text: t("class.pj.join", { url: `${origin}/class`, code: v.code }) }),
        langSelect(() => this.scene.restart()),
      ),
      v.status === "lobby" ? projectorLobby(v, origin) : projectorStage(v),
    );
  }
}
