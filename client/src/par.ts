/**
 * The handicap score on screen (issue 11): a score in swings ("+1.3 swings") and the sentence a
 * teacher can read out ("Microsoft beat its par of +12% by 1.3 swings"). A score row carries its
 * par only under the handicap scoring (shared/engine/score.ts), so every other scoring shows as
 * before: a signed percentage.
 */
import type { CompanyId, ParLevel, Scoring } from "../../shared/engine/ids.ts";
import type { SeatPar } from "../../shared/engine/types.ts";
import { formatChange, formatPercent } from "./format.ts";
import { t } from "./lang.ts";
import { el } from "./ui.ts";
import "./par.css";

/** What a score line needs: the score, and the par it counts from under the handicap. */
export interface ScoredSeat {
  readonly company: CompanyId;
  readonly scoreBp: number;
  readonly tsrBp: number;
  readonly defaulted: boolean;
  readonly par?: SeatPar;
}

const MINUS = "−";

/** Swings in bp of a swing → "1.3" (unsigned). */
function swings(bp: number): string {
  return (Math.abs(bp) / 10_000).toFixed(1);
}

/**
 * A score as the screens show it: "+1.3 swings" under the handicap (a row with a par, or
 * `scoring` = "handicap"), otherwise the signed percentage it always was.
 */
export function formatScore(scoreBp: number, handicap: boolean | Scoring | undefined): string {
  const isHandicap = handicap === true || handicap === "handicap";
  if (!isHandicap) return formatChange(scoreBp);
  const body = swings(scoreBp);
  const sign = body === "0.0" ? "" : scoreBp > 0 ? "+" : MINUS;
  return t("par.swings", { n: `${sign}${body}` });
}

/** "Microsoft beat its par of +12% by 1.3 swings" (or missed / matched / defaulted); null without a par. */
export function parSentence(s: ScoredSeat): string | null {
  if (!s.par) return null;
  const company = t(`company.${s.company}`);
  if (s.defaulted) return t("par.defaulted", { company });
  const par = formatChange(s.par.parBp);
  const n = swings(s.scoreBp);
  if (n === "0.0") return t("par.matched", { company, par });
  return t(s.scoreBp > 0 ? "par.beat" : "par.missed", { company, par, swings: n });
}

/** The same without the company's name, after "Microsoft wins · ": "beat its par of +12% by 1.3 swings". */
export function parClause(s: ScoredSeat): string | null {
  if (!s.par || s.defaulted) return null;
  const par = formatChange(s.par.parBp);
  const n = swings(s.scoreBp);
  if (n === "0.0") return t("par.short.matched", { par });
  return t(s.scoreBp > 0 ? "par.short.beat" : "par.short.missed", { par, swings: n });
}

/**
 * The handicap explained, with one sentence per seat in rank order and its figures underneath:
 * null when the scores carry no par (another scoring, or no quarter played).
 */
export function parPanel(scores: readonly (ScoredSeat & { readonly rank: number })[], quarters: number, level: ParLevel): HTMLElement | null {
  const rows = [...scores].filter((s) => s.par).sort((a, b) => a.rank - b.rank);
  if (rows.length === 0) return null;
  return el(
    "section",
    { class: "cp-panel cp-par", testid: "par-panel", "aria-label": t("par.title") },
    el("h2", { text: t("par.title") }),
    el(
      "ol",
      { class: "cp-par-lines" },
      ...rows.map((s) =>
        el(
          "li",
          { "data-company": s.company, testid: `par-line-${s.company}` },
          el("span", { class: s.scoreBp > 0 ? "cp-good" : s.scoreBp < 0 ? "cp-bad" : "", text: parSentence(s) ?? "" }),
          el("span", {
            class: "cp-muted cp-par-detail",
            text: t("par.detail", { tsr: formatChange(s.tsrBp), par: formatChange(s.par!.parBp), swing: formatPercent(s.par!.swingBp) }),
          }),
        ),
      ),
    ),
    el("p", { class: "cp-note", text: t("par.explain", { n: quarters, level: t(`difficulty.${level}`).toLowerCase() }) }),
  );
}
