/**
 * The board: your company (left), the industry and the rivals with who has committed (middle),
 * and the decision form (right). DOM laid out on the design canvas; redrawn only when the
 * figures it shows change, so a static board costs no frames.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { capabilityTier } from "../../../shared/engine/capability.ts";
import { BaseScene } from "./base.ts";
import { CSS, SEAT_ICONS, SERIES, seatText } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el, type Child } from "../ui.ts";
import { formatChange, formatClock, formatMoney, formatMw, formatPercent, formatPerMw, formatPrice } from "../format.ts";
import { chartElement } from "../charts.ts";
import { industryChart } from "../chart-sets.ts";
import { industrySeries, quarterLabel, seatQuarters } from "../model.ts";
import { openStatements } from "../router.ts";
import { openGlossary, termLink } from "../glossary.ts";
import { endTour, startTour } from "../tour.ts";
import { DecisionForm } from "./board-decision.ts";
import type { SeatSnap } from "../net.ts";

const TOUR = [
  { target: "board-me", key: "me" },
  { target: "board-industry", key: "industry" },
  { target: "board-rivals", key: "rivals" },
  { target: "decide-capex-field", key: "field" },
  { target: "decision-preview", key: "preview" },
  { target: "commit-button", key: "commit" },
  { target: "turn-timer", key: "timer" },
  { target: "glossary-button", key: "glossary" },
] as const;

export class BoardScene extends BaseScene {
  private root: HTMLDivElement | null = null;
  private me: HTMLElement | null = null;
  private mid: HTMLElement | null = null;
  private right: HTMLElement | null = null;
  private head: HTMLElement | null = null;
  private timer: HTMLElement | null = null;
  private form: DecisionForm | null = null;
  private formTurn = -1;
  private signature = "";

  constructor() {
    super("board");
  }

  create(): void {
    this.form = null;
    this.formTurn = -1;
    this.signature = "";
    const root = this.screen("board", "cp-board");
    this.root = root;
    this.head = el("header", { class: "cp-topbar" });
    this.me = el("section", { class: "cp-panel cp-col-me", testid: "board-me", "aria-label": t("board.you") });
    this.mid = el("div", { class: "cp-col-mid" });
    this.right = el("div", { class: "cp-col-right" });
    root.append(this.head, this.me, this.mid, this.right);
    this.follow(() => this.render());
    this.render();
    this.every(500, () => this.tick());
    this.events.once("shutdown", () => endTour());
    // The first board of a first match: the guided tour (skippable, remembered).
    window.setTimeout(() => {
      if (this.scene.isActive() && this.session.seat) startTour(TOUR);
    }, 400);
  }

  private render(): void {
    const s = this.session;
    const snap = s.snap;
    if (!snap || !this.root) return;
    this.decisionPanel();
    const sig = JSON.stringify([
      snap.turn,
      snap.phase,
      snap.market,
      snap.deadline,
      // The reading pause and each seat's "I have read it" change the status chips, not the figures.
      snap.reading,
      lang(),
      s
        .seatsInOrder()
        .map((x) => [
          x.company,
          x.committed,
          x.ready,
          x.acked,
          x.status,
          x.control,
          x.connected,
          x.held,
          x.name,
          x.sharePriceCents,
          x.cash,
          x.history.length,
          x.installedMw,
          x.poweredMw,
        ]),
      s.mySeat()?.chipMaturityBp,
    ]);
    if (sig === this.signature) return;
    this.signature = sig;
    this.header();
    this.dashboard();
    this.middle();
  }

  private header(): void {
    const s = this.session;
    const snap = s.snap!;
    const me = s.mySeat();
    const id = me?.company as CompanyId | undefined;
    const market = s.market;
    const regime = market?.sentiment.regime;
    const rc = regime === "euphoria" ? CSS.good : regime === "disillusionment" ? CSS.bad : regime === "scrutiny" ? CSS.warn : CSS.accent;
    this.timer = el("div", { class: "cp-timer", testid: "turn-timer", role: "timer", "aria-live": "off" });
    const parts: Child[] = [
      el("div", { class: "cp-who", style: `color:${id ? seatText(id) : CSS.muted}` }, id ? `${SEAT_ICONS[id]} ${t(`company.${id}`)}` : t("board.spectator")),
      el(
        "div",
        { class: "cp-when" },
        el("b", { text: quarterLabel(snap.year, snap.q) }),
        el("span", { class: "cp-muted", text: t("board.turnOf", { n: Math.min(snap.turn + 1, snap.turns), total: snap.turns }) }),
      ),
      regime
        ? el("div", { class: "cp-regime" }, termLink("sentiment", t("board.regime")), el("b", { style: `color:${rc}`, text: t(`regime.${regime}`) }))
        : null,
      this.timer,
      el(
        "div",
        { class: "cp-tools" },
        button(t("glossary.open"), "glossary-button", () => openGlossary(), "secondary"),
        button(t("tour.open"), "tour-button", () => startTour(TOUR, true), "secondary"),
        button(t("board.statements"), "statements-button", () => openStatements(this.game, true), "secondary"),
        this.langSelect(),
      ),
    ];
    this.head!.replaceChildren(...parts.filter((p): p is HTMLElement => p instanceof HTMLElement));
    this.tick();
  }

  /** The clock, twice a second (DOM only: no Phaser frame). */
  private tick(): void {
    const s = this.session;
    const snap = s.snap;
    if (this.timer && snap) {
      const deadline = snap.deadline || (snap.phase === "deciding" ? s.turnStarted?.deadline : 0) || 0;
      let text: string;
      let color: string = CSS.text;
      if (snap.phase !== "deciding") text = t("board.timerResolving");
      else if (snap.reading && snap.turnSeconds > 0) {
        text = t("board.timerReading", { time: formatClock(((snap.readingUntil ?? 0) - Date.now()) / 1000) });
        color = CSS.muted;
      } else if (snap.paused) {
        text = t("board.timerPaused");
        color = CSS.muted;
      } else if (!deadline) {
        text = snap.turnSeconds > 0 ? t("board.timerWaiting") : t("board.noTimer");
        color = CSS.muted;
      } else {
        const left = (deadline - Date.now()) / 1000;
        text = `${t("board.timer")} ${formatClock(left)}`;
        if (left < 15) color = CSS.bad;
      }
      if (this.timer.textContent !== text) this.timer.textContent = text;
      this.timer.style.color = color;
    }
    this.form?.tick();
  }

  private kpi(term: string, label: string, value: string, testid: string, sub?: { text: string; color: string }): HTMLElement {
    return el(
      "div",
      { class: "cp-kpi" },
      termLink(term, label),
      el("b", { testid, text: value }),
      sub ? el("span", { class: "cp-kpi-sub", style: `color:${sub.color}`, text: sub.text }) : null,
    );
  }

  private dashboard(): void {
    const s = this.session;
    const me = s.mySeat();
    const box = this.me!;
    if (!me) {
      box.replaceChildren(el("h2", { text: t("board.spectator") }), el("p", { class: "cp-muted", text: t("board.spectatorHint") }));
      return;
    }
    const L = lang();
    const money = (m: number) => formatMoney(m, L);
    const hist = me.history;
    const last = hist[hist.length - 1];
    const prev = hist.length > 1 ? hist[hist.length - 2] : undefined;
    const priceChange = prev && prev.sharePriceCents > 0 ? Math.round(((me.sharePriceCents - prev.sharePriceCents) * 10_000) / prev.sharePriceCents) : null;
    const snap = s.snap!;
    const series = seatQuarters(me, snap.year, snap.q, 12);
    const chart = chartElement({
      w: 364,
      h: 232,
      labels: series.labels,
      series: [
        { label: t("board.capex"), color: SERIES.capex, values: series.capex },
        { label: t("board.aiRevenue"), color: SERIES.aiRevenue, values: series.aiRevenue },
      ],
      format: (v) => formatMoney(Math.round(v), L),
      title: t("board.aiVsCapex"),
      yTitle: t("chart.perQuarter"),
      xTitle: t("chart.quarter"),
      testid: "chart-me",
    });
    box.replaceChildren(
      el("h2", { class: "cp-sr" }, t("board.you")),
      el(
        "div",
        { class: "cp-kpis" },
        this.kpi("cash", t("board.cash"), money(me.cash), "kpi-cash"),
        this.kpi("debt", t("board.debt"), money(me.debt), "kpi-debt"),
        this.kpi("rating", t("board.rating"), me.rating || "—", "kpi-rating"),
        this.kpi(
          "share_price",
          t("board.sharePrice"),
          formatPrice(me.sharePriceCents, L),
          "kpi-price",
          priceChange === null
            ? undefined
            : { text: t("board.sinceLast", { change: formatChange(priceChange) }), color: priceChange >= 0 ? CSS.good : CSS.bad },
        ),
        this.kpi("market_cap", t("board.marketCap"), money(me.marketCap), "kpi-cap"),
        this.kpi("ai_revenue", t("board.aiRevenueQ"), money(me.aiRevenue), "kpi-ai"),
      ),
      last
        ? el(
            "div",
            { class: "cp-lastq", testid: "last-quarter" },
            el("span", { class: "cp-muted", text: t("board.lastQuarter", { quarter: quarterLabel(last.year, last.q) }) }),
            el("span", {}, termLink("net_income", t("stmt.netIncome")), " ", el("b", { text: money(last.netIncome) })),
            el("span", {}, termLink("ocf", t("board.ocfShort")), " ", el("b", { text: money(last.operatingCashFlow) })),
            el(
              "span",
              {},
              termLink("fcf", t("board.fcfShort")),
              " ",
              el("b", { class: last.freeCashFlow < 0 ? "cp-bad" : "", text: money(last.freeCashFlow) }),
            ),
          )
        : el("div", { class: "cp-lastq cp-muted", testid: "last-quarter", text: t("board.noQuarterYet") }),
      chart,
      this.computeBlock(me),
      this.chipBlock(me),
    );
  }

  /** Installed compute against powered capacity: the dark, hatched part is stranded. */
  private computeBlock(me: SeatSnap): HTMLElement {
    const L = lang();
    const inst = Math.max(0, me.installedMw);
    const full = Math.max(1, inst, me.poweredMw);
    const pct = (x: number) => `${((100 * Math.max(0, x)) / full).toFixed(2)}%`;
    let pipeline: { mw: number; onlineTurn: number }[] = [];
    try {
      pipeline = me.powerPipeline ? (JSON.parse(me.powerPipeline) as { mw: number; onlineTurn: number }[]) : [];
    } catch {
      pipeline = [];
    }
    const coming = pipeline.reduce((sum, p) => sum + p.mw, 0);
    const next = pipeline.length ? Math.min(...pipeline.map((p) => p.onlineTurn)) - (this.session.snap?.turn ?? 0) : null;
    return el(
      "div",
      { class: "cp-block", testid: "compute-block" },
      el("h3", {}, t("board.compute"), " ", termLink("stranded", "?")),
      el(
        "div",
        { class: "cp-bar", role: "img", "aria-label": t("board.computeAria", { installed: formatMw(inst, L), powered: formatMw(me.poweredMw, L) }) },
        el("i", { class: "cp-bar-used", style: `width:${pct(me.usableMw)}` }),
        el("i", { class: "cp-bar-dark", style: `left:${pct(me.usableMw)};width:${pct(me.strandedMw)}` }),
        el("i", { class: "cp-bar-power", style: `width:${pct(me.poweredMw)}` }),
      ),
      el(
        "div",
        { class: "cp-legend-row" },
        el("span", {}, el("i", { class: "cp-sw cp-sw-used" }), `${t("board.inUse")} ${formatMw(me.usableMw, L)}`),
        el(
          "span",
          { class: me.strandedMw > 0 ? "cp-bad" : "" },
          el("i", { class: "cp-sw cp-sw-dark" }),
          `${t("board.stranded")} ${formatMw(me.strandedMw, L)}`,
        ),
        el("span", {}, el("i", { class: "cp-sw cp-sw-power" }), `${t("board.powered")} ${formatMw(me.poweredMw, L)}`),
      ),
      el(
        "div",
        { class: "cp-note" },
        coming > 0 && next !== null ? t("board.powerComing", { mw: formatMw(coming, L), q: Math.max(1, next) }) : t("board.noPowerComing"),
      ),
    );
  }

  private chipBlock(me: SeatSnap): HTMLElement {
    const custom = Math.max(0, Math.min(10_000, me.fleetCustomShareBp));
    const maturity = me.chipMaturityBp;
    return el(
      "div",
      { class: "cp-block cp-chips", testid: "chip-block" },
      el(
        "div",
        {},
        el("h3", {}, t("board.chipMix"), " ", termLink("custom_silicon", "?")),
        el(
          "div",
          {
            class: "cp-bar cp-bar-thin",
            role: "img",
            "aria-label": `${t("board.nvidia")} ${formatPercent(10_000 - custom, 0)}, ${t("board.custom")} ${formatPercent(custom, 0)}`,
          },
          el("i", { class: "cp-bar-nvidia", style: `width:${(100 - custom / 100).toFixed(2)}%` }),
          el("i", { class: "cp-bar-custom", style: `left:${(100 - custom / 100).toFixed(2)}%;width:${(custom / 100).toFixed(2)}%` }),
        ),
        el(
          "div",
          { class: "cp-legend-row" },
          el("span", {}, el("i", { class: "cp-sw cp-sw-nvidia" }), `${t("board.nvidia")} ${formatPercent(10_000 - custom, 0)}`),
          el("span", {}, el("i", { class: "cp-sw cp-sw-custom" }), `${t("board.custom")} ${formatPercent(custom, 0)}`),
          maturity !== undefined ? el("span", { class: "cp-muted", text: t("board.maturity", { pct: formatPercent(maturity, 0) }) }) : null,
        ),
      ),
      el(
        "div",
        { class: "cp-cap" },
        el("h3", {}, termLink("capability", t("board.capability"))),
        el("b", { testid: "kpi-tier", text: t("board.tier", { tier: capabilityTier(me.capabilityBp) }) }),
        el("span", { class: "cp-muted", text: t("board.ofLeader", { pct: formatPercent(me.capabilityBp, 0) }) }),
      ),
    );
  }

  private middle(): void {
    const s = this.session;
    const L = lang();
    const money = (m: number) => formatMoney(m, L);
    const ind = industrySeries(s, 12);
    const m = s.market;
    const stats: Child[] = m
      ? [
          this.stat("nvidia_margin", t("board.nvidiaPriceMargin"), `${formatPerMw(m.nvidia.priceK, L)} · ${formatPercent(m.nvidia.grossMarginBp, 0)}`),
          this.stat("ig_share", t("board.aiIgShare"), formatPercent(m.bonds.aiIgShareBp, 1)),
          this.stat(
            "bond_window",
            t("board.bondWindow"),
            m.bonds.windowOpen ? t("board.windowOpen") : t("board.windowShut", { q: m.bonds.windowShutQuarters }),
            m.bonds.windowOpen ? CSS.text : CSS.bad,
          ),
          this.stat("coupon", t("board.baseRate"), formatPercent(m.bonds.baseRateBp, 2)),
          // Leading indicators (public): reading where demand is heading is a skill the match rewards.
          this.stat("adoption", t("board.adoption"), String(Math.round(m.adoptionIndexBp / 100))),
          // Only seats that sell contracted capacity (Oracle's OpenAI order) carry a backlog; a row of $0 would read as news.
          m.backlog > 0 ? this.stat("backlog", t("board.backlog"), money(m.backlog)) : null,
        ]
      : [];
    const industry = el(
      "section",
      { class: "cp-panel cp-industry", testid: "board-industry", "aria-label": t("board.industry") },
      el("h2", {}, t("board.industry")),
      industryChart({
        w: 404,
        h: 212,
        labels: ind.labels,
        capexAnnual: ind.capexAnnual,
        aiRevenueAnnual: ind.aiRevenueAnnual,
        format: (v) => formatMoney(Math.round(v), L),
        testid: "chart-industry",
      }),
      el("div", { class: "cp-stats" }, ...stats),
    );
    this.mid!.replaceChildren(industry, this.rivals());
  }

  private stat(term: string, label: string, value: string, color: string = CSS.text): HTMLElement {
    return el("div", { class: "cp-stat" }, termLink(term, label), el("b", { style: `color:${color}`, text: value }));
  }

  /** Every seat: who plays it, whether it has committed, and its public figures. */
  private rivals(): HTMLElement {
    const s = this.session;
    const L = lang();
    const seats = s.seatsInOrder();
    const compact = seats.length > 5;
    const rows = seats.map((seat) => {
      const id = seat.company as CompanyId;
      const mine = id === s.seat;
      const lastQ = seat.history[seat.history.length - 1];
      const who = mine ? t("lobby.you") : seat.control === "ai" ? t("lobby.ai") : seat.held ? t("board.heldByAi") : seat.name || t("lobby.human");
      const st = seatStatus(seat, this.session.snap?.reading === true);
      const lastCapex = lastQ ? lastQ.capex : seat.capexHistory[seat.capexHistory.length - 1];
      return el(
        "tr",
        { class: mine ? "mine" : "", testid: `rival-${id}` },
        compact
          ? // Six or seven seats: one line each; the status as a symbol (its words for screen readers and on hover).
            el(
              "th",
              { scope: "row", title: `${who} · ${t(st.key)}` },
              el("span", { class: "cp-seatname", style: `color:${seatText(id)}`, text: `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}` }),
              el("span", { class: `cp-chip ${st.cls}`, testid: `status-${id}`, "aria-hidden": "true", text: STATUS_SYMBOL[st.key] ?? "•" }),
              el("span", { class: "cp-sr", text: `${who}, ${t(st.key)}` }),
            )
          : el(
              "th",
              { scope: "row" },
              el("span", { class: "cp-seatname", style: `color:${seatText(id)}`, text: `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}` }),
              el("span", { class: "cp-who-small" }, who, el("span", { class: `cp-chip ${st.cls}`, testid: `status-${id}`, text: t(st.key) })),
            ),
        el("td", {}, formatPrice(seat.sharePriceCents, L)),
        el("td", {}, lastCapex === undefined ? "—" : formatMoney(lastCapex, L)),
        el("td", {}, formatMoney(seat.aiRevenue, L)),
        el("td", {}, seat.rating || "—"),
      );
    });
    const ready = seats.filter((x) => x.ready && x.status !== "defaulted").length;
    const playing = seats.filter((x) => x.status !== "defaulted").length;
    return el(
      "section",
      { class: "cp-panel cp-rivals", testid: "board-rivals", "aria-label": t("board.rivals") },
      el(
        "h2",
        {},
        t("board.rivals"),
        el("span", { class: "cp-muted cp-h-aside", testid: "ready-count", text: t("board.readyCount", { n: ready, total: playing }) }),
      ),
      el(
        "table",
        { class: compact ? "cp-table cp-rivals-table cp-compact" : "cp-table cp-rivals-table" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col", text: t("board.companyStatus") }),
            el("th", { scope: "col" }, termLink("share_price", t("board.priceShort"))),
            el("th", { scope: "col" }, termLink("capex", t("board.capexLastQ"))),
            el("th", { scope: "col" }, termLink("ai_revenue", t("board.aiRevShort"))),
            el("th", { scope: "col" }, termLink("rating", t("board.ratingShort"))),
          ),
        ),
        el("tbody", {}, ...rows),
      ),
      compact
        ? el("p", {
            class: "cp-note",
            text: ["board.statusReady", "board.statusCommitted", "board.statusDeciding", "board.statusReading"]
              .map((k) => `${STATUS_SYMBOL[k]} ${t(k).replace(/^✓ /, "")}`)
              .join(" · "),
          })
        : null,
    );
  }

  /** The decision form: built once per turn from the server's bounds and default; kept while the turn is open. */
  private decisionPanel(): void {
    const s = this.session;
    const ts = s.turnStarted;
    const phase = s.snap?.phase;
    const right = this.right!;
    if (!ts || !s.seat || (phase !== "deciding" && phase !== "resolving") || ts.turn !== s.snap?.turn) {
      if (this.formTurn !== -2) {
        this.form = null;
        this.formTurn = -2;
        const me = s.mySeat();
        const text = !s.seat ? t("board.spectatorHint") : me?.status === "defaulted" ? t("board.defaultedHint") : t("board.waitingTurn");
        right.replaceChildren(
          el("div", { class: "cp-panel cp-decision", testid: "decision-waiting" }, el("h2", { text: t("decide.title") }), el("p", { class: "cp-muted", text })),
        );
      }
      return;
    }
    if (this.form && this.formTurn === ts.turn) {
      this.form.update();
      return;
    }
    this.formTurn = ts.turn;
    this.form = new DecisionForm(s, ts);
    right.replaceChildren(this.form.root);
  }
}

/** The status chips' symbols when six or seven seats leave room for no words. */
const STATUS_SYMBOL: Readonly<Record<string, string>> = {
  "board.defaulted": "×",
  "board.statusReady": "✓",
  "board.statusReadyDefault": "✓",
  "board.statusCommitted": "✎",
  "board.statusAway": "–",
  "board.statusDeciding": "…",
  "board.statusReading": "◔",
};

/** A seat's commit state as everyone sees it (from the synced committed/ready flags). */
export function seatStatus(
  seat: Pick<SeatSnap, "status" | "committed" | "ready" | "connected" | "control" | "held" | "acked">,
  reading = false,
): { key: string; cls: string } {
  if (seat.status === "defaulted") return { key: "board.defaulted", cls: "bad" };
  if (reading && seat.control === "human" && !seat.held && seat.connected && !seat.acked && !seat.ready) return { key: "board.statusReading", cls: "muted" };
  if (seat.ready && seat.committed) return { key: "board.statusReady", cls: "good" };
  if (seat.ready) return { key: "board.statusReadyDefault", cls: "good" };
  if (seat.committed) return { key: "board.statusCommitted", cls: "warn" };
  if (seat.control === "human" && !seat.connected && !seat.held) return { key: "board.statusAway", cls: "muted" };
  return { key: "board.statusDeciding", cls: "muted" };
}
