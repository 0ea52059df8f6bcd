/**
 * A class's matches side by side: one row per team (a seat of a match), with how its match
 * compares with the other matches of the class and with that match's own all-restrain path.
 * Pure; the classroom's server code supplies the finished matches' debriefs.
 */
import type { CompanyId } from "../engine/ids.ts";
import type { EndingVerdict } from "../engine/types.ts";
import { translate, type Lang } from "../i18n/index.ts";
import type { SeatPlayer, Table, Cell } from "./export.ts";
import type { Debrief } from "./types.ts";

export interface ClassMatch {
  readonly matchId: string;
  readonly debrief: Debrief;
  readonly players: Readonly<Partial<Record<CompanyId, SeatPlayer>>>;
}

export const CLASS_COLUMNS = [
  "match_id",
  "company",
  "company_name",
  "team",
  "rank_in_match",
  "rank_in_class",
  "score_pct",
  "score_all_restrain_pct",
  "score_only_me_restrain_pct",
  "score_only_me_race_pct",
  "raced",
  "value_created_musd",
  "value_created_all_restrain_musd",
  "match_value_created_musd",
  "match_value_created_all_restrain_musd",
  "match_race_cost_musd",
  "match_rank_by_value",
  "match_profit_to_capex",
  "match_profit_to_capex_all_restrain",
  "match_ending",
] as const;

export type Ending = "cloud2" | "global_crossing" | "both" | "neither";

export function endingOf(v: EndingVerdict): Ending {
  return v.cloud2 && v.globalCrossing ? "both" : v.cloud2 ? "cloud2" : v.globalCrossing ? "global_crossing" : "neither";
}

export interface ClassMatchSummary {
  readonly matchId: string;
  readonly seats: readonly CompanyId[];
  readonly valueCreated: number;
  readonly restrainValueCreated: number;
  readonly raceCost: number;
  /** 1 = the match whose industry created the most value. */
  readonly rankByValue: number;
  readonly profitToCapexBp: number;
  readonly restrainProfitToCapexBp: number;
  readonly ending: Ending;
  /** Seats for which T > R > P > S held. */
  readonly dilemmaSeats: number;
}

/** The class's matches compared: each match's industry against its own all-restrain run, ranked by value created. */
export function classSummary(matches: readonly ClassMatch[]): ClassMatchSummary[] {
  const base = matches.map((m) => {
    const w = m.debrief.welfare;
    return {
      matchId: m.matchId,
      seats: m.debrief.config.seats,
      valueCreated: w.actual.valueCreated,
      restrainValueCreated: w.allRestrain.valueCreated,
      raceCost: w.raceCostValue,
      profitToCapexBp: w.actual.profitToCapexBp,
      restrainProfitToCapexBp: w.allRestrain.profitToCapexBp,
      ending: endingOf(m.debrief.verdict),
      dilemmaSeats: m.debrief.payoff.dilemmaSeats.length,
    };
  });
  const order = [...base].sort((a, b) => b.valueCreated - a.valueCreated || (a.matchId < b.matchId ? -1 : 1));
  return base.map((b) => ({ ...b, rankByValue: order.indexOf(b) + 1 }));
}

/** One row per team of the class; `rank_in_class` orders every team by its score (TSR compares across companies). */
export function classTable(matches: readonly ClassMatch[], lang: Lang): Table {
  const summary = classSummary(matches);
  const teams = matches.flatMap((m) => m.debrief.welfare.rows.map((w) => ({ m, w })));
  const byScore = [...teams].sort((a, b) => Number(a.w.defaulted) - Number(b.w.defaulted) || b.w.scoreBp - a.w.scoreBp);
  const rows: Cell[][] = teams.map(({ m, w }) => {
    const s = summary.find((x) => x.matchId === m.matchId)!;
    const p = m.debrief.payoff.seats.find((x) => x.company === w.company)!;
    const who = m.players[w.company];
    return [
      m.matchId,
      w.company,
      translate(lang, `company.${w.company}`),
      !who || who.kind === "ai" ? "AI" : (who.name ?? ""),
      w.rank,
      byScore.findIndex((x) => x.m === m && x.w === w) + 1,
      w.scoreBp / 100,
      p.R / 100,
      p.S / 100,
      p.T / 100,
      p.raced,
      w.valueCreated,
      w.restrainValueCreated,
      s.valueCreated,
      s.restrainValueCreated,
      s.raceCost,
      s.rankByValue,
      s.profitToCapexBp / 10_000,
      s.restrainProfitToCapexBp / 10_000,
      s.ending,
    ];
  });
  return { columns: CLASS_COLUMNS, rows };
}
