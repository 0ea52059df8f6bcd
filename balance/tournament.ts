/**
 * AI tournaments: a round robin of the personalities across seats, scenarios and seeds; hard
 * against easy; every fixed rule (personalities and the degenerate tricks) against the hard
 * roster. Matches are independent, so they run on worker threads; each match is a pure function
 * of its spec, so the results do not depend on how they were scheduled.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { CORE_FOUR, type CompanyId, type ScenarioId, type Variant } from "../shared/engine/ids.ts";
import { aiSeedFor, score } from "../shared/engine/index.ts";
import { handicapBp, seatPar } from "../shared/engine/score.ts";
import { decideActive, playMatch } from "../shared/engine/play.ts";
import { applyLever, type Lever } from "./sensitivity-levers.ts";
import {
  restrainedScores,
  DIFFICULTIES,
  DIFFICULTY_IDS,
  PERSONALITIES,
  REGRESSION_SET,
  TRICKS,
  decideFor,
  type AiId,
  type Difficulty,
  type PersonalityId,
} from "../shared/ai/index.ts";

export const GROUPS = ["roundrobin", "hard_vs_easy", "vs_hard", "duel", "baseline", "paired"] as const;
/** `probe`: a one-lever probe (balance/sensitivity.ts), planned and summarised there. */
export type Group = (typeof GROUPS)[number] | "probe";

export interface MatchSpec {
  readonly group: Group;
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
  /** For `hard_vs_easy` and `duel`: the duplicate pair (same seed, sides swapped) this match belongs to. */
  readonly pair?: number;
  /** For `duel`: the two levels, the one expected to win first. */
  readonly levels?: readonly [Difficulty, Difficulty];
  /** For `baseline` and `paired`: the roster every other seat plays. */
  readonly roster?: Difficulty;
  /** For `paired`: the seat the challenger takes (its twin is the `baseline` match with the same roster, setting and seed). */
  readonly at?: CompanyId;
  /** A one-lever probe on one seat's decisions (balance/sensitivity.ts). */
  readonly probe?: { readonly at: CompanyId; readonly lever: Lever };
}

export interface SeatResult {
  readonly seat: CompanyId;
  readonly player: AiId;
  readonly scoreBp: number;
  /** TSR at the scored price, bp (equal to the score under plain TSR scoring). */
  readonly tsrBp: number;
  /** For `baseline`: the seat's score had every seat restrained on the same seed (the end screen's counterfactual). */
  readonly restrainedBp?: number;
  readonly rank: number;
  readonly defaulted: boolean;
}

export interface MatchResult {
  readonly spec: MatchSpec;
  readonly seats: readonly SeatResult[];
  /** With a probe: the quarters in which it changed the decision. */
  readonly probed?: number;
  /** Quarters the bond window was shut (the situation a tenor probe met). */
  readonly windowShutQuarters?: number;
}

/** Plays one match to the end. Pure: same spec → same result. */
export function runMatch(spec: MatchSpec): MatchResult {
  // Scored by TSR: every threshold here is in TSR pp; the seat balance derives the handicap from it.
  const config = {
    scenario: spec.scenario,
    variant: spec.variant,
    turns: spec.turns,
    seats: [...spec.seats],
    seed: spec.seed,
    scoring: "tsr" as const,
    randomEvents: true,
  };
  // The AI's own seed, derived from the match seed as the server and the balance harness derive it.
  const aiSeed = aiSeedFor(spec.seed);
  let probed = 0;
  const state = playMatch(config, (s) =>
    decideActive(s, (seat) => {
      const who = spec.players[seat];
      if (!who) return undefined;
      const d = decideFor(s, seat, who, aiSeed);
      if (spec.probe?.at !== seat) return d;
      const p = applyLever(s, seat, d, spec.probe.lever);
      if (p.applied) probed++;
      return p.decision;
    }),
  );
  const scores = score(state);
  // The benchmark a seat-relative score would subtract: the same deal with every seat restrained.
  const restrained = spec.group === "baseline" ? restrainedScores(state.config) : null;
  return {
    spec,
    seats: spec.seats.map((seat) => {
      const s = scores.find((x) => x.company === seat);
      return {
        seat,
        player: spec.players[seat] ?? "guidance",
        scoreBp: s?.scoreBp ?? 0,
        tsrBp: s?.tsrBp ?? 0,
        ...(restrained ? { restrainedBp: restrained.find((x) => x.company === seat)?.scoreBp ?? 0 } : {}),
        rank: s?.rank ?? spec.seats.length,
        defaulted: s?.defaulted ?? false,
      };
    }),
    ...(spec.probe ? { probed } : {}),
    windowShutQuarters: state.industryHistory.filter((r) => !r.windowOpen).length,
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
  /** For `paired`: the rules played in one seat against a roster (default: the regression set of shared/ai/tricks.ts). */
  readonly tricks?: readonly AiId[];
  /** For `paired`: the rosters they face (default normal and hard). */
  readonly rosters?: readonly Difficulty[];
  /** For `baseline`: the rosters whose seat win rates are measured (default every level; `paired` adds its own). */
  readonly baselineRosters?: readonly Difficulty[];
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

/** Level pairs of the duel group: the first must beat the second. */
export const DUELS: readonly (readonly [Difficulty, Difficulty])[] = [
  ["hard", "normal"],
  ["normal", "easy"],
];

const SCENARIO_IDS: readonly ScenarioId[] = ["reckoning", "buildout"];

/** The setting of a baseline or paired match on seed index `s`: both scenarios on every seed, variants alternating. */
function baselineSetting(scenario: ScenarioId, s: number): { scenario: ScenarioId; variant: Variant } {
  return { scenario, variant: s % 2 === 0 ? "guide" : "cons" };
}

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
  if (groups.includes("duel")) {
    // Duplicate format again: each seed twice with the sides swapped, for every level pair.
    let pair = 0;
    for (const levels of DUELS) {
      for (let s = 0; s < o.seeds; s++) {
        const split = SPLITS[s % SPLITS.length]!;
        for (const swapped of [false, true]) {
          const players: Partial<Record<CompanyId, AiId>> = {};
          seats.forEach((seat, i) => {
            players[seat] = split.includes(i) !== swapped ? levels[0] : levels[1];
          });
          specs.push({ group: "duel", index: index++, ...setting(s), turns: o.turns, seed: first + 70_000 + s, seats, players, pair, levels });
        }
        pair++;
      }
    }
  }
  const pairedRosters = o.rosters ?? ["normal", "hard"];
  const wantBaseline = new Set<Difficulty>(groups.includes("baseline") ? (o.baselineRosters ?? DIFFICULTY_IDS) : []);
  if (groups.includes("paired")) for (const r of pairedRosters) wantBaseline.add(r);
  for (const roster of DIFFICULTY_IDS) {
    if (!wantBaseline.has(roster)) continue;
    // Every seat at the roster, both scenarios on every seed: the seat win rates, and the twin of each paired match.
    for (let s = 0; s < o.seeds; s++) {
      for (const scenario of SCENARIO_IDS) {
        const players = Object.fromEntries(seats.map((seat) => [seat, roster])) as Partial<Record<CompanyId, AiId>>;
        specs.push({ group: "baseline", index: index++, ...baselineSetting(scenario, s), turns: o.turns, seed: first + 30_000 + s, seats, players, roster });
      }
    }
  }
  if (groups.includes("paired")) {
    // One rule in one seat, the roster in the others; the scenario alternates by seed.
    for (const ch of o.tricks ?? REGRESSION_SET) {
      for (const roster of pairedRosters) {
        for (let s = 0; s < o.seeds; s++) {
          const st = baselineSetting(SCENARIO_IDS[s % SCENARIO_IDS.length]!, s >> 1);
          for (const at of seats) {
            const players = Object.fromEntries(seats.map((seat) => [seat, seat === at ? ch : roster])) as Partial<Record<CompanyId, AiId>>;
            specs.push({ group: "paired", index: index++, ...st, turns: o.turns, seed: first + 30_000 + (s >> 1), seats, players, challenger: ch, roster, at });
          }
        }
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

export interface DuelRow {
  readonly levels: readonly [Difficulty, Difficulty];
  readonly pairs: number;
  /** Pairs (same seed, sides swapped) in which the first level's seats outscored the second's over both deals. */
  readonly pairWins: number;
  readonly winRate: number;
  /** Per pair: the first level's mean score minus the second's, per seat. */
  readonly margin: Stat;
}

export interface SeatBalanceRow {
  readonly roster: Difficulty;
  readonly scenario: ScenarioId;
  readonly matches: number;
  /** Share of matches each seat finished first. */
  readonly winRate: Readonly<Partial<Record<CompanyId, number>>>;
  /** Mean score and TSR per seat, bp. */
  readonly meanScore: Readonly<Partial<Record<CompanyId, number>>>;
  readonly meanTsr: Readonly<Partial<Record<CompanyId, number>>>;
  /**
   * A seat-relative score's win rates: each seat's score minus its restrained benchmark on the
   * same deal (what the end screen shows as "had every seat restrained"), defaulted seats last.
   */
  readonly relativeWinRate: Readonly<Partial<Record<CompanyId, number>>>;
  /** A handicap's win rates: each seat's score minus its mean score over these matches (its "par" at this roster and scenario; in-sample). */
  readonly parWinRate: Readonly<Partial<Record<CompanyId, number>>>;
  /**
   * The shipped handicap score's win rates (shared/engine/score.ts): each seat's TSR against its
   * par from balance/params/par.json, in its usual swings. Out of sample: par is calibrated on
   * seeds the tournament never plays.
   */
  readonly handicapWinRate: Readonly<Partial<Record<CompanyId, number>>>;
  /** Each seat's mean handicap, in swings × 10_000. */
  readonly meanHandicap: Readonly<Partial<Record<CompanyId, number>>>;
}

/**
 * A seat's handicap score in a tournament match: its TSR against its par at the end of a match of
 * this length, the par of the match's roster (as the server sets a match's par level from its AI level).
 */
export function handicapOf(spec: MatchSpec, seat: SeatResult): number {
  return handicapBp(seat.tsrBp, seatPar(seat.seat, spec.roster ?? "normal", spec.scenario, spec.turns, spec.turns));
}

/** The match's winner under the handicap score: defaulted seats last, then the most swings above par. */
export function handicapWinnerOf(r: MatchResult): CompanyId | undefined {
  return [...r.seats].sort((a, b) => Number(a.defaulted) - Number(b.defaulted) || handicapOf(r.spec, b) - handicapOf(r.spec, a))[0]?.seat;
}

/** The issue's goal for a seat-balance row: every core seat wins 10–40% of its matches. */
export function balanced(rates: Readonly<Partial<Record<CompanyId, number>>>): boolean {
  return CORE_FOUR.every((seat) => {
    const w = rates[seat] ?? 0;
    return w >= 0.1 - 1e-9 && w <= 0.4 + 1e-9;
  });
}

export interface PairedRow {
  readonly id: AiId;
  readonly roster: Difficulty;
  readonly matches: number;
  /** Share of matches the rule finished first. */
  readonly winRate: number;
  /** What the roster's own AI won from the same seats on the same seeds. */
  readonly twinWinRate: number;
  /** The rule's score minus the roster AI's score in the same seat on the same seed (bp, 95% CI). */
  readonly delta: Stat;
  /** The same by seat: which of the roster's seats the rule beats. */
  readonly deltaBySeat: Readonly<Partial<Record<CompanyId, number>>>;
}

export interface TournamentSummary {
  readonly duels: readonly DuelRow[];
  readonly seatBalance: readonly SeatBalanceRow[];
  readonly paired: readonly PairedRow[];
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

  return {
    duels: summarizeDuels(results),
    seatBalance: summarizeSeats(results),
    paired: summarizePaired(results),
    summary,
    hardVsEasyWinRate: hveWin,
    hardVsEasy,
    vsHard,
    matches: results.length,
  };
}

function meanOf(r: MatchResult, who: AiId): number {
  return stat(r.seats.filter((s) => s.player === who).map((s) => s.scoreBp)).mean;
}

export function summarizeDuels(results: readonly MatchResult[]): DuelRow[] {
  const byPair = new Map<number, { levels: readonly [Difficulty, Difficulty]; margin: number }>();
  for (const r of results) {
    if (r.spec.group !== "duel" || !r.spec.levels || r.spec.pair === undefined) continue;
    const [a, b] = r.spec.levels;
    const e = byPair.get(r.spec.pair) ?? { levels: r.spec.levels, margin: 0 };
    e.margin += meanOf(r, a) - meanOf(r, b);
    byPair.set(r.spec.pair, e);
  }
  const rows: DuelRow[] = [];
  for (const levels of DUELS) {
    const ms = [...byPair.values()].filter((e) => e.levels[0] === levels[0] && e.levels[1] === levels[1]).map((e) => e.margin / 2);
    if (ms.length === 0) continue;
    const wins = ms.filter((m) => m > 0).length;
    rows.push({ levels, pairs: ms.length, pairWins: wins, winRate: wins / ms.length, margin: stat(ms) });
  }
  return rows;
}

/** The winner when each seat is scored against its own restrained benchmark. */
function relativeWinnerOf(r: MatchResult): SeatResult | undefined {
  const rel = (x: SeatResult): number => x.scoreBp - (x.restrainedBp ?? 0);
  return [...r.seats].sort((a, b) => Number(a.defaulted) - Number(b.defaulted) || rel(b) - rel(a))[0];
}

export function summarizeSeats(results: readonly MatchResult[]): SeatBalanceRow[] {
  const rows: SeatBalanceRow[] = [];
  for (const roster of DIFFICULTY_IDS) {
    for (const scenario of SCENARIO_IDS) {
      const rs = results.filter((r) => r.spec.group === "baseline" && r.spec.roster === roster && r.spec.scenario === scenario);
      if (rs.length === 0) continue;
      const seats = rs[0]!.spec.seats;
      const winRate: Partial<Record<CompanyId, number>> = {};
      const meanScore: Partial<Record<CompanyId, number>> = {};
      const meanTsr: Partial<Record<CompanyId, number>> = {};
      for (const seat of seats) {
        winRate[seat] = rs.filter((r) => winnerOf(r)?.seat === seat).length / rs.length;
        const mine = rs.map((r) => r.seats.find((x) => x.seat === seat)!);
        meanScore[seat] = Math.round(stat(mine.map((x) => x.scoreBp)).mean);
        meanTsr[seat] = Math.round(stat(mine.map((x) => x.tsrBp)).mean);
      }
      const relativeWinRate: Partial<Record<CompanyId, number>> = {};
      for (const seat of seats) relativeWinRate[seat] = rs.filter((r) => relativeWinnerOf(r)?.seat === seat).length / rs.length;
      const parWinRate: Partial<Record<CompanyId, number>> = {};
      const parWinner = (r: MatchResult): CompanyId | undefined =>
        [...r.seats].sort(
          (a, b) => Number(a.defaulted) - Number(b.defaulted) || b.scoreBp - (meanScore[b.seat] ?? 0) - (a.scoreBp - (meanScore[a.seat] ?? 0)),
        )[0]?.seat;
      for (const seat of seats) parWinRate[seat] = rs.filter((r) => parWinner(r) === seat).length / rs.length;
      const handicapWinRate: Partial<Record<CompanyId, number>> = {};
      const meanHandicap: Partial<Record<CompanyId, number>> = {};
      for (const seat of seats) {
        handicapWinRate[seat] = rs.filter((r) => handicapWinnerOf(r) === seat).length / rs.length;
        meanHandicap[seat] = Math.round(stat(rs.map((r) => handicapOf(r.spec, r.seats.find((x) => x.seat === seat)!))).mean);
      }
      rows.push({ roster, scenario, matches: rs.length, winRate, meanScore, meanTsr, relativeWinRate, parWinRate, handicapWinRate, meanHandicap });
    }
  }
  return rows;
}

const twinKey = (s: MatchSpec): string => `${s.roster}|${s.scenario}|${s.variant}|${s.turns}|${s.seed}`;

export function summarizePaired(results: readonly MatchResult[]): PairedRow[] {
  const twins = new Map<string, MatchResult>();
  for (const r of results) if (r.spec.group === "baseline") twins.set(twinKey(r.spec), r);
  const rows = new Map<string, { id: AiId; roster: Difficulty; deltas: number[]; wins: number; twinWins: number; bySeat: Map<CompanyId, number[]> }>();
  for (const r of results) {
    const { challenger, roster, at } = r.spec;
    if (r.spec.group !== "paired" || !challenger || !roster || !at) continue;
    const twin = twins.get(twinKey(r.spec));
    if (!twin) continue;
    const me = r.seats.find((s) => s.seat === at)!;
    const base = twin.seats.find((s) => s.seat === at)!;
    const key = `${challenger}|${roster}`;
    const e = rows.get(key) ?? { id: challenger, roster, deltas: [], wins: 0, twinWins: 0, bySeat: new Map<CompanyId, number[]>() };
    e.deltas.push(me.scoreBp - base.scoreBp);
    e.bySeat.set(at, [...(e.bySeat.get(at) ?? []), me.scoreBp - base.scoreBp]);
    if (winnerOf(r)?.seat === at) e.wins++;
    if (winnerOf(twin)?.seat === at) e.twinWins++;
    rows.set(key, e);
  }
  return [...rows.values()].map((e) => ({
    id: e.id,
    roster: e.roster,
    matches: e.deltas.length,
    winRate: e.wins / e.deltas.length,
    twinWinRate: e.twinWins / e.deltas.length,
    delta: stat(e.deltas),
    deltaBySeat: Object.fromEntries([...e.bySeat.entries()].map(([seat, ds]) => [seat, Math.round(stat(ds).mean)])),
  }));
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
  if (s.duels.length > 0) {
    lines.push("");
    lines.push("Duels, duplicate 2 v 2 (pair = same seed twice, sides swapped; goal: the first level wins ≥ 70% of pairs)");
    for (const d of s.duels)
      lines.push(
        `${`${d.levels[0]} vs ${d.levels[1]}`.padEnd(18)}${pct(d.winRate).padStart(8)} of ${d.pairs} pairs, margin ${bpPct(d.margin.mean)} ± ${bpPct(d.margin.ci95)} per seat`,
      );
  }
  if (s.seatBalance.length > 0) {
    lines.push("");
    lines.push("Seat win rates, every seat at the roster (goal: each core seat 10–40%); mean score in brackets");
    lines.push("(vs restrained: score − the seat's restrained counterfactual; vs mean (in): score − its in-sample mean;");
    lines.push(" handicap: the shipped score, TSR against par.json's par in usual swings, mean swings in brackets)");
    for (const r of s.seatBalance) {
      const cells = Object.entries(r.winRate).map(([seat, w]) => `${seat} ${pct(w ?? 0)} (${bpPct(r.meanScore[seat as CompanyId] ?? 0)})`);
      lines.push(`${`${r.roster}/${r.scenario}`.padEnd(18)}${cells.join("  ")}  n=${r.matches}`);
      const rel = Object.entries(r.relativeWinRate).map(([seat, w]) => `${seat} ${pct(w ?? 0)}`);
      lines.push(`${"  vs restrained".padEnd(18)}${rel.join("  ")}`);
      const par = Object.entries(r.parWinRate).map(([seat, w]) => `${seat} ${pct(w ?? 0)}`);
      lines.push(`${"  vs mean (in)".padEnd(18)}${par.join("  ")}`);
      const hc = Object.entries(r.handicapWinRate).map(
        ([seat, w]) => `${seat} ${pct(w ?? 0)} (${((r.meanHandicap[seat as CompanyId] ?? 0) / 10_000).toFixed(2)})`,
      );
      lines.push(`${"  handicap".padEnd(18)}${hc.join("  ")}  ${balanced(r.handicapWinRate) ? "ok" : "OUTSIDE 10–40%"}`);
    }
  }
  if (s.paired.length > 0) {
    lines.push("");
    lines.push("One rule in one seat against a roster, paired with the roster's own AI in that seat on the same seed");
    lines.push("(delta = rule's score − the roster AI's score there; goals: vs hard win < 40% and delta within its CI, vs normal delta ≤ +5 pp)");
    lines.push(`${"rule".padEnd(20)}${"roster".padEnd(8)}${"win".padStart(8)}${"twin win".padStart(10)}${"delta".padStart(20)}${"n".padStart(6)}`);
    for (const r of s.paired)
      lines.push(
        `${r.id.padEnd(20)}${r.roster.padEnd(8)}${pct(r.winRate).padStart(8)}${pct(r.twinWinRate).padStart(10)}${`${bpPct(r.delta.mean)} ± ${bpPct(r.delta.ci95)}`.padStart(20)}${String(r.matches).padStart(6)}  by seat: ${Object.entries(
          r.deltaBySeat,
        )
          .map(([seat, d]) => `${seat.slice(0, 4)} ${bpPct(d ?? 0)}`)
          .join(" ")}`,
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
