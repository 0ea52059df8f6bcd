/** Tiny inline-SVG chart helpers for the balance report (no library, no CDN). */

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
  readonly dashed?: boolean;
}

export interface HLine {
  readonly y: number;
  readonly label: string;
  readonly color?: string;
}

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

const fmtTick = (v: number): string =>
  Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(Math.abs(v) >= 10_000 ? 0 : 1)}k` : Number.isInteger(v) ? String(v) : v.toFixed(1);

export function lineChart(opts: {
  title: string;
  xLabels: readonly string[];
  series: readonly Series[];
  hlines?: readonly HLine[];
  yLabel?: string;
  width?: number;
  height?: number;
  /** Index from which x values are "in the match" (shades the pre-filled history). */
  matchStart?: number;
}): string {
  const W = opts.width ?? 640;
  const H = opts.height ?? 300;
  const L = 60;
  const R = 150;
  const T = 30;
  const B = 40;
  const all = [...opts.series.flatMap((s) => s.values.filter(Number.isFinite)), ...(opts.hlines ?? []).map((h) => h.y), 0];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= lo < 0 ? pad : 0;
  hi += pad;
  const n = opts.xLabels.length;
  const x = (i: number): number => L + (n <= 1 ? 0 : (i * (W - L - R)) / (n - 1));
  const y = (v: number): number => T + ((hi - v) * (H - T - B)) / (hi - lo);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">`);
  parts.push(`<text x="${L}" y="18" class="t">${esc(opts.title)}</text>`);
  if (opts.matchStart !== undefined && opts.matchStart > 0) {
    parts.push(`<rect x="${L}" y="${T}" width="${x(opts.matchStart) - L}" height="${H - T - B}" fill="#f2f2f2"/>`);
    parts.push(`<text x="${L + 4}" y="${T + 12}" class="s">pre-filled history</text>`);
  }
  for (const t of niceTicks(lo, hi)) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`);
    parts.push(`<text x="${L - 6}" y="${y(t) + 4}" text-anchor="end" class="s">${fmtTick(t)}</text>`);
  }
  if (lo < 0 && hi > 0) parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(0)}" y2="${y(0)}" stroke="#888"/>`);
  const every = Math.max(1, Math.ceil(n / 12));
  opts.xLabels.forEach((lab, i) => {
    if (i % every === 0) parts.push(`<text x="${x(i)}" y="${H - B + 16}" text-anchor="middle" class="s">${esc(lab)}</text>`);
  });
  if (opts.yLabel)
    parts.push(
      `<text x="12" y="${T + (H - T - B) / 2}" class="s" transform="rotate(-90 12 ${T + (H - T - B) / 2})" text-anchor="middle">${esc(opts.yLabel)}</text>`,
    );
  for (const h of opts.hlines ?? []) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(h.y)}" y2="${y(h.y)}" stroke="${h.color ?? "#c00"}" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${L + 4}" y="${y(h.y) - 3}" class="s" fill="${h.color ?? "#c00"}">${esc(h.label)}</text>`);
  }
  opts.series.forEach((s, k) => {
    const pts = s.values.map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null)).filter((p): p is string => p !== null);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="5 3"' : ""} points="${pts.join(" ")}"/>`);
    const ly = T + 14 + k * 16;
    parts.push(
      `<line x1="${W - R + 4}" x2="${W - R + 22}" y1="${ly + 40}" y2="${ly + 40}" stroke="${s.color}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="5 3"' : ""}/>`,
    );
    parts.push(`<text x="${W - R + 26}" y="${ly + 44}" class="s">${esc(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

export function barChart(opts: {
  title: string;
  bars: readonly { label: string; value: number; color: string; note?: string }[];
  width?: number;
  height?: number;
  max?: number;
  unit?: string;
}): string {
  const W = opts.width ?? 520;
  const H = opts.height ?? 240;
  const L = 40;
  const T = 30;
  const B = 50;
  const max = opts.max ?? Math.max(1, ...opts.bars.map((b) => b.value));
  const bw = (W - L - 20) / Math.max(1, opts.bars.length);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">`,
    `<text x="${L}" y="18" class="t">${esc(opts.title)}</text>`,
  ];
  opts.bars.forEach((b, i) => {
    const h = ((H - T - B) * Math.max(0, b.value)) / max;
    const x0 = L + i * bw + bw * 0.15;
    parts.push(`<rect x="${x0}" y="${H - B - h}" width="${bw * 0.7}" height="${h}" fill="${b.color}"/>`);
    parts.push(`<text x="${x0 + bw * 0.35}" y="${H - B - h - 4}" text-anchor="middle" class="s">${esc(b.note ?? `${b.value}${opts.unit ?? ""}`)}</text>`);
    parts.push(`<text x="${x0 + bw * 0.35}" y="${H - B + 16}" text-anchor="middle" class="s">${esc(b.label)}</text>`);
  });
  parts.push(`<line x1="${L}" x2="${W - 20}" y1="${H - B}" y2="${H - B}" stroke="#888"/>`);
  parts.push("</svg>");
  return parts.join("");
}

/** Diverging colour for a value in [lo, hi] with 0 (or the midpoint) white. */
export function heat(v: number, lo: number, hi: number): string {
  if (!Number.isFinite(v)) return "#eee";
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const t = Math.max(-1, Math.min(1, v / m));
  const c = (a: number): string =>
    Math.round(255 - a * 150)
      .toString(16)
      .padStart(2, "0");
  return t >= 0 ? `#${c(t)}${"ff"}${c(t)}` : `#ff${c(-t)}${c(-t)}`;
}

export function heatmap(opts: {
  title: string;
  rows: readonly string[];
  cols: readonly string[];
  cells: readonly (readonly { value: number; text: string; mark?: boolean }[])[];
  cellW?: number;
  cellH?: number;
  rowLabelW?: number;
}): string {
  const cw = opts.cellW ?? 110;
  const ch = opts.cellH ?? 28;
  const rl = opts.rowLabelW ?? 90;
  const T = 46;
  const W = rl + cw * opts.cols.length + 10;
  const H = T + ch * opts.rows.length + 10;
  const vals = opts.cells
    .flat()
    .map((c) => c.value)
    .filter(Number.isFinite);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(0, ...vals);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">`,
    `<text x="4" y="18" class="t">${esc(opts.title)}</text>`,
  ];
  opts.cols.forEach((c, j) => void parts.push(`<text x="${rl + j * cw + cw / 2}" y="${T - 8}" text-anchor="middle" class="s">${esc(c)}</text>`));
  opts.rows.forEach((r, i) => {
    parts.push(`<text x="${rl - 6}" y="${T + i * ch + ch / 2 + 4}" text-anchor="end" class="m">${esc(r)}</text>`);
    opts.cells[i]?.forEach((cell, j) => {
      parts.push(
        `<rect x="${rl + j * cw}" y="${T + i * ch}" width="${cw - 2}" height="${ch - 2}" fill="${heat(cell.value, lo, hi)}" ${cell.mark ? 'stroke="#000" stroke-width="2"' : ""}/>`,
      );
      parts.push(`<text x="${rl + j * cw + cw / 2}" y="${T + i * ch + ch / 2 + 4}" text-anchor="middle" class="s">${esc(cell.text)}</text>`);
    });
  });
  parts.push("</svg>");
  return parts.join("");
}

export interface StackPart {
  readonly name: string;
  readonly color: string;
  /** One value per x position; positive parts stack up from 0, negative parts down. */
  readonly values: readonly number[];
}

/**
 * Diverging stacked bars: at each x the positive parts stack above 0 and the negative ones below,
 * in the order given; a black tick marks the total (the sum of the parts) when `totals` is given.
 */
export function stackedBars(opts: {
  title: string;
  xLabels: readonly string[];
  parts: readonly StackPart[];
  totals?: readonly number[];
  yLabel?: string;
  width?: number;
  height?: number;
}): string {
  const W = opts.width ?? 640;
  const H = opts.height ?? 300;
  const L = 60;
  const R = 130;
  const T = 30;
  const B = 40;
  const n = opts.xLabels.length;
  const up = Array.from({ length: n }, (_, i) => opts.parts.reduce((a, p) => a + Math.max(0, p.values[i] ?? 0), 0));
  const down = Array.from({ length: n }, (_, i) => opts.parts.reduce((a, p) => a + Math.min(0, p.values[i] ?? 0), 0));
  let hi = Math.max(0, ...up, ...(opts.totals ?? []).filter(Number.isFinite));
  let lo = Math.min(0, ...down, ...(opts.totals ?? []).filter(Number.isFinite));
  if (hi === lo) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  hi += pad;
  lo -= lo < 0 ? pad : 0;
  const bw = (W - L - R) / Math.max(1, n);
  const y = (v: number): number => T + ((hi - v) * (H - T - B)) / (hi - lo);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">`,
    `<text x="${L}" y="18" class="t">${esc(opts.title)}</text>`,
  ];
  for (const t of niceTicks(lo, hi)) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`);
    parts.push(`<text x="${L - 6}" y="${y(t) + 4}" text-anchor="end" class="s">${fmtTick(t)}</text>`);
  }
  for (let i = 0; i < n; i++) {
    const x0 = L + i * bw + bw * 0.15;
    let pos = 0;
    let neg = 0;
    for (const p of opts.parts) {
      const v = p.values[i] ?? 0;
      if (!Number.isFinite(v) || v === 0) continue;
      const from = v > 0 ? pos : neg;
      const to = from + v;
      if (v > 0) pos = to;
      else neg = to;
      const top = y(Math.max(from, to));
      const h = Math.abs(y(from) - y(to));
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${top.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${p.color}"><title>${esc(`${opts.xLabels[i]} ${p.name}: ${v.toFixed(2)}`)}</title></rect>`,
      );
    }
    const tot = opts.totals?.[i];
    if (tot !== undefined && Number.isFinite(tot))
      parts.push(
        `<line x1="${(x0 - 2).toFixed(1)}" x2="${(x0 + bw * 0.7 + 2).toFixed(1)}" y1="${y(tot).toFixed(1)}" y2="${y(tot).toFixed(1)}" stroke="#000" stroke-width="2.5"/>`,
      );
    parts.push(`<text x="${(x0 + bw * 0.35).toFixed(1)}" y="${H - B + 16}" text-anchor="middle" class="s">${esc(opts.xLabels[i] ?? "")}</text>`);
  }
  parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(0)}" y2="${y(0)}" stroke="#888"/>`);
  if (opts.yLabel)
    parts.push(
      `<text x="12" y="${T + (H - T - B) / 2}" class="s" transform="rotate(-90 12 ${T + (H - T - B) / 2})" text-anchor="middle">${esc(opts.yLabel)}</text>`,
    );
  const legend = [
    ...opts.parts.map((p) => ({ name: p.name, color: p.color, line: false })),
    ...(opts.totals ? [{ name: "total move", color: "#000", line: true }] : []),
  ];
  legend.forEach((p, k) => {
    const ly = T + 6 + k * 16;
    parts.push(
      p.line
        ? `<line x1="${W - R + 8}" x2="${W - R + 20}" y1="${ly + 5}" y2="${ly + 5}" stroke="#000" stroke-width="2.5"/>`
        : `<rect x="${W - R + 8}" y="${ly}" width="12" height="10" fill="${p.color}"/>`,
    );
    parts.push(`<text x="${W - R + 26}" y="${ly + 9}" class="s">${esc(p.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
