/**
 * "What really happened": the match's 2026 (and 2025 for The Build-out) next to the documents'
 * figures for the same year — capex, AI revenue, profit, FCF, bond issuance, stock moves. Years
 * the match did not reach are left out; a year played in part says how many quarters it has.
 */
import { CORE_FOUR, type CompanyId } from "../engine/ids.ts";
import type { MatchState, QuarterRecord } from "../engine/types.ts";
import { BP } from "../engine/money.ts";
import { DOC_FIGURES, DOC_STATEMENTS, type DocFigureId } from "./figures.ts";
import type { RealityRow } from "./types.ts";

const CAPEX_2026_CONS: Readonly<Record<(typeof CORE_FOUR)[number], DocFigureId>> = {
  microsoft: "capex_msft_2026e_table_d001",
  amazon: "capex_amzn_2026e_table_d001",
  alphabet: "capex_googl_2026e_d001",
  meta: "capex_meta_2026e_d001",
};
const CAPEX_2025: Readonly<Record<(typeof CORE_FOUR)[number], DocFigureId>> = {
  microsoft: "capex_msft_fy2025e",
  amazon: "capex_amzn_2025e",
  alphabet: "capex_googl_2025e",
  meta: "capex_meta_2025e",
};
const BONDS: readonly { readonly company: CompanyId; readonly year: number; readonly id: DocFigureId }[] = [
  { company: "oracle", year: 2026, id: "bond_orcl_size" },
  { company: "alphabet", year: 2026, id: "bond_googl_size" },
  { company: "meta", year: 2025, id: "bond_meta_size" },
];

function doc(id: DocFigureId): { lo: number; hi: number } {
  const f = DOC_FIGURES[id];
  return { lo: f.lo, hi: f.hi };
}

function sumDocs(ids: readonly DocFigureId[]): { lo: number; hi: number } {
  return ids.reduce((s, id) => ({ lo: s.lo + DOC_FIGURES[id].lo, hi: s.hi + DOC_FIGURES[id].hi }), { lo: 0, hi: 0 });
}

export function realityRows(state: MatchState): RealityRow[] {
  const seats = state.config.seats;
  const core = CORE_FOUR.filter((id) => seats.includes(id));
  const allFour = core.length === CORE_FOUR.length;
  const quartersOf = (id: CompanyId, year: number): readonly QuarterRecord[] => state.companies[id]?.history.filter((r) => r.quarter.year === year) ?? [];
  const sumOf = (ids: readonly CompanyId[], year: number, f: (r: QuarterRecord) => number): number =>
    ids.reduce((s, id) => s + quartersOf(id, year).reduce((t, r) => t + f(r), 0), 0);
  const played = (year: number): number => state.industryHistory.filter((r) => r.quarter.year === year).length;
  const rows: RealityRow[] = [];
  const row = (r: Omit<RealityRow, "quarters">): void => {
    rows.push({ ...r, quarters: played(r.year) });
  };

  for (const year of [2025, 2026]) {
    if (played(year) === 0) continue;
    // Capex: the four together, then each.
    if (allFour) {
      if (year === 2026) {
        const guide = state.config.variant === "guide";
        const consIds = [...core.map((id) => CAPEX_2026_CONS[id])];
        row({
          id: "capex4",
          year,
          company: null,
          unit: "money",
          match: sumOf(core, year, (r) => r.capex),
          doc: guide ? doc("capex_big4_2026_guidance_d002") : { lo: sumDocs(consIds).lo, hi: DOC_FIGURES.capex_big4_2026e_headline_d001.hi },
          figureIds: guide ? ["capex_big4_2026_guidance_d002"] : ["capex_big4_2026e_headline_d001", ...consIds],
        });
      } else {
        const ids = core.map((id) => CAPEX_2025[id]);
        row({ id: "capex4", year, company: null, unit: "money", match: sumOf(core, year, (r) => r.capex), doc: sumDocs(ids), figureIds: ids });
      }
    }
    for (const id of core) {
      const fig = year === 2026 ? CAPEX_2026_CONS[id] : CAPEX_2025[id];
      row({
        id: year === 2026 ? "capexConsensus" : "capex",
        year,
        company: id,
        unit: "money",
        match: sumOf([id], year, (r) => r.capex),
        doc: doc(fig),
        figureIds: [fig],
      });
    }
    // AI revenue: the documents' 2025 figure, and the hurdle it is measured against every year.
    const ai = sumOf(seats, year, (r) => r.income.aiRevenue);
    if (year === 2025)
      row({ id: "aiRevenue", year, company: null, unit: "money", match: ai, doc: doc("ai_rev_western_ubs"), figureIds: ["ai_rev_western_ubs"] });
    row({
      id: "aiHurdle",
      year,
      company: null,
      unit: "money",
      match: ai,
      doc: { lo: DOC_FIGURES.hurdle_sequoia_600.lo, hi: DOC_FIGURES.hurdle_jpm_650.hi },
      figureIds: ["hurdle_sequoia_600", "hurdle_jpm_650"],
    });
    if (year === 2026 && allFour) {
      const capex = sumOf(core, year, (r) => r.capex);
      const profit = sumOf(core, year, (r) => r.income.netIncome);
      row({ id: "profit", year, company: null, unit: "money", match: profit, doc: doc("profit_consensus_2026"), figureIds: ["profit_consensus_2026"] });
      const denom = state.config.variant === "guide" ? DOC_FIGURES.capex_big4_2026_guidance_d002.lo : DOC_FIGURES.capex_big4_2026e_headline_d001.lo;
      const docRatio = Math.round((DOC_FIGURES.profit_consensus_2026.lo * BP) / denom);
      row({
        id: "profitToCapex",
        year,
        company: null,
        unit: "ratio",
        match: capex > 0 ? Math.round((profit * BP) / capex) : null,
        doc: { lo: docRatio, hi: docRatio },
        figureIds: ["profit_consensus_2026", state.config.variant === "guide" ? "capex_big4_2026_guidance_d002" : "capex_big4_2026e_headline_d001"],
      });
      row({
        id: "fcf4",
        year,
        company: null,
        unit: "money",
        match: sumOf(core, year, (r) => r.cashFlow.freeCashFlow),
        doc: { lo: 0, hi: 0 },
        figureIds: [...DOC_STATEMENTS.fcfZero2026],
      });
      // How many of the four had operating cash flow covering capex (the documents: only Microsoft).
      const covering = core.filter((id) => sumOf([id], year, (r) => r.cashFlow.operatingCashFlow - r.capex) >= 0);
      row({
        id: "ocfCovers",
        year,
        company: null,
        unit: "count",
        companies: covering,
        match: covering.length,
        doc: { lo: 1, hi: 1 },
        figureIds: [...DOC_STATEMENTS.onlyMsftCovers2026],
      });
    }
    // Bonds: the largest issue in a quarter against the documents' record deals.
    for (const b of BONDS) {
      if (b.year !== year || !seats.includes(b.company)) continue;
      const biggest = quartersOf(b.company, year).reduce((m, r) => Math.max(m, r.cashFlow.debtIssued), 0);
      row({ id: "bondIssue", year, company: b.company, unit: "money", match: biggest, doc: doc(b.id), figureIds: [b.id] });
    }
    const lastOfYear = [...state.industryHistory].reverse().find((r) => r.quarter.year === year);
    const igId: DocFigureId = year === 2025 ? "ai_ig_share_end2025" : "ai_ig_share_summary";
    row({ id: "aiIgShare", year, company: null, unit: "bp", match: lastOfYear ? lastOfYear.aiIgShareBp : null, doc: doc(igId), figureIds: [igId] });
    // Stock moves: the documents' one-day moves of 29 Jan 2026 against the match's quarterly extremes.
    if (year === 2026) {
      const moves = (id: CompanyId): number[] => {
        const h = state.companies[id]?.history ?? [];
        const out: number[] = [];
        for (const r of h) {
          if (r.quarter.year !== year) continue;
          const prev = h.find((x) => x.turn === r.turn - 1)?.sharePriceCents ?? state.companies[id]!.valuation.startPriceCents;
          if (prev > 0) out.push(Math.round(((r.sharePriceCents - prev) * BP) / prev));
        }
        return out;
      };
      if (seats.includes("microsoft")) {
        const m = moves("microsoft");
        row({
          id: "worstMove",
          year,
          company: "microsoft",
          unit: "bp",
          match: m.length > 0 ? Math.min(...m) : null,
          doc: doc("msft_stock_drop_jan2026"),
          figureIds: ["msft_stock_drop_jan2026"],
        });
      }
      if (seats.includes("meta")) {
        const m = moves("meta");
        row({
          id: "bestMove",
          year,
          company: "meta",
          unit: "bp",
          match: m.length > 0 ? Math.max(...m) : null,
          doc: doc("meta_stock_rally_jan2026"),
          figureIds: ["meta_stock_rally_jan2026"],
        });
      }
    }
  }
  return rows;
}
