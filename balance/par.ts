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
 * Apple and Tesla from matches of all seven. Robust statistics: par is the median TSR after each
 * quarter, the swing half the interquartile range ("half its matches end within one swing of
 * par"), so one blow-up match moves neither. (A swing pooled over both scenarios was tried: it
 * balanced the seats worse, 1 of 6 roster-scenario rows within 10–40% against 4 of 6.)
 */
import { COMPANIES, CORE_FOUR, type CompanyId, PAR_LENGTHS, PAR_LEVELS, type ParLevel, SCENARIOS, type ScenarioId } from "../shared/engine/ids.ts";
import type { MatchJob, MatchSummary, PolicyKey } from "./types.ts";

/** First calibration seed: far from every tournament seed (tournament.ts plans 1 + up to 99_999). */
export const PAR_FIRST_SEED = 900_001;
export const PAR_DEFAULT_SEEDS = 24;
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
  /** Seeds of the core line-up. */
  readonly seeds: number;
  /** Seeds of the seven-seat line-up (the first ones of the same seeds; default: as many as `seeds`). */
  readonly fullSeeds?: number;
  readonly firstSeed?: number;
  readonly levels?: readonly ParLevel[];
  readonly lengths?: readonly number[];
}

/** A calibration job's label: `<level>|<line-up>`. */
const labelOf = (level: ParLevel, lineup: "core" | "full"): string => `${level}|${lineup}`;

/** The calibration's matches: every level, length and seed in both scenarios and both line-ups; variant alternating by seed. */
export function planPar(o: ParPlan): MatchJob[] {
  const first = o.firstSeed ?? PAR_FIRST_SEED;
  const full = o.fullSeeds ?? o.seeds;
  const jobs: MatchJob[] = [];
  for (const level of o.levels ?? PAR_LEVELS)
    for (const turns of o.lengths ?? PAR_LENGTHS)
      for (let s = 0; s < Math.max(o.seeds, full); s++)
        for (const scenario of SCENARIOS)
          for (const [lineup, seats] of [
            ["core", CORE],
            ["full", FULL],
          ] as const) {
            if (s >= (lineup === "core" ? o.seeds : full)) continue;
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

/** level → seat → scenario → match length (quarters, as a string key) → par path. */
export type ParBySeat = Record<ParLevel, Record<CompanyId, Record<ScenarioId, Record<string, SeatParPath>>>>;

/** Each seat's par per level, scenario and length from the calibration's match summaries (its own line-up only). */
export function summarizePar(runs: readonly MatchSummary[]): ParBySeat {
  const out = {} as ParBySeat;
  for (const level of PAR_LEVELS) {
    const bySeat = {} as ParBySeat[ParLevel];
    const mine = runs.filter((r) => r.job.group === "par" && r.job.label.startsWith(`${level}|`));
    const lengths = [...new Set(mine.map((r) => r.job.turns))].sort((a, b) => a - b);
    for (const seat of COMPANIES) {
      const bySc = {} as Record<ScenarioId, Record<string, SeatParPath>>;
      for (const scenario of SCENARIOS) {
        const byLen: Record<string, SeatParPath> = {};
        for (const turns of lengths) {
          const paths = mine
            .filter((r) => r.job.label === labelOf(level, lineupFor(seat)) && r.job.scenario === scenario && r.job.turns === turns)
            .map((r) => r.seats.find((x) => x.id === seat)?.series.tsrBp)
            .filter((p): p is number[] => p !== undefined);
          if (paths.length > 0) byLen[String(turns)] = parOf(paths, turns);
        }
        bySc[scenario] = byLen;
      }
      bySeat[seat] = bySc;
    }
    out[level] = bySeat;
  }
  return out;
}

export interface ParMeta {
  /** Seeds of each line-up. */
  readonly seeds: number;
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
      "Seat par for the handicap score (issue 11): for each AI level, seat, scenario and match length, the median TSR (bp) after each quarter with every seat at that level, and the swing (half the interquartile range, bp). " +
      "The core four from matches of the four of them, the others from matches of all seven; variants alternate by seed. Generated by `npm run par` — do not edit by hand.",
    engineVersion: m.engineVersion,
    aiFingerprint: m.aiFingerprint,
    levels: Object.fromEntries(
      PAR_LEVELS.map((level) => [
        level,
        Object.fromEntries(
          COMPANIES.map((seat) => {
            const reason = parReason(m, level, lineupFor(seat) === "core" ? m.seeds : m.fullSeeds);
            return [seat, Object.fromEntries(SCENARIOS.map((sc) => [sc, { v: par[level][seat][sc], inferred: reason }]))];
          }),
        ),
      ]),
    ),
  };
  // Number arrays on one line keep the file short and a recalibration's diff readable.
  return `${JSON.stringify(doc, null, 2).replace(/\[\s+([-\d,\s]+?)\s+\]/g, (_m, inner: string) => `[${inner.split(/\s*,\s*/).join(", ")}]`)}\n`;
}
