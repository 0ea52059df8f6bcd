/** The debrief's charts, drawn with the board's chart helper: capex paths, share prices, AI revenue vs capex against the hurdle, and the race against all-restrain. */
import type * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { Debrief } from "../../../shared/debrief/types.ts";
import { drawChart } from "../charts.ts";
import { lang, t } from "../lang.ts";
import { formatMoney, formatPrice } from "../format.ts";
import { SEAT_COLORS } from "../theme.ts";
import { companyName } from "./text.ts";

/** $600B a year: the Sequoia hurdle (figure hurdle_sequoia_600), the board's reference line. */
const HURDLE_ANNUAL = 600_000;

export function drawDebriefCharts(scene: Phaser.Scene, layer: Phaser.GameObjects.Container, d: Debrief, x: number, y: number, w: number, h: number): void {
  const L = lang();
  const labels = d.history.map((q) => `Q${q.q}·${String(q.year).slice(2)}`);
  const seats = d.config.seats;
  // Looked up here rather than through shared/debrief/runs.ts, which would pull the engine's AI into the main chunk.
  const actual = d.runs.find((r) => r.kind === "actual");
  const restrained = d.runs.find((r) => r.kind === "allRestrain");
  const color = (id: CompanyId) => SEAT_COLORS[id] ?? 0xffffff;
  const money = (v: number) => formatMoney(Math.round(v), L);
  const cw = (w - 20) / 2;
  const ch = (h - 20) / 2;
  drawChart(scene, layer, {
    x,
    y,
    w: cw,
    h: ch,
    kind: "lines",
    labels,
    series: seats.map((id) => ({ label: companyName(id), color: color(id), values: actual?.series.capex[id] ?? [] })),
    format: money,
    title: t("debrief.chart.capex"),
  });
  drawChart(scene, layer, {
    x: x + cw + 20,
    y,
    w: cw,
    h: ch,
    kind: "lines",
    labels,
    series: seats.map((id) => ({ label: companyName(id), color: color(id), values: actual?.series.sharePriceCents[id] ?? [] })),
    format: (v) => formatPrice(Math.round(v / 100) * 100),
    title: t("debrief.chart.price"),
  });
  drawChart(scene, layer, {
    x,
    y: y + ch + 20,
    w: cw,
    h: ch,
    labels,
    series: [
      { label: t("board.capex"), color: 0xe69f00, values: d.history.map((q) => q.industryCapex * 4) },
      { label: t("board.aiRevenue"), color: 0x56b4e9, values: d.history.map((q) => q.industryAiRevenue * 4) },
    ],
    format: money,
    refLine: { value: HURDLE_ANNUAL, label: t("board.hurdle") },
    title: t("debrief.chart.hurdle"),
  });
  const total = (run: typeof actual) => labels.map((_, i) => seats.reduce((s, id) => s + (run?.series.capex[id]?.[i] ?? 0), 0));
  drawChart(scene, layer, {
    x: x + cw + 20,
    y: y + ch + 20,
    w: cw,
    h: ch,
    kind: "lines",
    labels,
    series: [
      { label: t("debrief.chart.asPlayed"), color: 0xd55e00, values: total(actual) },
      { label: t("debrief.chart.allRestrain"), color: 0x009e73, values: total(restrained) },
    ],
    format: money,
    title: t("debrief.chart.restrained"),
  });
}
