import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  DECISION_COLUMNS,
  SCORE_COLUMNS,
  STATEMENT_COLUMNS,
  buildDebrief,
  classSummary,
  classTable,
  csvField,
  decisionsTable,
  forCompany,
  matchExport,
  scoresTable,
  statementsTable,
  toCsv,
  type Debrief,
  type ExportMeta,
} from "../../shared/debrief/index.ts";
import { ClassRowSchema, MatchExportSchema } from "../../shared/protocol/index.ts";
import { ENGINE_VERSION } from "../../shared/engine/index.ts";
import { csvObjects, parseCsv } from "./csv.ts";
import { CORE, playLog } from "./helpers.ts";

function debriefOf(seed: number, turns: number): Debrief {
  const r = buildDebrief(playLog({ seed, turns }).input);
  if (!r.ok) throw new Error(r.message);
  return r.debrief;
}

const d = debriefOf(31, 5);
const meta: ExportMeta = {
  matchId: "m0123456789abcdef",
  players: {
    microsoft: { kind: "human", name: '张伟, "Team 1"' },
    amazon: { kind: "human", name: "=SUM(A1)" },
    alphabet: { kind: "ai" },
    meta: { kind: "ai" },
  },
  lang: "zh-CN",
};

describe("CSV (RFC 4180, for spreadsheets)", () => {
  test("fields are quoted only when they must be, quotes doubled, formulas defused", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(-12.5)).toBe("-12.5");
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField("微软")).toBe("微软");
  });

  test("any text survives the round trip through a strict reader", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const csv = toCsv({ columns: ["a", "b"], rows });
        const back = parseCsv(csv);
        expect(back.bom).toBe(true);
        expect(back.rows).toEqual(rows.map((r) => r.map((x) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x))));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  test("a table starts with the UTF-8 BOM, ends lines with CRLF and keeps Chinese names intact", () => {
    const csv = toCsv(scoresTable(d, meta));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = csvObjects(parseCsv(csv));
    expect(rows.find((r) => r.company === "microsoft")?.player).toBe('张伟, "Team 1"');
    expect(rows.find((r) => r.company === "microsoft")?.company_name).toBe("微软");
    expect(rows.find((r) => r.company === "amazon")?.player).toBe("'=SUM(A1)");
    // The bytes a spreadsheet receives: EF BB BF, then UTF-8.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("the match's tables", () => {
  test("scores: one row per seat in rank order, then the industry; the sums add up", () => {
    const t = scoresTable(d, meta);
    expect(t.columns).toEqual(SCORE_COLUMNS);
    const rows = csvObjects(parseCsv(toCsv(t)));
    expect(rows.map((r) => r.company)).toEqual([...d.welfare.rows.map((r) => r.company), "industry"]);
    expect(rows.slice(0, -1).map((r) => Number(r.rank))).toEqual([1, 2, 3, 4]);
    const seats = rows.slice(0, -1);
    const industry = rows.at(-1)!;
    for (const col of ["value_created_musd", "value_created_all_restrain_musd", "net_income_musd", "capex_musd"])
      expect(
        seats.reduce((s, r) => s + Number(r[col]), 0),
        col,
      ).toBe(Number(industry[col]));
    for (const r of seats) {
      const p = d.payoff.seats.find((x) => x.company === r.company)!;
      const w = d.welfare.rows.find((x) => x.company === r.company)!;
      expect(r.scoring).toBe(d.config.scoring);
      expect([Number(r.score_pct), Number(r.score_all_restrain_pct), Number(r.score_only_me_restrain_pct), Number(r.score_only_me_race_pct)]).toEqual([
        w.scoreBp / 100,
        p.R / 100,
        p.S / 100,
        p.T / 100,
      ]);
    }
  });

  test("decisions: one row per seat per quarter, the decision that stood", () => {
    const t = decisionsTable(d, meta);
    expect(t.columns).toEqual(DECISION_COLUMNS);
    expect(t.rows).toHaveLength(5 * CORE.length);
    const rows = csvObjects(parseCsv(toCsv(t)));
    for (const q of d.history)
      for (const s of q.seats) {
        const r = rows.find((x) => Number(x.turn) === q.turn && x.company === s.company)!;
        expect([Number(r.capex_musd), Number(r.buybacks_musd), r.default_stood]).toEqual([s.decision.capex, s.decision.buybacks, String(s.replacedInvalid)]);
        // The price move's parts add up to the move (in bp, before the export's division by 100).
        const parts = ["earnings", "capex", "position", "credit", "sentiment", "cash", "events", "residual"].reduce(
          (t, k) => t + Math.round(Number(r[`move_${k}_pct`]) * 100),
          0,
        );
        expect(parts).toBe(Math.round(Number(r.share_price_change_pct) * 100));
      }
  });

  test("statements: every quarter of every seat, and the cash-flow identity holds in the export", () => {
    const t = statementsTable(d, meta);
    expect(t.columns).toEqual(STATEMENT_COLUMNS);
    expect(t.rows).toHaveLength(5 * CORE.length);
    for (const r of csvObjects(parseCsv(toCsv(t)))) {
      expect(Number(r.revenue_musd)).toBe(Number(r.core_revenue_musd) + Number(r.ai_revenue_musd));
      expect(Number(r.total_assets_musd)).toBe(Number(r.cash_musd) + Number(r.ppe_musd) + Number(r.other_assets_musd));
    }
  });

  test("a team's export keeps its seat (and the industry yardstick)", () => {
    const t = forCompany(scoresTable(d, meta), "meta");
    expect(t.rows.map((r) => r[1])).toEqual(["meta", "industry"]);
    expect(forCompany(decisionsTable(d, meta), "meta").rows.every((r) => r[4] === "meta")).toBe(true);
  });

  test("the JSON export matches its published schema", () => {
    const j = matchExport(d, { ...meta, engineVersion: ENGINE_VERSION, endedAt: null });
    const parsed = MatchExportSchema.parse(JSON.parse(JSON.stringify(j)));
    expect(parsed.scores).toHaveLength(CORE.length + 1);
    expect(parsed.debrief.payoff.seats).toHaveLength(CORE.length);
  });
});

describe("a class of matches", () => {
  const a = debriefOf(41, 4);
  const b = debriefOf(42, 4);
  const matches = [
    { matchId: "m000000000000000a", debrief: a, players: { microsoft: { kind: "human" as const, name: "一班" } } },
    { matchId: "m000000000000000b", debrief: b, players: {} },
  ];

  test("each match compared with the others and with its own all-restrain path", () => {
    const s = classSummary(matches);
    expect(s.map((x) => x.rankByValue).sort()).toEqual([1, 2]);
    const best = s.find((x) => x.rankByValue === 1)!;
    for (const x of s) {
      expect(best.valueCreated).toBeGreaterThanOrEqual(x.valueCreated);
      expect(x.raceCost).toBe(x.restrainValueCreated - x.valueCreated);
    }
  });

  test("one row per team, ranked across the class by score", () => {
    const t = classTable(matches, "en");
    expect(t.rows).toHaveLength(8);
    const rows = t.rows.map((r) => ClassRowSchema.parse(Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null]))));
    expect(rows.map((r) => r.rank_in_class).sort((x, y) => Number(x) - Number(y))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const byRank = [...rows].sort((x, y) => Number(x.rank_in_class) - Number(y.rank_in_class));
    for (let i = 1; i < byRank.length; i++) expect(Number(byRank[i - 1]!.score_pct)).toBeGreaterThanOrEqual(Number(byRank[i]!.score_pct));
    expect(rows.find((r) => r.match_id === "m000000000000000a" && r.company === "microsoft")?.team).toBe("一班");
  });
});
