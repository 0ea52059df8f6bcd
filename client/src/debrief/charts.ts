import type { Debrief } from "../../../shared/debrief/types.ts";
import { chartElement } from "../charts.ts";
import { industryChart, seatLinesChart } from "../chart-sets.ts";
import { lang, t } from "../lang.ts";
import { formatMoney, formatPrice } from "../format.ts";
import { quarterTick } from "../model.ts";
import { SERIES } from "../theme.ts";
import { el } from "../ui.ts";
import { companyName } from "./text.ts";

const W = 770;
const H = 345;

export function chartsPage(d: Debrief): HTMLElement {
  const L = lang();
  const labels = d.history.map((q) => quarterTick(q.year, q.q));
  const seats = d.config.seats;
  // Looked up here rather than through shared/debrief/runs.ts, which would pull the engine's AI into the main chunk.
  const actual = d.runs.find((r) => r.kind === "actual");
  const restrained = d.runs.find((r) => r.kind === "allRestrain");
  const money = (v: number) => formatMoney(Math.round(v), L);
  const total = (run: typeof actual) => labels.map((_, i) => seats.reduce((s, id) => s + (run?.series.capex[id]?.[i] ?? 0), 0));
  const common = { w: W, h: H, labels, xTitle: t("chart.quarter") };
  return el(
    "div",
    { class: "cp-debrief-charts", testid: "debrief-charts" },
    seatLinesChart({
      ...common,
      seats: seats.map((id) => ({ id, label: companyName(id), values: actual?.series.capex[id] ?? [] })),
      format: money,
      title: t("debrief.chart.capex"),
      yTitle: t("chart.perQuarter"),
      testid: "debrief-chart-capex",
    }),
    seatLinesChart({
      ...common,
      seats: seats.map((id) => ({ id, label: companyName(id), values: actual?.series.sharePriceCents[id] ?? [] })),
      format: (v) => formatPrice(Math.round(v), L),
      title: t("debrief.chart.price"),
      yTitle: t("chart.perShare"),
      testid: "debrief-chart-price",
    }),
    industryChart({
      ...common,
      capexAnnual: d.history.map((q) => q.industryCapex * 4),
      aiRevenueAnnual: d.history.map((q) => q.industryAiRevenue * 4),
      format: money,
      title: t("debrief.chart.hurdle"),
      testid: "debrief-chart-hurdle",
    }),
    chartElement({
      ...common,
      kind: "lines",
      series: [
        { label: t("debrief.chart.asPlayed"), color: SERIES.debt, values: total(actual) },
        { label: t("debrief.chart.allRestrain"), color: SERIES.cash, values: total(restrained) },
      ],
      format: money,
      title: t("debrief.chart.restrained"),
      yTitle: t("chart.perQuarter"),
      testid: "debrief-chart-restrained",
    }),
  );
}
