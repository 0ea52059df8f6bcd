/**
 * Number formatting for the board: money arrives in whole $M, rates and shares in bp, share
 * prices in cents (the engine's units). English uses $B / $T; Chinese uses 亿 / 万亿 美元.
 */
import type { Lang } from "../../shared/i18n/index.ts";

const MINUS = "−";

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return digits > 0 ? s.replace(/\.?0+$/, "") || "0" : s;
}

function withSign(neg: boolean, body: string): string {
  return neg ? MINUS + body : body;
}

/** $M → "$950M", "$2.45B", "$37.5B", "$650B", "$1.25T" (en) or "9.5亿美元", "6500亿美元", "1.25万亿美元" (zh-CN). */
export function formatMoney(millions: number, lang: Lang = "en"): string {
  if (!Number.isFinite(millions)) return "—";
  const neg = millions < 0;
  const m = Math.abs(millions);
  if (m === 0) return lang === "zh-CN" ? "0美元" : "$0";
  if (lang === "zh-CN") {
    const yi = m / 100; // 1亿 = $100M
    if (yi >= 10_000) return withSign(neg, `${fixed(yi / 10_000, 2)}万亿美元`);
    if (yi >= 100) return withSign(neg, `${fixed(yi, 0)}亿美元`);
    if (yi >= 1) return withSign(neg, `${fixed(yi, 1)}亿美元`);
    return withSign(neg, `${fixed(m, 0)}百万美元`);
  }
  if (m >= 1_000_000) return withSign(neg, `$${fixed(m / 1_000_000, 2)}T`);
  if (m >= 100_000) return withSign(neg, `$${fixed(m / 1000, 0)}B`);
  if (m >= 10_000) return withSign(neg, `$${fixed(m / 1000, 1)}B`);
  if (m >= 1000) return withSign(neg, `$${fixed(m / 1000, 2)}B`);
  return withSign(neg, `$${fixed(m, 0)}M`);
}

/** bp → "12.5%" (at most `digits` decimals, trailing zeros dropped). */
export function formatPercent(bp: number, digits = 1): string {
  if (!Number.isFinite(bp)) return "—";
  const body = fixed(Math.abs(bp) / 100, digits);
  return withSign(bp < 0 && body !== "0", `${body}%`);
}

/** bp change → "+4.2%" / "−12%": always signed, for price moves. */
export function formatChange(bp: number, digits = 1): string {
  const p = formatPercent(bp, digits);
  return bp > 0 ? `+${p}` : p;
}

/** Share price in cents → "$412.35". */
export function formatPrice(cents: number): string {
  if (!Number.isFinite(cents)) return "—";
  const neg = cents < 0;
  const c = Math.abs(Math.round(cents));
  const dollars = Math.floor(c / 100);
  const rest = String(c % 100).padStart(2, "0");
  return withSign(neg, `$${groupThousands(dollars)}.${rest}`);
}

/** MW → "850 MW", "12.4 GW". */
export function formatMw(mw: number): string {
  if (!Number.isFinite(mw)) return "—";
  const neg = mw < 0;
  const m = Math.abs(mw);
  if (m >= 1000) return withSign(neg, `${fixed(m / 1000, 1)} GW`);
  return withSign(neg, `${fixed(m, 0)} MW`);
}

export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** $M → a number of $B for an input field, one decimal (what a person types). */
export function millionsToBillions(m: number): number {
  return Math.round(m / 100) / 10;
}

/** A person's "$B" input → whole $M inside [min, max]; NaN or empty → min. */
export function billionsToMillions(input: string | number, min: number, max: number): number {
  const x = typeof input === "number" ? input : Number.parseFloat(String(input).replace(",", "."));
  if (!Number.isFinite(x)) return min;
  const m = Math.round(x * 1000);
  return m < min ? min : Math.min(m, max);
}

/** Seconds → "m:ss". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
