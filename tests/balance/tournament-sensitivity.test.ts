/**
 * The paired and sensitivity machinery of issue 11 (balance/tournament.ts, balance/sensitivity*.ts)
 * on a CI-sized sample: every probe and every paired match has its twin, a probe changes only
 * its own lever and stays legal, and the summaries pair the right matches.
 */
import { describe, expect, test } from "vitest";
import { CORE_FOUR } from "../../shared/engine/ids.ts";
import { createMatch, resolveTurn } from "../../shared/engine/index.ts";
import { decisionBounds, validateDecision } from "../../shared/engine/validate.ts";
import { decideFor } from "../../shared/ai/index.ts";
import { LEVERS, applyLever } from "../../balance/sensitivity-levers.ts";
import { planSensitivity, renderSensitivity, renderSensitivityHtml, summarizeSensitivity } from "../../balance/sensitivity.ts";
import { planTournament, runTournament, summarizePaired } from "../../balance/tournament.ts";

describe("one-lever probes", () => {
  // A state a few quarters in, played by the guidance followers: bonds, deals and payouts all in play.
  let state = createMatch({ scenario: "reckoning", variant: "guide", turns: 12, seats: [...CORE_FOUR], seed: 4242 });
  for (let t = 0; t < 3; t++) {
    const d = Object.fromEntries(CORE_FOUR.map((s) => [s, decideFor(state, s, "guidance", 1)]));
    state = resolveTurn(state, d).state;
  }

  test.each(LEVERS.map((lever) => ({ lever })))("$lever: the probe moves only its field and stays legal", ({ lever }) => {
    let acted = 0;
    for (const seat of CORE_FOUR) {
      const base = decideFor(state, seat, "guidance", 1);
      const { decision, applied } = applyLever(state, seat, base, lever);
      expect(validateDecision(state, seat, decision).ok).toBe(true);
      const changed = Object.keys(base).filter((k) => JSON.stringify(base[k as keyof typeof base]) !== JSON.stringify(decision[k as keyof typeof decision]));
      expect(applied).toBe(changed.length > 0);
      const field = lever === "debtTenor" ? "debtTenor" : lever;
      for (const k of changed) expect(k).toBe(field);
      if (applied) acted++;
      // Within the bounds the seat was shown.
      const b = decisionBounds(state, seat);
      if (lever === "capex") expect(decision.capex).toBeLessThanOrEqual(b.capex.max);
    }
    // Custom-chip share is capped by the seat's chip programme: a seat with none cannot move it.
    if (lever !== "customShareBp") expect(acted).toBeGreaterThan(0);
  });
});

describe("paired matches and the sensitivity table", () => {
  test("every paired match has a baseline twin: same seed, scenario, variant and roster", () => {
    const specs = planTournament({ seeds: 2, turns: 4, groups: ["paired"], tricks: ["final_payout"], rosters: ["easy"] });
    const base = specs.filter((s) => s.group === "baseline");
    const paired = specs.filter((s) => s.group === "paired");
    expect(paired.length).toBe(2 * CORE_FOUR.length);
    for (const p of paired) {
      expect(p.players[p.at!]).toBe("final_payout");
      for (const seat of CORE_FOUR) if (seat !== p.at) expect(p.players[seat]).toBe("easy");
      expect(base.some((b) => b.seed === p.seed && b.scenario === p.scenario && b.variant === p.variant && b.roster === p.roster)).toBe(true);
    }
  });

  test("a rule paired with the roster's own AI scores a delta of zero; a probe with no effect too", async () => {
    // `easy` at the roster in its own seat is the twin itself: every delta must be exactly zero.
    const specs = planTournament({ seeds: 2, turns: 4, groups: ["paired"], tricks: ["easy"], rosters: ["easy"] });
    const rows = summarizePaired(await runTournament(specs, { workers: 0 }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.matches).toBe(2 * CORE_FOUR.length);
    expect(rows[0]!.delta.mean).toBe(0);
    expect(rows[0]!.winRate).toBe(rows[0]!.twinWinRate);
  });

  test("the sensitivity table pairs each probe with its twin and reports every lever asked for", async () => {
    const specs = planSensitivity({ seeds: 1, turns: 4, roster: "easy", levers: ["dividends", "energyBids"] });
    expect(specs.filter((s) => s.group === "baseline")).toHaveLength(2);
    expect(specs.filter((s) => s.group === "probe")).toHaveLength(2 * 2 * CORE_FOUR.length);
    const rows = summarizeSensitivity(await runTournament(specs, { workers: 2 }));
    expect(rows.map((r) => r.lever)).toEqual(["energyBids", "dividends"]);
    const div = rows.find((r) => r.lever === "dividends")!;
    expect(div.delta.n).toBe(2 * CORE_FOUR.length);
    // Paying $2B more a quarter acts whenever the seat may pay dividends, and moves its score.
    expect(div.appliedShare).toBeGreaterThan(0.5);
    expect(div.movedShare).toBeGreaterThan(0.5);
    const md = renderSensitivity(rows, { roster: "easy", seeds: 1, turns: 4 });
    expect(md).toContain("| dividends | dividends +$2B a quarter |");
    // The balance report's section: one row per lever, green only where the CI excludes 0.
    const html = renderSensitivityHtml(rows, { roster: "easy", seeds: 1, turns: 4 });
    expect(html.match(/<tr><td><code>/g)).toHaveLength(rows.length);
    expect(html).toContain("<code>dividends</code></td><td>dividends +$2B a quarter</td>");
    for (const r of rows) expect(html.includes(`class="ok">${r.delta.mean >= 0 ? "+" : "−"}`) || Math.abs(r.delta.mean) <= r.delta.ci95).toBe(true);
  });
});
