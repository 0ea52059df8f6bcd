/**
 * Issue 9's credit targets (group 11): who borrows on the documented path, the AI share of the
 * investment-grade market, opening ratings, and whether reckless play reaches distress.
 */
import type { CompanyId, Rating } from "../shared/engine/index.ts";
import { SEATS } from "./plan.ts";
import { SHORT, documentedRuns, lastQuarterOf, runsOf, seatOf } from "./runs.ts";
import { pct, share } from "./stats.ts";
import type { MatchSummary } from "./types.ts";
import type { TargetDef } from "./target-def.ts";

/** Opening ratings (balance/params/companies.json openingRating: public ratings, INFERRED; Alphabet's cites bond_googl_100yr). */
export const DOCUMENTED_RATINGS: Readonly<Partial<Record<CompanyId, Rating>>> = { microsoft: "AAA", alphabet: "AA+", amazon: "AA", meta: "AA-" };

/** Seats that must borrow in 2026 on the documented path (only Microsoft's cash flow covers its capex). */
export const BORROWERS_2026: readonly CompanyId[] = ["amazon", "alphabet", "meta"];

export const bondsIn = (s: MatchSummary, id: CompanyId, year: number): number => seatOf(s, id).bondsByYear[String(year)] ?? 0;

/** Share of runs in which a seat placed bonds in `year`. */
export const issuedShare = (runs: readonly MatchSummary[], id: CompanyId, year: number): number => share(runs.map((s) => bondsIn(s, id, year) > 0));

/** The AI share of IG debt at the end of `year` above the opening share. */
export function igShareRose(s: MatchSummary, year: number): boolean {
  const i = lastQuarterOf(s, year);
  return i >= 0 && (s.industry.aiIgShareBp[i] ?? 0) > s.start.aiIgShareBp;
}

export interface DistressCount {
  readonly runs: number;
  readonly distress: number;
  readonly emergency: number;
  readonly equityRaise: number;
  readonly defaulted: number;
}

/** Distress of the rule's own seat over the rules group's runs labelled `<rule>@<seat>`. */
export function distressOf(runs: readonly MatchSummary[], rule: string): DistressCount {
  let n = 0;
  let distress = 0;
  let emergency = 0;
  let equityRaise = 0;
  let defaulted = 0;
  for (const s of runs) {
    if (!s.job.label.startsWith(`${rule}@`)) continue;
    const x = seatOf(s, s.job.label.split("@")[1] as CompanyId).distress;
    n++;
    if (x.emergency || x.equityRaise || x.defaulted) distress++;
    if (x.emergency) emergency++;
    if (x.equityRaise) equityRaise++;
    if (x.defaulted) defaulted++;
  }
  return { runs: n, distress, emergency, equityRaise, defaulted };
}

export const CREDIT_TARGETS: readonly TargetDef[] = [
  {
    id: "ISSUE9-CRD-01-bonds-2026",
    group: 11,
    core: true,
    description: "on the documented path Amazon, Alphabet and Meta each issue bonds in 2026 (their cash flow does not cover the capex); Microsoft need not",
    figures: ["ocf_only_msft_covers_2026", "fcf_exhausted_others_2026", "bond_meta_size", "bond_googl_size", "bond_googl_planned"],
    run: (d) => {
      const runs = documentedRuns(d);
      const shares = SEATS.map((id) => [id, issuedShare(runs, id, 2026)] as const);
      const ok = BORROWERS_2026.every((id) => issuedShare(runs, id, 2026) >= 0.8);
      return {
        expected: "AMZN, GOOGL, META each in ≥ 80% of seeds (MSFT: any)",
        got: shares.map(([id, f]) => `${SHORT[id]} ${pct(f)}${BORROWERS_2026.includes(id) ? "" : " (need not)"}`).join(" · "),
        pass: runs.length > 0 && ok,
      };
    },
  },
  {
    id: "ISSUE9-CRD-02-ai-ig-share-rises",
    group: 11,
    core: true,
    description: "the AI share of investment-grade debt at the end of 2026 is above its 14% start on the documented path",
    figures: ["ai_ig_share_end2025", "tmt_ig_issuance_2026e"],
    run: (d) => {
      const runs = documentedRuns(d);
      const f = share(runs.map((s) => igShareRose(s, 2026)));
      const end = runs.map((s) => s.industry.aiIgShareBp[lastQuarterOf(s, 2026)] ?? Number.NaN).filter(Number.isFinite);
      const start = runs[0]?.start.aiIgShareBp ?? Number.NaN;
      return {
        expected: "above the start in ≥ 90% of seeds",
        got: `${pct(f)} of seeds (start ${(start / 100).toFixed(1)}%; end-2026 ${(Math.min(...end) / 100).toFixed(1)}–${(Math.max(...end) / 100).toFixed(1)}%)`,
        pass: runs.length > 0 && f >= 0.9,
      };
    },
  },
  {
    id: "ISSUE9-CRD-03-opening-ratings",
    group: 11,
    core: true,
    description:
      "opening ratings as documented, and the agencies' rule puts the opening ratios at the same notch (no first-quarter watch the player did not cause)",
    figures: ["bond_googl_100yr"],
    run: (d) => {
      const r = runsOf(d, "calib").find((s) => s.job.label === "reckoning/guide");
      if (!r) return { expected: "", got: "missing calibration run", pass: false };
      const runs = documentedRuns(d);
      const rows = SEATS.map((id) => {
        const x = seatOf(r, id);
        // A watch or an action after the first quarter on the documented path (report only: the quarter's own decisions can cause it).
        const moved = share(runs.map((s) => seatOf(s, id).watch[0] !== "none" || seatOf(s, id).ratings[0] !== seatOf(s, id).openingRating));
        return {
          id,
          rating: x.openingRating,
          target: x.openingTarget,
          moved,
          ok: x.openingRating === DOCUMENTED_RATINGS[id] && x.openingTarget === x.openingRating,
        };
      });
      return {
        expected: "MSFT AAA · AMZN AA · GOOGL AA+ · META AA− (INFERRED: public ratings); agencies' target = rating",
        got: rows.map((x) => `${SHORT[x.id]} ${x.rating} (target ${x.target}; Q1 watch/action ${pct(x.moved)})`).join(" · "),
        pass: rows.every((x) => x.ok),
      };
    },
  },
  {
    id: "ISSUE9-CRD-04-reckless-distress",
    group: 11,
    core: true,
    description:
      "reckless play (borrow all the market lends, pay the most dividends, the rest on capex; one seat, rivals on the guidance path) reaches distress",
    figures: ["bond_vigilantes", "orcl_equity_raise"],
    run: (d) => {
      const c = distressOf(runsOf(d, "rules"), "reckless");
      const f = c.runs === 0 ? Number.NaN : c.distress / c.runs;
      const def = c.runs === 0 ? Number.NaN : c.defaulted / c.runs;
      return {
        expected: "distress (bridge loan, equity raise or default) in ≥ 50% of runs; default in ≥ 10%",
        got: `distress ${pct(f)} · default ${pct(def)} (bridge ${c.emergency}, equity raise ${c.equityRaise}, default ${c.defaulted} of ${c.runs})`,
        pass: c.runs > 0 && f >= 0.5 && def >= 0.1,
      };
    },
  },
];
