/** The debrief's typed values as text in the current language, through format.ts and the i18n tables. */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { LessonLine, LessonValue, RealityRow } from "../../../shared/debrief/types.ts";
import { lang, t } from "../lang.ts";
import { formatChange, formatMoney, formatPercent } from "../format.ts";

export function companyName(id: CompanyId): string {
  return t(`company.${id}`);
}

/** "Microsoft, Amazon and Meta" / "微软、亚马逊和Meta". */
export function companyList(ids: readonly CompanyId[]): string {
  const names = ids.map(companyName);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(t("debrief.listSep"))}${t("debrief.and")}${names[names.length - 1]}`;
}

/** bp → "0.68×". */
export function formatRatio(bp: number): string {
  return `${(bp / 10_000).toFixed(2)}×`;
}

/** A difference of two scores, bp → "12.3 points" / "12.3个百分点". */
export function formatPoints(bp: number): string {
  return t("debrief.points", { value: formatPercent(Math.abs(bp), 1).replace("%", "") });
}

export function formatValue(v: LessonValue): string {
  switch (v.kind) {
    case "company":
      return companyName(v.id);
    case "companies":
      return companyList(v.ids);
    case "score":
      return formatChange(v.bp, 1);
    case "points":
      return formatPoints(v.bp);
    case "money":
      return formatMoney(v.m, lang());
    case "ratio":
      return formatRatio(v.bp);
    case "count":
      return String(v.n);
  }
}

export function lessonText(l: LessonLine): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(l.params)) params[k] = formatValue(v);
  return t(l.key, params);
}

export function realityLabel(r: RealityRow): string {
  return t(`debrief.reality.${r.id}`, r.company ? { company: companyName(r.company) } : {});
}

/** A value of a "what really happened" row in the row's unit (moves signed, shares plain). */
export function realityValue(r: RealityRow, v: number): string {
  switch (r.unit) {
    case "money":
      return formatMoney(v, lang());
    case "bp":
      return r.id.endsWith("Move") ? formatChange(v, 1) : formatPercent(v, 1);
    case "ratio":
      return formatRatio(v);
    case "count":
      return String(v);
  }
}

export function realityDoc(r: RealityRow): string {
  if (r.id === "fcf4") return `≈ ${realityValue(r, 0)}`;
  return r.doc.lo === r.doc.hi ? realityValue(r, r.doc.lo) : `${realityValue(r, r.doc.lo)} – ${realityValue(r, r.doc.hi)}`;
}

export function realityMatch(r: RealityRow): string {
  if (r.match === null) return "—";
  const base = realityValue(r, r.match);
  return r.unit === "count" && r.companies && r.companies.length > 0 ? `${base} (${companyList(r.companies)})` : base;
}
