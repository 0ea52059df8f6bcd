/**
 * The reveal: every seat's sealed decision face-up at once (capex, chips, R&D, bonds and their
 * price, repayments, buybacks, dividends, every energy bid — the losing ones too), the quarter's
 * results against the consensus, and why each share price moved, as a waterfall of the engine's
 * price-move parts. Everything fits the screen; the animation is CSS and can be skipped.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { AuctionResult, PriceMove, SeatReport, TurnReport } from "../../../shared/engine/types.ts";
import { hasKey } from "../../../shared/i18n/index.ts";
import { BaseScene } from "./base.ts";
import { CSS, SEAT_ICONS, seatText } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el, type Child } from "../ui.ts";
import { formatChange, formatClock, formatMoney, formatMw, formatPercent, formatPrice } from "../format.ts";
import { headlinesFor, PRICE_PARTS, quarterLabel, ratingDirection, type PricePart } from "../model.ts";
import { route } from "../router.ts";
import { termLink } from "../glossary.ts";

/** The waterfall of one seat's price move: each part as a step from the running total. */
export function waterfall(pm: PriceMove): { part: PricePart; from: number; to: number }[] {
  let at = 0;
  return PRICE_PARTS.map((part) => {
    const from = at;
    at += pm[part];
    return { part, from, to: at };
  });
}

export class RevealScene extends BaseScene {
  private timerNote: HTMLElement | null = null;

  constructor() {
    super("reveal");
  }

  create(): void {
    const r = this.session.unseenReveal;
    if (!r) {
      route(this.game);
      return;
    }
    const root = this.screen("reveal", "cp-reveal");
    const L = lang();
    const cont = button(t("reveal.continue"), "reveal-continue", () => {
      // "I have read it": the next quarter's clock starts once every player has said so.
      if (!this.session.ended) this.session.ackReveal();
      this.session.unseenReveal = null;
      route(this.game);
    });
    this.timerNote = el("div", { class: "cp-muted cp-reveal-timer", testid: "reveal-timer" });
    const regime =
      r.market.regimeBefore !== r.market.regimeAfter
        ? el("span", {
            class: "cp-chip warn",
            text: t("reveal.regimeChange", { from: t(`regime.${r.market.regimeBefore}`), to: t(`regime.${r.market.regimeAfter}`) }),
          })
        : el("span", { class: "cp-chip", text: `${t("board.regime")}: ${t(`regime.${r.market.regimeAfter}`)}` });
    root.append(
      el(
        "header",
        { class: "cp-reveal-head" },
        el("h1", { text: t("reveal.title", { quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
        regime,
        this.timerNote,
        this.langSelect(),
        cont,
      ),
      this.table(r),
      el("div", { class: "cp-reveal-foot" }, this.headlines(r), this.auctions(r)),
    );
    this.every(500, () => this.tick());
    this.tick();
    // The new share prices arrive with the state patch, just after the reveal message.
    this.follow(() => {
      for (const seat of r.seats) {
        const n = root.querySelector<HTMLElement>(`[data-testid="reveal-price-${seat.company}"]`);
        const p = this.session.snap?.seats[seat.company]?.sharePriceCents;
        if (n && p !== undefined) n.textContent = formatPrice(p, L);
      }
    });
    window.setTimeout(() => cont.focus(), 30);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && document.activeElement?.tagName !== "SELECT" && !document.querySelector(".cp-modal")) cont.click();
    };
    window.addEventListener("keydown", onKey);
    this.events.once("shutdown", () => window.removeEventListener("keydown", onKey));
  }

  /** The next quarter's clock: paused while players read, or running if the server already restarted it. */
  private tick(): void {
    const s = this.session;
    const snap = s.snap;
    if (!this.timerNote || !snap) return;
    let text = "";
    if (snap.phase === "ended" || s.ended) text = t("reveal.lastQuarter");
    else if (snap.reading && snap.turnSeconds > 0) text = t("reveal.timerReading", { time: formatClock(((snap.readingUntil ?? 0) - Date.now()) / 1000) });
    else if (snap.phase === "deciding" && snap.deadline > 0) text = t("reveal.timerRunning", { time: formatClock((snap.deadline - Date.now()) / 1000) });
    else if (snap.phase === "deciding" && snap.turnSeconds > 0) text = t("reveal.timerPaused");
    if (this.timerNote.textContent !== text) this.timerNote.textContent = text;
  }

  private table(r: TurnReport): HTMLElement {
    const L = lang();
    const money = (m: number) => formatMoney(m, L);
    const s = this.session;
    const seats = r.seats;
    // One scale for every waterfall, so seats compare at a glance.
    const ends = seats.flatMap((x) => waterfall(x.priceMove).flatMap((w) => [w.from, w.to]));
    const lo = Math.min(0, ...ends);
    const hi = Math.max(0, ...ends);
    const span = Math.max(1, hi - lo);
    const pos = (v: number) => ((v - lo) / span) * 100;

    const cell = (i: number, ...children: Child[]) => el("td", { class: "cp-rv-cell", style: `animation-delay:${200 + i * 90}ms` }, ...children);
    // Actual / consensus with an arrow; a consensus of 0 means the market had none (the first quarter), so no arrow.
    const vs = (actual: number, consensus: number, judged = true) => {
      const diff = actual - consensus;
      const arrow = consensus === 0 || diff === 0 ? null : diff > 0 ? "▲" : "▼";
      const cls = !judged ? "cp-vs" : diff > 0 ? "cp-good" : "cp-bad";
      const words = diff > 0 ? t("reveal.above") : t("reveal.below");
      return [
        el("b", { text: money(actual) }),
        el("span", { class: "cp-vs", text: ` / ${consensus === 0 ? "—" : money(consensus)}` }),
        arrow ? el("span", { class: cls, title: words, "aria-hidden": "true", text: ` ${arrow}` }) : null,
        arrow ? el("span", { class: "cp-sr", text: words }) : null,
      ];
    };
    // Zero is a dash, as in a financial table, so the amounts that were chosen stand out.
    const amount = (m: number) => (m === 0 ? el("span", { class: "cp-vs", text: "—", title: money(0) }) : el("b", { text: money(m) }));
    const row = (label: Child, f: (seat: SeatReport, i: number) => Child[], testid?: string, cls = "") =>
      el("tr", { class: cls, testid }, el("th", { scope: "row" }, label), ...seats.map((seat, i) => cell(i, ...f(seat, i))));
    const group = (label: Child) => el("tr", { class: "cp-rv-group" }, el("th", { scope: "rowgroup", colspan: seats.length + 1 }, label));

    const head = el(
      "tr",
      {},
      el("th", { scope: "col", class: "cp-rv-corner" }, termLink("price_move", t("reveal.whyTitle"))),
      ...seats.map((seat, i) => {
        const id = seat.company as CompanyId;
        const mine = id === s.seat;
        const up = seat.sharePriceChangeBp >= 0;
        const price = s.snap?.seats[id]?.sharePriceCents;
        return el(
          "th",
          { scope: "col", class: `cp-rv-seat cp-rv-cell${mine ? " mine" : ""}`, style: `animation-delay:${i * 90}ms`, testid: `reveal-seat-${id}` },
          el("span", {
            class: "cp-seatname",
            style: `color:${seatText(id)}`,
            text: `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}${mine ? ` (${t("lobby.you")})` : ""}`,
          }),
          el("span", {
            class: "cp-rv-move",
            style: `color:${up ? CSS.good : CSS.bad}`,
            testid: `reveal-move-${id}`,
            text: formatChange(seat.sharePriceChangeBp),
          }),
          el("span", { class: "cp-muted", testid: `reveal-price-${id}`, text: price === undefined ? "" : formatPrice(price, L) }),
          seat.defaulted ? el("span", { class: "cp-chip bad", text: t("board.defaulted") }) : null,
          seat.replacedInvalid ? el("span", { class: "cp-chip warn", text: t("reveal.invalidReplaced") }) : null,
        );
      }),
    );

    const body: (HTMLElement | null)[] = [
      group(t("reveal.groupDecisions")),
      row(termLink("capex", t("reveal.capex")), (x) => vs(x.expectations.capex.actual, x.expectations.capex.consensus, false), "rv-capex"),
      row(
        termLink("custom_silicon", t("reveal.customShare")),
        (x) => [
          el("b", { text: formatPercent(x.decision.customShareBp, 0) }),
          x.mwOrdered > 0 ? el("span", { class: "cp-vs", text: ` · ${formatMw(x.mwOrdered, L)}` }) : null,
        ],
        "rv-chips",
      ),
      // A row where nothing happened for anyone is left out: what was done stands out, and seven seats fit.
      seats.some((x) => x.decision.chipRnd > 0) ? row(termLink("chip_rnd", t("reveal.chipRnd")), (x) => [amount(x.decision.chipRnd)], "rv-rnd") : null,
      row(termLink("bonds", t("reveal.bonds")), (x) => this.bondCell(x), "rv-bonds"),
      seats.some((x) => x.decision.debtRepay > 0) ? row(t("reveal.repaid"), (x) => [amount(x.decision.debtRepay)], "rv-repaid") : null,
      row(
        el("span", {}, termLink("buybacks", t("reveal.buybacks")), " · ", termLink("dividends", t("reveal.dividends"))),
        (x) => [amount(x.decision.buybacks), el("span", { class: "cp-vs", text: " · " }), amount(x.decision.dividends)],
        "rv-owners",
      ),
      row(termLink("energy_deal", t("reveal.energyBids")), (x) => this.bidsCell(r, x), "rv-bids"),
      group(el("span", {}, t("reveal.groupResults"), " ", termLink("consensus", "?"))),
      row(termLink("ai_revenue", t("reveal.aiRevenue")), (x) => vs(x.expectations.aiRevenue.actual, x.expectations.aiRevenue.consensus), "rv-ai"),
      row(t("reveal.coreRevenue"), (x) => vs(x.expectations.coreRevenue.actual, x.expectations.coreRevenue.consensus), "rv-core"),
      row(termLink("net_income", t("reveal.netIncome")), (x) => vs(x.expectations.netIncome.actual, x.expectations.netIncome.consensus), "rv-ni"),
      row(termLink("rating", t("reveal.rating")), (x) => this.ratingCell(x), "rv-rating"),
      group(el("span", {}, t("reveal.groupWhy"), " ", termLink("price_move", "?"))),
      ...PRICE_PARTS.filter((part) => seats.some((x) => x.priceMove[part] !== 0)).map((part) =>
        row(
          t(`reveal.part.${part}`),
          (x) => {
            const w = waterfall(x.priceMove).find((p) => p.part === part)!;
            const v = x.priceMove[part];
            const a = pos(Math.min(w.from, w.to));
            const b = pos(Math.max(w.from, w.to));
            return [
              el(
                "span",
                { class: "cp-wf", "aria-hidden": "true" },
                el("i", { class: "cp-wf-zero", style: `left:${pos(0)}%` }),
                v === 0 ? null : el("i", { class: `cp-wf-seg ${v > 0 ? "up" : "down"}`, style: `left:${a}%;width:${Math.max(0.8, b - a)}%` }),
              ),
              el("span", { class: `cp-wf-val ${v > 0 ? "cp-good" : v < 0 ? "cp-bad" : "cp-muted"}`, text: formatChange(v, 1) }),
            ];
          },
          `rv-part-${part}`,
          "cp-rv-part",
        ),
      ),
      row(
        el("b", { text: t("reveal.part.total") }),
        (x) => {
          const v = x.priceMove.totalBp;
          return [
            el(
              "span",
              { class: "cp-wf", "aria-hidden": "true" },
              el("i", { class: "cp-wf-zero", style: `left:${pos(0)}%` }),
              el("i", {
                class: `cp-wf-seg total ${v >= 0 ? "up" : "down"}`,
                style: `left:${pos(Math.min(0, v))}%;width:${Math.max(0.8, pos(Math.max(0, v)) - pos(Math.min(0, v)))}%`,
              }),
            ),
            el("b", { class: `cp-wf-val ${v >= 0 ? "cp-good" : "cp-bad"}`, text: formatChange(v, 1) }),
          ];
        },
        "rv-part-total",
        "cp-rv-part cp-rv-total",
      ),
    ];
    return el(
      "table",
      { class: seats.length > 4 ? "cp-reveal-table cp-many" : "cp-reveal-table", testid: "reveal-table", style: `--seats:${seats.length}` },
      el("thead", {}, head),
      el("tbody", {}, ...body),
    );
  }

  private bondCell(x: SeatReport): Child[] {
    const L = lang();
    const d = x.decision;
    if (x.debtIssued <= 0 && d.debtIssue <= 0) return [el("span", { class: "cp-vs", text: "—", title: formatMoney(0, L) })];
    const parts: Child[] = [el("b", { text: formatMoney(x.debtIssued, L) })];
    if (x.debtIssued > 0)
      parts.push(el("span", { class: "cp-vs", text: ` · ${t("decide.tenorYears", { n: d.debtTenor })} · ${formatPercent(x.couponBp, 2)}` }));
    if (x.debtIssued < d.debtIssue)
      parts.push(el("span", { class: "cp-bad", text: ` ${t("reveal.refused", { amount: formatMoney(d.debtIssue - x.debtIssued, L) })}` }));
    return parts;
  }

  private bidsCell(r: TurnReport, x: SeatReport): Child[] {
    const L = lang();
    const mine = r.auctions.flatMap((a) => a.bidders.filter((b) => b.company === x.company).map((b) => ({ a, amount: b.amount })));
    if (mine.length === 0) return [el("span", { class: "cp-muted", text: t("reveal.noBids") })];
    // Three bids do not fit a seat's column: a count here, every bid in the auctions panel below.
    if (mine.length > 2) {
      const won = mine.filter(({ a }) => a.winner === x.company).length;
      return [el("span", { class: "cp-bid", testid: `bids-summary-${x.company}`, text: t("reveal.bidsSummary", { n: mine.length, won }) })];
    }
    return mine.map(({ a, amount }) =>
      el(
        "span",
        { class: "cp-bid" },
        `${t(`dealShort.${a.kind}`)} ${formatMoney(amount, L)} `,
        a.winner === x.company ? el("b", { class: "cp-good", text: t("reveal.won") }) : el("span", { class: "cp-bad", text: t("reveal.lost") }),
      ),
    );
  }

  private ratingCell(x: SeatReport): Child[] {
    const dir = ratingDirection(x.ratingBefore, x.ratingAfter);
    const out: Child[] = [
      el("b", { class: dir < 0 ? "cp-bad" : dir > 0 ? "cp-good" : "", text: dir === 0 ? x.ratingAfter : `${x.ratingBefore} → ${x.ratingAfter}` }),
    ];
    if (x.creditWatch !== "none")
      out.push(el("span", { class: x.creditWatch === "negative" ? "cp-bad" : "cp-good", text: ` ${t(`reveal.watch.${x.creditWatch}`)}` }));
    if (x.ratingReason && hasKey(x.ratingReason)) out.push(el("span", { class: "cp-vs", text: ` · ${t(x.ratingReason)}` }));
    return out;
  }

  private headlines(r: TurnReport): HTMLElement {
    return el(
      "section",
      { class: "cp-panel cp-headlines", testid: "reveal-headlines" },
      el("h2", { text: t("reveal.headlines") }),
      el("ul", {}, ...headlinesFor(r, 3).map((h, i) => el("li", { class: i === 0 ? "lead" : "", style: `animation-delay:${900 + i * 200}ms`, text: h }))),
    );
  }

  /** Every auction with every sealed bid, winners first. */
  private auctions(r: TurnReport): HTMLElement {
    const L = lang();
    const item = (a: AuctionResult) =>
      el(
        "li",
        { testid: `auction-${a.dealId}` },
        el("b", { text: `${t(`deal.${a.kind}`)} · ${formatMw(a.mw, L)}` }),
        " ",
        a.winner
          ? el("span", { text: t("reveal.wonBy", { company: t(`company.${a.winner}`), price: formatMoney(a.price, L) }) })
          : el("span", { class: "cp-muted", text: t("reveal.noWinner") }),
        a.bidders.length
          ? el(
              "span",
              { class: "cp-vs" },
              ` · ${t("reveal.bids")}: `,
              a.bidders
                .slice()
                .sort((p, q) => q.amount - p.amount)
                .map((b) => `${t(`company.${b.company}`)} ${formatMoney(b.amount, L)}`)
                .join(L === "zh-CN" ? "、" : ", "),
            )
          : null,
      );
    return el(
      "section",
      { class: "cp-panel cp-auctions", testid: "reveal-auctions" },
      el("h2", {}, t("reveal.auctions"), " ", termLink("energy_deal", "?")),
      r.auctions.length ? el("ul", {}, ...r.auctions.map(item)) : el("p", { class: "cp-muted", text: t("reveal.noAuctions") }),
    );
  }
}
