/** Quarterly statements (one statement per tab, each fitting its panel) and charts over time for you and the industry. */
import { STATEMENTS, type StatementField, type StatementId } from "../../../shared/engine/statements.ts";
import { BaseScene } from "./base.ts";
import { SERIES } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatMoney, formatMw, formatPrice, formatPriceTick } from "../format.ts";
import type { QuarterSnap } from "../net.ts";
import { chartElement } from "../charts.ts";
import { cashDebtChart, industryChart, seatLinesChart } from "../chart-sets.ts";
import { industrySeries, quarterLabel, quarterTick } from "../model.ts";
import { openStatements } from "../router.ts";
import { termLink } from "../glossary.ts";

type Row = [label: HTMLElement | string, value: (h: QuarterSnap) => string, strong?: boolean];

/** Which statement is shown: 0 income, 1 cash flow, 2 balance sheet (kept across visits). */
let tab = 0;

export class StatementsScene extends BaseScene {
  private tableHost: HTMLElement | null = null;
  private charts: HTMLElement | null = null;
  private signature = "";

  constructor() {
    super("statements");
  }

  create(): void {
    this.signature = "";
    const root = this.screen("statements", "cp-statements");
    const back = button(t("stmt.back"), "statements-back", () => openStatements(this.game, false));
    this.tableHost = el("section", { class: "cp-panel cp-stmt-table", testid: "statements-table", "aria-label": t("stmt.title") });
    this.charts = el("section", { class: "cp-panel cp-stmt-charts", "aria-label": t("stmt.charts") });
    root.append(
      el(
        "header",
        { class: "cp-stmt-head" },
        el("h1", { text: t("stmt.title") }),
        el("span", { class: "cp-muted", text: t("stmt.units") }),
        el("div", { class: "cp-tools" }, this.langSelect(), back),
      ),
      this.tableHost,
      this.charts,
    );
    this.follow(() => this.render());
    this.render();
    window.setTimeout(() => back.focus(), 30);
  }

  private render(): void {
    const s = this.session;
    const me = s.mySeat();
    const sig = JSON.stringify([s.snap?.turn, s.seatsInOrder().map((x) => x.history.length), tab, lang()]);
    if (sig === this.signature) return;
    this.signature = sig;
    this.table(me?.history ?? []);
    this.drawCharts();
  }

  private table(hist: readonly QuarterSnap[]): void {
    const host = this.tableHost!;
    const L = lang();
    const m = (v: number) => formatMoney(v, L);
    const cols = hist.slice(-6);
    // The engine's statement lines (label, sign, subtotal, glossary term), then the market's figures under the balance sheet.
    const lines = (id: StatementId): Row[] =>
      STATEMENTS[id]
        .filter((l) => l.onScreen)
        .map((l) => [l.term ? termLink(l.term, t(l.label)) : t(l.label), (h) => m(l.sign * h[l.field as StatementField]), l.total && !l.repeat]);
    const statements: { title: string; rows: Row[] }[] = [
      { title: t("stmt.income"), rows: lines("income") },
      { title: t("stmt.cashFlow"), rows: lines("cashFlow") },
      {
        title: t("stmt.balance"),
        rows: [
          ...lines("balance"),
          [termLink("market_cap", t("board.marketCap")), (h) => m(h.marketCap)],
          [termLink("share_price", t("board.sharePrice")), (h) => formatPrice(h.sharePriceCents, L)],
          [termLink("rating", t("board.rating")), (h) => h.rating || "—"],
          [termLink("stranded", t("stmt.compute")), (h) => `${formatMw(h.installedMw, L)} / ${formatMw(h.poweredMw, L)}`],
        ],
      },
    ];
    const tabs = el("div", { class: "cp-tabs", role: "tablist", "aria-label": t("stmt.title") });
    statements.forEach((st, i) => {
      const b = button(
        st.title,
        `statements-tab-${i}`,
        () => {
          tab = i;
          this.render();
          host.querySelector<HTMLElement>(`[data-testid="statements-tab-${i}"]`)?.focus();
        },
        i === tab ? "" : "secondary",
      );
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(i === tab));
      tabs.append(b);
    });
    if (cols.length === 0) {
      host.replaceChildren(tabs, el("p", { class: "cp-muted", text: t("stmt.empty") }));
      return;
    }
    const st = statements[tab] ?? statements[0]!;
    const table = el(
      "table",
      { class: "cp-table cp-stmt", role: "tabpanel" },
      el("caption", { class: "cp-sr", text: st.title }),
      el(
        "thead",
        {},
        el("tr", {}, el("th", { scope: "col", text: t("stmt.unitsShort") }), ...cols.map((q) => el("th", { scope: "col", text: quarterLabel(q.year, q.q) }))),
      ),
      el(
        "tbody",
        {},
        ...st.rows.map(([label, f, strong]) =>
          el("tr", { class: strong ? "cp-strong" : "" }, el("th", { scope: "row" }, label), ...cols.map((q) => el("td", { text: f(q) }))),
        ),
      ),
    );
    host.replaceChildren(tabs, table);
  }

  private drawCharts(): void {
    const s = this.session;
    const L = lang();
    const me = s.mySeat();
    const seats = s.seatsInOrder();
    const money = (v: number) => formatMoney(Math.round(v), L);
    const hist = me?.history ?? seats[0]?.history ?? [];
    const labels = hist.map((h) => quarterTick(h.year, h.q));
    const ind = industrySeries(s, 12);
    const w = 360;
    const h = 380;
    const charts: HTMLElement[] = [
      seatLinesChart({
        w,
        h,
        labels,
        seats: seats.map((st) => ({
          id: st.company,
          label: t(`company.${st.company}`),
          values: labels.map((_, i) => st.history[i]?.sharePriceCents ?? null),
        })),
        format: (v) => formatPriceTick(Math.round(v), L),
        title: t("chart.sharePrice"),
        yTitle: t("chart.perShare"),
        testid: "chart-prices",
      }),
      industryChart({
        w,
        h,
        labels: ind.labels,
        capexAnnual: ind.capexAnnual,
        aiRevenueAnnual: ind.aiRevenueAnnual,
        format: money,
        title: t("chart.industry"),
        testid: "chart-industry-history",
      }),
    ];
    if (me) {
      charts.push(
        cashDebtChart({ w, h, labels, cash: me.history.map((x) => x.cash), debt: me.history.map((x) => x.debt), format: money, testid: "chart-cash" }),
        chartElement({
          w,
          h,
          labels,
          series: [
            { label: t("board.capex"), color: SERIES.capex, values: me.history.map((x) => x.capex) },
            { label: t("board.aiRevenue"), color: SERIES.aiRevenue, values: me.history.map((x) => x.aiRevenue) },
            { label: t("stmt.fcf"), color: SERIES.fcf, values: me.history.map((x) => x.freeCashFlow) },
          ],
          format: money,
          title: t("chart.capexVsAi"),
          yTitle: t("chart.perQuarter"),
          xTitle: t("chart.quarter"),
          testid: "chart-capex-history",
        }),
      );
    }
    this.charts!.replaceChildren(...charts);
  }
}
