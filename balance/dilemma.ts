/**
 * The 2^4 Invest-heavy / Restrain game of the core four (GAME.md §7 group 7, calibration.md §I).
 * A profile is a string over the seats in order, `H` = Invest-heavy, `R` = Restrain; e.g. `HRRH`.
 * Payoffs are per-seed samples (the same seeds in every profile, so differences are paired).
 */
import { estimate, mean } from "./stats.ts";
import type { Estimate } from "./stats.ts";

/** The anchored matrix of CAL-GT-06 (R, P documented; T, S INFERRED). */
export const ANCHORED = { T: 3.5, R: 2.5, P: 0.7, S: -1.5 } as const;
/** CAL-GT-06's INFERRED 4-player interpolation in k rival investors. */
export const anchoredH = (k: number): number => 3.5 - (2.8 / 3) * k;
export const anchoredR = (k: number): number => 2.5 - (4 / 3) * k;

export function allProfiles(n: number): string[] {
  const out: string[] = [];
  for (let m = 0; m < 1 << n; m++) {
    let s = "";
    for (let i = 0; i < n; i++) s += m & (1 << i) ? "H" : "R";
    out.push(s);
  }
  return out;
}

export const flip = (p: string, i: number): string => p.slice(0, i) + (p[i] === "H" ? "R" : "H") + p.slice(i + 1);
export const setAt = (p: string, i: number, c: "H" | "R"): string => p.slice(0, i) + c + p.slice(i + 1);

/** samples.get(profile)![seat][seedIndex] */
export type Samples = ReadonlyMap<string, readonly (readonly number[])[]>;

export interface RivalCase {
  /** Full profile with this seat investing. */
  readonly profile: string;
  /** Paired gain of investing over restraining against these rivals. */
  readonly gain: Estimate;
}

export interface BestResponse {
  readonly k: number;
  readonly cases: readonly RivalCase[];
  /** Mean payoff when investing / restraining, averaged over the rival profiles with k investors. */
  readonly invest: number;
  readonly restrain: number;
  /** Investing beats restraining against every rival profile with k investors. */
  readonly investBest: boolean;
}

export interface SeatAnalysis {
  readonly seat: string;
  readonly T: Estimate;
  readonly R: Estimate;
  readonly P: Estimate;
  readonly S: Estimate;
  /** Paired differences. */
  readonly TminusR: Estimate;
  readonly RminusP: Estimate;
  readonly PminusS: Estimate;
  readonly twoRminusTS: Estimate;
  readonly bestResponses: readonly BestResponse[];
  /** Invest strictly better against all 2^(n−1) rival profiles. */
  readonly dominant: boolean;
  /** Affine map of the seat's T/R/P/S with P ↔ 0.7 and R ↔ 2.5 (the anchored matrix's documented cells). */
  readonly normalised: { readonly T: number; readonly R: number; readonly P: number; readonly S: number };
  /** Grim-trigger discount threshold (T−R)/(T−P) (CAL-GT-07). */
  readonly deltaStar: number;
}

export interface GameAnalysis {
  readonly seats: readonly string[];
  readonly profiles: readonly { readonly profile: string; readonly payoff: readonly Estimate[] }[];
  readonly perSeat: readonly SeatAnalysis[];
  /** Pure Nash equilibria on mean payoffs (no seat gains by switching alone). */
  readonly nash: readonly string[];
}

function paired(a: readonly number[], b: readonly number[], f: (x: number, y: number) => number): Estimate {
  const n = Math.min(a.length, b.length);
  const d: number[] = [];
  for (let i = 0; i < n; i++) d.push(f(a[i]!, b[i]!));
  return estimate(d);
}

export function analyseGame(seats: readonly string[], samples: Samples): GameAnalysis {
  const n = seats.length;
  const profiles = allProfiles(n);
  const get = (p: string, i: number): readonly number[] => {
    const s = samples.get(p)?.[i];
    if (!s) throw new Error(`no samples for profile ${p}, seat ${seats[i]}`);
    return s;
  };
  const m = (p: string, i: number): number => mean(get(p, i));
  const allH = "H".repeat(n);
  const allR = "R".repeat(n);

  const perSeat: SeatAnalysis[] = seats.map((seat, i) => {
    const Tp = setAt(allR, i, "H");
    const Sp = setAt(allH, i, "R");
    const T = get(Tp, i);
    const R = get(allR, i);
    const P = get(allH, i);
    const S = get(Sp, i);
    const byK = new Map<number, RivalCase[]>();
    for (const p of profiles) {
      if (p[i] !== "H") continue;
      const k = [...p].filter((c, j) => j !== i && c === "H").length;
      const gain = paired(get(p, i), get(flip(p, i), i), (x, y) => x - y);
      const list = byK.get(k) ?? [];
      list.push({ profile: p, gain });
      byK.set(k, list);
    }
    const bestResponses: BestResponse[] = [...byK.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, cases]) => ({
        k,
        cases,
        invest: mean(cases.map((c) => m(c.profile, i))),
        restrain: mean(cases.map((c) => m(flip(c.profile, i), i))),
        investBest: cases.every((c) => c.gain.mean > 0),
      }));
    const t = mean(T);
    const r = mean(R);
    const pp = mean(P);
    const s = mean(S);
    const scale = r === pp ? Number.NaN : (ANCHORED.R - ANCHORED.P) / (r - pp);
    const norm = (x: number): number => ANCHORED.P + (x - pp) * scale;
    return {
      seat,
      T: estimate(T),
      R: estimate(R),
      P: estimate(P),
      S: estimate(S),
      TminusR: paired(T, R, (x, y) => x - y),
      RminusP: paired(R, P, (x, y) => x - y),
      PminusS: paired(P, S, (x, y) => x - y),
      twoRminusTS: (() => {
        const k = Math.min(T.length, R.length, S.length);
        const d: number[] = [];
        for (let j = 0; j < k; j++) d.push(2 * R[j]! - T[j]! - S[j]!);
        return estimate(d);
      })(),
      bestResponses,
      dominant: bestResponses.every((b) => b.investBest),
      normalised: { T: norm(t), R: norm(r), P: norm(pp), S: norm(s) },
      deltaStar: t === pp ? Number.NaN : (t - r) / (t - pp),
    };
  });

  const nash = profiles.filter((p) => seats.every((_, i) => m(p, i) >= m(flip(p, i), i)));
  return {
    seats,
    profiles: profiles.map((p) => ({ profile: p, payoff: seats.map((_, i) => estimate(get(p, i))) })),
    perSeat,
    nash,
  };
}
