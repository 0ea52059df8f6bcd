/**
 * One palette and one type scale for the whole client.
 *
 * Fills (bars, lines, seat marks) use the Okabe–Ito colours, safe for the common colour-vision
 * deficiencies. Text never uses a fill colour directly: every colour in `CSS` and `SEAT_TEXT`
 * reaches WCAG AA (4.5:1) on every surface in `SURFACES` (tests/client/theme.test.ts checks it).
 */
import type { CompanyId } from "../../shared/engine/ids.ts";

export const FONT = '"Noto Sans SC", "Noto Sans", sans-serif';

/** The design canvas: scenes lay out in these pixels; Phaser scales them to the window (FIT). */
export const W = 1600;
export const H = 900;

/**
 * The smallest text size in design pixels: at 1280×720 the canvas is scaled by 0.8, so 15 design
 * px render at 12 CSS px, the floor the e2e check enforces on every screen.
 */
export const MIN_FONT_PX = 15;

/** The type scale in design px (CSS custom properties of the same names live in style.css). */
export const FONT_PX = { xs: 15, s: 16, m: 18, l: 22, xl: 28, xxl: 40, hero: 64 } as const;

export const COLORS = {
  bg: 0x0e1621,
  panel: 0x172230,
  panelHi: 0x1f2e40,
  line: 0x2c3e52,
  text: 0xe8edf3,
  muted: 0x9fb0c3,
  good: 0x009e73,
  bad: 0xd55e00,
  warn: 0xf0e442,
  hurdle: 0xffffff,
  dark: 0x3a3f47,
} as const;

/** Backgrounds text is drawn on: page, panel, highlighted row, inset (inputs, preview box). */
export const SURFACES = {
  bg: "#0e1621",
  panel: "#172230",
  panelHi: "#1f2e40",
  inset: "#0e1621",
} as const;

/** Text colours, each ≥ 4.5:1 on every surface above. */
export const CSS = {
  text: "#e8edf3",
  muted: "#9fb0c3",
  good: "#2fbf8f",
  bad: "#ff7a3d",
  warn: "#f0e442",
  accent: "#6cb6ff",
} as const;

/** Fills for the seats' bars, lines and marks (not for text: some are below 4.5:1). */
export const SEAT_COLORS: Readonly<Record<CompanyId, number>> = {
  microsoft: 0x0072b2,
  amazon: 0xe69f00,
  alphabet: 0x009e73,
  meta: 0xcc79a7,
  oracle: 0xd55e00,
  apple: 0x56b4e9,
  tesla: 0xf0e442,
};

/** The same hues lightened for text, each ≥ 4.5:1 on every surface. */
export const SEAT_TEXT: Readonly<Record<CompanyId, string>> = {
  microsoft: "#6cb6ff",
  amazon: "#e69f00",
  alphabet: "#2fbf8f",
  meta: "#e39bc4",
  oracle: "#ff8a4c",
  apple: "#a6dcf7",
  tesla: "#f0e442",
};

/** Fills for the common series (capex, AI revenue, …), shared by every chart. */
export const SERIES = {
  capex: 0xe69f00,
  aiRevenue: 0x56b4e9,
  fcf: 0xcc79a7,
  cash: 0x009e73,
  debt: 0xd55e00,
  nvidia: 0x0072b2,
  custom: 0xcc79a7,
} as const;

/** Seat icons: shape + colour, so seats differ even in greyscale. */
export const SEAT_ICONS: Readonly<Record<CompanyId, string>> = {
  microsoft: "■",
  amazon: "▲",
  alphabet: "●",
  meta: "◆",
  oracle: "★",
  apple: "⬟",
  tesla: "✚",
};

export function hex(c: number): string {
  return `#${c.toString(16).padStart(6, "0")}`;
}

/** Text colour of a seat (falls back to the body text colour for an unknown id). */
export function seatText(id: string): string {
  return (SEAT_TEXT as Record<string, string>)[id] ?? CSS.text;
}

/** Fill colour of a seat as CSS. */
export function seatFill(id: string): string {
  const c = (SEAT_COLORS as Record<string, number>)[id];
  return c === undefined ? CSS.muted : hex(c);
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(color: string): number {
  const n = Number.parseInt(color.replace("#", ""), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
