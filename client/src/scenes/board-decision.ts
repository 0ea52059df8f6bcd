/**
 * The decision form of one quarter: every control with its unit, legal range and why, its price
 * before committing and its effect (from the engine's own functions); one Commit action whose
 * state (draft → committed → everyone ready) the form shows; errors next to their fields in the
 * player's language. The draft outlives the scene (language switch, a visit to the statements).
 */
import { TENORS, type Tenor } from "../../../shared/engine/ids.ts";
import type { Decision, DecisionBounds, EnergyBid } from "../../../shared/engine/types.ts";
import type { ErrorMessage, TurnStartedMessage } from "../../../shared/protocol/messages.ts";
import { acknowledged, commitState, draftAtRisk, warnSecondsFor, type CommitState } from "../commit.ts";
import { checkDraft, serverErrors, type FieldError } from "../errors.ts";
import {
  formatClock,
  formatMoney,
  formatMoneyChange,
  formatMultiple,
  formatMw,
  formatPercent,
  formatPerMw,
  fromInputUnits,
  moneyUnit,
  toInputUnits,
} from "../format.ts";
import { termLink } from "../glossary.ts";
import { lang, t } from "../lang.ts";
import { computeBought, couponFor, preview, quarterLabel, reasonsFor, seatNames } from "../model.ts";
import { limitLines } from "../limits.ts";
import type { Session } from "../net.ts";
import { button, el, nextId, rangeField, type Child, type RangeField } from "../ui.ts";

type MoneyKey = "capex" | "chipRnd" | "debtIssue" | "debtRepay" | "buybacks" | "dividends";

interface Draft {
  key: string;
  decision: Decision;
  touched: boolean;
}

/** The draft of the open quarter, kept while the board scene restarts (language switch, statements). */
let saved: Draft | null = null;

function draftKey(s: Session, ts: TurnStartedMessage): string {
  return `${s.snap?.matchId ?? ""}:${ts.turn}`;
}

export class DecisionForm {
  readonly root: HTMLFormElement;
  private readonly s: Session;
  private readonly ts: TurnStartedMessage;
  private readonly b: DecisionBounds;
  private readonly fields = {} as Record<MoneyKey | "customShareBp", RangeField>;
  private readonly bids: { dealId: string; input: HTMLInputElement; note: HTMLElement; error: HTMLElement; min: number; max: number }[] = [];
  private tenor: Tenor;
  private readonly tenorSel: HTMLSelectElement;
  private readonly tenorNote: HTMLElement;
  private readonly previewBox: HTMLElement;
  private readonly formError: HTMLElement;
  private readonly steps: HTMLElement;
  private readonly statusLine: HTMLElement;
  private readonly warnBox: HTMLElement;
  private readonly commitBtn: HTMLButtonElement;
  private readonly changeBtn: HTMLButtonElement;
  private readonly resetBtn: HTMLButtonElement;
  private awaiting: Decision | null = null;
  private errorSeen: ErrorMessage | null;
  private state: CommitState | null = null;
  private errors: FieldError[] = [];
  private touched: boolean;

  constructor(s: Session, ts: TurnStartedMessage) {
    this.s = s;
    this.ts = ts;
    this.b = ts.bounds;
    this.errorSeen = s.lastError;
    const key = draftKey(s, ts);
    const me = s.mySeat();
    const heldJson = me?.pending ?? "";
    let start: Decision = ts.defaultDecision;
    this.touched = false;
    if (saved?.key === key) {
      start = saved.decision;
      this.touched = saved.touched;
    } else if (heldJson) {
      try {
        start = JSON.parse(heldJson) as Decision;
      } catch {
        start = ts.defaultDecision;
      }
    }
    saved = { key, decision: start, touched: this.touched };
    this.tenor = start.debtTenor;
    const L = lang();
    const u = moneyUnit(L);
    const b = this.b;

    const moneyField = (k: MoneyKey, span: "wide" | "half" | "third" = "half") =>
      this.addField(k, {
        label: t(`decide.${k}`, { unit: u.label }),
        term: TERMS[k],
        min: b[k].min,
        max: b[k].max,
        step: u.millions * u.step,
        value: start[k],
        rangeText: t("decide.range", { min: formatMoney(b[k].min, L), max: formatMoney(b[k].max, L) }),
        why: limitLines(reasonsFor(b, k)),
        toDisplay: (m) => toInputUnits(m, L),
        fromDisplay: (x) => fromInputUnits(x, L, b[k].min, b[k].max),
        span,
        slider: span !== "third",
      });

    const capex = moneyField("capex", "half");
    const custom = this.addField("customShareBp", {
      label: t("decide.customShareBp"),
      term: "custom_silicon",
      min: b.customShareBp.min,
      max: b.customShareBp.max,
      step: 100,
      value: start.customShareBp,
      rangeText: t("decide.range", { min: formatPercent(b.customShareBp.min, 0), max: formatPercent(b.customShareBp.max, 0) }),
      why: limitLines(reasonsFor(b, "customShareBp")),
      toDisplay: (bp) => String(Math.round(bp) / 100),
      fromDisplay: (x) => Math.round(Number.parseFloat(x.replace(",", ".")) * 100),
    });
    const rnd = moneyField("chipRnd", "third");
    const issue = moneyField("debtIssue", "third");
    const repay = moneyField("debtRepay", "third");
    const buybacks = moneyField("buybacks", "third");
    const dividends = moneyField("dividends", "third");

    // Tenor: each option carries its coupon now, so the price is known before issuing.
    const tenorId = nextId();
    this.tenorSel = el("select", { id: tenorId, testid: "decide-tenor" });
    for (const n of TENORS) {
      const offered = b.debtTenors.includes(n);
      const c = couponFor(b, n);
      // A note that falls due inside the match says when: that quarter's refinancing wall.
      const q = b.bondQuotes.find((x) => x.tenor === n);
      const label = offered
        ? c === null
          ? t("decide.tenorYears", { n })
          : q?.dueInMatch
            ? t("tenor.quoteDue", { n, coupon: formatPercent(c, 2), quarter: quarterLabel(q.due.year, q.due.q) })
            : t("decide.tenorQuote", { n, coupon: formatPercent(c, 2) })
        : t("decide.tenorClosed", { n });
      this.tenorSel.append(el("option", { value: n, text: label, disabled: !offered, selected: n === this.tenor }));
    }
    this.tenorSel.value = String(this.tenor);
    this.tenorSel.addEventListener("change", () => {
      this.tenor = Number(this.tenorSel.value) as Tenor;
      this.changed();
    });
    this.tenorNote = el("div", { class: "cp-note", testid: "decide-tenor-note" });
    const tenorReasons = reasonsFor(b, "debtTenors");
    const tenorRow = el(
      "div",
      { class: "cp-field cp-third", testid: "decide-tenor-field" },
      el("div", { class: "cp-field-head" }, el("label", { for: tenorId, text: t("decide.tenor") }), termLink("tenor", "?")),
      this.tenorSel,
      limitLines(tenorReasons),
      this.tenorNote,
    );

    // Energy deals: one table row each, with the legal bid (reserve … highest) and the running cost once online.
    const offers = s.market?.energyOffers ?? [];
    const dealRows: HTMLElement[] = [];
    // Deals the seat could not use get no row: one line under the table names them and says why.
    const closedNames: string[] = [];
    for (const db of b.energyDeals) {
      const offer = offers.find((o) => o.id === db.dealId);
      if (!db.usable) {
        closedNames.push(offer ? `${t(`deal.${offer.kind}`)} (${formatMw(offer.mw, L)})` : db.dealId);
        continue;
      }
      const prior = start.energyBids.find((x) => x.dealId === db.dealId)?.amount ?? 0;
      const id = nextId();
      const input = el("input", {
        id,
        type: "text",
        inputmode: "decimal",
        value: prior > 0 ? toInputUnits(prior, L) : "",
        placeholder: t("decide.noBid"),
        testid: `bid-${db.dealId}`,
        autocomplete: "off",
      });
      const note = el("div", { class: "cp-note" });
      const error = el("div", { class: "cp-error", role: "alert" });
      error.hidden = true;
      input.addEventListener("input", () => this.changed());
      this.bids.push({ dealId: db.dealId, input, note, error, min: db.minBid, max: db.maxBid });
      const region = offer ? (t(`region.${offer.region}`) === `region.${offer.region}` ? offer.region : t(`region.${offer.region}`)) : "";
      dealRows.push(
        el(
          "tr",
          { testid: `deal-${db.dealId}` },
          el(
            "th",
            { scope: "row" },
            // One line a deal (four usable deals must fit 720 px): the region is in the tooltip and read aloud.
            el(
              "label",
              { for: id, title: region },
              el("b", { text: offer ? t(`deal.${offer.kind}`) : db.dealId }),
              el("span", { class: "cp-sr", text: ` ${region}` }),
            ),
          ),
          el("td", { text: offer ? formatMw(offer.mw, L) : "—" }),
          el("td", { text: offer ? t("decide.inQuarters", { n: offer.leadQuarters }) : "—" }),
          el("td", { text: t("decide.range", { min: formatMoney(db.minBid, L), max: formatMoney(db.maxBid, L) }) }),
          el("td", { text: offer ? formatPerMw(offer.costPerMwQK, L) : "—" }),
          el("td", { class: "cp-bidcell" }, input, error),
        ),
      );
    }
    const dealTable = dealRows.length
      ? el(
          "table",
          { class: "cp-deals" },
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", { scope: "col", text: t("decide.dealCol") }),
              el("th", { scope: "col", text: t("decide.dealMw") }),
              el("th", { scope: "col", text: t("decide.dealOnline") }),
              el("th", { scope: "col", text: t("decide.dealLegal") }),
              el("th", { scope: "col", text: t("decide.dealCost") }),
              el("th", { scope: "col", text: t("decide.dealBid", { unit: u.label }) }),
            ),
          ),
          el("tbody", {}, ...dealRows),
        )
      : closedNames.length > 0
        ? null
        : el("div", { class: "cp-muted", text: t("decide.noDeals") });

    this.previewBox = el("div", { class: "cp-preview", testid: "decision-preview", "aria-live": "polite" });
    this.formError = el("div", { class: "cp-error", testid: "form-error", role: "alert" });
    this.formError.hidden = true;
    this.steps = el("ol", { class: "cp-steps", testid: "commit-steps", "aria-label": t("commit.stepsLabel") });
    this.statusLine = el("div", { class: "cp-status", testid: "commit-status", role: "status" });
    this.warnBox = el("div", { class: "cp-warnbox", testid: "draft-warning", role: "alert" });
    this.warnBox.hidden = true;
    this.commitBtn = el("button", { type: "submit", testid: "commit-button", class: "cp-commit", text: t("commit.commit") });
    this.changeBtn = button(t("commit.change"), "change-button", () => this.change(), "secondary");
    this.resetBtn = button(t("decide.reset"), "reset-button", () => this.reset(), "secondary");

    this.root = el(
      "form",
      { class: "cp-panel cp-decision", testid: "decision-panel", "aria-label": t("decide.title"), novalidate: true },
      el(
        "div",
        { class: "cp-decision-head" },
        el("h2", { text: t("decide.title") }),
        el("span", { class: "cp-sr", text: quarterLabel(ts.quarter.year, ts.quarter.q) }),
        this.steps,
      ),
      el("div", { class: "cp-grid" }, capex, custom, rnd, issue, tenorRow, repay, buybacks, dividends),
      el(
        "fieldset",
        { class: "cp-section", testid: "energy-section" },
        el("legend", {}, el("span", { text: t("decide.energy") }), termLink("energy_deal", "?")),
        dealTable,
        closedNames.length > 0
          ? el("div", { class: "cp-why", testid: "deals-closed", text: t("decide.dealsClosed", { deals: closedNames.join(", ") }) })
          : null,
      ),
      el(
        "div",
        { class: "cp-decision-foot" },
        this.previewBox,
        this.formError,
        el("div", { class: "cp-actions" }, this.commitBtn, this.changeBtn, this.resetBtn, this.statusLine, this.warnBox),
      ),
    );
    this.root.addEventListener("submit", (e) => {
      e.preventDefault();
      this.commit();
    });
    // Phaser must not see keys typed into the form.
    this.root.addEventListener("keydown", (e) => e.stopPropagation());
    this.changed(false);
    this.update();
  }

  private addField(
    k: MoneyKey | "customShareBp",
    o: {
      label: string;
      term: string;
      min: number;
      max: number;
      step: number;
      value: number;
      rangeText: string;
      why: HTMLElement | null;
      toDisplay: (raw: number) => string;
      fromDisplay: (text: string) => number;
      span?: "wide" | "half" | "third";
      slider?: boolean;
    },
  ): HTMLElement {
    const f = rangeField({
      ...o,
      testid: `decide-${k}`,
      help: termLink(o.term, "?"),
      onInput: () => this.changed(),
    });
    this.fields[k] = f;
    return f.root;
  }

  /** The decision the form shows now. */
  current(): Decision {
    const L = lang();
    const energyBids: EnergyBid[] = [];
    for (const bi of this.bids) {
      if (!bi.input.value.trim()) continue;
      const m = fromInputUnits(bi.input.value, L, 0, bi.max);
      if (m > 0) energyBids.push({ dealId: bi.dealId, amount: m });
    }
    const f = (k: MoneyKey | "customShareBp") => this.fields[k].get();
    return {
      capex: f("capex"),
      customShareBp: f("customShareBp"),
      chipRnd: f("chipRnd"),
      debtIssue: f("debtIssue"),
      debtTenor: this.tenor,
      debtRepay: f("debtRepay"),
      energyBids,
      buybacks: f("buybacks"),
      dividends: f("dividends"),
    };
  }

  private set(d: Decision): void {
    for (const k of ["capex", "customShareBp", "chipRnd", "debtIssue", "debtRepay", "buybacks", "dividends"] as const) this.fields[k].set(d[k]);
    this.tenor = d.debtTenor;
    this.tenorSel.value = String(d.debtTenor);
    const L = lang();
    for (const bi of this.bids) {
      const a = d.energyBids.find((x) => x.dealId === bi.dealId)?.amount ?? 0;
      bi.input.value = a > 0 ? toInputUnits(a, L) : "";
    }
  }

  /** After any edit: remember the draft, redraw notes and the preview, clear errors that no longer apply. */
  private changed(byUser = true): void {
    const d = this.current();
    if (byUser) this.touched = true;
    if (saved) {
      saved.decision = d;
      saved.touched = this.touched;
    }
    if (byUser && this.errors.length) this.showErrors(checkDraft(d, this.b).filter((e) => this.errors.some((x) => x.field === e.field)));
    this.notes(d);
    this.drawPreview(d);
    this.update();
  }

  private notes(d: Decision): void {
    const L = lang();
    const me = this.s.mySeat();
    const maturity = me?.chipMaturityBp ?? 0;
    const bought = me ? computeBought(me.company, d.capex, d.customShareBp, maturity, this.b) : { nvidiaMw: 0, customMw: 0 };
    const lead = this.s.market?.nvidia.leadQuarters ?? 1;
    this.fields.capex.setNote([
      t("effect.capex", { mw: formatMw(bought.nvidiaMw + bought.customMw, L), lead }),
      " ",
      termLink("stranded", t("effect.capexPower")),
    ]);
    this.fields.customShareBp.setNote([
      t("effect.customShare", { nvidia: formatPerMw(this.b.chipPricesK.nvidia, L), custom: formatPerMw(this.b.chipPricesK.custom, L) }),
    ]);
    this.fields.chipRnd.setNote([t("effect.chipRnd", { maturity: formatPercent(maturity, 0) }), " ", t("chips.rndNext")]);
    const c = couponFor(this.b, d.debtTenor);
    this.fields.debtIssue.setNote([
      c === null
        ? this.b.reasons.some((r) => r.field === "debtIssue")
          ? ""
          : t("effect.debtIssueNone")
        : d.debtIssue > 0
          ? t("effect.debtIssue", { coupon: formatPercent(c, 2), n: d.debtTenor, interest: formatMoney(Math.round((d.debtIssue * c) / 40_000), L) })
          : t("effect.debtIssueZero", { coupon: formatPercent(c, 2), n: d.debtTenor }),
    ]);
    const due = this.b.bondQuotes.find((x) => x.tenor === d.debtTenor);
    this.tenorNote.textContent = due?.dueInMatch ? t("tenor.dueInMatch", { quarter: quarterLabel(due.due.year, due.due.q) }) : t("effect.tenor");
    this.fields.debtRepay.setNote([t("effect.debtRepay")]);
    this.fields.buybacks.setNote([t("effect.buybacks")]);
    this.fields.dividends.setNote([t("effect.dividends")]);
  }

  private drawPreview(d: Decision): void {
    const L = lang();
    const money = (m: number) => formatMoney(m, L);
    const p = preview(this.s.mySeat(), this.b, d);
    const line = (label: Child, value: string, testid: string, cls = "") =>
      el("div", { class: `cp-pline ${cls}`.trim() }, el("span", {}, label), el("b", { testid, text: value }));
    const left: HTMLElement[] = [
      line(termLink("ocf", t("preview.spendable")), money(p.spendable), "preview-spendable"),
      line(t("preview.outflows"), formatMoneyChange(-p.outflows, L), "preview-outflows"),
      line(termLink("bonds", t("preview.newDebt")), formatMoneyChange(p.newDebt, L), "preview-newdebt"),
    ];
    if (p.maturing > 0) left.push(line(t("preview.maturing"), formatMoneyChange(-p.maturing, L), "preview-maturing"));
    const e = p.engine;
    const me = this.s.mySeat();
    const right: HTMLElement[] = [
      line(t("preview.cashLeft"), money(p.cashAfterMaturities), "preview-cash", p.cashAfterMaturities < 0 ? "cp-total cp-bad" : "cp-total"),
      line(t("preview.debtAfter"), money(e ? e.debtAfter : Math.max(0, (me?.debt ?? 0) + d.debtIssue - d.debtRepay)), "preview-debt"),
      e
        ? line(
            el("span", {}, termLink("leverage", t("preview.leverage")), " · ", termLink("rating", t("preview.rating"))),
            `${formatMultiple(e.leverageBp >= 999_999 ? Number.POSITIVE_INFINITY : e.leverageBp)} · ${me?.rating || "—"} → ${e.ratingAfter}`,
            "preview-rating",
          )
        : el("div", { class: "cp-pline cp-muted", text: t("preview.ratingLater") }),
    ];
    const rows: HTMLElement[] = [el("div", { class: "cp-pcols" }, el("div", {}, ...left), el("div", {}, ...right))];
    if (p.overBudget > 0) {
      // While the form's error says it at more length, the preview does not repeat it.
      if (this.formError.hidden)
        rows.push(el("div", { class: "cp-bad cp-pnote", testid: "preview-over", text: t("preview.over", { amount: money(p.overBudget) }) }));
    } else if (p.cashAfterMaturities < 0)
      rows.push(el("div", { class: "cp-bad cp-pnote", testid: "preview-hole", text: t("preview.hole", { amount: money(-p.cashAfterMaturities) }) }));
    this.previewBox.replaceChildren(el("div", { class: "cp-ptitle", text: t("preview.title") }), ...rows);
  }

  private showErrors(errs: FieldError[]): void {
    this.errors = errs;
    const by = (field: string) => errs.filter((e) => e.field === field).map((e) => e.text);
    for (const k of Object.keys(this.fields) as (keyof typeof this.fields)[]) {
      const msgs = by(k);
      this.fields[k].setError(msgs.length ? msgs.join(" ") : null);
    }
    for (const bi of this.bids) {
      const msgs = by(`bid:${bi.dealId}`);
      bi.error.hidden = msgs.length === 0;
      bi.error.textContent = msgs.join(" ");
      bi.input.setAttribute("aria-invalid", msgs.length ? "true" : "false");
    }
    const known = new Set([...Object.keys(this.fields), ...this.bids.map((bi) => `bid:${bi.dealId}`)]);
    const rest = errs.filter((e) => !known.has(e.field)).map((e) => e.text);
    const wasHidden = this.formError.hidden;
    this.formError.hidden = rest.length === 0;
    this.formError.textContent = rest.join(" ");
    if (wasHidden !== this.formError.hidden) this.drawPreview(this.current());
  }

  private commit(): void {
    if (this.state?.step === "committed" || this.state?.step === "all_ready" || this.awaiting) return;
    const d = this.current();
    const errs = checkDraft(d, this.b);
    this.showErrors(errs);
    if (errs.length > 0) {
      const first = this.root.querySelector<HTMLElement>("[aria-invalid='true']");
      first?.focus();
      return;
    }
    this.errorSeen = this.s.lastError;
    this.awaiting = d;
    this.s.decide(d);
    this.update();
  }

  private change(): void {
    this.s.ready(false, this.ts.turn);
  }

  private reset(): void {
    this.set(this.ts.defaultDecision);
    this.showErrors([]);
    this.changed();
  }

  /** Called on every session change: confirm a sent decision, show the server's errors, draw the commit state. */
  update(): void {
    const s = this.s;
    const me = s.mySeat();
    if (!me) return;
    if (s.lastError && s.lastError !== this.errorSeen) {
      this.errorSeen = s.lastError;
      if (this.awaiting) {
        // The server refused what we sent: show why, next to the fields, and stay a draft.
        this.showErrors(serverErrors(s.lastError, this.b, this.awaiting));
        this.awaiting = null;
      } else if (s.lastError.code !== "rule/wrong_turn") this.showErrors(serverErrors(s.lastError, this.b, s.sentDecision));
      // (A "ready" that reached the server after its quarter was advanced is refused as rule/wrong_turn: nothing to show on this quarter's form.)
    }
    if (this.awaiting && acknowledged(me.pending, this.awaiting)) {
      this.awaiting = null;
      this.touched = false;
      if (saved) saved.touched = false;
      s.ready(true, this.ts.turn);
    }
    const st = commitState({
      phase: s.snap?.phase ?? "",
      me,
      seats: s.seatsInOrder(),
      awaiting: this.awaiting,
      draft: this.current(),
    });
    this.state = st;
    const locked = st.step !== "draft";
    for (const f of Object.values(this.fields)) f.setDisabled(locked);
    this.tenorSel.disabled = locked || this.b.debtTenors.length <= 1 || this.b.debtIssue.max === 0;
    for (const bi of this.bids) bi.input.disabled = locked;
    this.commitBtn.disabled = locked;
    this.commitBtn.hidden = st.step === "committed" || st.step === "all_ready";
    this.changeBtn.hidden = st.step !== "committed";
    this.resetBtn.disabled = locked;
    this.root.dataset.step = st.step;
    this.drawSteps(st);
    this.tick();
  }

  private drawSteps(st: CommitState): void {
    const order = ["draft", "committed", "all_ready"] as const;
    const at = st.step === "sending" ? 0 : order.indexOf(st.step as (typeof order)[number]);
    this.steps.replaceChildren(
      ...order.map((k, i) =>
        el(
          "li",
          { class: i < at ? "done" : i === at ? "now" : "", "aria-current": i === at ? "step" : undefined },
          el("span", { class: "cp-stepno", text: i < at ? "✓" : String(i + 1) }),
          t(`commit.step.${k}`),
        ),
      ),
    );
    let text: string;
    if (st.step === "sending") text = t("commit.sending");
    else if (st.step === "committed") text = t("commit.waiting", { n: st.readyCount, total: st.seatCount, names: seatNames(st.waitingFor) });
    else if (st.step === "all_ready") text = t("commit.allReady");
    else if (st.held) text = st.draftDiffers ? t("commit.draftChanged") : t("commit.draftHeld");
    else text = t("commit.draftNone");
    this.statusLine.textContent = text;
  }

  /** Once a second: the warning before the timer replaces a draft. */
  tick(): void {
    const st = this.state;
    if (!st) return;
    const snap = this.s.snap;
    const deadline = snap?.deadline || this.s.turnStarted?.deadline || 0;
    const left = deadline ? Math.max(0, (deadline - Date.now()) / 1000) : null;
    const warn = draftAtRisk(st, left, this.touched, warnSecondsFor(snap?.turnSeconds ?? 120));
    this.warnBox.hidden = !warn;
    this.statusLine.hidden = warn;
    if (warn && left !== null) {
      // Beside the Commit button, in place of the status line: one click away from keeping the draft.
      const text = t(st.held ? "commit.warnHeld" : "commit.warnDefault", { time: formatClock(left) });
      if (this.warnBox.textContent !== text) this.warnBox.textContent = text;
    }
  }
}

/** The glossary term behind each money field's "?" button. */
const TERMS: Record<MoneyKey, string> = {
  capex: "capex",
  chipRnd: "chip_rnd",
  debtIssue: "bonds",
  debtRepay: "bonds",
  buybacks: "buybacks",
  dividends: "dividends",
};
