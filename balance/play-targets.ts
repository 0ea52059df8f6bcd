/**
 * Issue 9's targets on play (group 12): the TPU programme pays for Alphabet, the two scenario
 * variants are two worlds, The Build-out opens in the 2025 regime, and in AI play the industry
 * ends worse off than all-restrain in absolute terms a player can see.
 */
import { allRestrainRuns, bySeed, documentedRuns, perSeed, runsOf, seatOf } from "./runs.ts";
import { clearlyPositive, estimate, mean, pairedBy, pct, pctBp, share } from "./stats.ts";
import type { Estimate } from "./stats.ts";
import type { MatchSummary } from "./types.ts";
import type { Dataset, TargetDef } from "./target-def.ts";

/** The four's mean TSR in a run (the score's TSR), bp. */
export const meanTsrBp = (s: MatchSummary): number => mean(s.seats.map((x) => x.tsrBp));

/** The four's combined value at the end as a player sees it: market cap + cash returned, $M. */
export const industryWealth = (s: MatchSummary): number => s.end.marketCap + s.end.cashReturned;

/** Alphabet's TSR on the guidance path minus the same seed with no custom silicon. */
export function tpuPayoff(d: Dataset): Estimate {
  const id = "alphabet";
  return pairedBy(
    perSeed(documentedRuns(d), (s) => seatOf(s, id).tsrBp),
    perSeed(runsOf(d, "probe-tpu"), (s) => seatOf(s, id).tsrBp),
  );
}

/** SCN-CONS minus SCN-GUIDE (all four on their variant's guidance path), paired by seed: the four's mean TSR. */
export function variantGap(d: Dataset): Estimate {
  return pairedBy(perSeed(runsOf(d, "cons"), meanTsrBp), perSeed(documentedRuns(d), meanTsrBp));
}

export interface AiVsRestraint {
  /** Per paired seed: AI play's end wealth minus all-restrain's, $M. */
  readonly gaps: readonly number[];
  readonly worse: number;
}

export function aiVsRestraint(d: Dataset): AiVsRestraint {
  const restrain = bySeed(allRestrainRuns(d));
  const gaps: number[] = [];
  for (const s of runsOf(d, "ai-normal")) {
    const r = restrain.get(s.job.seed);
    if (r) gaps.push(industryWealth(s) - industryWealth(r));
  }
  return { gaps, worse: share(gaps.map((g) => g < 0)) };
}

const trn = (m: number): string => `${(m / 1e6).toFixed(2)}T`;

export const PLAY_TARGETS: readonly TargetDef[] = [
  {
    id: "ISSUE9-CHIP-01-tpu-pays",
    group: 12,
    core: true,
    description: "the TPU programme pays for Alphabet: its TSR on the guidance path minus the same seed with no custom silicon (rivals on the guidance path)",
    figures: ["googl_pays_itself", "googl_full_stack", "googl_largest_tpu"],
    run: (d) => {
      const e = tpuPayoff(d);
      return {
        expected: "> 0 with the 95% CI above 0",
        got: `${(e.mean / 100).toFixed(1)} ±${(e.ci / 100).toFixed(1)} pp (${e.n} pairs)`,
        pass: clearlyPositive(e),
      };
    },
  },
  {
    id: "ISSUE9-SCN-01-variants-differ",
    group: 12,
    core: true,
    description: "SCN-GUIDE and SCN-CONS are two worlds: different opening consensus capex, and all-guide results that differ beyond noise (paired by seed)",
    figures: ["capex_big4_2026_guidance_d002", "capex_big4_2026e_headline_d001", "capex_2026_consensus_growth_end2025", "capex_2026_yoy_growth_d002"],
    run: (d) => {
      const calib = runsOf(d, "calib");
      const g = calib.find((s) => s.job.label === "reckoning/guide");
      const c = calib.find((s) => s.job.label === "reckoning/cons");
      if (!g || !c) return { expected: "", got: "missing calibration runs", pass: false };
      const gap = variantGap(d);
      const differs = Number.isFinite(gap.ci) && Math.abs(gap.mean) > gap.ci;
      return {
        expected: "opening consensus capex differs; |mean TSR gap| > its 95% CI",
        got: `consensus 2026 capex ${(g.start.consensusCapexYear / 1000).toFixed(0)} vs ${(c.start.consensusCapexYear / 1000).toFixed(0)} $B (Q1 ${(g.start.consensusCapex / 1000).toFixed(1)} vs ${(c.start.consensusCapex / 1000).toFixed(1)}); CONS − GUIDE mean TSR ${(gap.mean / 100).toFixed(1)} ±${(gap.ci / 100).toFixed(1)} pp (${gap.n} pairs)`,
        pass: g.start.consensusCapex !== c.start.consensusCapex && differs,
      };
    },
  },
  {
    id: "ISSUE9-SCN-02-buildout-euphoria",
    group: 12,
    core: true,
    description: "The Build-out (2025 Q1) opens in the documents' 2025 regime: euphoria (the training phase, buying chips at any cost)",
    figures: ["phase_training"],
    run: (d) => {
      const runs = runsOf(d, "buildout");
      const regimes = [...new Set(runs.map((s) => s.start.regime))];
      const firstQ = share(runs.map((s) => s.industry.regime[0] === "euphoria"));
      return {
        expected: "opening regime = euphoria in every run",
        got: `opening ${regimes.join("/") || "none"}; still euphoria after Q1 in ${pct(firstQ)} of seeds`,
        pass: runs.length > 0 && regimes.length === 1 && regimes[0] === "euphoria",
      };
    },
  },
  {
    id: "ISSUE9-AI-01-industry-worse-off",
    group: 12,
    core: true,
    description:
      "in AI play (all four seats the shipped AI at normal) the four end with less market cap + cash returned than all-restrain (flat) on the same seed: everyone loses, in absolute terms",
    figures: ["gt_pd_ts", "gt_overinvest_payoff", "gt_pd_d000"],
    run: (d) => {
      const r = aiVsRestraint(d);
      const e = estimate(r.gaps as number[]);
      const ai = runsOf(d, "ai-normal");
      const tsr = mean(ai.map(meanTsrBp));
      return {
        expected: "worse in > 50% of seeds; mean gap in $T reported",
        got: `worse in ${pct(r.worse)} of ${r.gaps.length} seeds; mean gap ${trn(e.mean)} ±${trn(e.ci)} (AI play's mean TSR ${pctBp(tsr)})`,
        pass: r.gaps.length > 0 && r.worse > 0.5,
      };
    },
  },
];
