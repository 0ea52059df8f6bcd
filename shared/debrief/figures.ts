/**
 * The documents' figures "what really happened" compares a match with, copied from
 * balance/figures.json by id (shared/ must not import balance/; a test checks each value against
 * the file). Money in $M, shares and moves in bp.
 */

export interface DocFigure {
  readonly lo: number;
  readonly hi: number;
  readonly unit: "money" | "bp";
}

const point = (v: number, unit: DocFigure["unit"] = "money"): DocFigure => ({ lo: v, hi: v, unit });
const range = (lo: number, hi: number, unit: DocFigure["unit"] = "money"): DocFigure => ({ lo, hi, unit });

export const DOC_FIGURES = {
  // Capex, four hyperscalers, 2026.
  capex_big4_2026_guidance_d002: point(650_000),
  capex_big4_2026e_headline_d001: point(475_000),
  capex_amzn_2026e_table_d001: point(125_000),
  capex_googl_2026e_d001: point(93_000),
  capex_msft_2026e_table_d001: point(85_000),
  capex_meta_2026e_d001: point(72_000),
  // Capex, 2025.
  capex_msft_fy2025e: range(80_000, 93_000),
  capex_amzn_2025e: range(100_000, 105_000),
  capex_googl_2025e: point(75_000),
  capex_meta_2025e: range(60_000, 65_000),
  // AI revenue and the hurdle.
  ai_rev_western_ubs: point(50_000),
  hurdle_sequoia_600: point(600_000),
  hurdle_jpm_650: point(650_000),
  // Profits against capex, 2026.
  profit_consensus_2026: point(450_000),
  // Bonds.
  bond_orcl_size: point(25_000),
  bond_googl_size: point(20_000),
  bond_meta_size: point(30_000),
  ai_ig_share_end2025: point(1_400, "bp"),
  ai_ig_share_summary: point(1_400, "bp"),
  // Stock moves (29 Jan 2026, one day).
  msft_stock_drop_jan2026: point(-1_200, "bp"),
  meta_stock_rally_jan2026: point(900, "bp"),
} as const satisfies Readonly<Record<string, DocFigure>>;

export type DocFigureId = keyof typeof DOC_FIGURES;

/**
 * Figures stated as words, not numbers: aggregate 2026 FCF ≈ 0 (capex ≈ the whole system's
 * operating cash flow) and "only Microsoft's operating cash flow covers its capex in 2026".
 */
export const DOC_STATEMENTS = {
  fcfZero2026: ["capex_2026_vs_ocf_d002", "ocf_equals_capex_gs"],
  onlyMsftCovers2026: ["ocf_only_msft_covers_2026"],
} as const;
