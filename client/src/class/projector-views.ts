/**
 * The projector's pages, in large type for the class's big screen, from public figures only (the
 * engine's spectator view of a match, its last reveal's report, the class leaderboard): the lobby
 * with the join code, then the projected match's board and the staged reveal the teacher steps
 * through — decisions, the market's reaction (each price move split into its parts), headlines —
 * and the class leaderboard.
 */
import { scoringIn } from "../../../shared/engine/score.ts";
import type { CompanyId, Scoring } from "../../../shared/engine/ids.ts";
import { PRICE_MOVE_PARTS as MOVE_PARTS, type PriceMove, type TurnReport } from "../../../shared/engine/types.ts";
import type { LeaderRow, MatchLive, ProjectorClassView } from "../../../shared/protocol/class.ts";
import { lang, t } from "../lang.ts";
import { el } from "../ui.ts";
import { formatChange, formatMoney, formatPercent, formatPrice } from "../format.ts";
import { headlinesFor, quarterLabel } from "../model.ts";
import { SEAT_COLORS, hex } from "../theme.ts";
import { formatScore } from "../par.ts";
import { chip, clockText, companyTag, qrInto } from "./dom.ts";
import { studentLink } from "./route.ts";
import { meterView } from "./teacher-run.ts";

function seatColor(id: CompanyId): string {
  const c = SEAT_COLORS[id];
  return c === undefined ? "#56b4e9" : hex(c);
}

export function projectorLobby(v: ProjectorClassView, origin: string): HTMLElement {
  const qr = el("div", { class: "cl-qr", style: "width:380px;height:380px" });
  void qrInto(qr, studentLink(origin, v.code));
  const teams = el(
    "div",
    { class: "cl-row", style: "gap:12px;align-content:flex-start", testid: "pj-teams" },
    ...v.teams.map((n) => el("span", { class: "cl-chip", style: "font-size:24px", text: n })),
  );
  return el(
    "div",
    { class: "cl-body", style: "grid-template-columns: 520px 1fr" },
    el(
      "section",
      { class: "cl-card", style: "align-items:center;gap:16px" },
      el("div", { class: "cl-big-code", style: "font-size:88px", testid: "pj-code", text: v.code }),
      qr,
      el("div", { class: "cl-url", style: "font-size:26px", text: `${origin}/class` }),
    ),
    el(
      "section",
      { class: "cl-card", style: "gap:18px" },
      el("h2", { text: t("class.pj.waiting") }),
      el("div", { class: "cl-msg", text: t("class.pj.teamsIn", { n: v.teams.length }) }),
      teams,
    ),
  );
}

function boardStage(l: MatchLive, match: number): HTMLElement {
  const cols = Math.min(l.seats.length, 4);
  const committed = l.seats.filter((s) => s.committed).length;
  const grid = el("div", { class: "cl-pj-grid", style: `grid-template-columns: repeat(${cols}, 1fr)` });
  for (const s of l.seats) {
    grid.append(
      el(
        "div",
        { class: "cl-pj-co", style: `border-left-color:${seatColor(s.company)}`, testid: `pj-seat-${s.company}` },
        el("div", { class: "name" }, companyTag(s.company, "")),
        el("div", { class: "team", text: s.control === "human" && !s.held ? s.name : t("class.aiPlays") }),
        el("div", { class: "big", text: formatPrice(s.sharePriceCents) }),
        el("div", { class: s.priceChangeBp > 0 ? "cl-up" : s.priceChangeBp < 0 ? "cl-down" : "", text: l.turn > 0 ? formatChange(s.priceChangeBp) : "" }),
        el("div", { class: "cl-muted", style: "font-size:22px", text: l.turn > 0 ? `${t("class.col.capex")}: ${formatMoney(s.capex, lang())}` : "" }),
        el("div", {
          style: "font-size:24px;margin-top:auto",
          class: s.committed ? "cl-ok" : "cl-muted",
          text: l.phase === "deciding" ? (s.committed ? t("class.committed") : t("class.deciding")) : "",
        }),
      ),
    );
  }
  const clock = l.phase === "deciding" && l.deadline > 0 ? chip(t("class.timeLeft", { time: clockText(l.deadline) }), "", "pj-timer") : null;
  if (clock) clock.dataset["deadline"] = String(l.deadline);
  return el(
    "div",
    { class: "cl-side", style: "flex:1 1 auto;min-height:0" },
    el(
      "div",
      { class: "cl-row" },
      el("h2", { text: t("class.pj.boardTitle", { n: match + 1, quarter: quarterLabel(l.year, l.q) }) }),
      l.phase === "deciding"
        ? chip(t("class.pj.committed", { n: committed, total: l.seats.length }), committed === l.seats.length ? "good" : "", "pj-committed")
        : null,
      l.paused ? chip(t("class.phase.paused"), "warn") : clock,
    ),
    grid,
    l.turn > 0 ? meterView(l, "cl-pj-meter", { w: 640, h: 210 }) : null,
  );
}

function decisionsStage(r: TurnReport, match: number): HTMLElement {
  const L = lang();
  const table = el(
    "table",
    { class: "cl-pj-table", testid: "pj-decisions" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: t("class.col.company") }),
        el("th", { text: t("class.pj.capex") }),
        el("th", { text: t("class.pj.custom") }),
        el("th", { text: t("class.pj.debt") }),
        el("th", { text: t("class.pj.returns") }),
        el("th", { text: t("class.pj.energy") }),
      ),
    ),
  );
  const body = el("tbody");
  for (const s of r.seats)
    body.append(
      el(
        "tr",
        {},
        el("td", {}, companyTag(s.company)),
        el("td", { text: formatMoney(s.decision.capex, L) }),
        el("td", { text: formatPercent(s.decision.customShareBp, 0) }),
        el("td", { text: formatMoney(s.debtIssued, L) }),
        el("td", { text: formatMoney(s.decision.buybacks + s.decision.dividends, L) }),
        el("td", { text: String(s.energyWon.length) }),
      ),
    );
  table.append(body);
  return el(
    "div",
    { class: "cl-side", style: "flex:1 1 auto" },
    el("h2", { text: t("class.pj.decisionsTitle", { n: match + 1, quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
    table,
  );
}

const PART_COLORS: Readonly<Record<(typeof MOVE_PARTS)[number], string>> = {
  earningsBp: "#56b4e9",
  capexBp: "#e69f00",
  positionBp: "#009e73",
  creditBp: "#d55e00",
  sentimentBp: "#cc79a7",
  cashBp: "#f0e442",
  eventsBp: "#0072b2",
  residualBp: "#8fa0b3",
};

function partLabel(p: (typeof MOVE_PARTS)[number]): string {
  return t(`class.part.${p.replace(/Bp$/, "")}`);
}

/**
 * One seat's price move as a waterfall on one line: the parts laid end to end from 0 (rises to the
 * right, falls to the left of the part before), the white mark at the total.
 */
function moveBar(m: PriceMove, scaleBp: number): HTMLElement {
  const bar = el("div", { class: "cl-move-bar" });
  const pct = (bp: number): number => 50 + (bp / scaleBp) * 50;
  let at = 0;
  for (const p of MOVE_PARTS) {
    const v = m[p];
    if (v === 0) continue;
    const from = pct(Math.min(at, at + v));
    const to = pct(Math.max(at, at + v));
    bar.append(
      el("span", { style: `left:${from}%;width:${Math.max(0.4, to - from)}%;background:${PART_COLORS[p]}`, title: `${partLabel(p)} ${formatChange(v)}` }),
    );
    at += v;
  }
  bar.append(el("i", { style: "left:50%;opacity:0.35" }), el("i", { style: `left:calc(${pct(m.totalBp)}% - 1px)` }));
  return bar;
}

/** How far from 0 a seat's waterfall reaches: the running sum at every step, not only the parts or the total (+5, +3, −6 reaches +8). */
export function moveReachBp(m: PriceMove): number {
  let at = 0;
  let reach = Math.abs(m.totalBp);
  for (const p of MOVE_PARTS) {
    at += m[p];
    reach = Math.max(reach, Math.abs(at));
  }
  return reach;
}

function marketStage(r: TurnReport, match: number): HTMLElement {
  // One scale for every seat, wide enough for the furthest running sum: no bar runs past its track (over the percentage).
  const scale = Math.max(500, ...r.seats.map((s) => moveReachBp(s.priceMove))) * 1.15;
  const rows = r.seats.map((s) =>
    el(
      "div",
      { class: "cl-move", testid: `pj-move-${s.company}` },
      companyTag(s.company),
      moveBar(s.priceMove, scale),
      el("strong", {
        class: s.priceMove.totalBp > 0 ? "cl-up" : s.priceMove.totalBp < 0 ? "cl-down" : "",
        style: "text-align:right",
        text: formatChange(s.priceMove.totalBp),
      }),
    ),
  );
  const legend = el("div", { class: "cl-legend" }, ...MOVE_PARTS.map((p) => el("span", { style: `--c:${PART_COLORS[p]}`, text: partLabel(p) })));
  return el(
    "div",
    { class: "cl-side", style: "flex:1 1 auto;gap:22px", testid: "pj-market" },
    el("h2", { text: t("class.pj.marketTitle", { n: match + 1, quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
    ...rows,
    legend,
  );
}

function headlinesStage(r: TurnReport, match: number): HTMLElement {
  return el(
    "div",
    { class: "cl-side", style: "flex:1 1 auto" },
    el("h2", { text: t("class.pj.headlinesTitle", { n: match + 1, quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
    el(
      "ul",
      { class: "cl-pj-heads", testid: "pj-headlines" },
      ...headlinesFor(r)
        .slice(0, 6)
        .map((h) => el("li", { text: h })),
    ),
  );
}

export function leaderboardStage(rows: readonly LeaderRow[], scoring?: Scoring): HTMLElement {
  const table = el(
    "table",
    { class: "cl-pj-table", testid: "pj-leaderboard" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: t("class.lb.rank") }),
        el("th", { class: "l", text: t("class.col.team") }),
        el("th", { class: "l", text: t("class.col.company") }),
        el("th", { class: "l", text: t("class.pj.match") }),
        el("th", { text: t("class.col.price") }),
        el("th", { text: t("class.col.score") }),
      ),
    ),
  );
  const body = el("tbody");
  for (const r of rows.slice(0, 10))
    body.append(
      el(
        "tr",
        {},
        el("td", { text: String(r.rank) }),
        el("td", { class: "l", text: r.name }),
        el("td", { class: "l" }, companyTag(r.company)),
        el("td", { class: "l", text: String(r.match + 1) }),
        el("td", { text: formatPrice(r.sharePriceCents) }),
        el("td", { class: r.scoreBp > 0 ? "cl-up" : r.scoreBp < 0 ? "cl-down" : "", text: formatScore(r.scoreBp, scoring) }),
      ),
    );
  table.append(body);
  return el(
    "div",
    { class: "cl-side", style: "flex:1 1 auto" },
    el("h2", { text: t("class.leaderboard") }),
    rows.length === 0 ? el("p", { class: "cl-msg", text: t("class.lb.none") }) : table,
  );
}

/** The stage the teacher chose, for the projected match. */
export function projectorStage(v: ProjectorClassView): HTMLElement {
  const { match, stage } = v.projector;
  if (stage === "leaderboard") return leaderboardStage(v.leaderboard, scoringIn(v.settings));
  if (stage === "board") return v.live ? boardStage(v.live, match) : el("p", { class: "cl-msg", text: t("class.notPlayed") });
  if (!v.report) return el("p", { class: "cl-msg", testid: "pj-no-reveal", text: t("class.pj.noReveal") });
  if (stage === "decisions") return decisionsStage(v.report, match);
  if (stage === "market") return marketStage(v.report, match);
  return headlinesStage(v.report, match);
}
