/** Switches the client's language in a test (lang.ts remembers it in localStorage when there is one). */
import { setLang } from "../../client/src/lang.ts";
import type { Lang } from "../../shared/i18n/index.ts";

export function setLangForTest(l: Lang): void {
  const g = globalThis as { document?: unknown };
  if (!g.document) g.document = { documentElement: {} };
  setLang(l);
}
