/**
 * The student team's page (`/class` and `/class/<CODE>`, the address the class's QR code holds):
 * the class code and a team name, then the waiting room — where the team will play, or that the
 * teacher has handed its company to the AI — until the team's match starts; the match's own screens
 * take over from there (router.ts). A reload comes straight back with the team token.
 */
import * as Phaser from "phaser";
import { BaseScene } from "../scenes/base.ts";
import { t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { companyName, connectionPanel, langSelect } from "./dom.ts";
import { currentClassPage, normaliseCode, replaceAddress } from "./route.ts";
import { savedTeam } from "./store.ts";
import { leaveClass, startStudent, studentConnection, studentView } from "./student.ts";

export class StudentScene extends BaseScene {
  private root: HTMLDivElement | null = null;
  private off: (() => void) | null = null;

  constructor() {
    super("classjoin");
  }

  create(): void {
    this.background();
    this.root = this.screen("classjoin", "cl-page");
    const p = currentClassPage();
    const code = p?.kind === "student" ? p.code : null;
    const saved = code ? savedTeam(code) : null;
    const c = studentConnection();
    if (code && saved && (c?.credentials.role !== "student" || c.credentials.code !== code)) startStudent(code, { token: saved.token });
    this.track();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.off?.());
    this.render();
  }

  private track(): void {
    this.off?.();
    this.off = studentConnection()?.on(() => this.render()) ?? null;
  }

  private render(): void {
    const root = this.root;
    if (!root?.isConnected) return;
    const active = document.activeElement;
    // Typing in the form is never interrupted by a redraw.
    if (active && root.contains(active) && active.tagName === "INPUT") return;
    root.replaceChildren(
      el(
        "header",
        { class: "cl-head" },
        el("h1", { text: t("class.st.title") }),
        el("span", { class: "cl-spacer" }),
        langSelect(() => this.scene.restart()),
      ),
    );
    const c = studentConnection();
    const v = studentView();
    if (!c || (c.status === "refused" && !v)) {
      root.append(this.form(c?.lastError?.message ?? null));
      return;
    }
    if (!v) {
      root.append(connectionPanel(c.status, c.lastError?.message ?? null, () => c.retry()));
      return;
    }
    const code = c.credentials.role === "student" ? c.credentials.code : "";
    let msg: string;
    if (c.status === "refused") msg = t("class.st.removed");
    else if (v.status === "ended") msg = t("class.st.ended");
    else if (v.match && v.benched) msg = t("class.st.benched", { company: companyName(v.match.seat) });
    else if (v.match) msg = t("class.st.entering", { n: v.match.index + 1, company: companyName(v.match.seat) });
    else if (v.team.seat !== null && v.team.match !== null)
      msg = `${t("class.st.seated", { n: v.team.match + 1, company: companyName(v.team.seat) })} ${t("class.st.waiting")}`;
    else msg = t("class.st.waiting");
    root.append(
      el(
        "div",
        { class: "cl-center" },
        el(
          "section",
          { class: "cl-card", testid: "student-waiting" },
          el("h2", { testid: "student-team", text: t("class.st.team", { name: v.team.name }) }),
          v.title ? el("div", { class: "cl-muted", text: v.title }) : null,
          el("p", { class: "cl-msg", style: "margin:0", testid: "student-status", text: msg }),
          el("div", { class: "cl-muted", text: t("class.st.teams", { n: v.teams }) }),
          c.status === "lost" ? el("div", { class: "cl-error", text: t("class.lost") }) : null,
          el(
            "div",
            { class: "cl-row" },
            button(
              t("class.st.leave"),
              "student-leave",
              () => {
                leaveClass(code);
                this.render();
              },
              "secondary small",
            ),
          ),
        ),
      ),
    );
  }

  private form(error: string | null): HTMLElement {
    const p = currentClassPage();
    const codeInput = el("input", {
      type: "text",
      maxlength: 12,
      testid: "student-code",
      value: p?.kind === "student" && p.code ? p.code : "",
      autocomplete: "off",
      style: "text-transform:uppercase;letter-spacing:4px",
    });
    const name = el("input", { type: "text", maxlength: 24, testid: "student-name", autocomplete: "off" });
    const status = el("div", { class: "cl-error", testid: "student-error", role: "status", text: error ? t("class.refused", { message: error }) : "" });
    const join = (): void => {
      const code = normaliseCode(codeInput.value);
      if (!code || !name.value.trim()) return;
      replaceAddress(`/class/${code}`);
      startStudent(code, { name: name.value.trim() });
      this.track();
      (document.activeElement as HTMLElement | null)?.blur();
      this.render();
    };
    for (const i of [codeInput, name])
      i.addEventListener("keydown", (e) => {
        if (e.key === "Enter") join();
      });
    const btn = button(t("class.st.join"), "student-join", join);
    window.setTimeout(() => (codeInput.value ? name : codeInput).focus(), 0);
    codeInput.id = "cl-st-code";
    name.id = "cl-st-name";
    return el(
      "div",
      { class: "cl-center" },
      el(
        "section",
        { class: "cl-card", testid: "student-form" },
        el(
          "div",
          { class: "cl-form" },
          el("label", { for: "cl-st-code", text: t("class.st.code") }),
          codeInput,
          el("label", { for: "cl-st-name", text: t("class.st.name") }),
          name,
        ),
        el("div", { class: "cl-small", text: t("class.st.codeHint") }),
        el("div", { class: "cl-row" }, btn),
        status,
      ),
    );
  }
}
