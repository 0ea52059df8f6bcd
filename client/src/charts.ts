/** Minimal charts drawn with Phaser graphics: grouped bars and lines, with an optional reference line. */
import * as Phaser from "phaser";
import { COLORS, CSS, FONT } from "./theme.ts";

export interface Series {
  label: string;
  color: number;
  values: readonly (number | null)[];
}

export interface ChartOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  labels: readonly string[];
  series: readonly Series[];
  format: (v: number) => string;
  refLine?: { value: number; label: string };
  kind?: "bars" | "lines";
  /** A caption drawn at the chart's top right. */
  title?: string;
}

function label(scene: Phaser.Scene, x: number, y: number, s: string, color: string, size = 13, originX = 0): Phaser.GameObjects.Text {
  const t = scene.add.text(x, y, s, { fontFamily: FONT, fontSize: `${size}px`, color });
  t.setResolution(2);
  t.setOrigin(originX, 0.5);
  return t;
}

/** Draws into `into`; returns nothing — the container owns every object it creates. */
export function drawChart(scene: Phaser.Scene, into: Phaser.GameObjects.Container, o: ChartOpts): void {
  const g = scene.add.graphics();
  into.add(g);
  const left = o.x + 64;
  const right = o.x + o.w - 8;
  const top = o.y + 24;
  const bottom = o.y + o.h - 22;
  // null = no figure for that quarter (e.g. AI revenue before the match): nothing is drawn there.
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null)).concat(o.refLine ? [o.refLine.value] : []);
  let max = Math.max(1, ...all.map((v) => Math.abs(v)));
  const min = Math.min(0, ...all);
  max = max * 1.08;
  const span = max - min || 1;
  const yOf = (v: number) => bottom - ((v - min) / span) * (bottom - top);

  // Legend.
  let lx = o.x + 4;
  for (const s of o.series) {
    g.fillStyle(s.color, 1);
    g.fillRect(lx, o.y + 4, 12, 12);
    const t = label(scene, lx + 16, o.y + 10, s.label, CSS.text, 13);
    into.add(t);
    lx += 24 + t.width + 12;
  }
  if (o.title) into.add(label(scene, o.x + o.w - 4, o.y + 10, o.title, CSS.muted, 13, 1));
  if (o.labels.length === 0 && !o.refLine) return;
  // Axes and gridlines.
  g.lineStyle(1, COLORS.line, 1);
  for (let i = 0; i <= 3; i++) {
    const v = min + (span / 1.08) * (i / 3);
    const y = yOf(v);
    g.lineBetween(left, y, right, y);
    into.add(label(scene, left - 6, y, o.format(v), CSS.muted, 12, 1));
  }
  const n = Math.max(1, o.labels.length);
  const slot = (right - left) / n;
  if (o.kind === "lines") {
    for (const s of o.series) {
      g.lineStyle(3, s.color, 1);
      const pts = s.values.flatMap((v, i) => (v === null ? [] : [new Phaser.Math.Vector2(left + slot * (i + 0.5), yOf(v))]));
      if (pts.length > 1) g.strokePoints(pts, false);
      g.fillStyle(s.color, 1);
      for (const p of pts) g.fillCircle(p.x, p.y, 3.5);
    }
  } else {
    const k = Math.max(1, o.series.length);
    const bw = Math.max(3, Math.min(36, (slot * 0.8) / k));
    o.series.forEach((s, si) => {
      g.fillStyle(s.color, 1);
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = left + slot * i + (slot - bw * k) / 2 + si * bw;
        const y0 = yOf(0);
        const y1 = yOf(v);
        g.fillRect(x, Math.min(y0, y1), bw - 1, Math.max(1, Math.abs(y1 - y0)));
      });
    });
  }
  // Category labels (thinned so they never overlap).
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((right - left) / 56))));
  o.labels.forEach((l, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    const t = label(scene, left + slot * (i + 0.5), bottom + 11, l, CSS.muted, 12, 0.5);
    into.add(t);
  });
  if (o.refLine) {
    const y = yOf(o.refLine.value);
    g.lineStyle(2, COLORS.hurdle, 0.9);
    for (let x = left; x < right; x += 14) g.lineBetween(x, y, Math.min(right, x + 8), y);
    const t = label(scene, right - 4, y - 10, o.refLine.label, CSS.text, 13, 1);
    into.add(t);
  }
}
