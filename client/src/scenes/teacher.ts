/**
 * The teacher console (`/teach`): the class's set-up, then — connected to the class room with the
 * teacher key kept in this browser — the lobby and the live overview. The key arrives once, in the
 * teacher link (`/teach/<classId>#key=…`), and is kept in localStorage, so the console survives a
 * reload. The scene only chooses which page to draw; the pages are in client/src/class/.
 */
import * as Phaser from "phaser";
import type { ClassSettingsInput, CreatedClass, TeacherClassView } from "../../../shared/protocol/class.ts";
import { BaseScene } from "./base.ts";
import { lang, t } from "../lang.ts";
import { button, el, toast } from "../ui.ts";
import { ClassConnection } from "../class/connection.ts";
import { chip, connectionPanel, langSelect } from "../class/dom.ts";
import { currentClassPage, projectorLink, replaceAddress, teacherLink } from "../class/route.ts";
import { savedTeacher, saveTeacher } from "../class/store.ts";
import { keyDialog, setupView } from "../class/teacher-setup.ts";
import { lobbyView } from "../class/teacher-lobby.ts";
import { runView, tickClocks } from "../class/teacher-run.ts";

/** The console's connection outlives the scene (a language switch restarts the scene, not the class). */
let conn: ClassConnection | null = null;
let page = 0;
let lastError: unknown = null;

function origin(): string {
  return location.origin;
}

export class TeacherScene extends BaseScene {
  private root: HTMLDivElement | null = null;
  private pending = false;
  private off: (() => void) | null = null;

  constructor() {
    super("teacher");
  }

  create(): void {
    this.background();
    this.root = this.screen("teacher", "cl-page");
    const p = currentClassPage();
    if (p?.kind === "teacher" && p.classId && p.key) {
      // The teacher link: keep the key in this browser and take it out of the address bar.
      saveTeacher({ classId: p.classId, key: p.key, code: savedTeacher()?.code ?? "" });
      replaceAddress(`/teach/${p.classId}`);
    }
    const saved = savedTeacher();
    const wanted = p?.kind === "teacher" ? p.classId : null;
    if (!conn && saved && wanted === saved.classId) this.connect(saved.classId, saved.key);
    if (conn) this.attach(conn);
    const tick = window.setInterval(() => {
      if (this.root) tickClocks(this.root);
    }, 1000);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.clearInterval(tick);
      this.off?.();
      this.off = null;
      for (const n of document.querySelectorAll(".cl-modal")) n.remove();
    });
    this.render();
  }

  private connect(classId: string, key: string): void {
    void conn?.close();
    conn = new ClassConnection({ role: "teacher", classId, key });
    const c = conn;
    this.attach(c);
    c.start();
  }

  private attach(c: ClassConnection): void {
    this.off?.();
    this.off = c.on(() => {
      if (c.lastError && c.lastError !== lastError) {
        lastError = c.lastError;
        toast(t(c.lastError.code === "class/partly_done" ? "class.partly" : "class.refusedAction", { message: c.lastError.message }));
      }
      if (c.view?.role === "teacher" && c.view.code) {
        const s = savedTeacher();
        if (s && s.classId === c.view.classId && s.code !== c.view.code) saveTeacher({ ...s, code: c.view.code });
      }
      this.render();
    });
  }

  private restart(): void {
    this.scene.restart();
  }

  private async create_class(settings: ClassSettingsInput, busy: (on: boolean) => void, status: HTMLElement): Promise<void> {
    busy(true);
    try {
      const res = await fetch("/api/classes", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings }) });
      const body = (await res.json()) as CreatedClass & { error?: { code: string; message: string } };
      if (!res.ok || body.error) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : String(res.status));
      saveTeacher({ classId: body.classId, key: body.teacherKey, code: body.code });
      replaceAddress(`/teach/${body.classId}`);
      keyDialog(teacherLink(origin(), body.classId, body.teacherKey), () => undefined);
      this.connect(body.classId, body.teacherKey);
      this.render();
    } catch (e) {
      busy(false);
      status.textContent = t("class.setup.failed", { message: e instanceof Error ? e.message : String(e) });
    }
  }

  private render(): void {
    const root = this.root;
    if (!root?.isConnected) return;
    // A select or field in use is not torn down under the teacher's hand: redraw when it is left.
    const active = document.activeElement;
    if (active && root.contains(active) && (active.tagName === "SELECT" || active.tagName === "INPUT")) {
      if (!this.pending) {
        this.pending = true;
        active.addEventListener(
          "blur",
          () => {
            this.pending = false;
            this.render();
          },
          { once: true },
        );
      }
      return;
    }
    root.replaceChildren();
    const view = conn?.view?.role === "teacher" ? conn.view : null;
    if (!conn) {
      this.renderSetup(root);
      return;
    }
    if (!view || conn.status === "refused") {
      root.append(
        this.head(null),
        connectionPanel(
          conn.status,
          conn.lastError?.message ?? null,
          () => conn?.retry(),
          () => {
            void conn?.close();
            conn = null;
            replaceAddress("/teach");
            this.render();
          },
        ),
      );
      return;
    }
    root.append(this.head(view));
    const actions = {
      send: (type: string, payload: unknown = {}) => conn?.send(type, payload),
      page,
      setPage: (p: number) => {
        page = p;
        this.render();
      },
      openProjector: () => window.open(projectorLink(origin(), view.code), "_blank"),
      exportLinks: (() => {
        const key = savedTeacher()?.key ?? "";
        const q = `?key=${encodeURIComponent(key)}&lang=${lang()}`;
        return { csv: `/api/classes/${view.classId}/export/class.csv${q}`, json: `/api/classes/${view.classId}/export.json${q}` };
      })(),
    };
    root.append(view.status === "lobby" ? lobbyView(view, origin(), actions) : runView(view, origin(), actions));
  }

  private head(v: TeacherClassView | null): HTMLElement {
    const status = v ? chip(t(`class.status.${v.status}`), v.status === "running" ? "good" : v.status === "ended" ? "warn" : "", "class-status") : null;
    return el(
      "header",
      { class: "cl-head" },
      el("h1", { text: v?.settings.title || t("class.teach.title") }),
      v ? el("span", { class: "cl-code", testid: "head-code", "aria-label": t("class.code"), text: v.code }) : null,
      status,
      conn && conn.status === "lost" ? chip(t("class.lost"), "warn", "class-net") : null,
      el("span", { class: "cl-spacer" }),
      v ? button(t("class.openProjector"), "open-projector", () => window.open(projectorLink(origin(), v.code), "_blank"), "secondary small") : null,
      langSelect(() => this.restart()),
    );
  }

  private renderSetup(root: HTMLElement): void {
    const saved = savedTeacher();
    const s = setupView({
      create: (settings) => void this.create_class(settings, s.busy, s.status),
      ...(saved
        ? {
            resume: {
              code: saved.code || saved.classId,
              go: () => {
                replaceAddress(`/teach/${saved.classId}`);
                this.connect(saved.classId, saved.key);
                this.render();
              },
              forget: () => {
                saveTeacher(null);
                this.render();
              },
            },
          }
        : {}),
    });
    root.append(
      el(
        "header",
        { class: "cl-head" },
        el("h1", { text: t("class.teach.title") }),
        el("span", { class: "cl-sub", text: t("class.teach.intro") }),
        el("span", { class: "cl-spacer" }),
        langSelect(() => this.restart()),
      ),
      s.body,
    );
  }
}
