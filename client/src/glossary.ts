/**
 * The glossary: every financial term on screen is a button that opens its plain-language
 * definition (both languages, `shared/i18n/glossary.ts`), with every other term one click away.
 */
import { GLOSSARY_TERMS, type GlossaryTerm } from "../../shared/i18n/glossary.ts";
import type { GlossaryDef } from "../../shared/i18n/glossary-defs.ts";
import { lang, t } from "./lang.ts";
import { el, modal } from "./ui.ts";

export { GLOSSARY_TERMS, type GlossaryTerm };

function isTerm(x: string): x is GlossaryTerm {
  return (GLOSSARY_TERMS as readonly string[]).includes(x);
}

let defs: Readonly<Record<GlossaryTerm, GlossaryDef>> | null = null;

/** The definitions, loaded once on first use (a chunk of their own: they are most of the glossary's text). */
async function loadDefs(): Promise<Readonly<Record<GlossaryTerm, GlossaryDef>>> {
  defs ??= (await import("../../shared/i18n/glossary-defs.ts")).GLOSSARY_DEFS;
  return defs;
}

/** Opens the glossary at `term` (or at its first entry). */
export function openGlossary(term?: string): void {
  void loadDefs().then((d) => showGlossary(d, term));
}

function showGlossary(d: Readonly<Record<GlossaryTerm, GlossaryDef>>, term?: string): void {
  const L = lang();
  const body = el("div", { class: "cp-glossary" });
  const show = (k: GlossaryTerm) => {
    const list = el(
      "nav",
      { class: "cp-glossary-list", "aria-label": t("glossary.all") },
      ...GLOSSARY_TERMS.map((g) => {
        const b = el("button", {
          type: "button",
          class: g === k ? "cp-chip now" : "cp-chip",
          testid: `glossary-term-${g}`,
          "aria-pressed": g === k ? "true" : "false",
          text: t(`glossary.${g}`),
        });
        b.addEventListener("click", () => {
          show(g);
          body.querySelector<HTMLElement>(`[data-testid="glossary-term-${g}"]`)?.focus();
        });
        return b;
      }),
    );
    body.replaceChildren(
      el(
        "article",
        { class: "cp-glossary-entry", testid: "glossary-entry", "aria-live": "polite" },
        el("h3", { text: t(`glossary.${k}`) }),
        el("p", { text: d[k].def[L] }),
        el("p", { class: "cp-muted", text: d[k].ex[L] }),
      ),
      el("h4", { text: t("glossary.all") }),
      list,
    );
  };
  show(term && isTerm(term) ? term : (GLOSSARY_TERMS[0] as GlossaryTerm));
  modal(t("glossary.title"), body, t("howto.close"), "glossary", { wide: true });
}

/** A term on screen: a button that opens its glossary entry (`label` defaults to the term's name). */
export function termLink(term: string, label?: string): HTMLButtonElement {
  const text = label ?? t(`glossary.${term}`);
  const q = text === "?";
  const b = el("button", {
    type: "button",
    class: q ? "cp-q" : "cp-term",
    testid: q ? undefined : `term-${term}`,
    "data-term": term,
    "aria-haspopup": "dialog",
    "aria-label": q ? t("glossary.what", { term: t(`glossary.${term}`) }) : undefined,
    text,
  });
  b.addEventListener("click", (e) => {
    e.preventDefault();
    e.stopPropagation();
    openGlossary(term);
  });
  return b;
}
