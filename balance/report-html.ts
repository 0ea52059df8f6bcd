/** balance/report/index.html: the target table and the charts, self-contained (inline SVG + CSS). */
import type { CompanyId } from "../shared/engine/index.ts";
import type { BalanceRun } from "./run.ts";
import { ANCHORED, anchoredH, anchoredR } from "./dilemma.ts";
import type { GameAnalysis } from "./dilemma.ts";
import { RULES, SEATS } from "./plan.ts";
import { barChart, esc, heatmap, lineChart } from "./svg.ts";
import type { Series } from "./svg.ts";
import { isBull, ruleStats } from "./targets.ts";
import { mean } from "./stats.ts";
import type { MatchSummary, SeatSummary } from "./types.ts";

const COLORS: Readonly<Record<string, string>> = { microsoft: "#1f77b4", amazon: "#ff7f0e", alphabet: "#2ca02c", meta: "#9467bd" };
const NAMES: Readonly<Record<string, string>> = { microsoft: "Microsoft", amazon: "Amazon", alphabet: "Alphabet", meta: "Meta" };

/** Mean over runs of a per-quarter series. */
function meanSeries(runs: readonly MatchSummary[], f: (s: MatchSummary) => readonly number[]): number[] {
  const n = runs[0] ? f(runs[0]).length : 0;
  return Array.from({ length: n }, (_, i) => mean(runs.map((s) => f(s)[i] ?? Number.NaN)));
}
const seat = (s: MatchSummary, id: CompanyId): SeatSummary => s.seats.find((x) => x.id === id)!;
const sum4 = (s: MatchSummary, f: (x: SeatSummary) => readonly number[]): number[] => {
  const n = s.quarters.length;
  return Array.from({ length: n }, (_, i) => s.seats.reduce((a, x) => a + (f(x)[i] ?? 0), 0));
};
const qLabel = (q: { year: number; q: number }): string => (q.q === 1 ? String(q.year) : `Q${q.q}`);
const toBn = (xs: readonly number[], k = 1): number[] => xs.map((x) => (x * k) / 1000);

function capexChart(runs: readonly MatchSummary[], restrain: readonly MatchSummary[]): string {
  const first = runs[0];
  if (!first) return "";
  const pre = first.preQuarters.map((_, i) => first.seats.reduce((a, x) => a + (x.preCapex[i] ?? 0), 0) * 4);
  const preRev = first.preQuarters.map(() => Number.NaN);
  const capex = meanSeries(runs, (s) => sum4(s, (x) => x.series.capex)).map((v) => v * 4);
  const capexR = meanSeries(restrain, (s) => sum4(s, (x) => x.series.capex)).map((v) => v * 4);
  const rev = meanSeries(runs, (s) => s.industry.aiRevenue).map((v) => v * 4);
  const pad = first.preQuarters.map(() => Number.NaN);
  return lineChart({
    title: "Four-titan capex vs industry AI revenue (annualised, $B) against the $600B / $650B hurdles",
    xLabels: [...first.preQuarters, ...first.quarters].map(qLabel),
    series: [
      { name: "capex, all invest", color: "#d62728", values: toBn([...pre, ...capex]) },
      { name: "capex, all restrain", color: "#d62728", dashed: true, values: toBn([...pad, ...capexR]) },
      { name: "AI revenue (industry)", color: "#2ca02c", values: toBn([...preRev, ...rev]) },
    ],
    hlines: [
      { y: 600, label: "$600B Sequoia" },
      { y: 650, label: "$650B JPMorgan", color: "#900" },
    ],
    yLabel: "$B per year",
    matchStart: first.preQuarters.length,
    width: 820,
  });
}

function perCompanyChart(runs: readonly MatchSummary[], title: string, f: (x: SeatSummary) => readonly number[]): string {
  const first = runs[0];
  if (!first) return "";
  const series: Series[] = SEATS.map((id) => ({ name: NAMES[id] ?? id, color: COLORS[id] ?? "#000", values: toBn(meanSeries(runs, (s) => f(seat(s, id)))) }));
  return lineChart({ title, xLabels: first.quarters.map(qLabel), series, yLabel: "$B" });
}

function cliffChart(runs: readonly MatchSummary[], scenario: string): string {
  const first = runs[0];
  if (!first) return "";
  return lineChart({
    title: `Depreciation vs AI revenue, four titans, ${scenario} ($B per quarter)`,
    xLabels: first.quarters.map(qLabel),
    series: [
      { name: "depreciation (all)", color: "#8c564b", values: toBn(meanSeries(runs, (s) => sum4(s, (x) => x.series.depreciation))) },
      { name: "AI depreciation", color: "#8c564b", dashed: true, values: toBn(meanSeries(runs, (s) => sum4(s, (x) => x.series.aiDepreciation))) },
      { name: "AI revenue (seats)", color: "#2ca02c", values: toBn(meanSeries(runs, (s) => sum4(s, (x) => x.series.aiRevenue))) },
    ],
    yLabel: "$B",
  });
}

function strandedChart(runs: readonly MatchSummary[]): string {
  const first = runs[0];
  if (!first) return "";
  const series: Series[] = SEATS.map((id) => ({
    name: NAMES[id] ?? id,
    color: COLORS[id] ?? "#000",
    values: meanSeries(runs, (s) => seat(s, id).series.strandedMw),
  }));
  series.push({ name: "all four", color: "#777", dashed: true, values: meanSeries(runs, (s) => sum4(s, (x) => x.series.strandedMw)) });
  const share = meanSeries(runs, (s) => {
    const st = sum4(s, (x) => x.series.strandedMw);
    const inst = sum4(s, (x) => x.series.installedMw);
    return st.map((v, i) => (100 * v) / Math.max(1, inst[i] ?? 0));
  });
  return (
    lineChart({ title: "Stranded compute: installed servers without power (MW), all invest", xLabels: first.quarters.map(qLabel), series, yLabel: "MW" }) +
    lineChart({
      title: "Stranded share of installed compute (%), all four",
      xLabels: first.quarters.map(qLabel),
      series: [{ name: "stranded %", color: "#444", values: share }],
      yLabel: "%",
    })
  );
}

const pp = (bp: number): string => `${(bp / 100).toFixed(1)}`;

function payoffHeatmap(g: GameAnalysis, label: string): string {
  const rows = g.perSeat.map((a) => NAMES[a.seat] ?? a.seat);
  const cells = g.perSeat.map((a) => [
    { value: a.T.mean, text: `${pp(a.T.mean)} ±${pp(a.T.ci)}` },
    { value: a.R.mean, text: `${pp(a.R.mean)} ±${pp(a.R.ci)}` },
    { value: a.P.mean, text: `${pp(a.P.mean)} ±${pp(a.P.ci)}` },
    { value: a.S.mean, text: `${pp(a.S.mean)} ±${pp(a.S.ci)}` },
    { value: 0, text: `${a.normalised.T.toFixed(2)} / ${a.normalised.S.toFixed(2)}` },
  ]);
  return heatmap({
    title: `Payoffs per seat (TSR %, 95% CI), ${label}`,
    rows,
    cols: ["T (I invest alone)", "R (all restrain)", "P (all invest)", "S (I restrain alone)", "norm. T / S"],
    cells,
    cellW: 130,
  });
}

function gameHeatmap(g: GameAnalysis, label: string): string {
  const nash = new Set(g.nash);
  const rows = g.profiles.map((p) => `${nash.has(p.profile) ? "★ " : ""}${p.profile}`);
  const cells = g.profiles.map((p) => p.payoff.map((e, i) => ({ value: e.mean, text: `${p.profile[i]} ${pp(e.mean)}`, mark: nash.has(p.profile) })));
  return heatmap({ title: `2^4 policy game, ${label} (★ = Nash)`, rows, cols: SEATS.map((s) => NAMES[s] ?? s), cells, cellW: 110, cellH: 22 });
}

function bestResponseTable(g: GameAnalysis): string {
  const head = `<tr><th>seat</th>${[0, 1, 2, 3].map((k) => `<th>k = ${k}: invest / restrain (gain)</th>`).join("")}<th>dominant</th></tr>`;
  const rows = g.perSeat
    .map(
      (a) =>
        `<tr><td>${esc(NAMES[a.seat] ?? a.seat)}</td>${a.bestResponses
          .map((b) => `<td class="${b.investBest ? "ok" : "bad"}">${pp(b.invest)} / ${pp(b.restrain)} (${pp(b.invest - b.restrain)})</td>`)
          .join("")}<td class="${a.dominant ? "ok" : "bad"}">${a.dominant ? "yes" : "no"}</td></tr>`,
    )
    .join("");
  const anchored = `<tr><td><i>anchored (CAL-GT-06)</i></td>${[0, 1, 2, 3].map((k) => `<td>${anchoredH(k).toFixed(2)} / ${anchoredR(k).toFixed(2)}</td>`).join("")}<td>yes</td></tr>`;
  return `<table>${head}${rows}${anchored}</table>`;
}

function endingsChart(run: BalanceRun): string {
  const { bull, bear } = run.dataset.endings;
  const n = bull.length || 1;
  const cnt = (f: (b: boolean, r: boolean) => boolean): number => bull.filter((b, i) => f(b, bear[i]!)).length;
  const bars = [
    { label: "bull only", value: cnt((b, r) => b && !r), color: "#2ca02c" },
    { label: "bear only", value: cnt((b, r) => !b && r), color: "#d62728" },
    { label: "both", value: cnt((b, r) => b && r), color: "#bcbd22" },
    { label: "neither", value: cnt((b, r) => !b && !r), color: "#7f7f7f" },
  ].map((b) => ({ ...b, note: `${b.value} (${((100 * b.value) / n).toFixed(0)}%)` }));
  const why = new Map<string, number>();
  for (const w of run.dataset.endings.bearWhy) if (w) why.set(w, (why.get(w) ?? 0) + 1);
  const whyBars = [...why].map(([label, value], i) => ({ label, value, color: ["#d62728", "#ff9896", "#e377c2"][i % 3]!, note: String(value) }));
  return (
    barChart({ title: `Endings over ${bull.length} seeds, all four on the guidance path`, bars }) +
    (whyBars.length ? barChart({ title: "First bear condition met (seeds)", bars: whyBars, width: 420 }) : "")
  );
}

function scoreDistribution(runs: readonly MatchSummary[]): string {
  const bins = [-60, -40, -20, 0, 20, 40, 60, 80, 100];
  const all = runs.flatMap((s) => s.seats.map((x) => x.scoreBp / 100));
  const counts = bins
    .slice(0, -1)
    .map((lo, i) => ({ label: `${lo}…${bins[i + 1]}`, value: all.filter((v) => v >= lo && v < bins[i + 1]!).length, color: "#1f77b4" }));
  counts.unshift({ label: "< -60", value: all.filter((v) => v < -60).length, color: "#1f77b4" });
  counts.push({ label: "≥ 100", value: all.filter((v) => v >= 100).length, color: "#1f77b4" });
  return barChart({ title: "Distribution of seat scores (TSR %), all invest", bars: counts, width: 640 });
}

function rulesTable(run: BalanceRun): string {
  const rows = RULES.map((r) => {
    const s = ruleStats(run.dataset, r);
    return `<tr><td>${esc(r)}</td><td>${(100 * s.winRate).toFixed(0)}%</td><td>${pp(s.edge.mean)} ±${pp(s.edge.ci)}</td><td>${pp(s.vsGuide)}</td></tr>`;
  }).join("");
  return `<table><tr><th>fixed rule (one seat; rivals on the guidance path)</th><th>wins</th><th>edge over the field (TSR pp)</th><th>vs the same seat on the guidance path (pp)</th></tr>${rows}</table>`;
}

export function renderReport(run: BalanceRun, meta: { totalSeconds: number }): string {
  const g = run.dataset.groups;
  const flat = g.get("dilemma-flat") ?? [];
  const allH = flat.filter((s) => !s.job.label.includes("R"));
  const allR = flat.filter((s) => !s.job.label.includes("H"));
  const build = g.get("buildout") ?? [];
  const core = run.results.filter((r) => r.core);
  const failed = core.filter((r) => !r.pass).length;
  const bullShare = allH.length ? allH.filter(isBull).length / allH.length : Number.NaN;
  const rows = run.results
    .map(
      (r) =>
        `<tr class="${r.pass ? "ok" : "bad"}"><td>${r.group}</td><td><code>${esc(r.id)}</code>${r.core ? "" : " <small>(extra)</small>"}</td><td>${esc(r.description)}<br><small>${esc(r.figures.join(", "))}</small></td><td>${esc(r.expected)}</td><td>${esc(r.got)}</td><td>${r.pass ? "PASS" : "FAIL"}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Capital Purgatory — balance report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
tr.ok td:last-child,td.ok{background:#e7f7e7}tr.bad td:last-child,td.bad{background:#fde2e2}
svg{background:#fff;margin:8px 8px 8px 0;border:1px solid #eee}svg .t{font-size:13px;font-weight:600}svg .s{font-size:10px}svg .m{font-size:11px;font-family:monospace}
.grid{display:flex;flex-wrap:wrap}small{color:#666}
</style></head><body>
<h1>Capital Purgatory — balance report</h1>
<p>${run.matches} matches (${run.seeds} seeds per dilemma profile, 16 profiles × flat and consensus-capped restraint, plus SCN-CONS, The Build-out, fixed-rule and probe runs) on ${run.workers} worker thread(s):
simulation ${run.simSeconds.toFixed(1)} s, full report ${meta.totalSeconds.toFixed(1)} s. Core targets: <b>${core.length - failed}/${core.length} pass</b>.
Scenario "The Reckoning" (2026 Q1, 12 quarters) SCN-GUIDE unless noted; Invest-heavy = the documented guidance path, Restrain = capex at the 2024 level (or growth capped at +35%).</p>

<h2>Targets (GAME.md §7, calibration.md ids)</h2>
<table><tr><th>group</th><th>id</th><th>what it checks</th><th>expected</th><th>got</th><th>result</th></tr>
${rows}
</table>

<h2>Capex vs AI revenue vs the hurdle</h2>
${capexChart(allH, allR)}

<h2>Free cash flow and net debt per company (all invest)</h2>
<div class="grid">${perCompanyChart(allH, "Free cash flow per quarter ($B)", (x) => x.series.freeCashFlow)}${perCompanyChart(allH, "Net debt, end of quarter ($B)", (x) => x.series.netDebt)}</div>

<h2>Depreciation vs AI revenue (the cliff)</h2>
<div class="grid">${cliffChart(build, "The Build-out (2025–2027)")}${cliffChart(allH, "The Reckoning (2026–2028)")}</div>

<h2>Stranded compute</h2>
<div class="grid">${strandedChart(allH)}</div>

<h2>The dilemma: T / R / P / S per seat</h2>
<p>T = I invest while all rivals restrain; R = all restrain; P = all invest; S = I restrain while all rivals invest. The last column maps each seat's matrix affinely so that P → 0.7 and R → 2.5 (CAL-GT-06's documented cells) and shows T / S against the anchored ${ANCHORED.T} / ${ANCHORED.S}.</p>
<div class="grid">${payoffHeatmap(run.dataset.games.flat, "flat restraint")}${payoffHeatmap(run.dataset.games.capped, "consensus-capped restraint")}</div>
<p>Industry profit ÷ capex over the match: all restrain (flat) ${run.dataset.multiples.allRestrainFlat.mean.toFixed(2)}, all restrain (capped) ${run.dataset.multiples.allRestrainCapped.mean.toFixed(2)}, all invest ${run.dataset.multiples.allInvest.mean.toFixed(2)} (documents: 2–3× and 0.69).</p>
<h3>Best responses for k rivals investing (mean TSR %, flat restraint)</h3>
${bestResponseTable(run.dataset.games.flat)}
<h3>Best responses (consensus-capped restraint)</h3>
${bestResponseTable(run.dataset.games.capped)}

<h2>The 2^4 policy game</h2>
<p>Mean TSR % per seat for every Invest (H) / Restrain (R) profile, seat order ${SEATS.map((s) => NAMES[s]).join(", ")}; ★ and a black frame mark the pure Nash equilibria (no seat gains by switching alone).</p>
<div class="grid">${gameHeatmap(run.dataset.games.flat, "flat restraint")}${gameHeatmap(run.dataset.games.capped, "capped restraint")}</div>

<h2>Endings over seeds</h2>
<div class="grid">${endingsChart(run)}</div>
<p>Bull share ${(100 * bullShare).toFixed(1)}%. ${scoreDistribution(allH)}</p>

<h2>No dominant trick</h2>
${rulesTable(run)}
</body></html>
`;
}
