/**
 * Exports of a finished match (and of a class of matches): rows of scores, decisions per quarter
 * and statements, as CSV a spreadsheet opens correctly (UTF-8 with a BOM, RFC 4180 quoting, CRLF)
 * and as JSON. Pure: the server route does the I/O. Money in whole $M, percentages as numbers
 * (12.5 = 12.5%), column names stable snake_case ids; `lang` names the companies.
 */
import { scoringIn } from "../engine/score.ts";
import type { CompanyId } from "../engine/ids.ts";
import { EXPORTED_LINES, snakeCase } from "../engine/statements.ts";
import { PRICE_MOVE_PARTS } from "../engine/types.ts";
import { translate, type Lang } from "../i18n/index.ts";
import type { Debrief, RunSummary } from "./types.ts";

export type Cell = string | number | boolean | null;

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Who played a seat, as the server knows it. */
export interface SeatPlayer {
  readonly kind: "human" | "ai";
  readonly name?: string;
}

export interface ExportMeta {
  readonly matchId: string;
  readonly players: Readonly<Partial<Record<CompanyId, SeatPlayer>>>;
  readonly lang: Lang;
}

const pct = (bp: number): number => bp / 100;
const ratio = (bp: number): number => bp / 10_000;
const usd = (cents: number): number => cents / 100;

function player(meta: ExportMeta, id: CompanyId): string {
  const p = meta.players[id];
  if (!p || p.kind === "ai") return "AI";
  return p.name ?? "";
}

function seatOf(run: RunSummary | undefined, id: CompanyId) {
  return run?.seats.find((s) => s.company === id);
}

export const SCORE_COLUMNS = [
  "match_id",
  "company",
  "company_name",
  "player",
  "rank",
  "score_pct",
  "scoring",
  "tsr_pct",
  "defaulted",
  "raced",
  "capex_vs_restraint",
  "score_all_restrain_pct",
  "score_only_me_restrain_pct",
  "score_only_me_race_pct",
  "dilemma_holds",
  "value_created_musd",
  "value_created_all_restrain_musd",
  "net_income_musd",
  "net_income_all_restrain_musd",
  "capex_musd",
  "free_cash_flow_musd",
  "ai_revenue_musd",
  "market_cap_musd",
  "cash_returned_musd",
] as const;

/** One row per seat (rank order), then the industry's totals (company `industry`). */
export function scoresTable(d: Debrief, meta: ExportMeta): Table {
  const actual = d.runs.find((r) => r.kind === "actual");
  const restrain = d.runs.find((r) => r.kind === "allRestrain");
  const rows: Cell[][] = d.welfare.rows.map((w) => {
    const a = seatOf(actual, w.company)!;
    const p = d.payoff.seats.find((x) => x.company === w.company)!;
    return [
      meta.matchId,
      w.company,
      translate(meta.lang, `company.${w.company}`),
      player(meta, w.company),
      w.rank,
      // The score in hundredths of its unit: % of TSR, or % of a swing above par under the handicap (`scoring` names it).
      pct(w.scoreBp),
      scoringIn(d.config),
      pct(a.tsrBp),
      w.defaulted,
      p.raced,
      ratio(p.capexVsRestraintBp),
      pct(p.R),
      pct(p.S),
      pct(p.T),
      p.orderHolds,
      w.valueCreated,
      w.restrainValueCreated,
      w.netIncome,
      w.restrainNetIncome,
      a.capex,
      a.freeCashFlow,
      a.aiRevenue,
      a.marketCap,
      a.cashReturned,
    ];
  });
  const i = d.welfare.actual;
  rows.push([
    meta.matchId,
    "industry",
    translate(meta.lang, "debrief.industryRow"),
    "",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    i.valueCreated,
    restrain?.industry.valueCreated ?? null,
    i.netIncome,
    restrain?.industry.netIncome ?? null,
    i.capex,
    i.freeCashFlow,
    i.aiRevenue,
    null,
    null,
  ]);
  return { columns: SCORE_COLUMNS, rows };
}

/** The parts of a price move (PriceMove), in the order the export lists them; they sum to the move. */
export { PRICE_MOVE_PARTS } from "../engine/types.ts";

export const DECISION_COLUMNS = [
  "match_id",
  "turn",
  "year",
  "quarter",
  "company",
  "company_name",
  "player",
  "capex_musd",
  "custom_share_pct",
  "chip_rnd_musd",
  "debt_issue_musd",
  "debt_tenor_years",
  "debt_repay_musd",
  "energy_bids",
  "energy_bid_musd",
  "energy_won_mw",
  "buybacks_musd",
  "dividends_musd",
  "default_stood",
  "capex_consensus_musd",
  "ai_revenue_musd",
  "ai_revenue_consensus_musd",
  "net_income_musd",
  "free_cash_flow_musd",
  "bonds_issued_musd",
  "coupon_pct",
  "share_price_change_pct",
  "move_earnings_pct",
  "move_capex_pct",
  "move_position_pct",
  "move_credit_pct",
  "move_sentiment_pct",
  "move_cash_pct",
  "move_events_pct",
  "move_residual_pct",
  "share_price_usd",
  "market_cap_musd",
  "rating_before",
  "rating_after",
  "regime",
] as const;

/** One row per seat per quarter: the decision that stood and the market's reaction. */
export function decisionsTable(d: Debrief, meta: ExportMeta): Table {
  const rows: Cell[][] = [];
  for (const q of d.history)
    for (const s of q.seats) {
      const x = s.decision;
      rows.push([
        meta.matchId,
        q.turn,
        q.year,
        q.q,
        s.company,
        translate(meta.lang, `company.${s.company}`),
        player(meta, s.company),
        x.capex,
        pct(x.customShareBp),
        x.chipRnd,
        x.debtIssue,
        x.debtIssue > 0 ? x.debtTenor : null,
        x.debtRepay,
        x.energyBids.length,
        x.energyBids.reduce((t, b) => t + b.amount, 0),
        q.auctions.filter((a) => a.winner === s.company).reduce((t, a) => t + a.mw, 0),
        x.buybacks,
        x.dividends,
        s.replacedInvalid,
        s.expectations.capex.consensus,
        s.aiRevenue,
        s.expectations.aiRevenue.consensus,
        s.netIncome,
        s.freeCashFlow,
        s.debtIssued,
        s.debtIssued > 0 ? pct(s.couponBp) : null,
        pct(s.sharePriceChangeBp),
        ...PRICE_MOVE_PARTS.map((k) => pct(s.priceMove[k])),
        usd(s.sharePriceCents),
        s.marketCap,
        s.ratingBefore,
        s.ratingAfter,
        q.regimeAfter,
      ]);
    }
  return { columns: DECISION_COLUMNS, rows };
}

export const STATEMENT_COLUMNS = [
  "match_id",
  "turn",
  "year",
  "quarter",
  "company",
  "company_name",
  ...EXPORTED_LINES.map((l) => `${snakeCase(l.field)}_musd`),
  "installed_mw",
  "powered_mw",
  "stranded_mw",
  "ai_share_pct",
  "share_price_usd",
  "market_cap_musd",
  "rating",
];

/** Income statement, cash-flow statement and balance sheet: one row per seat per quarter. */
export function statementsTable(d: Debrief, meta: ExportMeta): Table {
  const rows: Cell[][] = [];
  for (const id of d.config.seats)
    for (const r of d.statements[id] ?? []) {
      rows.push([
        meta.matchId,
        r.turn,
        r.quarter.year,
        r.quarter.q,
        id,
        translate(meta.lang, `company.${id}`),
        ...EXPORTED_LINES.map((l) => (r[l.statement] as unknown as Record<string, number>)[l.field]!),
        r.installedMw,
        r.poweredMw,
        r.strandedMw,
        pct(r.aiShareBp),
        usd(r.sharePriceCents),
        r.marketCap,
        r.rating,
      ]);
    }
  return { columns: STATEMENT_COLUMNS, rows };
}

export const EXPORT_TABLES = ["scores", "decisions", "statements"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export function matchTable(which: ExportTable, d: Debrief, meta: ExportMeta): Table {
  return which === "scores" ? scoresTable(d, meta) : which === "decisions" ? decisionsTable(d, meta) : statementsTable(d, meta);
}

// ---- CSV ----

const BOM = "\uFEFF";

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces,
 * quotes doubled. A text that a spreadsheet would run as a formula (=, +, −, @, tab, CR at the
 * start: a player's name, say) gets a leading apostrophe so it stays text.
 */
export function csvField(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV: UTF-8 BOM (so spreadsheets read Chinese names right), CRLF line ends, a header row. */
export function toCsv(t: Table): string {
  const lines = [t.columns.map(csvField).join(","), ...t.rows.map((r) => r.map(csvField).join(","))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

// ---- JSON ----

export const MATCH_EXPORT_FORMAT = "capital-purgatory/match-export";
export const MATCH_EXPORT_VERSION = 1;

/** The JSON export of one match: every table as objects, plus the debrief's findings. */
export function matchExport(d: Debrief, meta: ExportMeta & { readonly engineVersion: string; readonly endedAt: string | null }) {
  const objects = (t: Table) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
  return {
    format: MATCH_EXPORT_FORMAT,
    version: MATCH_EXPORT_VERSION,
    matchId: meta.matchId,
    engineVersion: meta.engineVersion,
    endedAt: meta.endedAt,
    lang: meta.lang,
    config: d.config,
    players: meta.players,
    scores: objects(scoresTable(d, meta)),
    decisions: objects(decisionsTable(d, meta)),
    statements: objects(statementsTable(d, meta)),
    debrief: {
      lesson: d.lesson,
      payoff: d.payoff,
      welfare: d.welfare,
      verdict: d.verdict,
      reality: d.reality,
      runs: d.runs.map((r) => ({
        kind: r.kind,
        seat: r.seat,
        seats: r.seats,
        industry: r.industry,
        verdict: r.verdict,
        adjusted: r.adjusted,
        defaulted: r.defaulted,
      })),
    },
  };
}

export type MatchExport = ReturnType<typeof matchExport>;

/** Only one seat's rows (a team's export); the industry row stays with the scores as the yardstick. */
export function forCompany(t: Table, company: CompanyId): Table {
  const i = t.columns.indexOf("company");
  if (i < 0) return t;
  return { columns: t.columns, rows: t.rows.filter((r) => r[i] === company || r[i] === "industry") };
}
