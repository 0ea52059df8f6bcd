/** One palette for the whole client. Seat colours are Okabe–Ito (safe for the common colour-vision deficiencies). */
import type { CompanyId } from "../../shared/engine/ids.ts";

export const FONT = '"Noto Sans SC", "Noto Sans", sans-serif';

export const COLORS = {
  bg: 0x0e1621,
  panel: 0x172230,
  panelHi: 0x1f2e40,
  line: 0x2c3e52,
  text: 0xe8edf3,
  muted: 0x8fa0b3,
  good: 0x009e73,
  bad: 0xd55e00,
  warn: 0xf0e442,
  hurdle: 0xffffff,
  dark: 0x3a3f47,
} as const;

export const CSS = {
  text: "#e8edf3",
  muted: "#8fa0b3",
  good: "#2fbf8f",
  bad: "#ff7a3d",
  warn: "#f0e442",
  accent: "#56b4e9",
} as const;

export const SEAT_COLORS: Readonly<Record<CompanyId, number>> = {
  microsoft: 0x0072b2,
  amazon: 0xe69f00,
  alphabet: 0x009e73,
  meta: 0xcc79a7,
  oracle: 0xd55e00,
  apple: 0x56b4e9,
  tesla: 0xf0e442,
};

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

export const W = 1600;
export const H = 900;
