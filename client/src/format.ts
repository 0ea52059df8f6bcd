/**
 * Number formatting: money arrives in whole $M, rates and shares in bp, share prices in cents
 * (the engine's units). One money format per language, the way its financial press writes it:
 * English $M / $B / $T; Chinese 亿美元 throughout (万亿美元 from ten thousand 亿 up), for figures
 * and inputs alike.
 */
import type { Lang } from "../../shared/i18n/index.ts";

const MINUS = "−";

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return digits > 0 ? s.replace(/\.?0+$/, "") || "0" : s;
}

function withSign(neg: boolean, body: string): string {
  return neg && body !== "0" && !/^[^1-9]*$/.test(body) ? MINUS + body : body;
}

/** $M → "$950M", "$2.45B", "$37.5B", "$650B", "$1.25T" (en) or "9.5亿美元", "6500亿美元", "1.25万亿美元", "0.95亿美元" (zh-CN). */
export function formatMoney(millions: number, lang: Lang = "en"): string {
  if (!Number.isFinite(millions)) return "—";
  const neg = millions < 0;
  const m = Math.abs(millions);
  if (lang === "zh-CN") {
    if (m === 0) return "0美元";
    const yi = m / 100; // 1亿 = $100M
    if (yi >= 10_000) return withSign(neg, `${fixed(yi / 10_000, 2)}万亿美元`);
    if (yi >= 100) return withSign(neg, `${fixed(yi, 0)}亿美元`);
    if (yi >= 1) return withSign(neg, `${fixed(yi, 1)}亿美元`);
    return withSign(neg, `${fixed(yi, 2)}亿美元`);
  }
  if (m === 0) return "$0";
  if (m >= 1_000_000) return withSign(neg, `$${fixed(m / 1_000_000, 2)}T`);
  if (m >= 100_000) return withSign(neg, `$${fixed(m / 1000, 0)}B`);
  if (m >= 10_000) return withSign(neg, `$${fixed(m / 1000, 1)}B`);
  if (m >= 1000) return withSign(neg, `$${fixed(m / 1000, 2)}B`);
  return withSign(neg, `$${fixed(m, 0)}M`);
}

/** A signed money change: "+$2.5B" / "−$300M" (zero unsigned). */
export function formatMoneyChange(millions: number, lang: Lang = "en"): string {
  const s = formatMoney(millions, lang);
  return millions > 0 ? `+${s}` : s;
}

/**
 * Thousands of $ per MW (the engine's chip and power prices) → "$38.5M/MW" or, in Chinese, a unit
 * price as the press writes one: "3850万美元/兆瓦" (亿美元 from 1亿 up).
 */
export function formatPerMw(k: number, lang: Lang = "en"): string {
  const m = k / 1000;
  if (lang === "zh-CN") return m >= 100 ? `${fixed(m / 100, 2)}亿美元/兆瓦` : `${fixed(k / 10, k >= 1000 ? 0 : 1)}万美元/兆瓦`;
  return `$${fixed(m, m >= 100 ? 0 : 1)}M/MW`;
}

/** The unit money inputs use in each language: what one typed unit is worth in $M, its label, its step. */
export interface MoneyUnit {
  readonly millions: number;
  readonly label: string;
  readonly step: number;
  /** Decimals that still change the value by a whole $M. */
  readonly decimals: number;
}

export function moneyUnit(lang: Lang): MoneyUnit {
  return lang === "zh-CN" ? { millions: 100, label: "亿美元", step: 1, decimals: 2 } : { millions: 1000, label: "$B", step: 0.1, decimals: 3 };
}

/** $M → the number shown in a money input, exact to the $M (trailing zeros dropped). */
export function toInputUnits(m: number, lang: Lang): string {
  const u = moneyUnit(lang);
  return fixed(m / u.millions, u.decimals);
}

/** A typed amount in the language's input unit → whole $M inside [min, max]; NaN or empty → min. */
export function fromInputUnits(input: string | number, lang: Lang, min: number, max: number): number {
  const x = typeof input === "number" ? input : Number.parseFloat(String(input).replace(",", "."));
  if (!Number.isFinite(x)) return min;
  const m = Math.round(x * moneyUnit(lang).millions);
  return m < min ? min : Math.min(m, max);
}

/** bp → "12.5%" (at most `digits` decimals, trailing zeros dropped). */
export function formatPercent(bp: number, digits = 1): string {
  if (!Number.isFinite(bp)) return "—";
  const body = fixed(Math.abs(bp) / 100, digits);
  return withSign(bp < 0, `${body}%`);
}

/** bp change → "+4.2%" / "−12%": always signed, for price moves. */
export function formatChange(bp: number, digits = 1): string {
  const p = formatPercent(bp, digits);
  return bp > 0 && p !== "0%" ? `+${p}` : p;
}

/** bp → "+35 bp" / "−120 bp": for spreads and price-move parts. */
export function formatBp(bp: number): string {
  if (!Number.isFinite(bp)) return "—";
  const r = Math.round(bp);
  return r > 0 ? `+${groupThousands(r)} bp` : r < 0 ? `${MINUS}${groupThousands(-r)} bp` : "0 bp";
}

/** Share price in cents → "$412.35" (en) or "412.35美元" (zh-CN). */
export function formatPrice(cents: number, lang: Lang = "en"): string {
  if (!Number.isFinite(cents)) return "—";
  const neg = cents < 0;
  const c = Math.abs(Math.round(cents));
  const dollars = Math.floor(c / 100);
  const rest = String(c % 100).padStart(2, "0");
  const body = `${groupThousands(dollars)}.${rest}`;
  return withSign(neg, lang === "zh-CN" ? `${body}美元` : `$${body}`);
}

/** A share price on an axis: whole dollars without cents ("$750", "750美元"), cents only when the tick needs them. */
export function formatPriceTick(cents: number, lang: Lang = "en"): string {
  if (!Number.isFinite(cents)) return "—";
  if (Math.round(cents) % 100 !== 0) return formatPrice(cents, lang);
  const body = groupThousands(Math.abs(Math.round(cents)) / 100);
  return withSign(cents < 0, lang === "zh-CN" ? `${body}美元` : `$${body}`);
}

/** MW → "850 MW", "12.4 GW" (en) or "850兆瓦", "12.4吉瓦" (zh-CN). */
export function formatMw(mw: number, lang: Lang = "en"): string {
  if (!Number.isFinite(mw)) return "—";
  const neg = mw < 0;
  const m = Math.abs(mw);
  const zh = lang === "zh-CN";
  if (m >= 1000) return withSign(neg, zh ? `${fixed(m / 1000, 1)}吉瓦` : `${fixed(m / 1000, 1)} GW`);
  return withSign(neg, zh ? `${fixed(m, 0)}兆瓦` : `${fixed(m, 0)} MW`);
}

/** Leverage in bp of a multiple → "1.4×". */
export function formatMultiple(bp: number): string {
  if (!Number.isFinite(bp)) return "—";
  return `${fixed(bp / 10_000, 1)}×`;
}

export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** $M → a number of $B for an input field, one decimal. Kept for other screens; the board uses `toInputUnits`. */
export function millionsToBillions(m: number): number {
  return Math.round(m / 100) / 10;
}

/** A person's "$B" input → whole $M inside [min, max]; NaN or empty → min. */
export function billionsToMillions(input: string | number, min: number, max: number): number {
  return fromInputUnits(input, "en", min, max);
}

/** Seconds → "m:ss". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Round tick values for an axis spanning [lo, hi]: steps of 1, 2, 2.5 or 5 × 10^k, about
 * `target` of them, always including 0 when the span crosses it.
 */
export function niceTicks(lo: number, hi: number, target = 4): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (a === b) {
    if (a === 0) return [0, 1];
    a = Math.min(0, a);
    b = Math.max(0, b);
  }
  const raw = (b - a) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(a / step + 1e-9) * step;
  const end = Math.ceil(b / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = start, i = 0; v <= end + step / 1e6 && i < 50; v += step, i++) out.push(Math.round(v / step) * step);
  return out.map((v) => (Object.is(v, -0) ? 0 : v));
}
