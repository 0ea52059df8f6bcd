/**
 * The lesson in words, generated from the match's own numbers: who gained by racing, who was the
 * sucker, what the race cost the industry against all-restrain, whether the payoffs formed a
 * prisoner's dilemma, and the ending by the documents' tests. Each line is an i18n key of
 * `shared/i18n/debrief.ts` with typed parameters; which key is chosen follows the numbers' signs.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { EndingVerdict } from "../engine/types.ts";
import type { LessonLine, LessonValue, PayoffMatrix, SeatPayoff, Welfare } from "./types.ts";

const company = (id: CompanyId): LessonValue => ({ kind: "company", id });
const companies = (ids: readonly CompanyId[]): LessonValue => ({ kind: "companies", ids });
const scoreV = (bp: number): LessonValue => ({ kind: "score", bp });
const points = (bp: number): LessonValue => ({ kind: "points", bp: Math.abs(bp) });
const money = (m: number): LessonValue => ({ kind: "money", m });
const ratio = (bp: number): LessonValue => ({ kind: "ratio", bp });
const count = (n: number): LessonValue => ({ kind: "count", n });

function line(key: string, params: Record<string, LessonValue> = {}): LessonLine {
  return { key: `debrief.lesson.${key}`, params };
}

/** Largest by `f`, ties to the earlier seat (canonical order), or undefined. */
function best(rows: readonly SeatPayoff[], f: (r: SeatPayoff) => number): SeatPayoff | undefined {
  let out: SeatPayoff | undefined;
  for (const r of rows) if (!out || f(r) > f(out)) out = r;
  return out;
}

function endingLines(v: EndingVerdict, restrained: EndingVerdict): LessonLine[] {
  const out: LessonLine[] = [];
  if (v.cloud2) out.push(line("ending.cloud2", { coverage: ratio(v.aiCoverageBp) }));
  if (v.globalCrossing) {
    out.push(line("ending.gc"));
    if (v.defaulted.length > 0) out.push(line("ending.gc.defaulted", { companies: companies(v.defaulted) }));
    if (v.belowRiskFree.length > 0) out.push(line("ending.gc.belowRiskFree", { companies: companies(v.belowRiskFree), riskFree: scoreV(v.riskFreeBp) }));
    if (v.windowShut) out.push(line("ending.gc.window"));
  }
  if (!v.cloud2 && !v.globalCrossing) out.push(line("ending.neither", { coverage: ratio(v.aiCoverageBp) }));
  const kind = restrained.cloud2 && restrained.globalCrossing ? "both" : restrained.cloud2 ? "cloud2" : restrained.globalCrossing ? "gc" : "neither";
  out.push(line(`ending.restrained.${kind}`, { coverage: ratio(restrained.aiCoverageBp) }));
  return out;
}

export function lessonLines(payoff: PayoffMatrix, w: Welfare, verdict: EndingVerdict, restrainedVerdict: EndingVerdict): LessonLine[] {
  const rows = payoff.seats;
  const out: LessonLine[] = [];
  const racers = rows.filter((r) => r.raced);
  const holders = rows.filter((r) => !r.raced);

  // Who gained by racing: seats that raced and scored more than restraining alone would have given them.
  const gainers = racers.filter((r) => r.P > r.S).sort((a, b) => b.racingGainBp - a.racingGainBp);
  const top = gainers[0];
  if (racers.length === 0) out.push(line("noRace", { n: count(rows.length) }));
  else if (top) {
    out.push(line("gain", { company: company(top.company), actual: scoreV(top.P), alone: scoreV(top.S), gain: points(top.P - top.S) }));
    if (gainers.length > 1) out.push(line("gainOthers", { companies: companies(gainers.slice(1).map((r) => r.company)) }));
  } else out.push(line("gainNone", { companies: companies(racers.map((r) => r.company)) }));

  // The sucker: held back while others raced, and ended below where all-restrain would have left it.
  if (racers.length > 0) {
    const suckers = holders.filter((r) => r.P < r.R).sort((a, b) => a.P - a.R - (b.P - b.R));
    const sucker = suckers[0];
    if (sucker)
      out.push(
        line("sucker", {
          company: company(sucker.company),
          capex: ratio(sucker.capexVsRestraintBp),
          actual: scoreV(sucker.P),
          restrained: scoreV(sucker.R),
          loss: points(sucker.R - sucker.P),
        }),
      );
    else if (holders.length > 0) out.push(line("suckerSpared", { companies: companies(holders.map((r) => r.company)) }));
    else {
      const would = best(
        rows.filter((r) => r.P > r.S),
        (r) => r.P - r.S,
      );
      if (would) out.push(line("suckerWouldBe", { company: company(would.company), alone: scoreV(would.S), actual: scoreV(would.P) }));
      else out.push(line("suckerNone"));
    }
  }

  // What the race cost the industry, in dollars, against all-restrain.
  const n = count(rows.length);
  if (w.raceCostValue > 0)
    out.push(line("industryLost", { n, cost: money(w.raceCostValue), actual: money(w.actual.value), restrained: money(w.allRestrain.value) }));
  else if (w.raceCostValue < 0)
    out.push(line("industryGained", { n, gain: money(-w.raceCostValue), actual: money(w.actual.value), restrained: money(w.allRestrain.value) }));
  else out.push(line("industryEven", { n, actual: money(w.actual.value) }));
  out.push(
    line("profit", {
      actual: money(w.actual.netIncome),
      restrained: money(w.allRestrain.netIncome),
      ratio: ratio(w.actual.profitToCapexBp),
      restrainedRatio: ratio(w.allRestrain.profitToCapexBp),
    }),
  );

  // The temptation: racing while every rival restrains.
  const tempted = best(
    rows.filter((r) => r.T > r.R),
    (r) => r.T - r.R,
  );
  if (tempted) out.push(line("temptation", { company: company(tempted.company), race: scoreV(tempted.T), restrained: scoreV(tempted.R) }));
  else out.push(line("temptationNone"));

  // The dilemma, seat by seat.
  if (payoff.dilemmaSeats.length === rows.length) out.push(line("dilemmaAll", { n }));
  else if (payoff.dilemmaSeats.length > 0)
    out.push(line("dilemmaSome", { k: count(payoff.dilemmaSeats.length), n, companies: companies(payoff.dilemmaSeats) }));
  else out.push(line("dilemmaNone"));

  out.push(...endingLines(verdict, restrainedVerdict));
  return out;
}
