/** balance/report/index.html: the target table and the charts, self-contained (inline SVG + CSS). */
import type { CompanyId } from "../shared/engine/index.ts";
import { quarterTick } from "../shared/engine/quarters.ts";
import type { BalanceRun } from "./run.ts";
import { ANCHORED, anchoredH, anchoredR } from "./dilemma.ts";
import type { GameAnalysis } from "./dilemma.ts";
import { RULES, SEATS } from "./plan.ts";
import { barChart, esc, heatmap, lineChart, stackedBars } from "./svg.ts";
import type { Series } from "./svg.ts";
import { GROUP_NAMES, ruleStats } from "./targets.ts";
import { mean, quantile, sd, share } from "./stats.ts";
import type { MatchSummary, SeatSummary } from "./types.ts";
import { PRICE_PARTS, type PricePart, surprisePairs } from "./market-targets.ts";
import { distressOf, issuedShare } from "./credit-targets.ts";
import { aiVsRestraint, industryWealth } from "./play-targets.ts";
import { allRestrainRuns, documentedRuns, runsOf } from "./runs.ts";

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
    { label: "Cloud 2.0 only", value: cnt((b, r) => b && !r), color: "#2ca02c" },
    { label: "Global Crossing only", value: cnt((b, r) => !b && r), color: "#d62728" },
    { label: "both", value: cnt((b, r) => b && r), color: "#bcbd22" },
    { label: "neither", value: cnt((b, r) => !b && !r), color: "#7f7f7f" },
  ].map((b) => ({ ...b, note: `${b.value} (${((100 * b.value) / n).toFixed(0)}%)` }));
  const why = new Map<string, number>();
  for (const w of run.dataset.endings.bearWhy) if (w) why.set(w, (why.get(w) ?? 0) + 1);
  const whyBars = [...why].map(([label, value], i) => ({ label, value, color: ["#d62728", "#ff9896", "#e377c2"][i % 3]!, note: String(value) }));
  return (
    barChart({ title: `Endings (the engine's endingVerdict) over ${bull.length} seeds, all four on the guidance path`, bars, width: 620 }) +
    (whyBars.length ? barChart({ title: "Why Global Crossing (first condition, seeds)", bars: whyBars, width: 420 }) : "")
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

const PART_STYLE: Readonly<Record<PricePart, { readonly name: string; readonly color: string }>> = {
  earningsBp: { name: "earnings", color: "#1f77b4" },
  capexBp: { name: "capex", color: "#d62728" },
  positionBp: { name: "position", color: "#2ca02c" },
  creditBp: { name: "credit", color: "#8c564b" },
  sentimentBp: { name: "sentiment", color: "#9467bd" },
  cashBp: { name: "cash", color: "#bcbd22" },
  eventsBp: { name: "events", color: "#ff7f0e" },
  residualBp: { name: "residual", color: "#7f7f7f" },
};

/** Mean of each price-move part per quarter over runs and seats (in %), stacked, with the mean total. */
function decompositionChart(runs: readonly MatchSummary[], ids: readonly CompanyId[], title: string, width = 820): string {
  const first = runs[0];
  if (!first) return "";
  const n = first.quarters.length;
  const avg = (f: (m: SeatSummary["priceMoves"][number]) => number): number[] =>
    Array.from({ length: n }, (_, i) => mean(runs.flatMap((s) => ids.map((id) => f(seat(s, id).priceMoves[i]!)))) / 100);
  return stackedBars({
    title,
    xLabels: first.quarters.map(quarterTick),
    parts: PRICE_PARTS.map((k) => ({ ...PART_STYLE[k], values: avg((m) => m[k]) })),
    totals: avg((m) => m.totalBp),
    yLabel: "% of the quarter's opening price",
    width,
    height: 300,
  });
}

function partsTable(runs: readonly MatchSummary[]): string {
  const all = runs.flatMap((s) => s.seats.flatMap((x) => x.priceMoves));
  const cells = [...PRICE_PARTS, "totalBp" as const].map((k) => {
    const v = all.map((m) => m[k]);
    return `<tr><td>${esc(k === "totalBp" ? "total move" : PART_STYLE[k].name)}</td><td>${(mean(v) / 100).toFixed(2)}</td><td>${(sd(v) / 100).toFixed(2)}</td><td>${(mean(v.map(Math.abs)) / 100).toFixed(2)}</td></tr>`;
  });
  return `<table><tr><th>part (documented path, ${all.length} seat-quarters)</th><th>mean %</th><th>SD %</th><th>mean |part| %</th></tr>${cells.join("")}</table>`;
}

function surpriseTable(run: BalanceRun): string {
  const p = surprisePairs(run.dataset);
  if (p.capex.length === 0) return "";
  return `<p>January-2026 probe (Microsoft's first-quarter capex × 1.23, ${p.capex.length} seeds, paired with the documented path): capex part ${(mean(p.capex) / 100).toFixed(1)}% (SD ${(sd(p.capex) / 100).toFixed(1)}), whole move ${(mean(p.total) / 100).toFixed(1)}% (SD ${(sd(p.total) / 100).toFixed(1)}); the documents: −12% on the day (msft_stock_drop_jan2026).</p>`;
}

/** The four's combined market cap per quarter: 10th / 50th / 90th percentiles over seeds ($T), against the opening. */
function marketCapChart(run: BalanceRun): string {
  const doc = documentedRuns(run.dataset);
  const first = doc[0];
  if (!first) return "";
  const n = first.quarters.length;
  const path = (s: MatchSummary): number[] => [s.start.marketCap, ...s.industry.marketCap].map((v) => v / 1e6);
  const q = (runs: readonly MatchSummary[], p: number): number[] =>
    Array.from({ length: n + 1 }, (_, i) =>
      quantile(
        runs.map((s) => path(s)[i]!),
        p,
      ),
    );
  const restrain = allRestrainRuns(run.dataset);
  const ai = runsOf(run.dataset, "ai-normal");
  const series: Series[] = [
    { name: "all guide p90", color: "#1f77b4", dashed: true, values: q(doc, 0.9) },
    { name: "all guide median", color: "#1f77b4", values: q(doc, 0.5) },
    { name: "all guide p10", color: "#1f77b4", dashed: true, values: q(doc, 0.1) },
    { name: "all restrain median", color: "#2ca02c", values: q(restrain, 0.5) },
  ];
  if (ai.length > 0) series.push({ name: "AI (normal) median", color: "#d62728", values: q(ai, 0.5) });
  return lineChart({
    title: "The four's combined market cap ($T): percentiles over seeds",
    xLabels: ["open", ...first.quarters.map(quarterTick)],
    series,
    hlines: [{ y: first.start.marketCap / 1e6, label: "opening", color: "#555" }],
    yLabel: "$T",
    width: 820,
  });
}

function histogram(title: string, values: readonly number[], edges: readonly number[], color: string, fmtEdge: (x: number) => string, width = 520): string {
  const bars = [
    { label: `< ${fmtEdge(edges[0]!)}`, value: values.filter((v) => v < edges[0]!).length, color },
    ...edges.slice(0, -1).map((lo, i) => ({ label: `${fmtEdge(lo)}…`, value: values.filter((v) => v >= lo && v < edges[i + 1]!).length, color })),
    { label: `≥ ${fmtEdge(edges[edges.length - 1]!)}`, value: values.filter((v) => v >= edges[edges.length - 1]!).length, color },
  ];
  return barChart({ title, bars, width });
}

function capDistribution(run: BalanceRun): string {
  const doc = documentedRuns(run.dataset);
  const ratio = doc.map((s) => s.end.marketCap / s.start.marketCap);
  const withCash = doc.map((s) => industryWealth(s) / s.start.marketCap);
  const gaps = aiVsRestraint(run.dataset).gaps.map((g) => g / 1e6);
  const edges = [0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0];
  return (
    histogram("End ÷ start, the four's market cap (documented path, seeds)", ratio, edges, "#1f77b4", (x) => x.toFixed(1)) +
    histogram("End ÷ start incl. cash returned (documented path)", withCash, edges, "#17becf", (x) => x.toFixed(1)) +
    (gaps.length > 0
      ? histogram(
          "AI play (normal) minus all-restrain, same seed: market cap + cash returned ($T)",
          gaps,
          [-12, -9, -6, -3, 0, 3],
          "#d62728",
          (x) => x.toFixed(0),
          760,
        )
      : "")
  );
}

function creditTable(run: BalanceRun): string {
  const doc = documentedRuns(run.dataset);
  const first = doc[0];
  if (!first) return "";
  const years = [...new Set(first.quarters.map((q) => q.year))];
  const rows = SEATS.map((id) => {
    const cells = years
      .map((y) => {
        const v = mean(doc.map((s) => seat(s, id).bondsByYear[String(y)] ?? 0)) / 1000;
        return `<td>${(100 * issuedShare(doc, id, y)).toFixed(0)}% · ${v.toFixed(1)}</td>`;
      })
      .join("");
    const x = seat(first, id);
    const downgraded = share(doc.map((s) => seat(s, id).finalRating !== seat(s, id).openingRating));
    return `<tr><td>${esc(NAMES[id] ?? id)}</td><td>${esc(x.openingRating)} / ${esc(x.openingTarget)}</td>${cells}<td>${(100 * downgraded).toFixed(0)}%</td></tr>`;
  }).join("");
  const c = distressOf(runsOf(run.dataset, "rules"), "reckless");
  const ig = mean(doc.map((s) => s.industry.aiIgShareBp.at(-1) ?? Number.NaN)) / 100;
  return `<table><tr><th>seat (documented path)</th><th>opening rating / agencies' target</th>${years.map((y) => `<th>${y}: seeds issuing · mean $B</th>`).join("")}<th>rating changed by the end</th></tr>${rows}</table>
<p>AI share of investment-grade debt: ${(first.start.aiIgShareBp / 100).toFixed(1)}% at the opening, ${ig.toFixed(1)}% at the end (mean). Reckless play (one seat, ${c.runs} runs): bridge loans ${c.emergency}, equity raises ${c.equityRaise}, defaults ${c.defaulted}.</p>`;
}

export function renderReport(run: BalanceRun, meta: { totalSeconds: number; sensitivity?: string }): string {
  const g = run.dataset.groups;
  const flat = g.get("dilemma-flat") ?? [];
  const allH = flat.filter((s) => !s.job.label.includes("R"));
  const allR = flat.filter((s) => !s.job.label.includes("H"));
  const build = g.get("buildout") ?? [];
  const core = run.results.filter((r) => r.core);
  const failed = core.filter((r) => !r.pass).length;
  const bullShare = allH.length ? allH.filter((s) => s.ending.cloud2).length / allH.length : Number.NaN;
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
<p>${run.matches} matches (${run.seeds} seeds per dilemma profile, 16 profiles × flat and consensus-capped restraint, plus SCN-CONS, The Build-out, the shipped AI at normal, fixed-rule and probe runs) on ${run.workers} worker thread(s):
simulation ${run.simSeconds.toFixed(1)} s, full report ${meta.totalSeconds.toFixed(1)} s. Core targets: <b>${core.length - failed}/${core.length} pass</b>.
Scenario "The Reckoning" (2026 Q1, 12 quarters) SCN-GUIDE unless noted; Invest-heavy = the documented guidance path, Restrain = capex at the 2024 level (or growth capped at +35%).</p>

<h2>Targets (GAME.md §7, calibration.md ids; issue 9's market, credit and play targets)</h2>
<p>Groups: ${Object.entries(GROUP_NAMES)
    .map(([k, v]) => `${k} ${esc(v)}`)
    .join(" · ")}. Rows citing no figure are INFERRED (the row says from what).</p>
<table><tr><th>group</th><th>id</th><th>what it checks</th><th>expected</th><th>got</th><th>result</th></tr>
${rows}
</table>

<h2>Why prices moved: the price-move decomposition (documented path)</h2>
<p>Mean over seeds and the four seats of each part of a quarter's move (earnings against the consensus, capex against it, the AI position, credit, the sector's mood, cash paid out, events, and the company's own noise); the black tick is the mean total move. The parts sum exactly to the move (ISSUE9-MKT-01).</p>
${decompositionChart(allH, SEATS, "Mean price move per quarter and its parts, all four seats (%)")}
<div class="grid">${SEATS.map((id) => decompositionChart(allH, [id], `${NAMES[id]}: mean move and its parts (%)`, 640)).join("")}</div>
${partsTable(allH)}
${surpriseTable(run)}

<h2>The four's combined market cap</h2>
${marketCapChart(run)}
<div class="grid">${capDistribution(run)}</div>

<h2>Credit (documented path)</h2>
${creditTable(run)}

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
<p>Cloud 2.0 share ${(100 * bullShare).toFixed(1)}%. ${scoreDistribution(allH)}</p>

<h2>No dominant trick</h2>
${rulesTable(run)}
${meta.sensitivity ?? ""}
</body></html>
`;
}
