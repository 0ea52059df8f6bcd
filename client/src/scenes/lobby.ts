/** The lobby: the join code, the match settings, and each seat's starting position (only figures from before the scenario's start). */
import type { CompanyId, ScenarioId, Variant } from "../../../shared/engine/ids.ts";
import { COMPANY_PARAMS } from "../../../shared/rules/params.ts";
import { SCENARIO_DEFS } from "../../../shared/rules/scenarios.ts";
import { BaseScene } from "./base.ts";
import { CSS, SEAT_ICONS, seatFill, seatText } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { formatMoney, formatMw, formatPercent } from "../format.ts";
import type { SeatSnap } from "../net.ts";
import { termLink } from "../glossary.ts";

export class LobbyScene extends BaseScene {
  private body: HTMLElement | null = null;
  private signature = "";

  constructor() {
    super("lobby");
  }

  create(): void {
    this.signature = "";
    const root = this.screen("lobby", "cp-lobby");
    this.body = el("div", { class: "cp-lobby-body" });
    root.append(
      el("header", { class: "cp-lobby-head" }, el("h1", { text: t("lobby.title") }), el("div", { class: "cp-title-lang" }, this.langSelect())),
      this.body,
    );
    this.follow(() => this.render());
    this.render();
  }

  private render(): void {
    const s = this.session;
    const snap = s.snap;
    const sig = JSON.stringify([
      snap?.phase,
      snap?.code,
      s.welcome?.code,
      s.seat,
      s.creator,
      snap ? Object.values(snap.seats).map((x) => [x.company, x.control, x.name, x.connected]) : null,
    ]);
    if (sig === this.signature || !this.body) return;
    this.signature = sig;
    if (!snap) {
      this.body.replaceChildren(el("p", { class: "cp-muted", text: t("title.loading") }));
      return;
    }
    const host = s.creator && snap.phase === "lobby";
    const start = button(t("lobby.start"), "start-button", () => this.session.start());
    const seats = s.seatsInOrder();
    this.body.replaceChildren(
      el(
        "div",
        { class: "cp-lobby-top" },
        el(
          "section",
          { class: "cp-panel cp-lobby-code" },
          el("div", { class: "cp-muted", text: t("lobby.code") }),
          el("div", { class: "cp-code", testid: "lobby-code", "aria-label": t("lobby.code"), text: snap.code || s.welcome?.code || "" }),
          el("div", { class: "cp-muted", text: t("lobby.codeHint") }),
        ),
        el(
          "section",
          { class: "cp-panel cp-lobby-facts" },
          el(
            "dl",
            {},
            el("dt", { text: t("lobby.scenario") }),
            el("dd", { text: snap.scenario ? t(`scenario.${snap.scenario}`) : "—" }),
            el("dt", { text: t("lobby.variant") }),
            el("dd", { text: snap.variant ? t(`variant.${snap.variant}`) : "—" }),
            el("dt", { text: t("lobby.quarters") }),
            el("dd", { text: String(snap.turns) }),
            el("dt", { text: t("lobby.timer") }),
            el("dd", { text: snap.turnSeconds ? t("lobby.seconds", { n: snap.turnSeconds }) : t("board.noTimer") }),
          ),
          el("p", { class: "cp-muted", text: t("lobby.waiting") }),
        ),
        host
          ? el("section", { class: "cp-panel cp-lobby-host" }, el("p", { text: t("lobby.host") }), start)
          : el("section", { class: "cp-panel cp-lobby-host" }, el("p", { class: "cp-muted", text: t("lobby.guest") })),
      ),
      el("div", { class: "cp-lobby-seats", style: `--cols:${Math.min(4, Math.max(1, seats.length))}` }, ...seats.map((seat) => this.card(seat))),
    );
  }

  private card(seat: SeatSnap): HTMLElement {
    const id = seat.company as CompanyId;
    const L = lang();
    const s = this.session;
    const mine = s.seat === id;
    const who = mine ? t("lobby.you") : seat.control === "ai" ? t("lobby.ai") : seat.control === "human" ? seat.name || t("lobby.human") : t("lobby.open");
    // The documents' figures, only for years before the scenario starts (the build-out must not show 2025 or 2026).
    const doc = COMPANY_PARAMS[id];
    const scenario = (s.snap?.scenario ?? "reckoning") as ScenarioId;
    const startYear = SCENARIO_DEFS[scenario]?.startYear ?? 2026;
    const years = ["2023", "2024", "2025"].filter((y) => Number(y) < startYear);
    const variant = (s.snap?.variant === "cons" ? "cons" : "guide") as Variant;
    const rows: [HTMLElement | string, string][] = [
      [t("lobby.capexYearsList", { years: years.join(" · ") }), doc ? years.map((y) => formatMoney(doc.capexHistory[y] ?? 0, L)).join(" · ") : "—"],
    ];
    if (startYear === 2026 && doc) rows.push([t("lobby.plan2026"), formatMoney(doc.capex2026[variant], L)]);
    rows.push(
      [termLink("cash", t("board.cash")), formatMoney(seat.cash, L)],
      [termLink("debt", t("board.debt")), `${formatMoney(seat.debt, L)} · ${seat.rating || "—"}`],
      [termLink("ai_revenue", t("lobby.aiRevenue")), formatMoney(seat.aiRevenue, L)],
      [t("lobby.cashEngine"), formatMoney(seat.coreRevenue, L)],
      [termLink("custom_silicon", t("lobby.chips")), formatPercent(seat.fleetCustomShareBp, 0)],
      [termLink("stranded", t("lobby.energy")), `${formatMw(seat.poweredMw, L)} / ${formatMw(seat.installedMw, L)}`],
    );
    return el(
      "article",
      { class: `cp-panel cp-seatcard${mine ? " mine" : ""}`, testid: `seat-card-${id}`, style: `border-left:6px solid ${seatFill(id)}` },
      el(
        "div",
        { class: "cp-seatcard-head" },
        el("h2", { style: `color:${seatText(id)}`, text: `${SEAT_ICONS[id] ?? "•"} ${t(`company.${id}`)}` }),
        el("span", { style: `color:${mine ? CSS.warn : CSS.muted}`, text: who }),
      ),
      el(
        "dl",
        { class: "cp-facts" },
        // The first row (capex by year) is long: label and figures each get a line.
        ...rows.flatMap(([k, v], i) => [
          el("dt", { class: i === 0 ? "cp-wide-row" : undefined }, k),
          el("dd", { class: i === 0 ? "cp-wide-row" : undefined, text: v }),
        ]),
      ),
    );
  }
}
