/** The player's language: remembered in localStorage; text comes only from shared/i18n. */
import { isLang, translate, TABLES, type Lang, type Params } from "../../shared/i18n/index.ts";

const KEY = "cp.lang";

function initial(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage blocked: fall through
  }
  const nav = typeof navigator !== "undefined" ? navigator.language : "en";
  return nav.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

let current: Lang = initial();

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = l;
}

export function t(key: string, params?: Params): string {
  return translate(current, key, params);
}

/** Every character the Chinese table uses: loading these makes the web font cover all UI text. */
export function allText(l: Lang): string {
  return [...new Set(Object.values(TABLES[l]).join(""))].join("");
}
