/**
 * The three financial statements' lines, in one place: which fields each statement has, in what
 * order, which are costs or outflows (shown negative), which are subtotals, which the player's
 * tables show, and each line's label (an i18n key) and glossary term. The engine's types, the
 * synced state, the statements screen, the replay viewer and the CSV export all read this list.
 */
import type { BalanceSheet, CashFlowStatement, IncomeStatement, QuarterRecord } from "./types.ts";

export interface StatementLine<F extends string = string> {
  readonly field: F;
  /** −1: a cost or an outflow, shown negative on the statements. */
  readonly sign: 1 | -1;
  /** A subtotal (shown bold). */
  readonly total: boolean;
  /** On the players' statement tables; the export has every line. */
  readonly onScreen: boolean;
  /** Repeats a line of the income statement at the top of the cash flow (exported once). */
  readonly repeat: boolean;
  /** i18n key of the line's label. */
  readonly label: string;
  /** Glossary term the label links to, if any. */
  readonly term: string | null;
}

type Opts = { sign?: -1; total?: true; hidden?: true; repeat?: true; term?: string; label?: string };
function line<F extends string>(field: F, o: Opts & { hidden: true }): StatementLine<F> & { readonly onScreen: false };
function line<F extends string>(field: F, o?: Opts & { hidden?: undefined }): StatementLine<F> & { readonly onScreen: true };
function line<F extends string>(field: F, o: Opts = {}): StatementLine<F> {
  return {
    field,
    sign: o.sign ?? 1,
    total: o.total ?? false,
    onScreen: !o.hidden,
    repeat: o.repeat ?? false,
    label: `stmt.${o.label ?? field}`,
    term: o.term ?? null,
  };
}
const OUT = -1 as const;

export const INCOME_LINES = [
  line("coreRevenue"),
  line("aiRevenue", { term: "ai_revenue" }),
  line("revenue", { total: true }),
  line("coreCosts", { sign: OUT }),
  line("powerCost", { sign: OUT }),
  line("aiOpex", { sign: OUT }),
  line("depreciation", { sign: OUT, term: "depreciation" }),
  line("rnd", { sign: OUT, term: "chip_rnd" }),
  line("operatingIncome", { total: true }),
  line("interestExpense", { sign: OUT, term: "coupon", label: "interest" }),
  line("interestIncome"),
  line("pretaxIncome", { total: true, hidden: true }),
  line("tax", { sign: OUT }),
  line("netIncome", { total: true, term: "net_income" }),
] as const satisfies readonly StatementLine<keyof IncomeStatement>[];

export const CASH_FLOW_LINES = [
  line("netIncome", { repeat: true, term: "net_income" }),
  line("depreciation", { repeat: true, term: "depreciation" }),
  line("operatingCashFlow", { total: true, term: "ocf", label: "ocf" }),
  line("capex", { sign: OUT, term: "capex" }),
  line("energyPayments", { sign: OUT, term: "energy_deal" }),
  line("investingCashFlow", { total: true, hidden: true }),
  line("freeCashFlow", { total: true, term: "fcf", label: "fcf" }),
  line("debtIssued", { term: "bonds" }),
  line("emergencyBorrowing", { term: "emergency", label: "emergency" }),
  line("equityIssued"),
  line("debtRepaid", { sign: OUT }),
  line("buybacks", { sign: OUT, term: "buybacks" }),
  line("dividends", { sign: OUT, term: "dividends" }),
  line("financingCashFlow", { total: true, hidden: true }),
  line("netChangeInCash", { total: true, hidden: true }),
] as const satisfies readonly StatementLine<keyof CashFlowStatement>[];

export const BALANCE_LINES = [
  line("cash", { term: "cash" }),
  line("ppe"),
  line("otherAssets"),
  line("totalAssets", { total: true }),
  line("debt", { term: "debt" }),
  line("otherLiabilities"),
  line("totalLiabilities", { total: true }),
  line("equity", { total: true }),
] as const satisfies readonly StatementLine<keyof BalanceSheet>[];

/** Each statement's lines, keyed as in `QuarterRecord`. */
export const STATEMENTS = { income: INCOME_LINES, cashFlow: CASH_FLOW_LINES, balance: BALANCE_LINES } as const;
export type StatementId = keyof typeof STATEMENTS;
export const STATEMENT_IDS = ["income", "cashFlow", "balance"] as const satisfies readonly StatementId[];

// Every field of every statement has its line (a new field fails to compile until it is placed).
type Covers<T, L extends readonly { readonly field: string }[]> = [Exclude<keyof T, L[number]["field"]>] extends [never] ? true : false;
const COMPLETE: [Covers<IncomeStatement, typeof INCOME_LINES>, Covers<CashFlowStatement, typeof CASH_FLOW_LINES>, Covers<BalanceSheet, typeof BALANCE_LINES>] =
  [true, true, true];
void COMPLETE;

type OnScreen<L extends readonly StatementLine[]> = Extract<L[number], { readonly onScreen: true }>["field"];

/**
 * The fields the players' tables show, flattened into one record per quarter (what the synced
 * state carries): a field that appears on two statements (net income, depreciation) once.
 */
export type StatementField = OnScreen<typeof INCOME_LINES> | OnScreen<typeof CASH_FLOW_LINES> | OnScreen<typeof BALANCE_LINES>;

function flatFields(): { readonly field: StatementField; readonly statement: StatementId }[] {
  const seen = new Set<string>();
  const out: { field: StatementField; statement: StatementId }[] = [];
  for (const statement of STATEMENT_IDS)
    for (const l of STATEMENTS[statement] as readonly StatementLine<StatementField>[]) {
      if (!l.onScreen || seen.has(l.field)) continue;
      seen.add(l.field);
      out.push({ field: l.field, statement });
    }
  return out;
}

/** The flattened on-screen fields, each with the statement it is read from (its first). */
export const STATEMENT_FIELDS = flatFields();

/** One quarter's on-screen statement figures as one flat record, $M. */
export function flatStatements(rec: Pick<QuarterRecord, StatementId>): Record<StatementField, number> {
  const out = {} as Record<StatementField, number>;
  for (const { field, statement } of STATEMENT_FIELDS) out[field] = (rec[statement] as unknown as Record<string, number>)[field]!;
  return out;
}

/** Every line of the three statements, a repeated line once: what the export writes, in order. */
export const EXPORTED_LINES: readonly { readonly statement: StatementId; readonly field: string }[] = STATEMENT_IDS.flatMap((statement) =>
  (STATEMENTS[statement] as readonly StatementLine[]).filter((l) => !l.repeat).map((l) => ({ statement, field: l.field })),
);

/** `operatingCashFlow` → `operating_cash_flow`: the export's column stem. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
