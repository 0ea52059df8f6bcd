/**
 * The debrief's pages as DOM (real tables, selectable text, screen-reader friendly): the lesson
 * with the dual leaderboard, the payoff matrix, the decision history and "what really happened".
 * They draw what the shared debrief computed; no game rule lives here.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { Debrief, HistoryQuarter, HistorySeatRow, SeatPayoff } from "../../../shared/debrief/types.ts";
import { lang, t } from "../lang.ts";
import { el, select } from "../ui.ts";
import { formatChange, formatMoney, formatPercent } from "../format.ts";
import { SEAT_COLORS, SEAT_ICONS, CSS, hex } from "../theme.ts";
import { companyName, formatRatio, lessonText, realityDoc, realityLabel, realityMatch } from "./text.ts";

const PANEL_H = 690;
const LEFT = "text-align:left";

/** Value created per seat, as played against all restrain: two bars each, on one scale with a zero line. */
function valueBars(d: Debrief, me: CompanyId | null): HTMLElement {
  const rows = d.welfare.rows;
  const lo = Math.min(0, ...rows.flatMap((r) => [r.valueCreated, r.restrainValueCreated]));
  const hi = Math.max(1, ...rows.flatMap((r) => [r.valueCreated, r.restrainValueCreated]));
  const span = hi - lo;
  const bar = (v: number, color: string): HTMLElement => {
    const left = ((Math.min(0, v) - lo) / span) * 100;
    const width = Math.max(0.5, (Math.abs(v) / span) * 100);
    return el(
      "div",
      { style: "position:relative;height:10px;margin:2px 0" },
      el("div", { style: `position:absolute;left:${left}%;width:${width}%;height:100%;background:${color};border-radius:2px` }),
    );
  };
  const legend = (color: string, label: string) =>
    el(
      "span",
      { style: "margin-right:14px" },
      el("span", { style: `display:inline-block;width:10px;height:10px;background:${color};margin-right:5px` }),
      label,
    );
  return el(
    "div",
    { style: "margin-top:10px", testid: "debrief-value-bars" },
    el("div", { style: "font-size:14px;font-weight:700;margin-bottom:4px", text: t("debrief.valueChart") }),
    el("div", { style: "font-size:13px;margin-bottom:6px" }, legend("#d55e00", t("debrief.chart.asPlayed")), legend("#009e73", t("debrief.chart.allRestrain"))),
    ...rows.map((r) =>
      el(
        "div",
        { style: "display:grid;grid-template-columns:150px 1fr;gap:8px;align-items:center;font-size:13px;margin:3px 0" },
        seatLabel(r.company, r.company === me),
        el("div", {}, bar(r.valueCreated, "#d55e00"), bar(r.restrainValueCreated, "#009e73")),
      ),
    ),
  );
}

function seatLabel(id: CompanyId, mine: boolean): HTMLElement {
  return el("span", {
    style: `color:${hex(SEAT_COLORS[id] ?? 0xffffff)};font-weight:700`,
    text: `${SEAT_ICONS[id] ?? "•"} ${companyName(id)}${mine ? ` (${t("lobby.you")})` : ""}`,
  });
}

function signed(bp: number): HTMLElement {
  return el("span", { class: bp > 0 ? "cp-good" : bp < 0 ? "cp-bad" : "", text: formatChange(bp, 1) });
}

function money(m: number): string {
  return formatMoney(m, lang());
}

/** The lesson (left) and the dual leaderboard (right). */
export function lessonPage(d: Debrief, me: CompanyId | null): HTMLElement {
  const lines = el(
    "ul",
    { style: "margin:0;padding-left:20px;line-height:1.5;font-size:16px", testid: "debrief-lesson-lines" },
    ...d.lesson.map((l) => el("li", { style: "margin:0 0 9px", "data-key": l.key, text: lessonText(l) })),
  );
  const mine = d.payoff.seats.find((p) => p.company === me);
  const you = mine
    ? el(
        "div",
        { style: "background:#0e1621;border-radius:8px;padding:8px 12px;margin:0 0 12px;font-size:15px", testid: "debrief-you" },
        el("div", {
          style: `font-weight:700;margin-bottom:2px;color:${hex(SEAT_COLORS[mine.company] ?? 0xffffff)}`,
          text: `${SEAT_ICONS[mine.company] ?? "•"} ${t("debrief.you.title", { company: companyName(mine.company) })}`,
        }),
        el("div", {
          text: t("debrief.you.line", { P: formatChange(mine.P), S: formatChange(mine.S), R: formatChange(mine.R), T: formatChange(mine.T) }),
        }),
      )
    : null;
  const left = el(
    "div",
    { class: "cp-panel cp-scroll", style: `width:760px;height:${PANEL_H}px`, testid: "debrief-lesson" },
    el("h2", { text: t("debrief.lessonTitle") }),
    you,
    lines,
  );

  const w = d.welfare;
  const head1 = el(
    "tr",
    {},
    el("th", { text: "" }),
    el("th", { text: "" }),
    el("th", { colspan: 2, style: "text-align:center", text: t("debrief.col.private") }),
    el("th", { colspan: 2, style: "text-align:center", text: t("debrief.col.welfareValue") }),
    el("th", { colspan: 2, style: "text-align:center", text: t("debrief.col.welfareProfit") }),
  );
  const sub = [t("debrief.chart.asPlayed"), t("debrief.chart.allRestrain")];
  const head2 = el(
    "tr",
    {},
    el("th", { text: t("debrief.col.rank") }),
    el("th", { style: LEFT, text: t("debrief.col.company") }),
    ...[...sub, ...sub, ...sub].map((s) => el("th", { style: "font-size:13px", text: s })),
  );
  const body = el("tbody");
  for (const r of w.rows) {
    const mine = r.company === me;
    body.append(
      el(
        "tr",
        { style: mine ? "background:#1f2e40" : "", "data-company": r.company },
        el("td", { text: String(r.rank) }),
        el("td", { style: LEFT }, seatLabel(r.company, mine)),
        el("td", {}, signed(r.scoreBp)),
        el("td", {}, signed(r.restrainScoreBp)),
        el("td", { text: money(r.valueCreated) }),
        el("td", { text: money(r.restrainValueCreated) }),
        el("td", { text: money(r.netIncome) }),
        el("td", { text: money(r.restrainNetIncome) }),
      ),
    );
  }
  body.append(
    el(
      "tr",
      { style: "font-weight:700", testid: "debrief-industry-row" },
      el("td", { text: "" }),
      el("td", { style: LEFT, text: t("debrief.industryRow") }),
      el("td", { text: "" }),
      el("td", { text: "" }),
      el("td", { text: money(w.actual.valueCreated) }),
      el("td", { text: money(w.allRestrain.valueCreated) }),
      el("td", { text: money(w.actual.netIncome) }),
      el("td", { text: money(w.allRestrain.netIncome) }),
    ),
  );
  const table = el("table", { class: "cp-table", testid: "debrief-leaderboard" }, el("thead", {}, head1, head2), body);
  const cost = el(
    "p",
    { style: "font-size:17px;font-weight:700;margin:16px 0 6px", testid: "debrief-race-cost" },
    w.raceCostValue >= 0
      ? t("debrief.welfare.valueLost", { value: money(w.raceCostValue) })
      : t("debrief.welfare.valueGained", { value: money(-w.raceCostValue) }),
    " ",
    w.raceCostProfit >= 0
      ? t("debrief.welfare.profitLost", { profit: money(w.raceCostProfit) })
      : t("debrief.welfare.profitGained", { profit: money(-w.raceCostProfit) }),
  );
  const right = el(
    "div",
    { class: "cp-panel", style: `width:780px;height:${PANEL_H}px` },
    el("h2", { text: t("debrief.leaderboard") }),
    table,
    cost,
    el("p", { class: "cp-muted", text: t("debrief.valueNote") }),
    valueBars(d, me),
  );
  return el("div", { style: "display:flex;gap:20px" }, left, right);
}

function cell(letter: "T" | "R" | "P" | "S", bp: number, best: boolean): HTMLElement {
  return el(
    "td",
    {
      style: `text-align:center;padding:10px 6px;border:1px solid #2c3e52;background:${best ? "#173a30" : "#0e1621"}`,
      "data-cell": letter,
      title: t(`debrief.cell.${letter}`),
    },
    el("div", { style: "font-size:13px;color:#8fa0b3;font-weight:700", text: letter }),
    el("div", { style: "font-size:20px;font-weight:700" }, signed(bp)),
  );
}

function matrixCard(p: SeatPayoff, mine: boolean): HTMLElement {
  const top = Math.max(p.T, p.R, p.P, p.S);
  const head = (s: string) => el("th", { style: "font-size:13px;color:#8fa0b3;text-align:center;padding:4px;white-space:normal", text: s });
  const table = el(
    "table",
    { style: "border-collapse:collapse;width:100%;margin:8px 0" },
    el("tr", {}, el("th", { text: "" }), head(t("debrief.rivalsRestrain")), head(t("debrief.rivalsRace"))),
    el("tr", {}, head(t("debrief.youRace")), cell("T", p.T, p.T === top), cell("P", p.P, p.P === top)),
    el("tr", {}, head(t("debrief.youRestrain")), cell("R", p.R, p.R === top), cell("S", p.S, p.S === top)),
  );
  return el(
    "div",
    {
      class: "cp-panel",
      style: `padding:12px 14px;flex:1 1 0;min-width:0;${mine ? "border-color:#f0e442" : ""}`,
      testid: `debrief-matrix-${p.company}`,
    },
    el("div", { style: "font-size:18px" }, seatLabel(p.company, mine)),
    el("div", {
      class: "cp-muted",
      style: "margin-top:4px",
      text: t(p.raced ? "debrief.raced" : "debrief.heldBack", { ratio: formatRatio(p.capexVsRestraintBp) }),
    }),
    table,
    el("div", { style: "font-size:16px;font-weight:700;font-variant-numeric:tabular-nums", testid: `debrief-order-${p.company}` }, relation(p)),
    el("div", {
      style: `font-size:14px;color:${p.orderHolds ? CSS.good : CSS.warn}`,
      text: `${p.orderHolds ? "✓" : "✗"} ${t(p.orderHolds ? "debrief.orderHolds" : "debrief.orderFails")}`,
    }),
  );
}

/** "T > R < P > S": how the cells actually compare, each step coloured by whether it is the dilemma's. */
function relation(p: SeatPayoff): HTMLElement {
  const step = (a: number, b: number): HTMLElement => {
    const sym = a > b ? ">" : a < b ? "<" : "=";
    return el("span", { style: `color:${a > b ? CSS.good : CSS.bad};margin:0 6px`, text: sym });
  };
  return el("span", {}, "T", step(p.T, p.R), "R", step(p.R, p.P), "P", step(p.P, p.S), "S");
}

/** One 2×2 matrix per seat, and how each cell was obtained. */
export function matrixPage(d: Debrief, me: CompanyId | null): HTMLElement {
  const seats = d.payoff.seats;
  const perRow = seats.length <= 4 ? seats.length : Math.ceil(seats.length / 2);
  const rows: HTMLElement[] = [];
  for (let i = 0; i < seats.length; i += perRow)
    rows.push(el("div", { style: "display:flex;gap:12px;margin-bottom:12px" }, ...seats.slice(i, i + perRow).map((p) => matrixCard(p, p.company === me))));
  const adjusted = d.runs.reduce((s, r) => s + r.adjusted, 0);
  const how = el(
    "div",
    { class: "cp-panel", style: "padding:12px 16px;font-size:15px;line-height:1.5", testid: "debrief-matrix-how" },
    el("div", { style: "font-weight:700;margin-bottom:4px", text: t("debrief.matrixHow") }),
    el("div", { style: "margin-bottom:4px", text: t("debrief.matrixRead") }),
    ...(["T", "R", "P", "S"] as const).map((k) => el("div", { text: t(`debrief.cell.${k}`) })),
    adjusted > 0 ? el("div", { class: "cp-muted", text: t("debrief.adjusted", { n: adjusted }) }) : null,
  );
  return el(
    "div",
    { style: `width:1560px;height:${PANEL_H}px;overflow:auto`, testid: "debrief-matrix" },
    el("h2", { style: "margin:0 0 10px;font-size:22px", text: t("debrief.matrixTitle") }),
    ...rows,
    how,
  );
}

function expectation(actual: number, consensus: number): HTMLElement {
  const diff = consensus === 0 ? 0 : Math.round(((actual - consensus) * 10_000) / Math.abs(consensus));
  return el("span", {}, money(actual), el("span", { class: "cp-muted", style: "font-size:13px" }, ` (${formatChange(diff, 0)})`));
}

const MOVE_PARTS = ["earningsBp", "capexBp", "positionBp", "creditBp", "sentimentBp", "cashBp", "eventsBp", "residualBp"] as const;

/** The largest part of the quarter's price move; every part in the cell's tooltip. */
function mainDriver(s: HistorySeatRow): HTMLElement {
  const m = s.priceMove;
  let top: (typeof MOVE_PARTS)[number] = MOVE_PARTS[0];
  for (const k of MOVE_PARTS) if (Math.abs(m[k]) > Math.abs(m[top])) top = k;
  const all = MOVE_PARTS.filter((k) => m[k] !== 0)
    .map((k) => `${t(`debrief.move.${k}`)} ${formatChange(m[k], 1)}`)
    .join(" · ");
  return el(
    "td",
    { style: "text-align:left;white-space:normal;font-size:13px", title: all },
    m[top] === 0 ? "—" : `${t(`debrief.move.${top}`)} `,
    m[top] === 0 ? null : signed(m[top]),
  );
}

function historyRow(q: HistoryQuarter, s: HistorySeatRow): HTMLElement {
  const d = s.decision;
  const energy = q.auctions.filter((a) => a.winner === s.company);
  return el(
    "tr",
    { "data-turn": q.turn, "data-company": s.company },
    el("td", { text: `${q.year} Q${q.q}` }),
    el("td", {}, money(d.capex), s.replacedInvalid ? el("span", { class: "cp-bad", style: "font-size:12px", text: ` ${t("debrief.hist.replaced")}` }) : null),
    el("td", { text: formatPercent(d.customShareBp, 0) }),
    el("td", { text: s.debtIssued > 0 ? `${money(s.debtIssued)} · ${d.debtTenor}y` : "—" }),
    el("td", { text: d.buybacks + d.dividends > 0 ? money(d.buybacks + d.dividends) : "—" }),
    el("td", { text: energy.length > 0 ? energy.map((a) => `${a.mw} MW`).join(", ") : "—" }),
    el("td", {}, expectation(s.expectations.capex.actual, s.expectations.capex.consensus)),
    el("td", {}, expectation(s.expectations.aiRevenue.actual, s.expectations.aiRevenue.consensus)),
    el("td", {}, signed(s.sharePriceChangeBp)),
    mainDriver(s),
    el("td", { text: s.ratingBefore === s.ratingAfter ? s.ratingAfter : `${s.ratingBefore}→${s.ratingAfter}` }),
    el("td", { text: `${money(q.industryCapex * 4)} / ${money(q.industryAiRevenue * 4)}` }),
  );
}

let historySeat: CompanyId | "all" | null = null;

/** Every decision of one seat (or every seat's capex and share move) per quarter. */
export function historyPage(d: Debrief, me: CompanyId | null, rerender: () => void): HTMLElement {
  const seats = d.config.seats;
  if (historySeat === null || (historySeat !== "all" && !seats.includes(historySeat))) historySeat = me ?? seats[0] ?? "all";
  const picker = select<string>(
    [{ value: "all", label: t("debrief.hist.all") }, ...seats.map((id) => ({ value: id, label: `${SEAT_ICONS[id] ?? "•"} ${companyName(id)}` }))],
    historySeat,
    "debrief-history-seat",
    (v) => {
      historySeat = v as CompanyId | "all";
      rerender();
    },
    t("debrief.hist.seat"),
  );
  let table: HTMLElement;
  if (historySeat === "all") {
    const head = el(
      "tr",
      {},
      el("th", { text: t("debrief.hist.quarter") }),
      ...seats.map((id) => el("th", {}, seatLabel(id, id === me))),
      el("th", { text: t("debrief.hist.market") }),
    );
    const body = el("tbody");
    for (const q of d.history)
      body.append(
        el(
          "tr",
          {},
          el("td", { text: `${q.year} Q${q.q}` }),
          ...seats.map((id) => {
            const s = q.seats.find((x) => x.company === id);
            return el("td", {}, s ? money(s.decision.capex) : "—", " ", s ? signed(s.sharePriceChangeBp) : null);
          }),
          el("td", { text: `${money(q.industryCapex * 4)} / ${money(q.industryAiRevenue * 4)}` }),
        ),
      );
    table = el("table", { class: "cp-table", testid: "debrief-history-table" }, el("thead", {}, head), body);
  } else {
    const id = historySeat;
    const head = el(
      "tr",
      {},
      ...[
        "debrief.hist.quarter",
        "debrief.hist.capex",
        "debrief.hist.custom",
        "debrief.hist.debt",
        "debrief.hist.returns",
        "debrief.hist.energy",
        "debrief.hist.capexVsConsensus",
        "debrief.hist.aiVsConsensus",
        "debrief.hist.move",
        "debrief.hist.why",
        "debrief.hist.rating",
        "debrief.hist.market",
      ].map((k) => el("th", { style: "white-space:normal;font-size:13px", text: t(k) })),
    );
    const body = el("tbody");
    for (const q of d.history) {
      const s = q.seats.find((x) => x.company === id);
      if (s) body.append(historyRow(q, s));
    }
    table = el("table", { class: "cp-table", testid: "debrief-history-table" }, el("thead", {}, head), body);
  }
  return el(
    "div",
    { class: "cp-panel", style: `width:1560px;height:${PANEL_H}px;display:flex;flex-direction:column`, testid: "debrief-history" },
    el(
      "div",
      { class: "cp-row", style: "justify-content:space-between;margin:0 0 8px" },
      el("h2", { style: "margin:0", text: t("debrief.historyTitle") }),
      picker,
    ),
    el("div", { class: "cp-scroll", style: "flex:1 1 auto;min-height:0" }, table),
  );
}

/** The match's 2026 (and 2025) next to the documents' figures for the same year. */
export function realityPage(d: Debrief): HTMLElement {
  const root = el("div", { class: "cp-panel cp-scroll", style: `width:1560px;height:${PANEL_H}px`, testid: "debrief-reality" });
  if (d.reality.length === 0) {
    root.append(el("p", { text: t("debrief.realityNone") }));
    return root;
  }
  const years = [...new Set(d.reality.map((r) => r.year))];
  for (const year of years) {
    const rows = d.reality.filter((r) => r.year === year);
    const quarters = rows[0]?.quarters ?? 4;
    root.append(
      el(
        "h2",
        { style: "margin:4px 0 8px" },
        t("debrief.realityTitle", { year }),
        quarters < 4 ? el("span", { class: "cp-muted", style: "font-weight:400;margin-left:12px", text: t("debrief.partialYear", { n: quarters }) }) : null,
      ),
    );
    const body = el("tbody");
    for (const r of rows)
      body.append(
        el(
          "tr",
          { "data-row": r.id },
          el("td", { style: "white-space:normal", text: realityLabel(r) }),
          el("td", { style: "font-weight:700", text: realityMatch(r) }),
          el("td", { text: realityDoc(r) }),
          el("td", { class: "cp-muted", style: "font-size:12px;white-space:normal;text-align:left", text: r.figureIds.join(", ") }),
        ),
      );
    root.append(
      el(
        "table",
        { class: "cp-table", style: "margin-bottom:16px", testid: `debrief-reality-${year}` },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { style: "width:44%", text: t("debrief.col.figure") }),
            el("th", { text: t("debrief.col.match") }),
            el("th", { text: t("debrief.col.docs") }),
            el("th", { style: "width:22%;text-align:left", text: t("debrief.col.source") }),
          ),
        ),
        body,
      ),
    );
  }
  return root;
}
