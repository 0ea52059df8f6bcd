import type { CompanyId } from "../../../shared/engine/ids.ts";
import { BaseScene } from "./base.ts";
import { COLORS, CSS, SEAT_COLORS, SEAT_ICONS, W, hex } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatChange, formatMoney, formatPercent } from "../format.ts";
import { resetSession } from "../net.ts";
import { route } from "../router.ts";

/** Final ranking, each seat's path, and — when the server sends it — the all-restrain counterfactual. */
export class EndScene extends BaseScene {
  constructor() {
    super("end");
  }

  create(): void {
    this.background();
    this.langSwitch(W - 200, 18);
    const s = this.session;
    const ended = s.ended;
    const L = lang();
    const scores = [...(ended?.scores ?? [])].sort((a, b) => a.rank - b.rank);
    const winner = scores[0];
    this.text(W / 2, 20, t("end.title"), { size: 44, bold: true, align: "center" });
    if (winner)
      this.text(W / 2, 80, t("end.winner", { company: t(`company.${winner.company}`) }), {
        size: 24,
        color: hex(SEAT_COLORS[winner.company] ?? COLORS.text),
        align: "center",
      });

    // Ranking table with a sparkline of each seat's share price.
    const x = 40;
    const y = 130;
    const w = 1000;
    this.panel(x, y, w, 110 + scores.length * 64);
    const cols: [string, number, "left" | "right"][] = [
      [t("end.rank"), x + 20, "left"],
      [t("end.company"), x + 70, "left"],
      [t("end.score"), x + 470, "right"],
      [t("end.fcf"), x + 620, "right"],
      [t("end.aiShare"), x + 730, "right"],
      [t("end.path"), x + 760, "left"],
    ];
    for (const [h, cx, al] of cols) this.text(cx, y + 16, h, { size: 14, color: CSS.muted, align: al });
    const g = this.add.graphics();
    scores.forEach((sc, i) => {
      const ry = y + 56 + i * 64;
      const id = sc.company as CompanyId;
      const color = SEAT_COLORS[id] ?? COLORS.muted;
      const mine = id === s.seat;
      if (mine) {
        g.fillStyle(COLORS.panelHi, 1);
        g.fillRect(x + 8, ry - 8, w - 16, 58);
      }
      this.text(x + 20, ry, String(sc.rank), { size: 26, bold: true });
      this.text(x + 70, ry, `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}${mine ? ` (${t("lobby.you")})` : ""}`, { size: 22, bold: true, color: hex(color) });
      if (sc.defaulted) this.text(x + 70, ry + 28, t("board.defaulted"), { size: 13, color: CSS.bad });
      this.text(x + 470, ry, formatChange(sc.scoreBp), { size: 24, bold: true, align: "right", color: sc.scoreBp >= 0 ? CSS.good : CSS.bad });
      this.text(x + 620, ry + 4, formatMoney(sc.cumulativeFcf, L), { size: 18, align: "right" });
      this.text(x + 730, ry + 4, formatPercent(sc.aiShareBp, 1), { size: 18, align: "right" });
      const hist = s.snap?.seats[id]?.history ?? [];
      const vals = hist.map((h) => h.sharePriceCents);
      if (vals.length > 1) {
        const lo = Math.min(...vals);
        const hi = Math.max(...vals);
        const sx = x + 760;
        const sw = 220;
        g.lineStyle(3, color, 1);
        g.beginPath();
        vals.forEach((v, k) => {
          const px = sx + (sw * k) / (vals.length - 1);
          const py = ry + 40 - ((v - lo) / Math.max(1, hi - lo)) * 36;
          if (k === 0) g.moveTo(px, py);
          else g.lineTo(px, py);
        });
        g.strokePath();
      }
    });

    // Counterfactual: what each seat would have scored had every seat restrained.
    const cf = ended?.counterfactual;
    const cx = 1070;
    this.panel(cx, y, 500, 110 + Math.max(1, scores.length) * 64);
    this.text(cx + 20, y + 16, t("end.counterfactual"), { size: 20, bold: true, width: 460 });
    this.text(cx + 20, y + 46, t("end.counterfactualNote"), { size: 13, color: CSS.muted, width: 460 });
    if (!cf || cf.length === 0) {
      this.text(cx + 20, y + 110, t("end.counterfactualMissing"), { size: 16, color: CSS.muted, width: 460 });
    } else {
      this.text(cx + 300, y + 84, t("end.actual"), { size: 13, color: CSS.muted, align: "right" });
      this.text(cx + 470, y + 84, t("end.restrained"), { size: 13, color: CSS.muted, align: "right" });
      scores.forEach((sc, i) => {
        const ry = y + 110 + i * 48;
        const other = cf.find((c) => c.company === sc.company);
        this.text(cx + 20, ry, `${SEAT_ICONS[sc.company] ?? "•"} ${t(`company.${sc.company}`)}`, {
          size: 16,
          color: hex(SEAT_COLORS[sc.company] ?? COLORS.text),
        });
        this.text(cx + 300, ry, formatChange(sc.scoreBp), { size: 16, align: "right" });
        this.text(cx + 470, ry, other ? formatChange(other.scoreBp) : "—", {
          size: 16,
          bold: true,
          align: "right",
          color: other && other.scoreBp > sc.scoreBp ? CSS.good : CSS.text,
        });
      });
    }

    const again = button(t("end.again"), "end-again", () => {
      void s.leave();
      resetSession();
      route(this.game);
    });
    const links = el("div", { class: "cp-row" }, again);
    if (ended?.replayId)
      links.append(
        el("a", {
          href: `/api/matches/${encodeURIComponent(ended.replayId)}/replay`,
          download: `${ended.replayId}.json`,
          text: t("end.replay"),
          style: "color:#56b4e9;margin-left:16px",
          testid: "end-replay",
        }),
      );
    this.dom(40, 820, links);
    this.time.delayedCall(30, () => again.focus());
  }
}
