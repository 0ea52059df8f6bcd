/**
 * The debrief's pages as DOM (real tables, selectable text, checked for contrast and size like
 * every screen): the lesson with the dual leaderboard, the payoff matrix, the decision history
 * and "what really happened". They draw what the shared debrief computed; no game rule lives here.
 * Styles: debrief.css.
 */
import { scoringIn } from "../../../shared/engine/score.ts";
import type { CompanyId, Scoring } from "../../../shared/engine/ids.ts";
import { PRICE_MOVE_PARTS as MOVE_PARTS, type SeatScore } from "../../../shared/engine/types.ts";
import type { Debrief, HistoryQuarter, HistorySeatRow, SeatPayoff } from "../../../shared/debrief/types.ts";
import { lang, t } from "../lang.ts";
import { el, select } from "../ui.ts";
import { formatChange, formatMoney, formatPercent } from "../format.ts";
import { quarterLabel } from "../model.ts";
import { SEAT_ICONS, seatText } from "../theme.ts";
import { formatScore } from "../par.ts";
import { companyName, formatRatio, lessonText, realityDoc, realityLabel, realityMatch } from "./text.ts";

function seatLabel(id: CompanyId, mine: boolean): HTMLElement {
  return el("span", {
    class: "cp-debrief-seat",
    style: `color:${seatText(id)}`,
    text: `${SEAT_ICONS[id] ?? "•"} ${companyName(id)}${mine ? ` (${t("lobby.you")})` : ""}`,
  });
}

function signed(bp: number): HTMLElement {
  return el("span", { class: bp > 0 ? "cp-good" : bp < 0 ? "cp-bad" : "", text: formatChange(bp, 1) });
}

/** A score in the match's own unit: swings above par under the handicap, a percentage otherwise. */
function scoreCell(bp: number, scoring: Scoring | boolean | undefined): HTMLElement {
  return el("span", { class: bp > 0 ? "cp-good" : bp < 0 ? "cp-bad" : "", text: formatScore(bp, scoring) });
}

function money(m: number): string {
  return formatMoney(m, lang());
}

/** Lets a panel scroll once it is laid out, only if its content outgrows it. */
function scrollIfNeeded(panel: HTMLElement): HTMLElement {
  requestAnimationFrame(() => {
    if (panel.scrollHeight > panel.clientHeight + 1) panel.classList.add("cp-scrolls");
  });
  return panel;
}

/** Value created per seat, as played against all restrain: two bars each, on one scale. */
function valueBars(d: Debrief, me: CompanyId | null): HTMLElement {
  const rows = d.welfare.rows;
  const lo = Math.min(0, ...rows.flatMap((r) => [r.valueCreated, r.restrainValueCreated]));
  const hi = Math.max(1, ...rows.flatMap((r) => [r.valueCreated, r.restrainValueCreated]));
  const span = hi - lo;
  const bar = (v: number, cls: string): HTMLElement => {
    const left = ((Math.min(0, v) - lo) / span) * 100;
    const width = Math.max(0.5, (Math.abs(v) / span) * 100);
    return el("div", { class: "cp-debrief-bar" }, el("div", { class: cls, style: `left:${left}%;width:${width}%` }));
  };
  return el(
    "figure",
    { class: "cp-debrief-bars", testid: "debrief-value-bars" },
    el(
      "figcaption",
      {},
      el("strong", { text: t("debrief.valueChart") }),
      el("span", { class: "cp-debrief-key" }, el("i", { class: "cp-debrief-played", "aria-hidden": "true" }), t("debrief.chart.asPlayed")),
      el("span", { class: "cp-debrief-key" }, el("i", { class: "cp-debrief-restrained", "aria-hidden": "true" }), t("debrief.chart.allRestrain")),
    ),
    ...rows.map((r) =>
      el(
        "div",
        { class: "cp-debrief-barrow", title: `${money(r.valueCreated)} / ${money(r.restrainValueCreated)}` },
        seatLabel(r.company, r.company === me),
        el("div", {}, bar(r.valueCreated, "cp-debrief-played"), bar(r.restrainValueCreated, "cp-debrief-restrained")),
      ),
    ),
  );
}

/** The lesson (left) and the dual leaderboard (right). */
export function lessonPage(d: Debrief, me: CompanyId | null): HTMLElement {
  const mine = d.payoff.seats.find((p) => p.company === me);
  const you = mine
    ? el(
        "div",
        { class: "cp-debrief-you", testid: "debrief-you" },
        el("strong", {
          style: `color:${seatText(mine.company)}`,
          text: `${SEAT_ICONS[mine.company] ?? "•"} ${t("debrief.you.title", { company: companyName(mine.company) })}`,
        }),
        el("div", {
          text: t("debrief.you.line", { P: formatChange(mine.P), S: formatChange(mine.S), R: formatChange(mine.R), T: formatChange(mine.T) }),
        }),
      )
    : null;
  const left = el(
    "section",
    { class: "cp-panel cp-debrief-lesson", testid: "debrief-lesson", "aria-label": t("debrief.lessonTitle") },
    el("h2", { text: t("debrief.lessonTitle") }),
    you,
    el("ul", { testid: "debrief-lesson-lines" }, ...d.lesson.map((l) => el("li", { "data-key": l.key, text: lessonText(l) }))),
  );

  const w = d.welfare;
  const sub = [t("debrief.chart.asPlayed"), t("debrief.chart.allRestrain")];
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      el("th", { scope: "col", text: "" }),
      el("th", { scope: "col", text: "" }),
      el("th", { scope: "colgroup", colspan: 2, class: "cp-debrief-group", text: t("debrief.col.private") }),
      el("th", { scope: "colgroup", colspan: 2, class: "cp-debrief-group", text: t("debrief.col.welfareValue") }),
      el("th", { scope: "colgroup", colspan: 2, class: "cp-debrief-group", text: t("debrief.col.welfareProfit") }),
    ),
    el(
      "tr",
      {},
      el("th", { scope: "col", text: t("debrief.col.rank") }),
      el("th", { scope: "col", class: "cp-left", text: t("debrief.col.company") }),
      ...[...sub, ...sub, ...sub].map((s) => el("th", { scope: "col", text: s })),
    ),
  );
  const body = el("tbody");
  for (const r of w.rows) {
    const isMe = r.company === me;
    body.append(
      el(
        "tr",
        { class: isMe ? "mine" : "", "data-company": r.company },
        el("td", { text: String(r.rank) }),
        el("th", { scope: "row", class: "cp-left" }, seatLabel(r.company, isMe)),
        el("td", {}, scoreCell(r.scoreBp, scoringIn(d.config))),
        el("td", {}, scoreCell(r.restrainScoreBp, scoringIn(d.config))),
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
      { class: "cp-strong", testid: "debrief-industry-row" },
      el("td", { text: "" }),
      el("th", { scope: "row", class: "cp-left", text: t("debrief.industryRow") }),
      el("td", { text: "" }),
      el("td", { text: "" }),
      el("td", { text: money(w.actual.valueCreated) }),
      el("td", { text: money(w.allRestrain.valueCreated) }),
      el("td", { text: money(w.actual.netIncome) }),
      el("td", { text: money(w.allRestrain.netIncome) }),
    ),
  );
  const cost = el(
    "p",
    { class: "cp-debrief-cost", testid: "debrief-race-cost" },
    w.raceCostValue >= 0
      ? t("debrief.welfare.valueLost", { value: money(w.raceCostValue) })
      : t("debrief.welfare.valueGained", { value: money(-w.raceCostValue) }),
    " ",
    w.raceCostProfit >= 0
      ? t("debrief.welfare.profitLost", { profit: money(w.raceCostProfit) })
      : t("debrief.welfare.profitGained", { profit: money(-w.raceCostProfit) }),
  );
  const right = el(
    "section",
    { class: "cp-panel cp-debrief-board", "aria-label": t("debrief.leaderboard") },
    el("h2", { text: t("debrief.leaderboard") }),
    el("table", { class: "cp-table", testid: "debrief-leaderboard" }, head, body),
    cost,
    el("p", { class: "cp-note", text: t("debrief.valueNote") }),
    valueBars(d, me),
  );
  return el("div", { class: "cp-debrief-two" }, scrollIfNeeded(left), scrollIfNeeded(right));
}

function cell(letter: "T" | "R" | "P" | "S", bp: number, best: boolean): HTMLElement {
  return el(
    "td",
    { class: best ? "cp-debrief-cell best" : "cp-debrief-cell", "data-cell": letter, title: t(`debrief.cell.${letter}`) },
    el("span", { class: "cp-debrief-letter", text: letter }),
    el("span", { class: "cp-debrief-value" }, signed(bp)),
  );
}

/** "T > R < P > S": how the cells actually compare, each step marked by whether it is the dilemma's. */
function relation(p: SeatPayoff): HTMLElement {
  const step = (a: number, b: number): HTMLElement => el("span", { class: a > b ? "cp-good" : "cp-bad", text: ` ${a > b ? ">" : a < b ? "<" : "="} ` });
  return el("div", { class: "cp-debrief-relation", testid: `debrief-order-${p.company}` }, "T", step(p.T, p.R), "R", step(p.R, p.P), "P", step(p.P, p.S), "S");
}

function matrixCard(p: SeatPayoff, mine: boolean): HTMLElement {
  const top = Math.max(p.T, p.R, p.P, p.S);
  const head = (s: string, scope: "col" | "row") => el("th", { scope, text: s });
  return el(
    "article",
    { class: mine ? "cp-panel cp-debrief-card mine" : "cp-panel cp-debrief-card", testid: `debrief-matrix-${p.company}` },
    el("h3", {}, seatLabel(p.company, mine)),
    el("div", { class: "cp-note", text: t(p.raced ? "debrief.raced" : "debrief.heldBack", { ratio: formatRatio(p.capexVsRestraintBp) }) }),
    el(
      "table",
      { class: "cp-debrief-matrix" },
      el("caption", { class: "cp-sr", text: t("debrief.matrixFor", { company: companyName(p.company) }) }),
      el("tr", {}, el("td", {}), head(t("debrief.rivalsRestrain"), "col"), head(t("debrief.rivalsRace"), "col")),
      el("tr", {}, head(t("debrief.youRace"), "row"), cell("T", p.T, p.T === top), cell("P", p.P, p.P === top)),
      el("tr", {}, head(t("debrief.youRestrain"), "row"), cell("R", p.R, p.R === top), cell("S", p.S, p.S === top)),
    ),
    relation(p),
    el("div", {
      class: p.orderHolds ? "cp-debrief-verdict cp-good" : "cp-debrief-verdict cp-why",
      text: `${p.orderHolds ? "✓" : "✗"} ${t(p.orderHolds ? "debrief.orderHolds" : "debrief.orderFails")}`,
    }),
  );
}

/** One 2×2 matrix per seat, and how each cell was obtained. */
export function matrixPage(d: Debrief, me: CompanyId | null): HTMLElement {
  const seats = d.payoff.seats;
  const perRow = seats.length <= 4 ? seats.length : Math.ceil(seats.length / 2);
  const rows: HTMLElement[] = [];
  for (let i = 0; i < seats.length; i += perRow)
    rows.push(el("div", { class: "cp-debrief-cards" }, ...seats.slice(i, i + perRow).map((p) => matrixCard(p, p.company === me))));
  const adjusted = d.runs.reduce((s, r) => s + r.adjusted, 0);
  const how = el(
    "section",
    { class: "cp-panel cp-debrief-how", testid: "debrief-matrix-how" },
    el("p", { class: "cp-strong", text: t("debrief.matrixHow") }),
    el("p", { text: t("debrief.matrixRead") }),
    el("ul", {}, ...(["T", "R", "P", "S"] as const).map((k) => el("li", { text: t(`debrief.cell.${k}`) }))),
    adjusted > 0 ? el("p", { class: "cp-note", text: t("debrief.adjusted", { n: adjusted }) }) : null,
  );
  return el("div", { class: "cp-debrief-matrixpage", testid: "debrief-matrix" }, el("h2", { text: t("debrief.matrixTitle") }), ...rows, how);
}

function expectation(actual: number, consensus: number): HTMLElement {
  const diff = consensus === 0 ? 0 : Math.round(((actual - consensus) * 10_000) / Math.abs(consensus));
  return el("span", {}, money(actual), el("span", { class: "cp-muted", text: ` (${formatChange(diff, 0)})` }));
}

/** The largest part of the quarter's price move; every part in the cell's tooltip. */
function mainDriver(s: HistorySeatRow): HTMLElement {
  const m = s.priceMove;
  let top: (typeof MOVE_PARTS)[number] = MOVE_PARTS[0];
  for (const k of MOVE_PARTS) if (Math.abs(m[k]) > Math.abs(m[top])) top = k;
  const all = MOVE_PARTS.filter((k) => m[k] !== 0)
    .map((k) => `${t(`debrief.move.${k}`)} ${formatChange(m[k], 1)}`)
    .join(" · ");
  return el("td", { class: "cp-left", title: all }, m[top] === 0 ? "—" : `${t(`debrief.move.${top}`)} `, m[top] === 0 ? null : signed(m[top]));
}

function historyRow(q: HistoryQuarter, s: HistorySeatRow): HTMLElement {
  const d = s.decision;
  const energy = q.auctions.filter((a) => a.winner === s.company);
  return el(
    "tr",
    { "data-turn": q.turn, "data-company": s.company },
    el("th", { scope: "row", text: quarterLabel(q.year, q.q) }),
    el("td", {}, money(d.capex), s.replacedInvalid ? el("span", { class: "cp-bad", text: ` ${t("debrief.hist.replaced")}` }) : null),
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
      el("th", { scope: "col", text: t("debrief.hist.quarter") }),
      ...seats.map((id) => el("th", { scope: "col" }, seatLabel(id, id === me))),
      el("th", { scope: "col", text: t("debrief.hist.market") }),
    );
    const body = el("tbody");
    for (const q of d.history)
      body.append(
        el(
          "tr",
          {},
          el("th", { scope: "row", text: quarterLabel(q.year, q.q) }),
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
      ].map((k) => el("th", { scope: "col", text: t(k) })),
    );
    const body = el("tbody");
    for (const q of d.history) {
      const s = q.seats.find((x) => x.company === id);
      if (s) body.append(historyRow(q, s));
    }
    table = el("table", { class: "cp-table cp-debrief-history-seat", testid: "debrief-history-table" }, el("thead", {}, head), body);
  }
  return el(
    "section",
    { class: "cp-panel cp-debrief-history", testid: "debrief-history", "aria-label": t("debrief.historyTitle") },
    el("h2", {}, t("debrief.historyTitle"), el("span", { class: "cp-h-aside" }, picker)),
    el("div", { class: "cp-debrief-scroll" }, table),
  );
}

/** The match's 2026 (and 2025) next to the documents' figures for the same year. */
export function realityPage(d: Debrief): HTMLElement {
  const root = el("section", { class: "cp-panel cp-debrief-reality", testid: "debrief-reality", "aria-label": t("debrief.tab.reality") });
  scrollIfNeeded(root);
  if (d.reality.length === 0) {
    root.append(el("p", { text: t("debrief.realityNone") }));
    return root;
  }
  for (const year of [...new Set(d.reality.map((r) => r.year))]) {
    const rows = d.reality.filter((r) => r.year === year);
    const quarters = rows[0]?.quarters ?? 4;
    root.append(
      el(
        "h2",
        {},
        t("debrief.realityTitle", { year }),
        quarters < 4 ? el("span", { class: "cp-muted cp-h-aside", text: t("debrief.partialYear", { n: quarters }) }) : null,
      ),
      el(
        "table",
        { class: "cp-table cp-debrief-realitytable", testid: `debrief-reality-${year}` },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col", text: t("debrief.col.figure") }),
            el("th", { scope: "col", text: t("debrief.col.match") }),
            el("th", { scope: "col", text: t("debrief.col.docs") }),
            el("th", { scope: "col", class: "cp-left", text: t("debrief.col.source") }),
          ),
        ),
        el(
          "tbody",
          {},
          ...rows.map((r) =>
            el(
              "tr",
              { "data-row": r.id },
              el("th", { scope: "row", class: "cp-wrap", text: realityLabel(r) }),
              el("td", { class: "cp-strong", text: realityMatch(r) }),
              el("td", { text: realityDoc(r) }),
              el("td", { class: "cp-left cp-muted cp-wrap", text: r.figureIds.join(", ") }),
            ),
          ),
        ),
      ),
    );
  }
  return root;
}

/** When the debrief cannot be built: the final scores the server sent, and why. */
export function scoresOnly(scores: readonly SeatScore[], reason: string): HTMLElement {
  const sorted = [...scores].sort((a, b) => a.rank - b.rank);
  const handicap = scores.some((s) => s.par);
  return el(
    "section",
    { class: "cp-panel cp-debrief-failed", testid: "debrief-failed" },
    el("h2", { text: t("end.title") }),
    el(
      "table",
      { class: "cp-table" },
      el("thead", {}, el("tr", {}, ...["end.rank", "end.company", handicap ? "par.score" : "end.score"].map((k) => el("th", { scope: "col", text: t(k) })))),
      el(
        "tbody",
        {},
        ...sorted.map((sc) =>
          el(
            "tr",
            {},
            el("td", { text: String(sc.rank) }),
            el("th", { scope: "row", class: "cp-left" }, seatLabel(sc.company, false)),
            el("td", {}, scoreCell(sc.scoreBp, handicap)),
          ),
        ),
      ),
    ),
    el("p", { class: "cp-note", text: t("debrief.failed", { reason }) }),
  );
}
