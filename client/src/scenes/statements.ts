import type * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { BaseScene } from "./base.ts";
import { SEAT_COLORS, W } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatMoney, formatMw, formatPrice } from "../format.ts";
import type { QuarterSnap } from "../net.ts";
import { drawChart } from "../charts.ts";
import { industrySeries, quarterLabel } from "../model.ts";
import { openStatements } from "../router.ts";

/** Quarterly statements (a real table) and time-series charts for you and the industry. */
export class StatementsScene extends BaseScene {
  private layer: Phaser.GameObjects.Container | null = null;
  private tableHost: HTMLDivElement | null = null;
  /** Which statement is shown: 0 income, 1 cash flow, 2 balance sheet. */
  private tab = 0;

  constructor() {
    super("statements");
  }

  create(): void {
    this.background();
    this.text(24, 18, t("stmt.title"), { size: 32, bold: true });
    this.langSwitch(W - 200, 18);
    const back = button(t("stmt.back"), "statements-back", () => openStatements(this.game, false), "secondary");
    this.dom(W - 470, 18, back);
    this.tableHost = el("div", { class: "cp-panel cp-scroll", style: "width:760px;height:800px;padding:12px", testid: "statements-table" });
    this.dom(20, 80, this.tableHost);
    this.follow(() => this.render());
    this.render();
    this.time.delayedCall(30, () => back.focus());
  }

  private render(): void {
    const s = this.session;
    const L = lang();
    const me = s.mySeat();
    const host = this.tableHost;
    if (host) {
      host.replaceChildren();
      const hist = me?.history ?? [];
      if (hist.length === 0) host.append(el("p", { class: "cp-muted", text: t("stmt.empty") }));
      else {
        const cols = hist.slice(-6);
        const m = (v: number | undefined) => (v === undefined ? "—" : formatMoney(v, L));
        // One statement at a time, chosen by tabs: each fits the panel without scrolling.
        const tabs = el("div", { class: "cp-row", role: "tablist", style: "margin-bottom:8px" });
        host.append(tabs);
        const section = (title: string, rows: [string, (i: number) => string][]) => {
          const index = tabs.childElementCount;
          const tab = button(
            title,
            `statements-tab-${index}`,
            () => {
              this.tab = index;
              this.render();
            },
            index === this.tab ? "" : "secondary",
          );
          tab.setAttribute("role", "tab");
          tab.setAttribute("aria-selected", String(index === this.tab));
          tabs.append(tab);
          if (index !== this.tab) return;
          const table = el("table", { class: "cp-table" });
          const head = el("tr", {}, el("th", { text: "" }), ...cols.map((q) => el("th", { text: quarterLabel(q.year, q.q) })));
          table.append(el("thead", {}, head));
          const body = el("tbody");
          for (const [label, f] of rows) body.append(el("tr", {}, el("td", { text: label }), ...cols.map((_, i) => el("td", { text: f(i) }))));
          table.append(body);
          host.append(table);
        };
        const q = (i: number) => cols[i]!;
        const row = (label: string, f: (h: QuarterSnap) => number): [string, (i: number) => string] => [label, (i) => m(f(q(i)))];
        section(t("stmt.income"), [
          row(t("stmt.coreRevenue"), (h) => h.coreRevenue),
          row(t("stmt.aiRevenue"), (h) => h.aiRevenue),
          row(t("stmt.revenue"), (h) => h.revenue),
          row(t("stmt.coreCosts"), (h) => -h.coreCosts),
          row(t("stmt.powerCost"), (h) => -h.powerCost),
          row(t("stmt.aiOpex"), (h) => -h.aiOpex),
          row(t("stmt.depreciation"), (h) => -h.depreciation),
          row(t("stmt.rnd"), (h) => -h.rnd),
          row(t("stmt.operatingIncome"), (h) => h.operatingIncome),
          row(t("stmt.interest"), (h) => -h.interestExpense),
          row(t("stmt.interestIncome"), (h) => h.interestIncome),
          row(t("stmt.tax"), (h) => -h.tax),
          row(t("stmt.netIncome"), (h) => h.netIncome),
        ]);
        section(t("stmt.cashFlow"), [
          row(t("stmt.netIncome"), (h) => h.netIncome),
          row(t("stmt.depreciation"), (h) => h.depreciation),
          row(t("stmt.ocf"), (h) => h.operatingCashFlow),
          row(t("stmt.capex"), (h) => -h.capex),
          row(t("stmt.energyPayments"), (h) => -h.energyPayments),
          row(t("stmt.fcf"), (h) => h.freeCashFlow),
          row(t("stmt.debtIssued"), (h) => h.debtIssued),
          row(t("stmt.emergency"), (h) => h.emergencyBorrowing),
          row(t("stmt.equityIssued"), (h) => h.equityIssued),
          row(t("stmt.debtRepaid"), (h) => -h.debtRepaid),
          row(t("stmt.buybacks"), (h) => -h.buybacks),
          row(t("stmt.dividends"), (h) => -h.dividends),
        ]);
        section(t("stmt.balance"), [
          row(t("stmt.cash"), (h) => h.cash),
          row(t("stmt.ppe"), (h) => h.ppe),
          row(t("stmt.otherAssets"), (h) => h.otherAssets),
          row(t("stmt.totalAssets"), (h) => h.totalAssets),
          row(t("stmt.debt"), (h) => h.debt),
          row(t("stmt.otherLiabilities"), (h) => h.otherLiabilities),
          row(t("stmt.totalLiabilities"), (h) => h.totalLiabilities),
          row(t("stmt.equity"), (h) => h.equity),
          row(t("board.marketCap"), (h) => h.marketCap),
          [t("board.sharePrice"), (i) => formatPrice(q(i).sharePriceCents)],
          [t("board.rating"), (i) => q(i).rating || "—"],
          [t("stmt.compute"), (i) => `${formatMw(q(i).installedMw)} / ${formatMw(q(i).poweredMw)}`],
        ]);
      }
    }
    this.layer?.destroy();
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const x = 800;
    const w = 780;
    layer.add(this.panel(x, 80, w, 800));
    layer.add(this.text(x + 16, 88, t("stmt.charts"), { size: 20, bold: true }));
    const seats = s.seatsInOrder();
    const maxLen = Math.max(0, ...seats.map((x2) => x2.history.length));
    const labels = (me ?? seats[0])?.history.map((h) => `Q${h.q}·${String(h.year).slice(2)}`) ?? [];
    drawChart(this, layer, {
      x: x + 10,
      y: 120,
      w: w - 20,
      h: 230,
      kind: "lines",
      labels: labels.length === maxLen ? labels : Array.from({ length: maxLen }, (_, i) => String(i + 1)),
      series: seats.map((st) => ({
        label: t(`company.${st.company}`),
        color: SEAT_COLORS[st.company as CompanyId] ?? 0xffffff,
        values: st.history.map((h) => h.sharePriceCents),
      })),
      format: (v) => formatPrice(Math.round(v / 100) * 100),
      title: t("chart.sharePrice"),
    });
    if (me) {
      drawChart(this, layer, {
        x: x + 10,
        y: 370,
        w: (w - 30) / 2,
        h: 230,
        labels: me.history.map((h) => `Q${h.q}`),
        series: [
          { label: t("stmt.cash"), color: 0x009e73, values: me.history.map((h) => h.cash) },
          { label: t("stmt.debt"), color: 0xd55e00, values: me.history.map((h) => h.debt) },
        ],
        format: (v) => formatMoney(Math.round(v), L),
        title: t("chart.cash"),
      });
    }
    const ind = industrySeries(s);
    drawChart(this, layer, {
      x: x + 20 + (w - 30) / 2,
      y: 370,
      w: (w - 30) / 2,
      h: 230,
      labels: ind.labels.map((l) => l.split("·")[0] ?? l),
      series: [
        { label: t("board.capex"), color: 0xe69f00, values: ind.capexAnnual },
        { label: t("board.aiRevenue"), color: 0x56b4e9, values: ind.aiRevenueAnnual },
      ],
      format: (v) => formatMoney(Math.round(v), L),
      refLine: { value: 600_000, label: t("board.hurdle") },
      title: t("chart.industry"),
    });
    if (me) {
      drawChart(this, layer, {
        x: x + 10,
        y: 650,
        w: w - 20,
        h: 220,
        labels: me.history.map((h) => `Q${h.q}·${String(h.year).slice(2)}`),
        series: [
          { label: t("board.capex"), color: 0xe69f00, values: me.history.map((h) => h.capex) },
          { label: t("board.aiRevenue"), color: 0x56b4e9, values: me.history.map((h) => h.aiRevenue) },
          { label: t("stmt.fcf"), color: 0xcc79a7, values: me.history.map((h) => h.freeCashFlow) },
        ],
        format: (v) => formatMoney(Math.round(v), L),
        title: t("chart.capexVsAi"),
      });
    }
  }
}
