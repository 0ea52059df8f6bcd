import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { Debrief } from "../../../shared/debrief/types.ts";
import type { DebriefResult } from "../../../shared/debrief/index.ts";
import { BaseScene } from "./base.ts";
import { seatText } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatScore, parClause, parPanel } from "../par.ts";
import { scoresWithPar } from "../par-scores.ts";
import { parLevelOf } from "../../../shared/engine/score.ts";
import { resetSession } from "../net.ts";
import { route } from "../router.ts";
import { requestRender } from "../render-loop.ts";
import { loadDebrief, peekDebrief } from "../debrief/load.ts";
import { historyPage, lessonPage, matrixPage, realityPage, scoresOnly } from "../debrief/views.ts";
import { chartsPage } from "../debrief/charts.ts";
import "../debrief/debrief.css";

const TABS = ["lesson", "par", "matrix", "history", "charts", "reality"] as const;
type Tab = (typeof TABS)[number];

/** The tab shown, kept across a language switch (which restarts the scene). */
let tab: Tab = "lesson";

/**
 * The end of a match is its debrief: the lesson in words, the payoff matrix, the decision history,
 * charts and "what really happened" — all computed in the browser from the match's replay file
 * (client/src/debrief/load.ts). Until it is ready (or if it cannot be built) the final scores show.
 */
export class EndScene extends BaseScene {
  private page: HTMLElement | null = null;
  private tabs: HTMLElement | null = null;
  private winner: HTMLElement | null = null;
  private result: DebriefResult | null = null;

  constructor() {
    super("end");
  }

  create(): void {
    const s = this.session;
    const root = this.screen("end", "cp-debrief");
    this.tabs = el("div", { class: "cp-tabs cp-debrief-tabs", role: "tablist", "aria-label": t("debrief.title") });
    this.winner = el("div", { class: "cp-debrief-winner", testid: "debrief-winner" });
    this.page = el("main", { class: "cp-debrief-page", testid: "debrief-page", role: "tabpanel" });

    const again = button(t("end.again"), "end-again", () => {
      void s.leave();
      resetSession();
      route(this.game);
    });
    const links = el("nav", { class: "cp-debrief-links", "aria-label": t("debrief.export.label") }, again);
    // A client that rejoins a finished match may never get `match:ended`: the synced match id is the replay's.
    const id = s.ended?.replayId ?? (s.snap?.matchId || undefined);
    if (id) {
      const link = (href: string, text: string, testid: string, file: string) => el("a", { href, download: file, text, testid });
      const base = `/api/matches/${encodeURIComponent(id)}`;
      const q = `?lang=${encodeURIComponent(lang())}`;
      links.append(
        link(`${base}/replay`, t("end.replay"), "end-replay", `${id}.json`),
        el("span", { class: "cp-muted", text: t("debrief.export.label") }),
        ...(["scores", "decisions", "statements"] as const).map((k) =>
          link(`${base}/export/${k}.csv${q}`, t(`debrief.export.${k}`), `export-${k}`, `${id}-${k}.csv`),
        ),
        link(`${base}/export.json${q}`, t("debrief.export.json"), "export-json", `${id}.export.json`),
      );
    }
    root.append(
      el(
        "header",
        { class: "cp-debrief-head" },
        el("div", {}, el("h1", { text: t("debrief.title") }), this.winner),
        this.tabs,
        el("div", { class: "cp-tools" }, this.langSelect()),
      ),
      this.page,
      links,
    );
    window.setTimeout(() => again.focus(), 30);

    this.result = id ? (peekDebrief(id) ?? null) : { ok: false, code: "debrief/no_replay", message: "no replay id" };
    this.render();
    if (id && !this.result)
      void loadDebrief(id).then((r) => {
        this.result = r;
        if (this.scene.isActive()) {
          this.render();
          requestRender();
        }
      });
  }

  /** The scores with their par (under the handicap only): the par tab and the winner's sentence read them. */
  private parScores(d: Debrief | null) {
    return scoresWithPar(this.session.ended?.scores ?? [], d).filter((s) => s.par);
  }

  /** The tabs this match has: the par tab only under the handicap scoring. */
  private tabs_(): readonly Tab[] {
    const r = this.result;
    return this.parScores(r?.ok ? r.debrief : null).length > 0 ? TABS : TABS.filter((k) => k !== "par");
  }

  private renderTabs(ready: boolean): void {
    const row = this.tabs;
    if (!row) return;
    row.replaceChildren();
    for (const k of this.tabs_()) {
      const b = button(
        t(k === "par" ? "par.tab" : `debrief.tab.${k}`),
        `debrief-tab-${k}`,
        () => {
          tab = k;
          this.render();
          row.querySelector<HTMLElement>(`[data-testid="debrief-tab-${k}"]`)?.focus();
        },
        k === tab ? "" : "secondary",
      );
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(k === tab));
      b.disabled = !ready;
      row.append(b);
    }
  }

  private render(): void {
    const page = this.page;
    if (!page) return;
    const r = this.result;
    this.renderWinner(r?.ok ? r.debrief : null);
    this.renderTabs(r?.ok === true);
    page.replaceChildren();
    if (!r) {
      page.append(el("div", { class: "cp-panel", testid: "debrief-loading", role: "status", text: t("debrief.loading") }));
      return;
    }
    if (!r.ok) {
      page.append(scoresOnly(this.session.ended?.scores ?? [], r.message));
      return;
    }
    const d = r.debrief;
    const me = this.session.seat as CompanyId | null;
    if (!this.tabs_().includes(tab)) tab = "lesson";
    page.dataset.tab = tab;
    if (tab === "lesson") page.append(lessonPage(d, me));
    else if (tab === "par") page.append(parPanel(this.parScores(d), d.config.turns, parLevelOf(d.config)) ?? lessonPage(d, me));
    else if (tab === "matrix") page.append(matrixPage(d, me));
    else if (tab === "history") page.append(historyPage(d, me, () => this.render()));
    else if (tab === "charts") page.append(chartsPage(d));
    else page.append(realityPage(d));
  }

  /** The winner, from the server's final scores or, for a client that rejoined after the end, from the debrief. */
  private renderWinner(d: Debrief | null): void {
    const node = this.winner;
    if (!node) return;
    const fromServer = [...(this.session.ended?.scores ?? [])].sort((a, b) => a.rank - b.rank)[0];
    const w = fromServer ? { company: fromServer.company, scoreBp: fromServer.scoreBp } : d?.welfare.rows[0];
    node.replaceChildren();
    if (!w) return;
    // Under the handicap the winner's line says it in words: "… wins · beat its par of +12% by 1.3 swings".
    const withPar = this.parScores(d).find((s) => s.company === w.company);
    const said = withPar ? parClause(withPar) : null;
    node.append(
      el("span", { style: `color:${seatText(w.company)}`, text: t("end.winner", { company: t(`company.${w.company}`) }) }),
      ` · ${said ?? formatScore(w.scoreBp, false)}`,
    );
  }
}
