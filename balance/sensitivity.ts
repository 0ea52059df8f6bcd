/**
 * The one-lever sensitivity table (issue 11, "every decision matters"): every seat at a roster,
 * then the same match (seed, scenario, seat) with one lever of one seat moved every quarter
 * (balance/sensitivity-levers.ts). The table gives, per lever, the probed seat's score change
 * against its twin with a 95% confidence interval, and how often the bounds let the probe act.
 */
import { CORE_FOUR, type CompanyId, type ScenarioId, type Variant } from "../shared/engine/ids.ts";
import type { Difficulty } from "../shared/ai/index.ts";
import { LEVERS, LEVER_STEPS, type Lever } from "./sensitivity-levers.ts";
import { type MatchResult, type MatchSpec, type Stat, stat } from "./tournament.ts";

export interface SensitivityOptions {
  /** Seed indices; each is played in both scenarios (variants alternate by seed). */
  readonly seeds: number;
  readonly turns: number;
  readonly roster: Difficulty;
  readonly levers?: readonly Lever[];
  readonly firstSeed?: number;
}

const SCENARIOS: readonly ScenarioId[] = ["reckoning", "buildout"];

export function planSensitivity(o: SensitivityOptions): MatchSpec[] {
  const seats = [...CORE_FOUR] as CompanyId[];
  const players = Object.fromEntries(seats.map((s) => [s, o.roster])) as Partial<Record<CompanyId, Difficulty>>;
  const specs: MatchSpec[] = [];
  let index = 0;
  for (let s = 0; s < o.seeds; s++) {
    for (const scenario of SCENARIOS) {
      const variant: Variant = s % 2 === 0 ? "guide" : "cons";
      const base = { index: 0, scenario, variant, turns: o.turns, seed: (o.firstSeed ?? 1) + 40_000 + s, seats, players, roster: o.roster };
      specs.push({ ...base, group: "baseline", index: index++ });
      for (const lever of o.levers ?? LEVERS) for (const at of seats) specs.push({ ...base, group: "probe", index: index++, probe: { at, lever } });
    }
  }
  return specs;
}

export interface SensitivityRow {
  readonly lever: Lever;
  readonly step: string;
  /** Probed seat's score − its twin's (bp). */
  readonly delta: Stat;
  /** Mean |score change| (bp): a lever can matter in both directions and cancel out in the mean. */
  readonly meanAbs: number;
  /** Share of the probed seat's quarters in which the bounds let the probe change the decision. */
  readonly appliedShare: number;
  /** Share of probes that changed the seat's score at all. */
  readonly movedShare: number;
  /**
   * The same change split by the situation the match produced (its twin's): the bond window open
   * all match or shut in some quarter, and the probed seat. A lever can pay in one situation and
   * cost in another (a short tenor while the window stays open, and when it shuts).
   */
  readonly situations: Readonly<Record<Situation, Stat>>;
}

export const SITUATIONS = ["window_open", "window_shut", ...CORE_FOUR] as const;
export type Situation = (typeof SITUATIONS)[number];

const SITUATION_LABEL: Readonly<Record<Situation, string>> = {
  window_open: "window open all match",
  window_shut: "window shut ≥ 1 quarter",
  microsoft: "microsoft",
  amazon: "amazon",
  alphabet: "alphabet",
  meta: "meta",
};

const key = (s: MatchSpec): string => `${s.scenario}|${s.variant}|${s.turns}|${s.seed}|${s.roster}`;

export function summarizeSensitivity(results: readonly MatchResult[]): SensitivityRow[] {
  const twins = new Map<string, MatchResult>();
  for (const r of results) if (r.spec.group === "baseline") twins.set(key(r.spec), r);
  const by = new Map<Lever, { d: number[]; applied: number; quarters: number; split: Map<Situation, number[]> }>();
  for (const r of results) {
    const p = r.spec.probe;
    const twin = twins.get(key(r.spec));
    if (r.spec.group !== "probe" || !p || !twin) continue;
    const me = r.seats.find((x) => x.seat === p.at)!.scoreBp;
    const base = twin.seats.find((x) => x.seat === p.at)!.scoreBp;
    const e = by.get(p.lever) ?? { d: [], applied: 0, quarters: 0, split: new Map<Situation, number[]>() };
    e.d.push(me - base);
    const window: Situation = (twin.windowShutQuarters ?? 0) > 0 ? "window_shut" : "window_open";
    for (const sit of [window, p.at as Situation])
      if ((SITUATIONS as readonly string[]).includes(sit)) e.split.set(sit, [...(e.split.get(sit) ?? []), me - base]);
    e.applied += r.probed ?? 0;
    e.quarters += r.spec.turns;
    by.set(p.lever, e);
  }
  return LEVERS.filter((l) => by.has(l)).map((lever) => {
    const e = by.get(lever)!;
    return {
      lever,
      step: LEVER_STEPS[lever],
      delta: stat(e.d),
      meanAbs: e.d.reduce((s, x) => s + Math.abs(x), 0) / Math.max(1, e.d.length),
      appliedShare: e.applied / Math.max(1, e.quarters),
      movedShare: e.d.filter((x) => x !== 0).length / Math.max(1, e.d.length),
      situations: Object.fromEntries(SITUATIONS.map((sit) => [sit, stat(e.split.get(sit) ?? [])])) as Record<Situation, Stat>,
    };
  });
}

const pp = (bp: number): string => `${bp >= 0 ? "+" : "−"}${(Math.abs(bp) / 100).toFixed(1)}`;
const cell = (x: Stat): string => (x.n === 0 ? "—" : `${pp(x.mean)} ± ${(x.ci95 / 100).toFixed(1)} (${x.n})`);

/** The table as Markdown (the balance report's section). */
export function renderSensitivity(rows: readonly SensitivityRow[], o: { roster: Difficulty; seeds: number; turns: number }): string {
  const lines = [
    `## One-lever sensitivity (${o.roster} roster, ${o.seeds} seeds × 2 scenarios × 4 seats, ${o.turns} quarters)`,
    "",
    "Each probe moves one field of one seat's decision every quarter (within its bounds) against the same match unprobed.",
    "Score change in TSR points with its 95% CI; |change| = mean absolute change (a lever can help one seat and hurt another).",
    "",
    "| lever | probe | score change (pp) | mean \\|change\\| (pp) | quarters it acted | probes that moved the score |",
    "|---|---|---|---|---|---|",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.lever} | ${r.step} | ${pp(r.delta.mean)} ± ${(r.delta.ci95 / 100).toFixed(1)} | ${(r.meanAbs / 100).toFixed(1)} | ${Math.round(r.appliedShare * 100)}% | ${Math.round(r.movedShare * 100)}% |`,
    );
  lines.push(
    "",
    "### By situation",
    "",
    "The same score change (pp, 95% CI, n probes) split by what the match produced: the bond window open all match or shut in some quarter (from the unprobed twin), and the probed seat.",
    "",
    `| lever | ${SITUATIONS.map((x) => SITUATION_LABEL[x]).join(" | ")} |`,
    `|---|${SITUATIONS.map(() => "---").join("|")}|`,
  );
  for (const r of rows) lines.push(`| ${r.lever} | ${SITUATIONS.map((x) => cell(r.situations[x])).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

const escHtml = (x: string): string => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The table as an HTML section of the balance report; a lever whose CI spans 0 is marked. */
export function renderSensitivityHtml(rows: readonly SensitivityRow[], o: { roster: Difficulty; seeds: number; turns: number }): string {
  const body = rows
    .map((r) => {
      const clear = Math.abs(r.delta.mean) > r.delta.ci95;
      return `<tr><td><code>${escHtml(r.lever)}</code></td><td>${escHtml(r.step)}</td><td class="${clear ? "ok" : ""}">${pp(r.delta.mean)} ± ${(r.delta.ci95 / 100).toFixed(1)}</td><td>${(r.meanAbs / 100).toFixed(1)}</td><td>${Math.round(r.appliedShare * 100)}%</td><td>${Math.round(r.movedShare * 100)}%</td></tr>`;
    })
    .join("\n");
  return `<h2>One-lever sensitivity (issue 11: every decision matters)</h2>
<p>${o.roster} roster in every seat, ${o.seeds} seeds × 2 scenarios × 4 seats, ${o.turns} quarters. Each probe moves one field of one seat's decision every quarter (within its bounds) against the same match unprobed: the probed seat's score change in TSR points with its 95% CI (green where the CI excludes 0), the mean absolute change (a lever can help one seat and hurt another), how often the bounds let the probe act, and how often it moved the score at all. Full counts: <code>npm run sensitivity</code>.</p>
<table><tr><th>lever</th><th>probe</th><th>score change (pp)</th><th>mean |change| (pp)</th><th>quarters it acted</th><th>probes that moved the score</th></tr>
${body}
</table>`;
}
