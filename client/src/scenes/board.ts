import type * as Phaser from "phaser";
import type { CompanyId, Tenor } from "../../../shared/engine/ids.ts";
import type { Decision, EnergyBid } from "../../../shared/engine/types.ts";
import type { PrivateCompanyView } from "../../../shared/engine/view.ts";
import type { TurnStartedMessage } from "../../../shared/protocol/messages.ts";
import { BaseScene } from "./base.ts";
import { COLORS, CSS, SEAT_COLORS, SEAT_ICONS, W, hex } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el, select, sliderField, toast, type SliderField } from "../ui.ts";
import { billionsToMillions, formatChange, formatClock, formatMoney, formatMw, formatPercent, formatPrice, millionsToBillions } from "../format.ts";
import { drawChart } from "../charts.ts";
import { capabilityTier } from "../../../shared/engine/capability.ts";
import { industrySeries, previewDecision, quarterLabel, seatQuarters } from "../model.ts";
import { openStatements } from "../router.ts";

const HURDLE_ANNUAL_M = 600_000;

export class BoardScene extends BaseScene {
  private layer: Phaser.GameObjects.Container | null = null;
  private timerText: Phaser.GameObjects.Text | null = null;
  private panelTurn = -1;
  private panelDom: Phaser.GameObjects.DOMElement | null = null;
  private commitStatus: HTMLElement | null = null;
  private readyBtn: HTMLButtonElement | null = null;
  private lastErrorShown: unknown = null;

  constructor() {
    super("board");
  }

  create(): void {
    this.panelTurn = -1;
    this.panelDom = null;
    this.background();
    this.langSwitch(W - 200, 18);
    this.dom(
      W - 470,
      18,
      button(t("board.statements"), "statements-button", () => openStatements(this.game, true), "secondary"),
    );
    this.timerText = this.text(1110, 26, "", { size: 20, bold: true, align: "right" });
    this.follow(() => this.render());
    this.render();
  }

  override update(): void {
    const s = this.session;
    const deadline = s.snap?.deadline || s.turnStarted?.deadline || 0;
    if (!this.timerText) return;
    const left = (deadline - Date.now()) / 1000;
    const text = deadline ? `${t("board.timer")}: ${formatClock(left)}` : `${t("board.timer")}: ${t("board.noTimer")}`;
    // Redraw the text texture only when the string changes.
    if (this.timerText.text !== text) {
      this.timerText.setText(text);
      this.timerText.setColor(!deadline ? CSS.muted : left < 15 ? CSS.bad : CSS.text);
    }
  }

  private render(): void {
    const s = this.session;
    if (s.lastError && s.lastError !== this.lastErrorShown) {
      this.lastErrorShown = s.lastError;
      toast(t("net.error", { message: s.lastError.message }));
    }
    this.layer?.destroy();
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const snap = s.snap;
    if (!snap) return;
    const me = s.mySeat();
    const L = lang();
    // Header.
    const id = (me?.company ?? null) as CompanyId | null;
    const color = id ? SEAT_COLORS[id] : COLORS.muted;
    layer.add(this.text(24, 18, id ? `${SEAT_ICONS[id]} ${t(`company.${id}`)}` : t("board.spectator"), { size: 30, bold: true, color: hex(color) }));
    layer.add(this.text(360, 14, quarterLabel(snap.year, snap.q), { size: 26, bold: true }));
    layer.add(this.text(360, 48, t("board.turnOf", { n: Math.min(snap.turn + 1, snap.turns), total: snap.turns }), { size: 15, color: CSS.muted }));
    const market = s.market;
    if (market) {
      const regime = market.sentiment.regime;
      const rc = regime === "euphoria" ? CSS.good : regime === "disillusionment" ? CSS.bad : regime === "scrutiny" ? CSS.warn : CSS.accent;
      layer.add(this.text(620, 24, `${t("board.regime")}: ${t(`regime.${regime}`)}`, { size: 20, bold: true, color: rc }));
    }

    if (me) this.dashboard(layer, me, L);
    this.industry(layer, L);
    this.rivals(layer, L);
    this.decisionPanel();
    this.updatePanelStatus();
  }

  private kpi(layer: Phaser.GameObjects.Container, x: number, y: number, label: string, value: string, sub?: { text: string; color: string }): void {
    layer.add(this.text(x, y, label, { size: 14, color: CSS.muted }));
    layer.add(this.text(x, y + 20, value, { size: 24, bold: true }));
    if (sub) layer.add(this.text(x, y + 52, sub.text, { size: 14, color: sub.color }));
  }

  private dashboard(layer: Phaser.GameObjects.Container, me: NonNullable<ReturnType<BoardScene["session"]["mySeat"]>>, L: "en" | "zh-CN"): void {
    const x = 20;
    const y = 84;
    const w = 520;
    layer.add(this.panel(x, y, w, 796));
    const hist = me.history;
    const prev = hist.length > 1 ? hist[hist.length - 2] : undefined;
    const priceChange = prev && prev.sharePriceCents > 0 ? Math.round(((me.sharePriceCents - prev.sharePriceCents) * 10_000) / prev.sharePriceCents) : 0;
    const cols = [x + 20, x + 190, x + 360];
    this.kpi(layer, cols[0]!, y + 14, t("board.cash"), formatMoney(me.cash, L));
    this.kpi(layer, cols[1]!, y + 14, t("board.debt"), formatMoney(me.debt, L));
    this.kpi(layer, cols[2]!, y + 14, t("board.rating"), me.rating || "—");
    this.kpi(
      layer,
      cols[0]!,
      y + 94,
      t("board.sharePrice"),
      formatPrice(me.sharePriceCents),
      prev ? { text: formatChange(priceChange), color: priceChange >= 0 ? CSS.good : CSS.bad } : undefined,
    );
    this.kpi(layer, cols[1]!, y + 94, t("board.marketCap"), formatMoney(me.marketCap, L));
    this.kpi(layer, cols[2]!, y + 94, t("board.aiRevenue"), formatMoney(me.aiRevenue, L));

    // AI revenue vs capex, per quarter.
    layer.add(this.text(x + 20, y + 180, t("board.aiVsCapex"), { size: 16, bold: true }));
    // Pre-filled history first (the documents' capex), then each revealed quarter.
    const series = seatQuarters(me, this.session.snap?.year ?? 0, this.session.snap?.q ?? 1, 12);
    drawChart(this, layer, {
      x: x + 12,
      y: y + 204,
      w: w - 24,
      h: 200,
      labels: series.labels,
      series: [
        { label: t("board.capex"), color: 0xe69f00, values: series.capex },
        { label: t("board.aiRevenue"), color: 0x56b4e9, values: series.aiRevenue },
      ],
      format: (v) => formatMoney(Math.round(v), L),
    });
    if (series.labels.length === 0) layer.add(this.text(x + w / 2, y + 290, t("stmt.empty"), { size: 15, color: CSS.muted, align: "center" }));

    // Compute installed vs powered: stranded compute drawn dark.
    const cy = y + 430;
    layer.add(this.text(x + 20, cy, t("board.compute"), { size: 16, bold: true }));
    const g = this.add.graphics();
    layer.add(g);
    const bx = x + 20;
    const bw = w - 40;
    const inst = Math.max(1, me.installedMw);
    const scale = bw / Math.max(inst, me.poweredMw, 1);
    g.fillStyle(COLORS.dark, 1);
    g.fillRect(bx, cy + 28, inst * scale, 26);
    g.fillStyle(0x009e73, 1);
    g.fillRect(bx, cy + 28, me.usableMw * scale, 26);
    g.lineStyle(2, 0xffffff, 0.9);
    g.strokeRect(bx, cy + 62, Math.max(2, me.poweredMw * scale), 8);
    if (me.strandedMw > 0) {
      // Hatching marks the dark (unpowered) part.
      g.lineStyle(1, 0x6b7480, 1);
      const sx = bx + me.usableMw * scale;
      const ex = bx + inst * scale;
      for (let hx = sx; hx < ex; hx += 8) g.lineBetween(hx, cy + 54, Math.min(ex, hx + 10), cy + 28);
    }
    layer.add(
      this.text(bx, cy + 78, `${t("board.installed")} ${formatMw(me.installedMw)} · ${t("board.powered")} ${formatMw(me.poweredMw)}`, {
        size: 14,
        color: CSS.text,
      }),
    );
    layer.add(this.text(bx, cy + 100, `${t("board.stranded")}: ${formatMw(me.strandedMw)}`, { size: 14, color: me.strandedMw > 0 ? CSS.bad : CSS.muted }));

    // Chip mix and capability.
    const my = cy + 140;
    layer.add(this.text(x + 20, my, t("board.chipMix"), { size: 16, bold: true }));
    const custom = Math.max(0, Math.min(10_000, me.fleetCustomShareBp));
    g.fillStyle(0x0072b2, 1);
    g.fillRect(bx, my + 28, (bw * (10_000 - custom)) / 10_000, 22);
    g.fillStyle(0xcc79a7, 1);
    g.fillRect(bx + (bw * (10_000 - custom)) / 10_000, my + 28, (bw * custom) / 10_000, 22);
    layer.add(this.text(bx, my + 56, `${t("board.nvidia")} ${formatPercent(10_000 - custom, 0)}`, { size: 14, color: "#6cb6ff" }));
    layer.add(this.text(bx + bw, my + 56, `${t("board.custom")} ${formatPercent(custom, 0)}`, { size: 14, color: "#e7a6cc", align: "right" }));
    let own: PrivateCompanyView | null = null;
    try {
      own = me.own ? (JSON.parse(me.own) as PrivateCompanyView) : null;
    } catch {
      own = null;
    }
    const ky = my + 96;
    layer.add(this.text(x + 20, ky, t("board.capability"), { size: 16, bold: true }));
    layer.add(this.text(x + 20, ky + 26, `${t("board.tier", { tier: capabilityTier(me.capabilityBp) })} · ${formatPercent(me.capabilityBp, 0)}`, { size: 20 }));
    if (own?.chipProgram) {
      layer.add(
        this.text(x + w - 20, ky + 30, `${t("board.custom")}: ${formatPercent(own.chipProgram.maturityBp, 0)}`, { size: 14, color: CSS.muted, align: "right" }),
      );
    }
  }

  private industry(layer: Phaser.GameObjects.Container, L: "en" | "zh-CN"): void {
    const x = 560;
    const y = 84;
    const w = 480;
    layer.add(this.panel(x, y, w, 400));
    layer.add(this.text(x + 18, y + 12, t("board.industry"), { size: 20, bold: true }));
    const ind = industrySeries(this.session);
    drawChart(this, layer, {
      x: x + 10,
      y: y + 44,
      w: w - 20,
      h: 220,
      labels: ind.labels,
      series: [
        { label: t("board.industryCapex"), color: 0xe69f00, values: ind.capexAnnual },
        { label: t("board.industryAiRevenue"), color: 0x56b4e9, values: ind.aiRevenueAnnual },
      ],
      format: (v) => formatMoney(Math.round(v), L),
      refLine: { value: HURDLE_ANNUAL_M, label: t("board.hurdle") },
    });
    const m = this.session.market;
    if (m) {
      const stats: [string, string][] = [
        [t("board.nvidiaPrice"), `${formatMoney(Math.round(m.nvidia.priceK / 1000), L)}/MW`],
        [t("board.nvidiaMargin"), formatPercent(m.nvidia.grossMarginBp, 0)],
        [t("board.aiIgShare"), formatPercent(m.bonds.aiIgShareBp, 1)],
        [t("board.industryAiRevenue"), formatMoney(m.industryAiRevenue * 4, L)],
      ];
      stats.forEach(([k, v], i) => {
        const sx = x + 18 + (i % 2) * 232;
        const sy = y + 280 + Math.floor(i / 2) * 56;
        layer.add(this.text(sx, sy, k, { size: 13, color: CSS.muted, width: 220 }));
        layer.add(this.text(sx, sy + 20, v, { size: 20, bold: true }));
      });
    }
  }

  private rivals(layer: Phaser.GameObjects.Container, L: "en" | "zh-CN"): void {
    const x = 560;
    const y = 498;
    const w = 480;
    layer.add(this.panel(x, y, w, 382));
    layer.add(this.text(x + 18, y + 12, t("board.rivals"), { size: 20, bold: true }));
    const heads = [t("board.sharePrice"), t("board.capex"), t("board.aiRevenue"), t("board.rating")];
    const cx = [x + 200, x + 290, x + 380, x + 465];
    heads.forEach((h, i) => void layer.add(this.text(cx[i]!, y + 48, h, { size: 12, color: CSS.muted, align: "right" })));
    const seats = this.session.seatsInOrder();
    seats.forEach((seat, i) => {
      const id = seat.company as CompanyId;
      const ry = y + 76 + i * 36;
      const mine = id === this.session.seat;
      if (mine) {
        const g = this.add.graphics();
        g.fillStyle(COLORS.panelHi, 1);
        g.fillRect(x + 8, ry - 6, w - 16, 34);
        layer.add(g);
      }
      const status = seat.status === "defaulted" ? t("board.defaulted") : seat.committed ? `✓ ${t("board.committed")}` : t("board.thinking");
      layer.add(
        this.text(x + 18, ry - 2, `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}`, { size: 15, bold: true, color: hex(SEAT_COLORS[id] ?? COLORS.muted) }),
      );
      layer.add(this.text(x + 18, ry + 16, status, { size: 11, color: seat.committed ? CSS.good : CSS.muted }));
      const lastQ = seat.history[seat.history.length - 1];
      const vals = [formatPrice(seat.sharePriceCents), lastQ ? formatMoney(lastQ.capex, L) : "—", formatMoney(seat.aiRevenue, L), seat.rating || "—"];
      vals.forEach((v, k) => void layer.add(this.text(cx[k]!, ry + 2, v, { size: 14, align: "right" })));
    });
  }

  /** The decision form: built once per turn from the server's bounds and default; rebuilt when a new turn starts. */
  private decisionPanel(): void {
    const s = this.session;
    const ts = s.turnStarted;
    const phase = s.snap?.phase;
    if (!ts || !s.seat || phase !== "deciding") {
      if (this.panelDom && (!ts || phase !== "deciding")) {
        this.panelDom.destroy();
        this.panelDom = null;
        this.panelTurn = -1;
      }
      if (!this.panelDom) {
        const wait = el(
          "div",
          { class: "cp-panel", style: "width:520px;height:796px", testid: "decision-waiting" },
          el("h2", { text: t("decide.title") }),
          el("p", { class: "cp-muted", text: s.seat ? t("board.waitingTurn") : t("board.spectator") }),
        );
        this.panelDom = this.dom(1060, 84, wait);
        this.panelTurn = -2;
      }
      return;
    }
    if (this.panelTurn === ts.turn && this.panelDom) return;
    this.panelDom?.destroy();
    this.panelTurn = ts.turn;
    this.panelDom = this.dom(1060, 84, this.buildForm(ts));
  }

  private buildForm(ts: TurnStartedMessage): HTMLElement {
    const s = this.session;
    const L = lang();
    const b = ts.bounds;
    const d = s.sentDecision ?? ts.defaultDecision;
    const money = (m: number) => formatMoney(m, L);
    const fields: Record<string, SliderField> = {};
    const preview = el("div", { class: "cp-preview", testid: "decision-preview", "aria-live": "polite" });
    const me = s.mySeat();
    const deals = s.market?.energyOffers ?? [];
    const bidInputs: { dealId: string; input: HTMLInputElement; min: number; max: number }[] = [];
    let tenor: Tenor = d.debtTenor;

    const current = (): Decision => {
      const bids: EnergyBid[] = [];
      for (const bi of bidInputs) {
        const m = billionsToMillions(bi.input.value, 0, bi.max);
        if (m > 0) bids.push({ dealId: bi.dealId, amount: Math.max(bi.min, m) });
      }
      const f = (k: string, r: { min: number; max: number }) => billionsToMillions(fields[k]?.get() ?? 0, r.min, r.max);
      return {
        capex: f("capex", b.capex),
        customShareBp: Math.min(b.customShareBp.max, Math.max(b.customShareBp.min, Math.round((fields.customShare?.get() ?? 0) * 100))),
        chipRnd: f("chipRnd", b.chipRnd),
        debtIssue: f("debtIssue", b.debtIssue),
        debtTenor: tenor,
        debtRepay: f("debtRepay", b.debtRepay),
        energyBids: bids,
        buybacks: f("buybacks", b.buybacks),
        dividends: f("dividends", b.dividends),
      };
    };
    const refresh = () => {
      const p = previewDecision(me, b, current());
      preview.replaceChildren(
        ...[
          el("div", {}, el("span", { text: t("decide.budget") }), el("b", { text: money(b.budget) })),
          el(
            "div",
            {},
            el("span", { text: t("decide.cashAfter") }),
            el("b", { testid: "preview-cash", class: p.cashAfter < 0 ? "cp-bad" : "", text: money(p.cashAfter) }),
          ),
          el("div", {}, el("span", { text: t("decide.debtAfter") }), el("b", { testid: "preview-debt", text: money(p.debtAfter) })),
          p.overBudget > 0
            ? el("div", { class: "cp-bad", testid: "preview-over" }, el("span", { text: t("decide.overBudget", { amount: money(p.overBudget) }) }))
            : null,
        ].filter((n): n is HTMLDivElement => n !== null),
      );
    };
    const moneyField = (key: string, labelKey: string, r: { min: number; max: number }, v: number) => {
      const f = sliderField({
        label: t(labelKey),
        testid: `decide-${key}`,
        min: millionsToBillions(r.min),
        max: millionsToBillions(r.max),
        step: 0.1,
        value: millionsToBillions(v),
        rangeText: t("decide.range", { min: money(r.min), max: money(r.max) }),
        onInput: refresh,
      });
      fields[key] = f;
      return f.root;
    };
    const customField = sliderField({
      label: t("decide.customShare"),
      testid: "decide-customShare",
      min: b.customShareBp.min / 100,
      max: b.customShareBp.max / 100,
      step: 1,
      value: Math.round(d.customShareBp / 100),
      rangeText: t("decide.range", { min: formatPercent(b.customShareBp.min, 0), max: formatPercent(b.customShareBp.max, 0) }),
      onInput: refresh,
    });
    fields.customShare = customField;
    const tenorSel = select(
      b.debtTenors.map((n) => ({ value: String(n), label: t("decide.tenorYears", { n }) })),
      String(d.debtTenor),
      "decide-tenor",
      (v) => {
        tenor = Number(v) as Tenor;
        refresh();
      },
      t("decide.tenor"),
    );
    tenorSel.id = "decide-tenor-sel";
    const dealNodes: HTMLElement[] = [];
    for (const db of b.energyDeals) {
      const offer = deals.find((o) => o.id === db.dealId);
      const prior = d.energyBids.find((x) => x.dealId === db.dealId)?.amount ?? 0;
      const input = el("input", {
        type: "number",
        min: 0,
        max: millionsToBillions(db.maxBid),
        step: 0.1,
        value: millionsToBillions(prior),
        testid: `bid-${db.dealId}`,
        style: "width:100px",
      });
      // A deal the seat could not use is shown but closed, with the engine's reason.
      if (!db.usable) {
        input.disabled = true;
        input.value = "0";
      }
      input.addEventListener("input", refresh);
      bidInputs.push({ dealId: db.dealId, input, min: db.minBid, max: db.maxBid });
      const desc = offer
        ? t("decide.dealCard", {
            kind: t(`deal.${offer.kind}`),
            mw: offer.mw,
            region: t(`region.${offer.region}`) === `region.${offer.region}` ? offer.region : t(`region.${offer.region}`),
            lead: offer.leadQuarters,
          })
        : db.dealId;
      const id = `bid-${db.dealId}-in`;
      input.id = id;
      dealNodes.push(
        el(
          "div",
          { class: "cp-deal" },
          el("label", { for: id, text: desc }),
          el(
            "div",
            { class: "cp-row", style: "margin:4px 0 0" },
            input,
            el("span", { class: "cp-muted", text: t("decide.range", { min: money(db.minBid), max: money(db.maxBid) }) }),
          ),
          ...(db.usable || !offer
            ? []
            : [
                el("div", {
                  class: "cp-muted",
                  testid: `bid-${db.dealId}-closed`,
                  text: t("bounds.energy_unneeded", { mw: `${offer.mw} MW`, quarters: offer.leadQuarters }),
                }),
              ]),
        ),
      );
    }
    // The commit button submits the form, so Enter in any field commits too.
    const commit = el("button", { type: "submit", testid: "commit-button", text: t("decide.commit") });
    this.readyBtn = button(
      t("decide.ready"),
      "ready-button",
      () => {
        const me2 = s.mySeat();
        if (me2?.ready) s.ready(false);
        else {
          s.decide(current());
          s.ready(true);
        }
      },
      "warn",
    );
    const reset = button(
      t("decide.reset"),
      "reset-button",
      () => {
        const dd = ts.defaultDecision;
        fields.capex?.set(millionsToBillions(dd.capex));
        fields.customShare?.set(Math.round(dd.customShareBp / 100));
        fields.chipRnd?.set(millionsToBillions(dd.chipRnd));
        fields.debtIssue?.set(millionsToBillions(dd.debtIssue));
        fields.debtRepay?.set(millionsToBillions(dd.debtRepay));
        fields.buybacks?.set(millionsToBillions(dd.buybacks));
        fields.dividends?.set(millionsToBillions(dd.dividends));
        for (const bi of bidInputs) bi.input.value = String(millionsToBillions(dd.energyBids.find((x) => x.dealId === bi.dealId)?.amount ?? 0));
        refresh();
      },
      "secondary",
    );
    this.commitStatus = el("div", { class: "cp-muted", testid: "commit-status", role: "status", style: "min-height:20px" });
    const form = el(
      "form",
      {
        class: "cp-panel",
        style: "width:520px;height:796px;padding:12px 16px;display:flex;flex-direction:column",
        testid: "decision-panel",
        "aria-label": t("decide.title"),
      },
      el("h2", { text: `${t("decide.title")} · ${quarterLabel(ts.quarter.year, ts.quarter.q)}`, style: "margin-bottom:4px" }),
      el(
        "div",
        { style: "flex:1 1 auto;overflow-y:auto;padding-right:8px;min-height:0" },
        moneyField("capex", "decide.capex", b.capex, d.capex),
        customField.root,
        moneyField("chipRnd", "decide.chipRnd", b.chipRnd, d.chipRnd),
        moneyField("debtIssue", "decide.debtIssue", b.debtIssue, d.debtIssue),
        el("div", { class: "cp-row" }, el("label", { for: tenorSel.id, text: t("decide.tenor") }), tenorSel),
        moneyField("debtRepay", "decide.debtRepay", b.debtRepay, d.debtRepay),
        moneyField("buybacks", "decide.buybacks", b.buybacks, d.buybacks),
        moneyField("dividends", "decide.dividends", b.dividends, d.dividends),
        el("h3", { text: t("decide.energy") }),
        ...(dealNodes.length ? dealNodes : [el("div", { class: "cp-muted", text: t("decide.noDeals") })]),
      ),
      el(
        "div",
        { style: "flex:0 0 auto;border-top:1px solid #2c3e52;padding-top:8px" },
        preview,
        el("div", { class: "cp-row", style: "margin-top:8px;flex-wrap:wrap" }, commit, this.readyBtn, reset),
        this.commitStatus,
      ),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      s.decide(current());
      this.updatePanelStatus();
    });
    // Phaser must not swallow keys typed into the form.
    form.addEventListener("keydown", (e) => e.stopPropagation());
    refresh();
    return form;
  }

  private updatePanelStatus(): void {
    const s = this.session;
    const me = s.mySeat();
    const seats = s.seatsInOrder();
    const n = seats.filter((x) => x.committed).length;
    if (this.readyBtn) {
      this.readyBtn.textContent = me?.ready ? t("decide.unready") : t("decide.ready");
      this.readyBtn.setAttribute("aria-pressed", me?.ready ? "true" : "false");
    }
    if (this.commitStatus) {
      const mine = me?.ready ? t("decide.readyWaiting") : s.sentDecision ? t("decide.committed") : "";
      this.commitStatus.textContent = `${mine} ${t("board.committed")}: ${n}/${seats.length}`.trim();
    }
  }
}
