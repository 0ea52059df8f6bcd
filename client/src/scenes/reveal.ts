import * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { BaseScene } from "./base.ts";
import { COLORS, CSS, SEAT_COLORS, SEAT_ICONS, W, hex } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatChange, formatMoney, formatMw } from "../format.ts";
import type { TurnReport } from "../../../shared/engine/types.ts";

/** MW of the energy deals a seat won at this reveal (from the report's auction results). */
function wonMw(r: TurnReport, id: CompanyId): number {
  return r.auctions.filter((a) => a.winner === id).reduce((sum, a) => sum + a.mw, 0);
}
import { headlinesFor, quarterLabel } from "../model.ts";
import { route } from "../router.ts";

/** The reveal: every seat's sealed decision flips face-up at once, then the market answers. */
export class RevealScene extends BaseScene {
  constructor() {
    super("reveal");
  }

  create(): void {
    this.background();
    const r = this.session.unseenReveal;
    if (!r) {
      route(this.game);
      return;
    }
    const L = lang();
    this.text(W / 2, 24, t("reveal.title", { quarter: quarterLabel(r.quarter.year, r.quarter.q) }), { size: 40, bold: true, align: "center" });
    this.text(60, 96, t("reveal.decisions"), { size: 20, color: CSS.muted });
    const seats = r.seats;
    const n = Math.max(1, seats.length);
    const gap = 16;
    const cw = Math.min(360, (W - 120 - gap * (n - 1)) / n);
    const cardH = 230;
    const x0 = (W - (cw * n + gap * (n - 1))) / 2;
    const maxMove = Math.max(300, ...seats.map((s) => Math.abs(s.sharePriceChangeBp)));
    seats.forEach((s, i) => {
      const id = s.company as CompanyId;
      const color = SEAT_COLORS[id] ?? COLORS.muted;
      const x = x0 + i * (cw + gap);
      const card = this.add.container(x, 130);
      const g = this.add.graphics();
      g.fillStyle(COLORS.panel, 1);
      g.fillRoundedRect(0, 0, cw, cardH, 10);
      g.fillStyle(color, 1);
      g.fillRoundedRect(0, 0, cw, 8, { tl: 10, tr: 10, bl: 0, br: 0 });
      card.add(g);
      card.add(this.text(16, 20, `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}`, { size: 22, bold: true, color: hex(color) }));
      const d = s.decision;
      const lines: [string, string][] = [
        [t("reveal.capexCol"), formatMoney(s.capexSpent, L)],
        [t("reveal.debtCol"), d.debtIssue > 0 ? `+${formatMoney(d.debtIssue, L)}` : d.debtRepay > 0 ? `−${formatMoney(d.debtRepay, L)}` : "—"],
        [t("reveal.energyCol"), wonMw(r, id) > 0 ? formatMw(wonMw(r, id)) : "—"],
        [t("reveal.ratingCol"), s.ratingBefore === s.ratingAfter ? s.ratingAfter : `${s.ratingBefore} → ${s.ratingAfter}`],
      ];
      lines.forEach(([k, v], j) => {
        card.add(this.text(16, 64 + j * 34, k, { size: 15, color: CSS.muted }));
        card.add(this.text(cw - 16, 62 + j * 34, v, { size: 18, bold: true, align: "right" }));
      });
      if (s.replacedInvalid) card.add(this.text(16, 200 - 10, t("reveal.invalidReplaced"), { size: 13, color: CSS.bad }));
      // The flip: cards arrive face-down (scaled to a sliver) and open all at once.
      card.scaleY = 0.02;
      card.alpha = 0.4;
      this.tweens.add({ targets: card, scaleY: 1, alpha: 1, duration: 420, delay: 250 + i * 60, ease: "Back.Out" });

      // Market reaction: a bar grows up or down from the mid line, after the flip.
      const my = 130 + cardH + 30;
      const mid = my + 90;
      const bar = this.add.graphics();
      const up = s.sharePriceChangeBp >= 0;
      bar.fillStyle(up ? COLORS.good : COLORS.bad, 1);
      const full = (Math.abs(s.sharePriceChangeBp) / maxMove) * 80;
      bar.fillRect(x + cw / 2 - 24, up ? mid - full : mid, 48, Math.max(2, full));
      bar.scaleY = 0;
      bar.y = mid * 1;
      this.tweens.add({
        targets: bar,
        scaleY: 1,
        y: 0,
        duration: 600,
        delay: 1100 + i * 80,
        ease: "Cubic.Out",
      });
      const line = this.add.graphics();
      line.lineStyle(1, COLORS.line, 1);
      line.lineBetween(x, mid, x + cw, mid);
      const label = this.text(x + cw / 2, up ? mid + 12 : mid - 40, `${t("reveal.priceCol")} ${formatChange(s.sharePriceChangeBp)}`, {
        size: 18,
        bold: true,
        color: up ? CSS.good : CSS.bad,
        align: "center",
      });
      label.alpha = 0;
      this.tweens.add({ targets: label, alpha: 1, duration: 300, delay: 1500 + i * 80 });
    });
    this.text(60, 130 + cardH + 8, t("reveal.market"), { size: 20, color: CSS.muted });

    // Headlines type in one after another.
    const hy = 660;
    this.text(60, hy, t("reveal.headlines"), { size: 20, color: CSS.muted });
    headlinesFor(r).forEach((h, i) => {
      const line = this.text(80, hy + 34 + i * 30, `▸ ${h}`, { size: 19, bold: i === 0, width: W - 520 });
      line.alpha = 0;
      line.x -= 30;
      this.tweens.add({ targets: line, alpha: 1, x: 80, duration: 350, delay: 2000 + i * 350, ease: "Quad.Out" });
    });

    const cont = button(t("reveal.continue"), "reveal-continue", () => {
      this.session.unseenReveal = null;
      route(this.game);
    });
    this.dom(W - 300, H_BUTTON, el("div", {}, cont));
    this.time.delayedCall(50, () => cont.focus());
    this.input.keyboard?.on("keydown-ENTER", () => cont.click());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.input.keyboard?.off("keydown-ENTER"));
  }
}

const H_BUTTON = 820;
