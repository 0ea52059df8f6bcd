/**
 * DOM builders for the replay viewer's panels: the quarter's decisions and the market's reaction,
 * the board as a seat (or a spectator) saw it, and the statements. Each takes what the engine
 * produced (`TurnReport`, `viewFor`) and draws it; none computes a game figure.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { PRICE_MOVE_PARTS, type PriceMovePart, type QuarterRecord, type SeatReport, type SeatScore, type TurnReport } from "../../../shared/engine/types.ts";
import type { ReplayFile } from "../../../shared/protocol/replay.ts";
import type { MatchView, PublicCompanyView } from "../../../shared/engine/view.ts";
import { capabilityTier } from "../../../shared/engine/capability.ts";
import type { Lang } from "../../../shared/i18n/index.ts";
import { el } from "../ui.ts";
import { t } from "../lang.ts";
import { formatChange, formatMoney, formatMw, formatPercent, formatPrice } from "../format.ts";
import { SEAT_ICONS, seatText } from "../theme.ts";
import { formatScore } from "../par.ts";
import { headlinesFor, quarterBefore, quarterLabel, quarterTick } from "../model.ts";
import { STATEMENTS, type StatementId } from "../../../shared/engine/statements.ts";

export function companyLabel(c: CompanyId): string {
  return `${SEAT_ICONS[c] ?? "•"} ${t(`company.${c}`)}`;
}

function companyCell(c: CompanyId, extra?: string): HTMLTableCellElement {
  return el("td", { class: "rp-co", style: `color:${seatText(c)}` }, companyLabel(c), extra ? el("div", { class: "cp-muted", text: extra }) : null);
}

function signed(bp: number): HTMLElement {
  // A zero part is a dot, so the parts that moved the price stand out.
  return bp === 0 ? el("span", { class: "cp-muted", text: "·" }) : el("span", { class: bp > 0 ? "cp-good" : "cp-bad", text: formatChange(bp) });
}

/** A final score in its unit: swings above par under the handicap (the row carries its par), a percentage otherwise. */
function scoreSpan(s: SeatScore): HTMLElement {
  return el("span", { class: s.scoreBp > 0 ? "cp-good" : s.scoreBp < 0 ? "cp-bad" : "", text: formatScore(s.scoreBp, s.par !== undefined) });
}

function table(testid: string, head: readonly string[], rows: readonly HTMLTableRowElement[]): HTMLTableElement {
  return el("table", { class: "cp-table", testid }, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { text: h })))), el("tbody", {}, ...rows));
}

/** A figure with a muted second line (so wide cells wrap instead of pushing the table out of its panel). */
function twoLine(main: string, sub: string | null): HTMLTableCellElement {
  return el("td", {}, main, sub ? el("div", { class: "cp-muted", text: sub }) : null);
}

function bonds(s: SeatReport, L: Lang): HTMLTableCellElement {
  const d = s.decision;
  if (s.debtIssued > 0) return twoLine(`+${formatMoney(s.debtIssued, L)}`, `${t("decide.tenorYears", { n: d.debtTenor })} · ${formatPercent(s.couponBp, 2)}`);
  if (d.debtIssue > 0) return twoLine(`+${formatMoney(d.debtIssue, L)}`, t("replay.notFilled"));
  if (d.debtRepay > 0) return twoLine(`−${formatMoney(d.debtRepay, L)}`, null);
  return twoLine("—", null);
}

function energy(s: SeatReport, r: TurnReport, L: Lang): HTMLTableCellElement {
  const bids = s.decision.energyBids;
  if (bids.length === 0) return twoLine("—", null);
  const won = r.auctions.filter((a) => a.winner === s.company).reduce((n, a) => n + a.mw, 0);
  const total = bids.reduce((n, b) => n + b.amount, 0);
  const amount = formatMoney(total, L);
  return twoLine(
    bids.length === 1 ? t("replay.bid", { amount }) : t("replay.bids", { n: bids.length, amount }),
    won > 0 ? t("replay.won", { mw: formatMw(won, L) }) : null,
  );
}

/** Every seat's decision this quarter and how its share price answered, with the rating action. */
export function decisionsTable(r: TurnReport, me: CompanyId | null, L: Lang): HTMLTableElement {
  const rows = r.seats.map((s) => {
    const d = s.decision;
    const note = s.defaulted ? t("replay.defaulted") : s.replacedInvalid ? t("replay.invalid") : undefined;
    const tr = el(
      "tr",
      { "data-company": s.company, class: s.company === me ? "rp-me" : "" },
      companyCell(s.company, note),
      el("td", { text: formatMoney(d.capex, L) }),
      el("td", { text: formatPercent(d.customShareBp, 0) }),
      bonds(s, L),
      el("td", { text: d.buybacks + d.dividends > 0 ? formatMoney(d.buybacks + d.dividends, L) : "—" }),
      energy(s, r, L),
      el("td", {}, signed(s.sharePriceChangeBp)),
      el("td", { text: s.ratingBefore === s.ratingAfter ? s.ratingAfter : `${s.ratingBefore} → ${s.ratingAfter}` }),
    );
    return tr;
  });
  return table(
    "replay-decisions",
    [
      t("replay.col.company"),
      t("replay.col.capex"),
      t("replay.col.custom"),
      t("replay.col.bonds"),
      t("replay.col.payouts"),
      t("replay.col.energy"),
      t("replay.col.move"),
      t("replay.col.rating"),
    ],
    rows,
  );
}

/** `earningsBp` → `earnings`: the i18n key stem of a price-move part. */
const stem = (p: PriceMovePart) => p.slice(0, -2);

/** The engine's decomposition of each price move: the parts sum to the total. */
export function whyTable(r: TurnReport, me: CompanyId | null): HTMLTableElement {
  const rows = r.seats.map((s) =>
    el(
      "tr",
      { class: s.company === me ? "rp-me" : "" },
      companyCell(s.company),
      ...PRICE_MOVE_PARTS.map((p) => el("td", {}, signed(s.priceMove[p]))),
      el("td", { class: "rp-strong" }, signed(s.priceMove.totalBp)),
    ),
  );
  return table("replay-why", [t("replay.col.company"), ...PRICE_MOVE_PARTS.map((p) => t(`replay.move.${stem(p)}`)), t("replay.move.total")], rows);
}

const EXPECTED = ["capex", "aiRevenue", "coreRevenue", "netIncome"] as const;

/** What the market expected of each seat this quarter (the consensus formed before it) against what it delivered. */
export function expectationsTable(r: TurnReport, me: CompanyId | null, L: Lang): HTMLTableElement {
  const rows = r.seats.map((s) =>
    el(
      "tr",
      { class: s.company === me ? "rp-me" : "" },
      companyCell(s.company),
      ...EXPECTED.map((k) => {
        const e = s.expectations[k];
        const beat = e.actual - e.consensus;
        // Beating the consensus on revenue or income is good news; on capex it is neither, so it stays neutral.
        const tone = beat === 0 || k === "capex" ? "cp-muted" : beat > 0 ? "cp-good" : "cp-bad";
        return el(
          "td",
          {},
          el("span", { text: formatMoney(e.actual, L) }),
          el("span", { class: "cp-muted", text: ` / ${formatMoney(e.consensus, L)}` }),
          beat === 0 ? null : el("span", { class: tone, text: beat > 0 ? " ▲" : " ▼" }),
        );
      }),
    ),
  );
  return table("replay-expectations", [t("replay.col.company"), ...EXPECTED.map((k) => t(`replay.expect.${k}`))], rows);
}

/** Each auctioned deal with its winner and every sealed bid, revealed. */
export function auctionsList(r: TurnReport, L: Lang): HTMLElement {
  if (r.auctions.length === 0) return el("p", { class: "cp-muted", testid: "replay-auctions", text: t("replay.noAuctions") });
  return el(
    "ul",
    { class: "rp-list", testid: "replay-auctions" },
    ...r.auctions.map((a) =>
      el(
        "li",
        {},
        el("div", {
          text: a.winner
            ? t("replay.auctionLine", { kind: t(`deal.${a.kind}`), mw: formatMw(a.mw, L), winner: t(`company.${a.winner}`), price: formatMoney(a.price, L) })
            : t("replay.auctionUnsold", { kind: t(`deal.${a.kind}`), mw: formatMw(a.mw, L) }),
        }),
        el("div", {
          class: "cp-muted",
          text: a.bidders.length > 0 ? a.bidders.map((b) => `${companyLabel(b.company)} ${formatMoney(b.amount, L)}`).join(" · ") : t("replay.noBids"),
        }),
      ),
    ),
  );
}

export function headlinesList(r: TurnReport, max = 7): HTMLElement {
  return el(
    "ul",
    { class: "rp-list", testid: "replay-headlines" },
    ...headlinesFor(r)
      .slice(0, max)
      .map((h) => el("li", { text: h })),
  );
}

export function marketLine(r: TurnReport): HTMLElement {
  const m = r.market;
  return el("p", {
    class: "cp-muted",
    text: t("replay.market", {
      before: t(`regime.${m.regimeBefore}`),
      after: t(`regime.${m.regimeAfter}`),
      margin: formatPercent(m.nvidiaMarginBp, 0),
      rate: formatPercent(m.baseRateBp, 2),
    }),
  });
}

function kpi(label: string, value: string, testid?: string): HTMLElement {
  return el("div", { class: "rp-kpi", testid }, el("div", { class: "cp-muted", text: label }), el("div", { class: "rp-kpi-value", text: value }));
}

/** All seats' public figures, the table every seat and every spectator saw. */
function companiesTable(v: MatchView, L: Lang): HTMLTableElement {
  const rows = Object.values(v.companies)
    .filter((c): c is PublicCompanyView => c !== undefined)
    .map((c) =>
      el(
        "tr",
        { class: c.id === v.seat ? "rp-me" : "" },
        companyCell(c.id, c.status === "defaulted" ? t("replay.defaulted") : undefined),
        el("td", { text: formatPrice(c.sharePriceCents, L) }),
        el("td", { text: formatMoney(c.marketCap, L) }),
        el("td", { text: formatMoney(c.cash, L) }),
        el("td", { text: formatMoney(c.debt, L) }),
        el("td", { text: c.rating }),
        el("td", { text: formatPercent(c.aiShareBp, 1) }),
      ),
    );
  return table(
    "replay-companies",
    [t("replay.col.company"), t("board.sharePrice"), t("board.marketCap"), t("board.cash"), t("board.debt"), t("board.rating"), t("replay.aiShare")],
    rows,
  );
}

/** The board at this position: a seat's own dashboard (with what only it could see), or the spectator's public table. */
export function boardPanel(v: MatchView, at: string, L: Lang): HTMLElement {
  const root = el("div", { testid: "replay-board", "data-seat": v.seat ?? "spectator" });
  const own = v.own;
  if (!own) {
    root.append(el("h3", { text: t("replay.boardPublic", { quarter: at }) }), companiesTable(v, L));
    const m = v.market;
    root.append(
      el(
        "div",
        { class: "rp-kpis" },
        kpi(t("board.regime"), t(`regime.${m.sentiment.regime}`)),
        kpi(t("board.nvidiaPrice"), `${formatMoney(Math.round(m.nvidia.priceK / 1000), L)}/MW`),
        kpi(t("board.nvidiaMargin"), formatPercent(m.nvidia.grossMarginBp, 0)),
        kpi(t("board.aiIgShare"), formatPercent(m.bonds.aiIgShareBp, 1)),
        kpi(t("board.industryAiRevenue"), formatMoney(m.industryAiRevenue * 4, L)),
      ),
    );
    return root;
  }
  root.append(
    el("h3", { text: t("replay.boardOf", { company: t(`company.${own.id}`), quarter: at }) }),
    el(
      "div",
      { class: "rp-kpis" },
      kpi(t("board.cash"), formatMoney(own.cash, L), "replay-kpi-cash"),
      kpi(t("board.debt"), formatMoney(own.debt, L)),
      kpi(t("board.rating"), own.rating),
      kpi(t("board.sharePrice"), formatPrice(own.sharePriceCents, L)),
      kpi(t("board.marketCap"), formatMoney(own.marketCap, L)),
      kpi(t("board.aiRevenue"), formatMoney(own.aiRevenue, L)),
      kpi(t("board.installed"), formatMw(own.installedMw, L)),
      kpi(t("board.powered"), formatMw(own.poweredMw, L)),
      kpi(t("board.stranded"), formatMw(own.strandedMw, L)),
      kpi(t("board.capability"), `${t("board.tier", { tier: capabilityTier(own.capabilityBp) })} · ${formatPercent(own.capabilityBp, 0)}`),
      kpi(t("board.custom"), formatPercent(own.fleetCustomShareBp, 0)),
      kpi(t("replay.aiShare"), formatPercent(own.aiShareBp, 1)),
    ),
  );
  const next = [...own.tranches].sort((a, b) => a.maturityTurn - b.maturityTurn)[0];
  const due = next ? quarterBefore(v.quarter.year, v.quarter.q, v.turn - next.maturityTurn) : null;
  const pipelineMw = own.powerPipeline.reduce((n, p) => n + p.mw, 0);
  root.append(
    el("h3", { text: t("replay.private") }),
    el(
      "div",
      { class: "rp-kpis", testid: "replay-private" },
      kpi(t("replay.chipProgram"), formatPercent(own.chipProgram.maturityBp, 0)),
      kpi(t("replay.bonds"), next && due ? t("replay.bondsLine", { n: own.tranches.length, quarter: quarterLabel(due.year, due.q) }) : t("replay.none")),
      kpi(t("replay.pipeline"), formatMw(pipelineMw, L)),
      kpi(
        t("replay.backlog"),
        own.contracted.quartersLeft > 0
          ? t("replay.backlogLine", { amount: formatMoney(own.contracted.perQuarter, L), n: own.contracted.quartersLeft })
          : t("replay.none"),
      ),
    ),
    el("h3", { text: t("board.rivals") }),
    companiesTable(v, L),
  );
  return root;
}

type Row = readonly [string, (h: QuarterRecord) => string];

/** One statement of a company for the last `n` quarters up to this position, chosen by tab (0 income, 1 cash flow, 2 balance). */
export function statementTable(history: readonly QuarterRecord[], tab: number, L: Lang, n = 5): HTMLElement {
  if (history.length === 0) return el("p", { class: "cp-muted", text: t("stmt.empty") });
  const cols = history.slice(-n);
  const m = (v: number) => formatMoney(v, L);
  const lines = (id: StatementId): Row[] =>
    STATEMENTS[id].filter((l) => l.onScreen).map((l) => [t(l.label), (h) => m(l.sign * (h[id] as unknown as Record<string, number>)[l.field]!)]);
  const income = lines("income");
  const cash = lines("cashFlow");
  const balance: Row[] = [
    ...lines("balance"),
    [t("board.marketCap"), (h) => m(h.marketCap)],
    [t("board.sharePrice"), (h) => formatPrice(h.sharePriceCents, L)],
    [t("board.rating"), (h) => h.rating],
  ];
  const rows = [income, cash, balance][tab] ?? income;
  return el(
    "table",
    { class: "cp-table rp-statement", testid: "replay-statement" },
    el("thead", {}, el("tr", {}, el("th", { text: "" }), ...cols.map((q) => el("th", { text: quarterTick(q.quarter.year, q.quarter.q) })))),
    el("tbody", {}, ...rows.map(([label, f]) => el("tr", {}, el("td", { text: label }), ...cols.map((q) => el("td", { text: f(q) }))))),
  );
}

/** Who played each seat (from a version-2 file) and, once re-simulated to the end, the final ranking. */
export function seatsTable(file: ReplayFile, scores: readonly SeatScore[] | null, me: CompanyId | null): HTMLTableElement {
  const players = file.version === 2 ? file.players : undefined;
  const rows = file.seats.map((c) => {
    const p = players?.[c];
    const s = scores?.find((x) => x.company === c);
    return el(
      "tr",
      { class: c === me ? "rp-me" : "" },
      companyCell(c, s?.defaulted ? t("replay.defaulted") : undefined),
      players ? el("td", { text: !p ? "—" : p.kind === "ai" ? t("library.ai") : (p.name ?? t("replay.person")) }) : null,
      el("td", { text: s ? String(s.rank) : "—" }),
      el("td", {}, s ? scoreSpan(s) : "—"),
    );
  });
  const head = [t("replay.col.company"), ...(players ? [t("replay.playedBy")] : []), t("end.rank"), t("end.score")];
  return table("replay-seats", head, rows);
}

/** "1. ■ Microsoft +12.5% · 2. …": the final ranking on one line. */
export function rankingLine(scores: readonly SeatScore[]): HTMLElement {
  const sorted = [...scores].sort((a, b) => a.rank - b.rank);
  return el(
    "p",
    { testid: "replay-ranking" },
    el("b", { text: `${t("replay.finalRanking")}: ` }),
    ...sorted.flatMap((s, i) => [i > 0 ? " · " : "", `${s.rank}. ${companyLabel(s.company)} `, scoreSpan(s)]),
  );
}
