/**
 * The charts several screens draw (board, statements, replay viewer, debrief), set up once: the
 * industry's capex against its AI revenue under the hurdle line, one line per seat, and a seat's
 * cash against its debt. A screen passes its size, data and test id; the series, colours, hurdle
 * and axis titles are the same everywhere.
 */
import type { CompanyId } from "../../shared/engine/ids.ts";
import { DOC_FIGURES } from "../../shared/debrief/figures.ts";
import { chartElement, type ChartOpts } from "./charts.ts";
import { t } from "./lang.ts";
import { SEAT_COLORS, SERIES } from "./theme.ts";

/** $600B a year: the Sequoia hurdle (figure hurdle_sequoia_600), the industry chart's reference line. */
export const HURDLE_ANNUAL_M = DOC_FIGURES.hurdle_sequoia_600.lo;

type Frame = Pick<ChartOpts, "w" | "h" | "labels" | "format" | "title" | "xTitle" | "testid">;

/** The industry's capex against its AI revenue, both a year's worth, under the hurdle the AI revenue must clear. */
export function industryChart(
  o: Frame & { capexAnnual: readonly (number | null)[]; aiRevenueAnnual: readonly (number | null)[]; capexLabel?: string; aiRevenueLabel?: string },
): HTMLElement {
  const { capexAnnual, aiRevenueAnnual, capexLabel, aiRevenueLabel, ...frame } = o;
  return chartElement({
    xTitle: t("chart.quarter"),
    yTitle: t("chart.perYear"),
    ...frame,
    series: [
      { label: capexLabel ?? t("board.industryCapexShort"), color: SERIES.capex, values: capexAnnual },
      { label: aiRevenueLabel ?? t("board.aiRevenue"), color: SERIES.aiRevenue, values: aiRevenueAnnual },
    ],
    refLine: { value: HURDLE_ANNUAL_M, label: t("board.hurdle") },
  });
}

/** One line per seat in the seat's colour (share prices, capex paths). */
export function seatLinesChart(
  o: Frame & { seats: readonly { id: CompanyId; label: string; values: readonly (number | null)[] }[]; yTitle?: string },
): HTMLElement {
  const { seats, ...frame } = o;
  return chartElement({
    xTitle: t("chart.quarter"),
    ...frame,
    kind: "lines",
    series: seats.map((s) => ({ label: s.label, color: SEAT_COLORS[s.id] ?? 0xffffff, values: s.values })),
  });
}

/** A seat's cash against its debt at each quarter's end. */
export function cashDebtChart(o: Frame & { cash: readonly number[]; debt: readonly number[] }): HTMLElement {
  const { cash, debt, ...frame } = o;
  return chartElement({
    title: t("chart.cash"),
    xTitle: t("chart.quarter"),
    yTitle: t("chart.atQuarterEnd"),
    ...frame,
    series: [
      { label: t("stmt.cash"), color: SERIES.cash, values: cash },
      { label: t("stmt.debt"), color: SERIES.debt, values: debt },
    ],
  });
}
