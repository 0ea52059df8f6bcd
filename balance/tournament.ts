/**
 * AI tournaments: a round robin of the personalities across seats, scenarios and seeds; hard
 * against easy; every fixed rule (personalities and the degenerate tricks) against the hard
 * roster. Matches are independent, so they run on worker threads; each match is a pure function
 * of its spec, so the results do not depend on how they were scheduled.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { CORE_FOUR, type CompanyId, type ScenarioId, type Variant } from "../shared/engine/ids.ts";
import { aiSeedFor, score } from "../shared/engine/index.ts";
import { decideActive, playMatch } from "../shared/engine/play.ts";
import { DIFFICULTIES, DIFFICULTY_IDS, PERSONALITIES, TRICKS, decideFor, type AiId, type Difficulty, type PersonalityId } from "../shared/ai/index.ts";

export interface MatchSpec {
  readonly group: "roundrobin" | "hard_vs_easy" | "vs_hard";
  readonly index: number;
  readonly scenario: ScenarioId;
  readonly variant: Variant;
  readonly turns: number;
  readonly seed: number;
  readonly seats: readonly CompanyId[];
  /** Who plays each seat: a personality, a trick, or a difficulty level (its roster by seat order). */
  readonly players: Readonly<Partial<Record<CompanyId, AiId>>>;
  /** For `vs_hard`: the fixed rule under test. */
  readonly challenger?: AiId;
  /** For `hard_vs_easy`: the duplicate pair (same seed, sides swapped) this match belongs to. */
  readonly pair?: number;
}

export interface SeatResult {
  readonly seat: CompanyId;
  readonly player: AiId;
  readonly scoreBp: number;
  readonly rank: number;
  readonly defaulted: boolean;
}

export interface MatchResult {
  readonly spec: MatchSpec;
  readonly seats: readonly SeatResult[];
}

/** Plays one match to the end. Pure: same spec → same result. */
export function runMatch(spec: MatchSpec): MatchResult {
  const config = { scenario: spec.scenario, variant: spec.variant, turns: spec.turns, seats: [...spec.seats], seed: spec.seed, randomEvents: true };
  // The AIs' seed is the server's for the same match seed (one-way, never the match RNG).
  const aiSeed = aiSeedFor(spec.seed);
  const state = playMatch(config, (s) =>
    decideActive(s, (seat) => {
      const who = spec.players[seat];
      return who ? decideFor(s, seat, who, aiSeed) : undefined;
    }),
  );
  const scores = score(state);
  return {
    spec,
    seats: spec.seats.map((seat) => {
      const s = scores.find((x) => x.company === seat);
      return {
        seat,
        player: spec.players[seat] ?? "guidance",
        scoreBp: s?.scoreBp ?? 0,
        rank: s?.rank ?? spec.seats.length,
        defaulted: s?.defaulted ?? false,
      };
    }),
  };
}

export interface PlanOptions {
  /** Seeds per group (each seed is one match per rotation in that group). */
  readonly seeds: number;
  readonly turns: number;
  readonly firstSeed?: number;
  readonly groups?: readonly MatchSpec["group"][];
  /** Fixed rules put against the hard roster (default: every non-planner personality and every trick). */
  readonly challengers?: readonly AiId[];
}

const SETTINGS: readonly { scenario: ScenarioId; variant: Variant }[] = [
  { scenario: "reckoning", variant: "guide" },
  { scenario: "reckoning", variant: "cons" },
  { scenario: "buildout", variant: "guide" },
  { scenario: "buildout", variant: "cons" },
];

/** 2-of-4 seat splits; each is played with its complement on the same seed (duplicate format). */
const SPLITS: readonly (readonly number[])[] = [
  [0, 1],
  [0, 2],
  [0, 3],
];

export const DEFAULT_CHALLENGERS: readonly AiId[] = [...PERSONALITIES.filter((p) => p !== "planner"), ...TRICKS];

export function planTournament(o: PlanOptions): MatchSpec[] {
  const groups = o.groups ?? ["roundrobin", "hard_vs_easy", "vs_hard"];
  const first = o.firstSeed ?? 1;
  const seats = [...CORE_FOUR] as CompanyId[];
  const specs: MatchSpec[] = [];
  let index = 0;
  const setting = (k: number) => SETTINGS[k % SETTINGS.length]!;
  if (groups.includes("roundrobin")) {
    // Each seed: n/2 matches in which every personality plays exactly twice; the ring step
    // alternates (1 or 3, both coprime to 8) so the line-ups mix, and the offset moves seats.
    const n = PERSONALITIES.length;
    const offsets = (s: number) => (s % 2 === 0 ? [0, 1, 2, 3] : [0, 3, 6, 1]);
    for (let s = 0; s < o.seeds; s++) {
      for (let r = 0; r < n; r += 2) {
        const players: Partial<Record<CompanyId, AiId>> = {};
        seats.forEach((seat, i) => {
          players[seat] = PERSONALITIES[(r + s + offsets(s)[i]!) % n]!;
        });
        specs.push({ group: "roundrobin", index: index++, ...setting(s + r), turns: o.turns, seed: first + s * 1000 + r, seats, players });
      }
    }
  }
  if (groups.includes("hard_vs_easy")) {
    // Duplicate format: the same deal (seed, scenario) twice with the sides swapped, so the
    // companies' unequal starting positions cancel out.
    for (let s = 0; s < o.seeds; s++) {
      const split = SPLITS[s % SPLITS.length]!;
      for (const swapped of [false, true]) {
        const players: Partial<Record<CompanyId, AiId>> = {};
        seats.forEach((seat, i) => {
          players[seat] = split.includes(i) !== swapped ? "hard" : "easy";
        });
        specs.push({ group: "hard_vs_easy", index: index++, ...setting(s), turns: o.turns, seed: first + 50_000 + s, seats, players, pair: s });
      }
    }
  }
  if (groups.includes("vs_hard")) {
    // Each seed: the challenger takes every seat once against three hard seats.
    const challengers = o.challengers ?? DEFAULT_CHALLENGERS;
    for (const ch of challengers) {
      for (let s = 0; s < o.seeds; s++) {
        for (let at = 0; at < seats.length; at++) {
          const players: Partial<Record<CompanyId, AiId>> = {};
          seats.forEach((seat, i) => {
            players[seat] = i === at ? ch : "hard";
          });
          specs.push({ group: "vs_hard", index: index++, ...setting(s), turns: o.turns, seed: first + 90_000 + s, seats, players, challenger: ch });
        }
      }
    }
  }
  return specs;
}

// ---------- statistics ----------

export interface Stat {
  readonly n: number;
  readonly mean: number;
  /** Half-width of the 95% confidence interval of the mean. */
  readonly ci95: number;
}

export function stat(xs: readonly number[]): Stat {
  const n = xs.length;
  if (n === 0) return { n, mean: 0, ci95: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const v = n > 1 ? xs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (n - 1) : 0;
  return { n, mean, ci95: (1.96 * Math.sqrt(v)) / Math.sqrt(n) };
}

export function difficultyOf(id: AiId): Difficulty | "trick" {
  if ((DIFFICULTY_IDS as readonly string[]).includes(id)) return id as Difficulty;
  if ((TRICKS as readonly string[]).includes(id)) return "trick";
  // A personality offered at several levels is listed under the hardest.
  for (const d of [...DIFFICULTY_IDS].reverse()) if (DIFFICULTIES[d].personalities.includes(id as PersonalityId)) return d;
  return "normal";
}

export interface SummaryRow {
  readonly id: AiId;
  readonly difficulty: Difficulty | "trick";
  readonly meanScore: number;
  readonly ci95: number;
  readonly winRate: number;
  readonly matches: number;
}

export interface VsHardRow {
  readonly id: AiId;
  readonly difficulty: Difficulty | "trick";
  readonly matches: number;
  /** Share of matches the challenger finished first. */
  readonly winRate: number;
  readonly meanScore: number;
  readonly ci95: number;
  /** Challenger's score minus the hard seats' mean score in the same match, averaged: < 0 = loses on average. */
  readonly meanMargin: number;
  readonly marginCi95: number;
}

export interface TournamentSummary {
  readonly summary: readonly SummaryRow[];
  readonly hardVsEasyWinRate: number | null;
  readonly hardVsEasy: {
    readonly matches: number;
    readonly pairs: number;
    readonly pairWins: number;
    /** Single deals where hard's mean score beat easy's (companies not balanced within a deal). */
    readonly singleMatchWinRate: number;
    /** Single deals won outright (first place) by a hard seat. */
    readonly hardSeatWinRate: number;
    readonly hardMean: Stat;
    readonly easyMean: Stat;
    /** Per pair: hard's mean score minus easy's, averaged over the two deals. */
    readonly pairMargin: Stat;
  } | null;
  readonly vsHard: readonly VsHardRow[];
  readonly matches: number;
}

/** A match counts as a win for the entrant whose best seat finished first. */
function winnerOf(r: MatchResult): SeatResult | undefined {
  return [...r.seats].sort((a, b) => a.rank - b.rank || b.scoreBp - a.scoreBp)[0];
}

export function summarize(results: readonly MatchResult[]): TournamentSummary {
  const rr = results.filter((r) => r.spec.group === "roundrobin");
  const byId = new Map<AiId, { scores: number[]; wins: number; matches: number }>();
  for (const r of rr) {
    const w = winnerOf(r);
    for (const s of r.seats) {
      const e = byId.get(s.player) ?? { scores: [], wins: 0, matches: 0 };
      e.scores.push(s.scoreBp);
      e.matches++;
      if (w && w.seat === s.seat) e.wins++;
      byId.set(s.player, e);
    }
  }
  const summary: SummaryRow[] = [...byId.entries()]
    .map(([id, e]) => {
      const st = stat(e.scores);
      return {
        id,
        difficulty: difficultyOf(id),
        meanScore: Math.round(st.mean),
        ci95: Math.round(st.ci95),
        winRate: e.matches ? e.wins / e.matches : 0,
        matches: e.matches,
      };
    })
    .sort((a, b) => b.meanScore - a.meanScore);

  const hve = results.filter((r) => r.spec.group === "hard_vs_easy");
  let hardVsEasy: TournamentSummary["hardVsEasy"] = null;
  if (hve.length > 0) {
    let singleWins = 0;
    let seatWins = 0;
    const hardMeans: number[] = [];
    const easyMeans: number[] = [];
    const pairMargin = new Map<number, number>();
    for (const r of hve) {
      const hm = stat(r.seats.filter((s) => s.player === "hard").map((s) => s.scoreBp)).mean;
      const em = stat(r.seats.filter((s) => s.player === "easy").map((s) => s.scoreBp)).mean;
      hardMeans.push(hm);
      easyMeans.push(em);
      if (hm > em) singleWins++;
      if (winnerOf(r)?.player === "hard") seatWins++;
      const p = r.spec.pair ?? r.spec.index;
      pairMargin.set(p, (pairMargin.get(p) ?? 0) + hm - em);
    }
    const margins = [...pairMargin.values()];
    hardVsEasy = {
      matches: hve.length,
      pairs: margins.length,
      pairWins: margins.filter((m) => m > 0).length,
      singleMatchWinRate: singleWins / hve.length,
      hardSeatWinRate: seatWins / hve.length,
      hardMean: stat(hardMeans),
      easyMean: stat(easyMeans),
      pairMargin: stat(margins.map((m) => m / 2)),
    };
  }

  const vs = results.filter((r) => r.spec.group === "vs_hard");
  const ch = new Map<AiId, { scores: number[]; margins: number[]; wins: number }>();
  for (const r of vs) {
    const id = r.spec.challenger;
    if (!id) continue;
    const me = r.seats.find((s) => s.player === id);
    if (!me) continue;
    const others = stat(r.seats.filter((s) => s.seat !== me.seat).map((s) => s.scoreBp)).mean;
    const e = ch.get(id) ?? { scores: [], margins: [], wins: 0 };
    e.scores.push(me.scoreBp);
    e.margins.push(me.scoreBp - others);
    if (winnerOf(r)?.seat === me.seat) e.wins++;
    ch.set(id, e);
  }
  const vsHard: VsHardRow[] = [...ch.entries()].map(([id, e]) => {
    const s = stat(e.scores);
    const m = stat(e.margins);
    return {
      id,
      difficulty: difficultyOf(id),
      matches: s.n,
      winRate: s.n ? e.wins / s.n : 0,
      meanScore: Math.round(s.mean),
      ci95: Math.round(s.ci95),
      meanMargin: Math.round(m.mean),
      marginCi95: Math.round(m.ci95),
    };
  });

  // A duplicate pair is one "match" of hard against easy: hard wins it when its seats outscore easy's over both deals.
  const hveWin = hardVsEasy ? hardVsEasy.pairWins / hardVsEasy.pairs : null;

  return { summary, hardVsEasyWinRate: hveWin, hardVsEasy, vsHard, matches: results.length };
}

// ---------- running ----------

export interface RunOptions {
  /** Worker threads; 0 runs in this thread. */
  readonly workers: number;
  readonly onResult?: (done: number, total: number, r: MatchResult) => void;
}

/** Runs the specs (on worker threads when asked) and returns results in spec order. */
export async function runTournament(specs: readonly MatchSpec[], o: RunOptions): Promise<MatchResult[]> {
  const out: (MatchResult | undefined)[] = new Array(specs.length);
  let done = 0;
  if (o.workers <= 0) {
    specs.forEach((s, i) => {
      out[i] = runMatch(s);
      o.onResult?.(++done, specs.length, out[i]!);
    });
    return out as MatchResult[];
  }
  let next = 0;
  const n = Math.min(o.workers, specs.length);
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { tournamentWorker: true } });
          let current = -1;
          const feed = () => {
            if (next >= specs.length) {
              void w.terminate().then(() => resolve());
              return;
            }
            current = next++;
            w.postMessage(specs[current]);
          };
          w.on("message", (r: MatchResult) => {
            out[current] = r;
            o.onResult?.(++done, specs.length, r);
            feed();
          });
          w.on("error", reject);
          w.on("exit", (code) => {
            if (code !== 0 && next < specs.length) reject(new Error(`tournament worker exited with code ${code}`));
          });
          feed();
        }),
    ),
  );
  return out as MatchResult[];
}

if (!isMainThread && (workerData as { tournamentWorker?: boolean } | null)?.tournamentWorker) {
  parentPort?.on("message", (spec: MatchSpec) => parentPort?.postMessage(runMatch(spec)));
}

// ---------- reports ----------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const bpPct = (x: number) => `${(x / 100).toFixed(1)}%`;

export function renderTable(s: TournamentSummary): string {
  const lines: string[] = [];
  lines.push("Round robin (score = the match's scoring rule, TSR in % by default; ± = 95% CI)");
  lines.push(`${"personality".padEnd(16)}${"level".padEnd(8)}${"mean score".padStart(20)}${"win rate".padStart(10)}${"n".padStart(6)}`);
  for (const r of s.summary) {
    lines.push(
      `${r.id.padEnd(16)}${r.difficulty.padEnd(8)}${`${bpPct(r.meanScore)} ± ${bpPct(r.ci95)}`.padStart(20)}${pct(r.winRate).padStart(10)}${String(r.matches).padStart(6)}`,
    );
  }
  if (s.hardVsEasy && s.hardVsEasyWinRate !== null) {
    const h = s.hardVsEasy;
    lines.push("");
    lines.push(
      `Hard vs easy, duplicate 2 v 2 (${h.pairs} pairs = ${h.matches} deals): hard wins ${pct(s.hardVsEasyWinRate)} of pairs (goal ≥ 70%), ` +
        `margin ${bpPct(h.pairMargin.mean)} ± ${bpPct(h.pairMargin.ci95)} per seat; single deals: hard's mean ahead in ${pct(h.singleMatchWinRate)}, a hard seat first in ${pct(h.hardSeatWinRate)}; ` +
        `hard ${bpPct(h.hardMean.mean)} vs easy ${bpPct(h.easyMean.mean)}`,
    );
  }
  if (s.vsHard.length > 0) {
    lines.push("");
    lines.push("One fixed rule against three hard seats (win = finishes first; margin = its score − the hard seats' mean)");
    lines.push(`${"rule".padEnd(16)}${"win rate".padStart(10)}${"mean score".padStart(20)}${"margin".padStart(20)}${"n".padStart(6)}`);
    for (const r of s.vsHard) {
      lines.push(
        `${r.id.padEnd(16)}${pct(r.winRate).padStart(10)}${`${bpPct(r.meanScore)} ± ${bpPct(r.ci95)}`.padStart(20)}${`${bpPct(r.meanMargin)} ± ${bpPct(r.marginCi95)}`.padStart(20)}${String(r.matches).padStart(6)}`,
      );
    }
  }
  return lines.join("\n");
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Horizontal bars with CI whiskers, as inline SVG. */
function barChart(title: string, rows: readonly { label: string; value: number; ci: number; note: string }[]): string {
  const w = 760;
  const rowH = 26;
  const left = 170;
  const h = 40 + rows.length * rowH + 20;
  const lo = Math.min(0, ...rows.map((r) => r.value - r.ci));
  const hi = Math.max(1, ...rows.map((r) => r.value + r.ci));
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (w - left - 120);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(title)}">`);
  parts.push(`<text x="8" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<line x1="${x(0)}" y1="30" x2="${x(0)}" y2="${h - 10}" stroke="#888"/>`);
  rows.forEach((r, i) => {
    const y = 36 + i * rowH;
    const x0 = x(Math.min(0, r.value));
    const x1 = x(Math.max(0, r.value));
    parts.push(`<text x="8" y="${y + 15}" font-size="13">${esc(r.label)}</text>`);
    parts.push(`<rect x="${x0}" y="${y + 3}" width="${Math.max(1, x1 - x0)}" height="${rowH - 8}" fill="${r.value >= 0 ? "#3a7bd5" : "#d5573a"}"/>`);
    parts.push(`<line x1="${x(r.value - r.ci)}" y1="${y + rowH / 2}" x2="${x(r.value + r.ci)}" y2="${y + rowH / 2}" stroke="#222" stroke-width="1.5"/>`);
    parts.push(`<text x="${w - 112}" y="${y + 15}" font-size="12">${esc(r.note)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

export function renderHtml(s: TournamentSummary, meta: { seeds: number; turns: number }): string {
  const rr = barChart(
    "Round robin: mean score (TSR %, 95% CI)",
    s.summary.map((r) => ({ label: `${r.id} (${r.difficulty})`, value: r.meanScore / 100, ci: r.ci95 / 100, note: `win ${pct(r.winRate)}` })),
  );
  const vs = barChart(
    "Against the hard roster: score margin over the hard seats (TSR pp, 95% CI)",
    s.vsHard.map((r) => ({ label: r.id, value: r.meanMargin / 100, ci: r.marginCi95 / 100, note: `win ${pct(r.winRate)}` })),
  );
  const hve = s.hardVsEasy
    ? `<p>Hard vs easy, duplicate 2 v 2 (${s.hardVsEasy.pairs} pairs of deals with the sides swapped): hard wins <b>${pct(s.hardVsEasyWinRate ?? 0)}</b> of pairs (goal ≥ 70%), by ${bpPct(s.hardVsEasy.pairMargin.mean)} ± ${bpPct(s.hardVsEasy.pairMargin.ci95)} TSR per seat; a hard seat finishes first in ${pct(s.hardVsEasy.hardSeatWinRate)} of single deals.</p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AI tournament</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;max-width:820px}pre{background:#f4f4f4;padding:12px;overflow:auto}</style></head>
<body><h1>AI tournament</h1>
<p>${s.matches} matches, ${meta.seeds} seeds per group, ${meta.turns} quarters each.</p>
${hve}
${rr}
${vs}
<h2>Table</h2><pre>${esc(renderTable(s))}</pre>
</body></html>
`;
}
