/**
 * Seat par (issue 11, "no seat is destiny"): what each company's TSR usually is after q quarters
 * of a match of a given length when every seat plays one AI level, and its usual swing around
 * that. The handicap score (shared/engine/score.ts) is how many of its usual swings a company beat
 * its par by, so a seat that starts with a better hand (Amazon) has to beat a higher par.
 *
 * Calibration: matches of each AI level (easy, normal, hard) and each calibrated length (4, 8, …,
 * 24 quarters: the AIs play the last quarters of a match differently, so par depends on the
 * length, not only on the quarters played) on seeds disjoint from the tournament's (900_001 on;
 * the tournament uses 1–99_999), both scenarios on every seed, the variant alternating by seed.
 * The core four take their par from matches of the four of them (the default line-up); Oracle,
 * Apple and Tesla from matches of all seven. Robust statistics: the swing is half the
 * interquartile range, so one blow-up match hardly moves it; a seat's par starts at its median TSR
 * after each quarter, and the core four's are then moved (a fitted number of swings each) until
 * every one of them finishes first equally often in the calibration (`equalChanceOffsets`): a
 * median equalises each seat's own middle, not who tops a four-seat table. Tried and rejected (out
 * of sample, 60 calibration seeds against 200 others and the reverse): the median alone kept 2 of
 * 4 easy/normal rows within 10–40%; a quantile map of each seat's whole distribution (5, 7 or 9
 * points, or its exact percentile) 1–2 of 4, because correlation, not the tails, decides the winner
 * (Amazon's fortunes run apart from the other three); the fitted offsets kept 4 of 4 both ways.
 * (A swing pooled over both scenarios was also tried: 1 of 6 rows against 4 of 6.)
 */
import { COMPANIES, CORE_FOUR, type CompanyId, PAR_LENGTHS, PAR_LEVELS, type ParLevel, SCENARIOS, type ScenarioId } from "../shared/engine/ids.ts";
import type { MatchJob, MatchSummary, PolicyKey } from "./types.ts";

/** First calibration seed: far from every tournament seed (tournament.ts plans 1 + up to 99_999). */
export const PAR_FIRST_SEED = 900_001;
/**
 * Seeds of the core line-up for easy and normal, and for hard (a hard match costs about ten easy
 * ones). The equal-chance offsets are fitted on who tops a four-seat table, which takes more matches
 * than a median: fitted on 60 seeds and checked on 200 others (and the reverse), every roster and
 * scenario kept each core seat's wins within 10–40%.
 */
export const PAR_DEFAULT_SEEDS = 200;
export const PAR_DEFAULT_HARD_SEEDS = 60;
/** Seeds of the seven-seat line-up (Oracle, Apple, Tesla): a seven-seat match costs about 2.5 core ones. */
export const PAR_DEFAULT_FULL_SEEDS = 8;
/**
 * The smallest swing the table holds, bp: one quarter's company-specific price noise
 * (markets.json valuation.residualNoiseBp, 300). The first quarters of a match hardly vary between
 * seeds, and a smaller swing would turn a 2 pp lead into ten swings on the live leaderboard.
 */
export const MIN_SWING_BP = 300;

const CORE: readonly CompanyId[] = CORE_FOUR;
const FULL: readonly CompanyId[] = COMPANIES;
const POLICY: Readonly<Record<ParLevel, PolicyKey>> = { easy: "ai_easy", normal: "ai_normal", hard: "ai_hard" };

/** Which line-up a seat's par comes from: the core four from their own matches, the others from the full table. */
export function lineupFor(seat: CompanyId): "core" | "full" {
  return CORE.includes(seat) ? "core" : "full";
}

export interface ParPlan {
  /** Seeds of the core line-up (easy and normal; hard too unless `hardSeeds`). */
  readonly seeds: number;
  /** Seeds of the core line-up at the hard level. */
  readonly hardSeeds?: number;
  /** Seeds of the seven-seat line-up (the first ones of the same seeds; default: as many as `seeds`). */
  readonly fullSeeds?: number;
  readonly firstSeed?: number;
  readonly levels?: readonly ParLevel[];
  readonly lengths?: readonly number[];
}

/** A calibration job's label: `<level>|<line-up>`. */
const labelOf = (level: ParLevel, lineup: "core" | "full"): string => `${level}|${lineup}`;

/** Seeds of the core line-up at `level`. */
export function coreSeeds(o: { readonly seeds: number; readonly hardSeeds?: number }, level: ParLevel): number {
  return level === "hard" ? (o.hardSeeds ?? o.seeds) : o.seeds;
}

/** The calibration's matches: every level, length and seed in both scenarios and both line-ups; variant alternating by seed. */
export function planPar(o: ParPlan): MatchJob[] {
  const first = o.firstSeed ?? PAR_FIRST_SEED;
  const full = o.fullSeeds ?? o.seeds;
  const jobs: MatchJob[] = [];
  for (const level of o.levels ?? PAR_LEVELS)
    for (const turns of o.lengths ?? PAR_LENGTHS)
      for (let s = 0; s < Math.max(coreSeeds(o, level), full); s++)
        for (const scenario of SCENARIOS)
          for (const [lineup, seats] of [
            ["core", CORE],
            ["full", FULL],
          ] as const) {
            if (s >= (lineup === "core" ? coreSeeds(o, level) : full)) continue;
            jobs.push({
              id: jobs.length,
              group: "par",
              label: labelOf(level, lineup),
              scenario,
              variant: s % 2 === 0 ? "guide" : "cons",
              turns,
              seed: first + s,
              randomEvents: true,
              seats: [...seats],
              policies: Object.fromEntries(seats.map((id) => [id, POLICY[level]])),
            });
          }
  return jobs;
}

/** The q-th quantile (0..1) of sorted values, linear between order statistics (R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface SeatParPath {
  /** Median TSR after quarter q (index q − 1), bp. */
  readonly parBp: number[];
  /** Half the interquartile range of TSR after quarter q, bp (at least MIN_SWING_BP). */
  readonly swingBp: number[];
}

/** Par of one seat from its TSR paths (one array of per-quarter TSR per match). */
export function parOf(paths: readonly (readonly number[])[], quarters: number): SeatParPath {
  const parBp: number[] = [];
  const swingBp: number[] = [];
  for (let q = 0; q < quarters; q++) {
    const xs = paths.map((p) => p[q] ?? p[p.length - 1] ?? 0).sort((a, b) => a - b);
    parBp.push(Math.round(quantile(xs, 0.5)));
    swingBp.push(Math.max(MIN_SWING_BP, Math.round((quantile(xs, 0.75) - quantile(xs, 0.25)) / 2)));
  }
  return { parBp, swingBp };
}

/**
 * Temperature of the soft win count the offsets are fitted on, in swings: a match one seat leads by
 * more than about a swing counts as its win, a near tie as shared, so the fit moves smoothly.
 */
const SOFT_WIN_SWINGS = 0.3;
const FIT_STEPS = 400;
/** No seat's par moves more than this many swings from its median (a degenerate sample cannot run away). */
const MAX_OFFSET_SWINGS = 3;

/**
 * Offsets (swings, summing to zero) that give every seat the same chance of finishing first in
 * these matches (`z[match][seat]`: each seat's distance from its median, in its swings). Median and
 * swing equalise each seat's own spread, not who wins: a seat whose luck runs against the others'
 * (Amazon's cloud when the rest ride one boom) tops a four-seat table more often than its own
 * median says, so its par must sit higher. Fitted on a soft win count by gradient steps;
 * deterministic (same sample → same offsets).
 */
export function equalChanceOffsets(z: readonly (readonly number[])[]): number[] {
  const seats = z[0]?.length ?? 0;
  const b = new Array<number>(seats).fill(0);
  if (seats < 2 || z.length === 0) return b;
  for (let step = 0; step < FIT_STEPS; step++) {
    const share = new Array<number>(seats).fill(0);
    for (const row of z) {
      const v = row.map((x, i) => (x + b[i]!) / SOFT_WIN_SWINGS);
      const top = Math.max(...v);
      const e = v.map((x) => Math.exp(x - top));
      const sum = e.reduce((s, x) => s + x, 0);
      e.forEach((x, i) => {
        share[i]! += x / sum / z.length;
      });
    }
    for (let i = 0; i < seats; i++) b[i] = b[i]! - 0.5 * (share[i]! - 1 / seats);
    const mean = b.reduce((s, x) => s + x, 0) / seats;
    for (let i = 0; i < seats; i++) b[i] = Math.max(-MAX_OFFSET_SWINGS, Math.min(MAX_OFFSET_SWINGS, b[i]! - mean));
  }
  return b;
}

/** Each seat's median par from aligned paths (`paths[match][seat]`). */
function medianPars(paths: readonly (readonly (readonly number[])[])[], quarters: number): SeatParPath[] {
  const seats = paths[0]?.length ?? 0;
  return Array.from({ length: seats }, (_, i) =>
    parOf(
      paths.map((m) => m[i]!),
      quarters,
    ),
  );
}

/**
 * The core four's pars, moved so each has the same chance of finishing first (`equalChanceOffsets`
 * after every quarter): a seat's par is its median less its offset in swings. `paths[match][seat]`.
 */
export function equalChancePars(paths: readonly (readonly (readonly number[])[])[], quarters: number): SeatParPath[] {
  const own = medianPars(paths, quarters);
  for (let q = 0; q < quarters; q++) {
    const z = paths.map((m) => m.map((p, i) => ((p[q] ?? p[p.length - 1] ?? 0) - own[i]!.parBp[q]!) / own[i]!.swingBp[q]!));
    const b = equalChanceOffsets(z);
    own.forEach((p, i) => {
      p.parBp[q] = Math.round(p.parBp[q]! - b[i]! * p.swingBp[q]!);
    });
  }
  return own;
}

/** level → seat → scenario → match length (quarters, as a string key) → par path. */
export type ParBySeat = Record<ParLevel, Record<CompanyId, Record<ScenarioId, Record<string, SeatParPath>>>>;

/**
 * Each seat's par per level, scenario and length from the calibration's match summaries (its own
 * line-up only). The core four's pars give each the same chance of finishing first
 * (`equalChancePars`: the handicap ranks only their line-up); the others' par is their median.
 */
export function summarizePar(runs: readonly MatchSummary[]): ParBySeat {
  const out = {} as ParBySeat;
  for (const level of PAR_LEVELS) {
    const mine = runs.filter((r) => r.job.group === "par" && r.job.label.startsWith(`${level}|`));
    const lengths = [...new Set(mine.map((r) => r.job.turns))].sort((a, b) => a - b);
    const bySeat = Object.fromEntries(COMPANIES.map((seat) => [seat, Object.fromEntries(SCENARIOS.map((sc) => [sc, {}]))])) as ParBySeat[ParLevel];
    for (const scenario of SCENARIOS)
      for (const turns of lengths)
        for (const lineup of ["core", "full"] as const) {
          const seats = COMPANIES.filter((id) => lineupFor(id) === lineup);
          const matches = mine.filter((r) => r.job.label === labelOf(level, lineup) && r.job.scenario === scenario && r.job.turns === turns);
          // Only matches that hold every seat of the line-up (a seat's path per match, aligned).
          const paths = matches
            .map((r) => seats.map((id) => r.seats.find((x) => x.id === id)?.series.tsrBp))
            .filter((m): m is number[][] => m.every((p) => p !== undefined));
          if (paths.length === 0) continue;
          const pars = lineup === "core" ? equalChancePars(paths, turns) : medianPars(paths, turns);
          seats.forEach((id, i) => {
            bySeat[id][scenario][String(turns)] = pars[i]!;
          });
        }
    out[level] = bySeat;
  }
  return out;
}

export interface ParMeta {
  /** Seeds of each line-up (`hardSeeds`: the core line-up at hard). */
  readonly seeds: number;
  readonly hardSeeds?: number;
  readonly fullSeeds: number;
  readonly firstSeed: number;
  readonly engineVersion: string;
  /** `aiFingerprint()` of the AI the table was calibrated on (an AI change must recalibrate too). */
  readonly aiFingerprint: string;
}

/** The one-line reason every value of par.json carries. */
export function parReason(m: ParMeta, level: ParLevel, seeds: number): string {
  return `${level}-roster calibration, ${seeds} seeds, seeds ${m.firstSeed}..${m.firstSeed + seeds - 1}, engine ${m.engineVersion}`;
}

/** balance/params/par.json: stamped with the engine it was calibrated on; every value `{ v, inferred }`. */
export function renderParJson(par: ParBySeat, m: ParMeta): string {
  const doc = {
    about:
      "Seat par for the handicap score (issue 11): for each AI level, seat, scenario and match length, the par TSR (bp) after each quarter with every seat at that level, and the swing (half the interquartile range, bp). " +
      "The core four from matches of the four of them, their pars set so each finishes first equally often (the median moved by a fitted number of swings); Oracle, Apple and Tesla at their median from matches of all seven; variants alternate by seed. Generated by `npm run par` — do not edit by hand.",
    engineVersion: m.engineVersion,
    aiFingerprint: m.aiFingerprint,
    levels: Object.fromEntries(
      PAR_LEVELS.map((level) => [
        level,
        Object.fromEntries(
          COMPANIES.map((seat) => {
            const reason = parReason(m, level, lineupFor(seat) === "core" ? coreSeeds(m, level) : m.fullSeeds);
            return [seat, Object.fromEntries(SCENARIOS.map((sc) => [sc, { v: par[level][seat][sc], inferred: reason }]))];
          }),
        ),
      ]),
    ),
  };
  // Number arrays on one line keep the file short and a recalibration's diff readable.
  return `${JSON.stringify(doc, null, 2).replace(/\[\s+([-\d,\s]+?)\s+\]/g, (_m, inner: string) => `[${inner.split(/\s*,\s*/).join(", ")}]`)}\n`;
}
