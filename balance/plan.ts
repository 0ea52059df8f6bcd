/** The list of matches one balance run plays, by analysis group. */
import { CORE_FOUR } from "../shared/engine/index.ts";
import type { CompanyId } from "../shared/engine/index.ts";
import { allProfiles } from "./dilemma.ts";
import type { MatchJob, PolicyKey } from "./types.ts";

export const SEATS: readonly CompanyId[] = CORE_FOUR;
export const TURNS = 12;
/** Fixed rules played against the guidance path (GAME.md §7 group 9; `reckless` is issue 11's "loot"). */
export const RULES = ["hoard", "zero_capex", "all_in_debt", "reckless", "flat", "capped"] as const satisfies readonly PolicyKey[];
/** Rules that must lose on average (the "tricks"). */
export const TRICKS: readonly PolicyKey[] = ["hoard", "zero_capex", "all_in_debt", "reckless"];
/** The January-2026 episode: Microsoft's first-quarter capex × 1.23 (+66% reported ÷ +35% expected, capex_msft_q_reported_jan2026). */
export const SURPRISE = { seat: "microsoft", capexBp: 12_300 } as const satisfies { seat: CompanyId; capexBp: number };

export interface PlanOptions {
  /** Seeds per dilemma profile (the headline count, ≥ 200 for the full report). */
  readonly seeds: number;
  readonly firstSeed?: number;
}

export function seedList(n: number, first = 1): number[] {
  return Array.from({ length: n }, (_, i) => (first + i * 7919) >>> 0);
}

export function buildPlan(opts: PlanOptions): MatchJob[] {
  const jobs: MatchJob[] = [];
  let id = 0;
  const seeds = seedList(opts.seeds, opts.firstSeed ?? 1);
  const few = seeds.slice(0, Math.max(8, Math.ceil(opts.seeds / 4)));
  const fewer = seeds.slice(0, Math.max(4, Math.ceil(opts.seeds / 8)));
  // Every job plays the four core seats for TURNS quarters of The Reckoning's guidance world with
  // random events, unless it says otherwise.
  const add = (j: Pick<MatchJob, "group" | "label" | "seed" | "policies"> & Partial<Omit<MatchJob, "id">>): void => {
    jobs.push({ id: id++, scenario: "reckoning", variant: "guide", turns: TURNS, randomEvents: true, seats: SEATS, ...j });
  };
  const all = (key: PolicyKey): Partial<Record<CompanyId, PolicyKey>> => Object.fromEntries(SEATS.map((s) => [s, key]));

  for (const restraint of ["flat", "capped"] as const) {
    for (const profile of allProfiles(SEATS.length)) {
      // All-invest is the same match under both restraint definitions: play it once.
      if (restraint === "capped" && !profile.includes("R")) continue;
      const policies = Object.fromEntries(SEATS.map((s, i) => [s, profile[i] === "H" ? "guide" : restraint])) as Partial<Record<CompanyId, PolicyKey>>;
      for (const seed of seeds) {
        add({
          group: `dilemma-${restraint}`,
          label: profile,
          seed,
          policies,
        });
      }
    }
  }
  for (const seed of few) {
    add({
      group: "cons",
      label: "guide",
      variant: "cons",
      seed,
      policies: all("guide"),
    });
    add({
      group: "buildout",
      label: "guide",
      scenario: "buildout",
      seed,
      policies: all("guide"),
    });
  }
  // The shipped AI at `normal` in all four seats, on the seeds of the dilemma's first quarter:
  // paired by seed with the all-restrain profile (RRRR, flat) of dilemma-flat.
  for (const seed of few) {
    add({
      group: "ai-normal",
      label: "ai_normal",
      seed,
      policies: all("ai_normal"),
    });
  }
  // Probes paired by seed with the all-guide profile (HHHH) of dilemma-flat: one change each.
  // The chip mix moves Alphabet's score by a few points against a seed-to-seed spread of ~9, so
  // the TPU probe plays every seed; the capex surprise is read in its own quarter and needs fewer.
  for (const seed of seeds) {
    add({
      group: "probe-tpu",
      label: "guide_no_tpu@alphabet",
      seed,
      policies: { ...all("guide"), alphabet: "guide_no_tpu" },
    });
  }
  for (const seed of few) {
    add({
      group: "probe-surprise",
      label: `capex×${SURPRISE.capexBp / 10_000}@${SURPRISE.seat}`,
      seed,
      policies: all("guide"),
      firstTurnOverride: { seat: SURPRISE.seat, capexBp: SURPRISE.capexBp },
    });
  }
  for (const rule of RULES) {
    for (const seat of SEATS) {
      for (const seed of fewer) {
        add({
          group: "rules",
          label: `${rule}@${seat}`,
          seed,
          policies: { ...all("guide"), [seat]: rule },
        });
      }
    }
  }
  // Deterministic calibration runs: only the scenario's scheduled events.
  for (const [scenario, variant] of [
    ["reckoning", "guide"],
    ["reckoning", "cons"],
    ["buildout", "guide"],
  ] as const) {
    add({
      group: "calib",
      label: `${scenario}/${variant}`,
      scenario,
      variant,
      seed: 1,
      randomEvents: false,
      policies: all("guide"),
    });
  }
  return jobs;
}
