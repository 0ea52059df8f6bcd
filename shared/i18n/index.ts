/** Translation tables (en, zh-CN) and a tiny `{param}` interpolator. Pure: no I/O, no globals. */
import { en, type MessageKey } from "./en.ts";
import { zhCN } from "./zh-CN.ts";
import { AI_STRINGS } from "./ai.ts";
import { CREDIT_STRINGS } from "./credit.ts";
import { DEBRIEF_STRINGS } from "./debrief.ts";
import { ECONOMY_STRINGS } from "./economy.ts";
import { REPLAY_STRINGS } from "./replay.ts";
import { GLOSSARY_STRINGS } from "./glossary.ts";
import { CLASSROOM_STRINGS } from "./classroom.ts";
import { TENOR_STRINGS } from "./tenor.ts";
import { PAR_STRINGS } from "./par.ts";
import { CHIPS_STRINGS } from "./chips.ts";
import { LIMIT_STRINGS } from "./limits.ts";
import type { BilingualString } from "./bilingual.ts";

export { en, zhCN, AI_STRINGS };
export type { MessageKey };

export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Feature tables: each feature keeps its strings in its own module as `{ key: { en, "zh-CN" } }`
 * (like `ai.ts`), so features never edit the same table. Register a new one here.
 */
const FEATURE_TABLES: readonly Readonly<Record<string, BilingualString>>[] = [
  AI_STRINGS,
  CREDIT_STRINGS,
  DEBRIEF_STRINGS,
  ECONOMY_STRINGS,
  REPLAY_STRINGS,
  GLOSSARY_STRINGS,
  CLASSROOM_STRINGS,
  TENOR_STRINGS,
  PAR_STRINGS,
  CHIPS_STRINGS,
  LIMIT_STRINGS,
];

function withFeatures(base: Readonly<Record<string, string>>, lang: Lang): Readonly<Record<string, string>> {
  const out: Record<string, string> = { ...base };
  for (const table of FEATURE_TABLES)
    for (const [k, v] of Object.entries(table)) {
      if (Object.hasOwn(out, k)) throw new Error(`i18n key ${k} is defined twice`);
      out[k] = v[lang];
    }
  return out;
}

/** The full tables: the main strings plus every feature table. */
export const TABLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: withFeatures(en, "en"),
  "zh-CN": withFeatures(zhCN, "zh-CN"),
};

export type Params = Readonly<Record<string, string | number>>;

export function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

export function hasKey(key: string): boolean {
  return Object.hasOwn(TABLES.en, key);
}

/** Replaces each `{name}` with its parameter; unknown placeholders stay visible so tests catch them. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Looks a key up in `lang`, falling back to English, then to the key itself. */
export function translate(lang: Lang, key: string, params?: Params): string {
  const table = TABLES[lang];
  const template = table[key] ?? TABLES.en[key] ?? key;
  return interpolate(template, params);
}

/** The `{name}` placeholders a template uses, sorted: both languages must agree on them. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""))].sort();
}
