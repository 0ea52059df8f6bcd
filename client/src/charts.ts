/**
 * Charts as DOM: an SVG for the marks, HTML for every word and number (legend, round tick values,
 * axis titles), so text stays sharp at any scale, reads in both languages, and is checked for
 * contrast and size like the rest of the page. `chartElement` returns a node any screen can place;
 * `drawChart` places one into a Phaser container (the older call shape).
 */
import type * as Phaser from "phaser";
import { FONT, hex, SURFACES } from "./theme.ts";
import { niceTicks } from "./format.ts";

export interface Series {
  label: string;
  color: number;
  /** null = no figure for that category (e.g. AI revenue before the match): nothing is drawn there. */
  values: readonly (number | null)[];
}

export interface ChartOpts {
  w: number;
  h: number;
  /** Category labels along the x axis (quarters). */
  labels: readonly string[];
  series: readonly Series[];
  /** Formats tick values and tooltips (e.g. money in the player's language). */
  format: (v: number) => string;
  refLine?: { value: number; label: string };
  kind?: "bars" | "lines";
  /** Chart title, drawn at the top left. */
  title?: string;
  /** What the y values are (unit and period), drawn above the y axis: "$ per quarter". */
  yTitle?: string;
  /** What the categories are: "Quarter". */
  xTitle?: string;
  /** Background the chart sits on (its labels carry it, so they read on any surface). */
  surface?: string;
  testid?: string;
}

const NS = "http://www.w3.org/2000/svg";
const TICK_PX = 15;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
}

function span(text: string, style: string, cls = "cp-chart-label"): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  s.setAttribute("style", style);
  return s;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width of a label in px: measured with the page's font where a canvas is available, else estimated (CJK glyphs are square). */
export function labelWidth(text: string, px = TICK_PX, bold = false): number {
  if (measurer === undefined) measurer = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (measurer) {
    measurer.font = `${bold ? "700 " : ""}${px}px ${FONT}`;
    return Math.ceil(measurer.measureText(text).width);
  }
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? px : px * 0.58;
  return Math.ceil(w);
}

/** Which category labels to show so none overlaps: every k-th, always the last. */
export function thinLabels(labels: readonly string[], slotPx: number, px = TICK_PX): boolean[] {
  const widest = Math.max(1, ...labels.map((l) => labelWidth(l, px) + 10));
  const every = Math.max(1, Math.ceil(widest / Math.max(1, slotPx)));
  const n = labels.length;
  return labels.map((_, i) => (n - 1 - i) % every === 0);
}

/** A complete chart: title and legend on top, round ticks with a y-axis title, thinned category labels with an x-axis title. */
export function chartElement(o: ChartOpts): HTMLElement {
  const surface = o.surface ?? SURFACES.panel;
  const root = document.createElement("figure");
  root.className = "cp-chart";
  root.setAttribute("style", `width:${o.w}px;height:${o.h}px;background:${surface};--surface:${surface}`);
  if (o.testid) root.setAttribute("data-testid", o.testid);

  // Header: title, then the legend.
  const head = document.createElement("figcaption");
  head.className = "cp-chart-head";
  if (o.title) head.append(span(o.title, "", "cp-chart-title"));
  const legend = document.createElement("span");
  legend.className = "cp-chart-legend";
  for (const s of o.series) {
    const item = document.createElement("span");
    item.className = "cp-chart-key";
    const sw = document.createElement("i");
    sw.setAttribute("style", `background:${hex(s.color)}`);
    sw.setAttribute("aria-hidden", "true");
    item.append(sw, s.label);
    legend.append(item);
  }
  if (o.refLine) {
    const item = document.createElement("span");
    item.className = "cp-chart-key";
    const sw = document.createElement("i");
    sw.className = "cp-chart-dash";
    sw.setAttribute("aria-hidden", "true");
    item.append(sw, o.refLine.label);
    legend.append(item);
  }
  head.append(legend);
  root.append(head);

  const values = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const all = values.concat(o.refLine ? [o.refLine.value] : []);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 4);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const tickText = ticks.map((v) => o.format(v));

  // The header wraps when title and legend outrun the width: estimate its lines so the plot starts below it.
  const headW =
    (o.title ? labelWidth(o.title, 16, true) + 14 : 0) +
    o.series.reduce((w, s) => w + labelWidth(s.label) + 31, 0) +
    (o.refLine ? labelWidth(o.refLine.label) + 35 : 0);
  const headH = 28 * Math.max(1, Math.ceil(headW / Math.max(1, o.w - 16)));
  const yTitleH = o.yTitle ? 28 : 8;
  const xLabelH = 22;
  const xTitleH = o.xTitle ? 22 : 0;
  const left = Math.max(...tickText.map((t) => labelWidth(t)), 24) + 12;
  const right = 10;
  const top = headH + yTitleH;
  const plotW = Math.max(20, o.w - left - right);
  const plotH = Math.max(20, o.h - top - xLabelH - xTitleH - 6);
  const yOf = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;

  if (o.yTitle) root.append(span(o.yTitle, `left:${left}px;top:${headH}px`, "cp-chart-label cp-chart-axis"));
  const plot = svg("svg", { width: o.w, height: o.h, viewBox: `0 0 ${o.w} ${o.h}`, "aria-hidden": "true", class: "cp-chart-svg" });
  ticks.forEach((v, i) => {
    const y = yOf(v);
    plot.append(svg("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: v === 0 ? "#5b6f86" : "#2c3e52", "stroke-width": 1 }));
    root.append(span(tickText[i] ?? "", `right:${o.w - left + 6}px;top:${y - 12}px;text-align:right`));
  });

  const n = Math.max(1, o.labels.length);
  const slot = plotW / n;
  const title = (label: string, s: Series, v: number) => {
    const t = svg("title", {});
    t.textContent = `${label} · ${s.label}: ${o.format(v)}`;
    return t;
  };
  if (o.kind === "lines") {
    for (const s of o.series) {
      let path = "";
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) {
          path += " ";
          return;
        }
        const x = left + slot * (i + 0.5);
        const cmd = path.endsWith(" ") || path === "" ? "M" : "L";
        path += `${cmd}${x.toFixed(1)},${yOf(v).toFixed(1)}`;
      });
      const d = path.replace(/ +/g, " ").trim();
      if (d) plot.append(svg("path", { d, fill: "none", stroke: hex(s.color), "stroke-width": 3, "stroke-linejoin": "round" }));
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return;
        const c = svg("circle", { cx: left + slot * (i + 0.5), cy: yOf(v), r: 3.5, fill: hex(s.color) });
        c.append(title(o.labels[i] ?? "", s, v));
        plot.append(c);
      });
    }
  } else {
    const k = Math.max(1, o.series.length);
    const bw = Math.max(3, Math.min(28, (slot * 0.8) / k));
    o.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return;
        const x = left + slot * i + (slot - bw * k) / 2 + si * bw;
        const y0 = yOf(0);
        const y1 = yOf(v);
        const r = svg("rect", {
          x: x.toFixed(1),
          y: Math.min(y0, y1).toFixed(1),
          width: Math.max(1, bw - 1),
          height: Math.max(1, Math.abs(y1 - y0)),
          fill: hex(s.color),
        });
        r.append(title(o.labels[i] ?? "", s, v));
        plot.append(r);
      });
    });
  }
  if (o.refLine) {
    const y = yOf(o.refLine.value);
    plot.append(svg("line", { x1: left, x2: left + plotW, y1: y, y2: y, stroke: "#ffffff", "stroke-width": 2, "stroke-dasharray": "8 6" }));
  }
  root.insertBefore(plot, root.children[1] ?? null);

  const show = thinLabels(o.labels, slot);
  o.labels.forEach((l, i) => {
    if (!show[i]) return;
    const cx = left + slot * (i + 0.5);
    const w = labelWidth(l) + 8;
    root.append(span(l, `left:${Math.max(0, Math.min(o.w - w, cx - w / 2))}px;width:${w}px;top:${top + plotH + 4}px;text-align:center`));
  });
  if (o.xTitle)
    root.append(span(o.xTitle, `left:${left}px;width:${plotW}px;top:${top + plotH + xLabelH + 2}px;text-align:center`, "cp-chart-label cp-chart-axis"));
  return root;
}

/** Places a chart at (x, y) of a scene, inside `into` (so destroying the container removes it). */
export function drawChart(scene: Phaser.Scene, into: Phaser.GameObjects.Container, o: ChartOpts & { x: number; y: number }): void {
  const wrap = document.createElement("div");
  wrap.append(chartElement(o));
  into.add(scene.add.dom(o.x, o.y, wrap).setOrigin(0, 0));
}
