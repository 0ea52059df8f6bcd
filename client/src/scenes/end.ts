import type * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { Debrief } from "../../../shared/debrief/types.ts";
import type { DebriefResult } from "../../../shared/debrief/index.ts";
import { BaseScene } from "./base.ts";
import { COLORS, CSS, SEAT_COLORS, W, hex } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatChange } from "../format.ts";
import { resetSession } from "../net.ts";
import { route } from "../router.ts";
import { loadDebrief, peekDebrief } from "../debrief/load.ts";
import { historyPage, lessonPage, matrixPage, realityPage } from "../debrief/views.ts";
import { drawDebriefCharts } from "../debrief/charts.ts";
import { companyName } from "../debrief/text.ts";

const TABS = ["lesson", "matrix", "history", "charts", "reality"] as const;
type Tab = (typeof TABS)[number];

/** The tab shown, kept across a language switch (which restarts the scene). */
let tab: Tab = "lesson";

const TOP = 128;

/**
 * The end of a match is its debrief: the lesson in words, the payoff matrix, the decision history,
 * charts and "what really happened" — all computed in the browser from the match's replay file
 * (client/src/debrief/load.ts). Until it is ready (or if it cannot be built) the final scores show.
 */
export class EndScene extends BaseScene {
  private layer: Phaser.GameObjects.Container | null = null;
  private host: HTMLDivElement | null = null;
  private tabsRow: HTMLDivElement | null = null;
  private result: DebriefResult | null = null;

  constructor() {
    super("end");
  }

  create(): void {
    this.layer = null;
    this.background();
    this.langSwitch(W - 200, 18);
    const s = this.session;
    const ended = s.ended;
    this.text(24, 14, t("debrief.title"), { size: 38, bold: true });
    this.tabsRow = el("div", { class: "cp-row", role: "tablist", style: "margin:0" });
    this.dom(420, 26, this.tabsRow);
    this.host = el("div", { testid: "debrief-page" });
    this.dom(20, TOP, this.host);

    const again = button(t("end.again"), "end-again", () => {
      void s.leave();
      resetSession();
      route(this.game);
    });
    const links = el("div", { class: "cp-row" }, again);
    // A client that rejoins a finished match may never get `match:ended`: the synced match id is the replay's.
    const id = ended?.replayId ?? (s.snap?.matchId || undefined);
    if (id) {
      const link = (href: string, text: string, testid: string, file: string) =>
        el("a", { href, download: file, text, style: "color:#56b4e9;margin-left:16px", testid });
      const base = `/api/matches/${encodeURIComponent(id)}`;
      const q = `?lang=${encodeURIComponent(lang())}`;
      links.append(
        link(`${base}/replay`, t("end.replay"), "end-replay", `${id}.json`),
        el("span", { class: "cp-muted", style: "margin-left:28px;font-size:16px", text: t("debrief.export.label") }),
        ...(["scores", "decisions", "statements"] as const).map((k) =>
          link(`${base}/export/${k}.csv${q}`, t(`debrief.export.${k}`), `export-${k}`, `${id}-${k}.csv`),
        ),
        link(`${base}/export.json${q}`, t("debrief.export.json"), "export-json", `${id}.export.json`),
      );
    }
    this.dom(20, 838, links);
    this.time.delayedCall(30, () => again.focus());

    this.result = id ? (peekDebrief(id) ?? null) : { ok: false, code: "debrief/no_replay", message: "no replay id" };
    this.render();
    if (id && !this.result)
      void loadDebrief(id).then((r) => {
        this.result = r;
        if (this.scene.isActive()) this.render();
      });
  }

  private renderTabs(ready: boolean): void {
    const row = this.tabsRow;
    if (!row) return;
    row.replaceChildren();
    for (const k of TABS) {
      const b = button(
        t(`debrief.tab.${k}`),
        `debrief-tab-${k}`,
        () => {
          tab = k;
          this.render();
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
    const host = this.host;
    if (!host) return;
    this.layer?.destroy();
    this.layer = this.add.container(0, 0);
    host.replaceChildren();
    const r = this.result;
    this.winnerLine(r?.ok ? r.debrief : null);
    this.renderTabs(r?.ok === true);
    if (!r) {
      host.append(el("div", { class: "cp-panel", style: "width:760px", testid: "debrief-loading", text: t("debrief.loading") }));
      return;
    }
    if (!r.ok) {
      host.append(this.scoresOnly(r.message));
      return;
    }
    const d = r.debrief;
    const me = this.session.seat as CompanyId | null;
    host.dataset.tab = tab;
    if (tab === "lesson") host.append(lessonPage(d, me));
    else if (tab === "matrix") host.append(matrixPage(d, me));
    else if (tab === "history") host.append(historyPage(d, me, () => this.render()));
    else if (tab === "reality") host.append(realityPage(d));
    else this.charts(d);
  }

  /** The winner, from the server's final scores or, for a client that rejoined after the end, from the debrief. */
  private winnerLine(d: Debrief | null): void {
    const fromServer = [...(this.session.ended?.scores ?? [])].sort((a, b) => a.rank - b.rank)[0];
    const fromDebrief = d?.welfare.rows[0];
    const w = fromServer ? { company: fromServer.company, scoreBp: fromServer.scoreBp } : fromDebrief;
    if (!w) return;
    this.layer?.add(
      this.text(24, 66, `${t("end.winner", { company: t(`company.${w.company}`) })} · ${formatChange(w.scoreBp)}`, {
        size: 20,
        color: hex(SEAT_COLORS[w.company] ?? COLORS.text),
      }),
    );
  }

  private charts(d: Debrief): void {
    const layer = this.layer!;
    layer.add(this.panel(20, TOP, 1560, 690));
    drawDebriefCharts(this, layer, d, 36, TOP + 14, 1528, 662);
    this.host?.append(el("div", { testid: "debrief-charts", style: "width:1px;height:1px" }));
  }

  /** When the debrief cannot be built: the final scores the server sent, and why. */
  private scoresOnly(reason: string): HTMLElement {
    const scores = [...(this.session.ended?.scores ?? [])].sort((a, b) => a.rank - b.rank);
    const body = el("tbody");
    for (const sc of scores)
      body.append(
        el(
          "tr",
          {},
          el("td", { text: String(sc.rank) }),
          el("td", { style: `color:${hex(SEAT_COLORS[sc.company] ?? COLORS.text)};font-weight:700`, text: companyName(sc.company) }),
          el("td", { class: sc.scoreBp >= 0 ? "cp-good" : "cp-bad", text: formatChange(sc.scoreBp) }),
        ),
      );
    return el(
      "div",
      { class: "cp-panel", style: "width:760px", testid: "debrief-failed" },
      el("h2", { text: t("end.title") }),
      el("table", { class: "cp-table" }, el("thead", {}, el("tr", {}, ...["end.rank", "end.company", "end.score"].map((k) => el("th", { text: t(k) })))), body),
      el("p", { class: "cp-muted", style: `color:${CSS.muted}`, text: t("debrief.failed", { reason }) }),
    );
  }
}
