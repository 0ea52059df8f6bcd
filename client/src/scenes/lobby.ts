import type { CompanyId, Variant } from "../../../shared/engine/ids.ts";
import { COMPANY_PARAMS } from "../../../shared/rules/params.ts";
import { BaseScene } from "./base.ts";
import { COLORS, CSS, SEAT_COLORS, SEAT_ICONS, W, hex } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatMoney, formatMw, formatPercent } from "../format.ts";
import type { SeatSnap } from "../net.ts";

export class LobbyScene extends BaseScene {
  private layer: Phaser.GameObjects.Container | null = null;
  private startBtn: HTMLButtonElement | null = null;
  private codeNode: HTMLDivElement | null = null;
  private hostNode: HTMLDivElement | null = null;

  constructor() {
    super("lobby");
  }

  create(): void {
    this.background();
    this.langSwitch(W - 220, 24);
    this.text(60, 34, t("lobby.title"), { size: 40, bold: true });
    this.startBtn = button(t("lobby.start"), "start-button", () => this.session.start());
    this.codeNode = el("div", {
      testid: "lobby-code",
      "aria-label": t("lobby.code"),
      style: "font-size:96px;font-weight:700;color:#f0e442;letter-spacing:8px;line-height:1",
    });
    this.dom(60, 128, this.codeNode);
    this.hostNode = el(
      "div",
      { class: "cp-panel", style: "width:440px" },
      el("p", { class: "cp-muted", text: t("lobby.host"), style: "margin:0 0 12px" }),
      this.startBtn,
    );
    this.dom(W - 500, 84, this.hostNode);
    this.follow(() => this.render());
    this.render();
  }

  private render(): void {
    this.layer?.destroy();
    const layer = this.add.container(0, 0);
    this.layer = layer;
    const s = this.session;
    const snap = s.snap;
    if (this.hostNode) this.hostNode.style.display = s.creator && snap?.phase === "lobby" ? "" : "none";
    if (this.codeNode) this.codeNode.textContent = snap?.code || s.welcome?.code || "";
    if (!snap) {
      layer.add(this.text(60, 120, t("title.loading"), { size: 22, color: CSS.muted }));
      return;
    }
    layer.add(this.text(60, 100, t("lobby.code"), { size: 20, color: CSS.muted }));
    layer.add(this.text(60, 250, t("lobby.codeHint"), { size: 18, color: CSS.muted }));
    const facts = [
      `${t("lobby.scenario")}: ${snap.scenario ? t(`scenario.${snap.scenario}`) : "—"}`,
      `${t("lobby.variant")}: ${snap.variant ? t(`variant.${snap.variant}`) : "—"}`,
      `${t("lobby.quarters")}: ${snap.turns}`,
      `${t("lobby.timer")}: ${snap.turnSeconds ? t("lobby.seconds", { n: snap.turnSeconds }) : t("board.noTimer")}`,
    ];
    facts.forEach((f, i) => void layer.add(this.text(560, 110 + i * 32, f, { size: 18, width: 480 })));
    layer.add(this.text(560, 250, t("lobby.waiting"), { size: 16, color: CSS.muted }));

    const seats = s.seatsInOrder();
    const cardW = Math.min(360, Math.floor((W - 120 - (seats.length - 1) * 20) / Math.max(1, Math.min(seats.length, 4))));
    seats.forEach((seat, i) => {
      const col = i % 4;
      const rowN = Math.floor(i / 4);
      this.card(layer, 60 + col * (cardW + 20), 300 + rowN * 300, cardW, 290, seat);
    });
  }

  private card(layer: Phaser.GameObjects.Container, x: number, y: number, w: number, h: number, seat: SeatSnap): void {
    const id = seat.company as CompanyId;
    const color = SEAT_COLORS[id] ?? COLORS.muted;
    const g = this.panel(x, y, w, h);
    g.fillStyle(color, 1);
    g.fillRect(x, y + 10, 6, h - 20);
    layer.add(g);
    layer.add(this.text(x + 22, y + 14, `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}`, { size: 24, bold: true, color: hex(color) }));
    const mine = this.session.seat === id;
    const who = mine ? t("lobby.you") : seat.control === "ai" ? t("lobby.ai") : seat.control === "human" ? seat.name || t("lobby.human") : t("lobby.open");
    layer.add(this.text(x + w - 16, y + 20, who, { size: 16, color: mine ? CSS.warn : CSS.muted, align: "right" }));
    const L = lang();
    // The documents' figures (balance/params via shared/rules): the company's real capex path.
    const doc = COMPANY_PARAMS[id];
    const years = doc ? ["2023", "2024", "2025"].map((y) => formatMoney(doc.capexHistory[y] ?? 0, L)).join(" · ") : "—";
    const variant = (this.session.snap?.variant === "cons" ? "cons" : "guide") as Variant;
    const rows: [string, string][] = [
      [t("lobby.capexYears"), years],
      [t("lobby.plan2026"), doc ? formatMoney(doc.capex2026[variant], L) : "—"],
      [t("board.cash"), formatMoney(seat.cash, L)],
      [t("board.debt"), `${formatMoney(seat.debt, L)} · ${seat.rating || "—"}`],
      [t("lobby.aiRevenue"), formatMoney(seat.aiRevenue, L)],
      [t("lobby.cashEngine"), formatMoney(seat.coreRevenue, L)],
      [t("lobby.chips"), formatPercent(seat.fleetCustomShareBp, 0)],
      [t("lobby.energy"), `${formatMw(seat.poweredMw)} / ${formatMw(seat.installedMw)}`],
    ];
    let ry = y + 58;
    for (const [k, v] of rows) {
      // A value that does not fit beside its label goes on its own line, so nothing overlaps in either language.
      const label = this.text(x + 22, ry, k, { size: 14, color: CSS.muted });
      const value = this.text(x + w - 16, ry, v, { size: 14, align: "right" });
      if (label.width + value.width + 16 > w - 38) {
        ry += 20;
        value.setY(ry);
      }
      layer.add(label);
      layer.add(value);
      ry += 26;
    }
  }
}
