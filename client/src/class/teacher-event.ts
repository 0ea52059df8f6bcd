/**
 * The teacher's event menu: the documents' events, each with its bounded size (the engine's
 * `INJECT_BOUNDS`, the same the server checks) and a preview of what it will do in numbers
 * (`eventEffect`), into one match or every match.
 */
import type { CompanyId, EventKind } from "../../../shared/engine/ids.ts";
import { INJECT_BOUNDS, INJECTABLE_KINDS, eventEffect, eventShapeErrors, type EventBound, type PreviewContext } from "../../../shared/engine/inject.ts";
import type { MatchLive, TeacherClassView } from "../../../shared/protocol/class.ts";
import { lang, t } from "../lang.ts";
import { button, el, rangeField, select } from "../ui.ts";
import { formatChange, formatMoney, formatMw, formatPercent } from "../format.ts";
import { companyName, dialog } from "./dom.ts";

/** A magnitude in the kind's engine unit ↔ the number a teacher reads and types. */
export interface DisplayUnit {
  readonly factor: number;
  readonly decimals: number;
  readonly label: string;
}

export function displayUnit(b: EventBound): DisplayUnit {
  switch (b.unit) {
    case "bp":
      return { factor: 100, decimals: b.kind === "rate_move" ? 2 : 0, label: t("class.ev.unit.bp") };
    case "musd":
      // $B in English, 亿美元 (= $100M) in Chinese.
      return lang() === "zh-CN" ? { factor: 100, decimals: 0, label: t("class.ev.unit.musd") } : { factor: 1000, decimals: 2, label: t("class.ev.unit.musd") };
    case "mw":
      return { factor: 1, decimals: 0, label: t("class.ev.unit.mw") };
    case "quarters":
      return { factor: 1, decimals: 0, label: t("class.ev.unit.quarters") };
    case "none":
      return { factor: 1, decimals: 0, label: "" };
  }
}

function shown(x: number, u: DisplayUnit): string {
  return `${Number((x / u.factor).toFixed(u.decimals))}`;
}

/** What the event does, in the teacher's language. */
export function previewText(kind: EventKind, magnitude: number | undefined, target: CompanyId | undefined, ctx: PreviewContext): string {
  const L = lang();
  const e = eventEffect({ kind, ...(magnitude !== undefined ? { magnitudeBp: magnitude } : {}) }, ctx);
  const who = target ? companyName(target) : "";
  switch (e.kind) {
    case "efficiency_shock":
      return t("class.ev.preview.efficiency_shock", { drop: formatPercent(e.dropBp), recovery: formatPercent(e.recoveryBp), quarters: e.windowShutQuarters });
    case "rate_move":
      return t("class.ev.preview.rate_move", { move: formatChange(e.moveBp, 2), from: formatPercent(e.fromBp, 2), to: formatPercent(e.toBp, 2) });
    case "grid_approval":
      return t("class.ev.preview.grid_approval", { target: who, mw: formatMw(e.mw) });
    case "grid_outage":
      return t("class.ev.preview.grid_outage", { target: who, share: formatPercent(e.shareBp), mw: formatMw(e.mw) });
    case "chip_slip":
      return t("class.ev.preview.chip_slip", { target: who, n: e.quarters });
    case "antitrust":
      return t("class.ev.preview.antitrust", { target: who, discount: formatPercent(e.discountBp), fine: formatMoney(e.fine, L) });
    case "mega_deal":
      return t("class.ev.preview.mega_deal", {
        target: who,
        perQuarter: formatMoney(e.perQuarter, L),
        quarters: e.quarters,
        total: formatMoney(e.total, L),
        pop: formatPercent(e.popBp),
        amount: formatMoney(e.popAmount, L),
      });
    case "bond_window_shut":
      return t("class.ev.preview.bond_window_shut", { n: e.quarters });
    case "bond_window_open":
      return t("class.ev.preview.bond_window_open");
  }
}

function contextOf(live: MatchLive | null | undefined, target: CompanyId | undefined): PreviewContext {
  const s = live?.seats.find((x) => x.company === target);
  return { baseRateBp: live?.baseRateBp ?? 0, ...(s ? { target: { onlineMw: s.onlineMw, marketCap: s.marketCap } } : {}) };
}

/** Opens the event menu for match `match` (or every match when undefined). */
export function eventDialog(v: TeacherClassView, match: number | undefined, send: (type: string, payload?: unknown) => void): void {
  const seats = v.settings.seats;
  let kind: EventKind = "rate_move";
  let target: CompanyId = seats[0] ?? "microsoft";
  let magnitude: number | undefined = INJECT_BOUNDS[kind].default;
  let scope: string = match === undefined ? "all" : String(match);
  const liveOf = (): MatchLive | null => {
    const idx = scope === "all" ? v.slots.find((s) => s.live)?.index : Number(scope);
    return idx === undefined ? null : (v.slots[idx]?.live ?? null);
  };

  const sizeHost = el("div");
  const targetRow = el("div", { class: "cl-form" });
  const preview = el("div", { class: "cl-preview", testid: "event-preview", role: "status" });
  const refreshPreview = (): void => {
    const b = INJECT_BOUNDS[kind];
    const tgt = b.targeted ? target : undefined;
    preview.textContent = previewText(kind, magnitude, tgt, contextOf(liveOf(), tgt));
    const errs = eventShapeErrors({ kind, ...(tgt ? { target: tgt } : {}), ...(magnitude !== undefined ? { magnitudeBp: magnitude } : {}) }, seats);
    inject.disabled = errs.length > 0;
  };
  const rebuildSize = (): void => {
    const b = INJECT_BOUNDS[kind];
    sizeHost.replaceChildren();
    targetRow.style.display = b.targeted ? "" : "none";
    if (b.unit === "none") {
      magnitude = undefined;
      return;
    }
    const u = displayUnit(b);
    magnitude = b.default;
    const f = rangeField({
      label: `${t("class.ev.size")} (${u.label})`,
      testid: "event-size",
      min: b.min,
      max: b.max,
      step: b.step,
      value: b.default,
      rangeText: t("class.ev.range", { min: `${shown(b.min, u)} ${u.label}`, max: `${shown(b.max, u)} ${u.label}` }),
      toDisplay: (raw) => shown(raw, u),
      fromDisplay: (text) => Math.round(Number(text.trim().replace(",", ".")) * u.factor),
      span: "wide",
      onInput: (raw) => {
        magnitude = raw;
        if (b.nonZero && magnitude === 0) magnitude = b.step;
        refreshPreview();
      },
    });
    sizeHost.append(f.root);
  };

  const kindSel = select(
    INJECTABLE_KINDS.map((k) => ({ value: k, label: t(`event.${k}`) })),
    kind,
    "event-kind",
    (k) => {
      kind = k;
      rebuildSize();
      refreshPreview();
    },
    t("class.ev.kind"),
  );
  const targetSel = select(
    seats.map((c) => ({ value: c, label: companyName(c) })),
    target,
    "event-target",
    (c) => {
      target = c;
      refreshPreview();
    },
    t("class.ev.target"),
  );
  targetRow.append(el("label", { text: t("class.ev.target") }), targetSel);
  const played = v.slots.filter((s) => s.matchId && s.live?.phase === "deciding");
  const scopeSel = select(
    [{ value: "all", label: t("class.ev.all") }, ...played.map((s) => ({ value: String(s.index), label: t("class.match", { n: s.index + 1 }) }))],
    scope,
    "event-scope",
    (x) => {
      scope = x;
      refreshPreview();
    },
    t("class.ev.into"),
  );
  const inject = button(t("class.ev.inject"), "event-inject", () => {
    const b = INJECT_BOUNDS[kind];
    send("class:event", {
      ...(scope === "all" ? {} : { match: Number(scope) }),
      kind,
      ...(b.targeted ? { target } : {}),
      ...(magnitude !== undefined ? { magnitude } : {}),
    });
    d.close();
  });
  const d = dialog(
    t("class.ev.title"),
    "event-dialog",
    [
      el("div", { class: "cl-form" }, el("label", { text: t("class.ev.kind") }), kindSel, el("label", { text: t("class.ev.into") }), scopeSel),
      targetRow,
      sizeHost,
      preview,
      el("p", { class: "cl-small", style: "margin:0", text: t("class.ev.when") }),
    ],
    [inject, button(t("class.cancel"), "event-cancel", () => d.close(), "secondary")],
  );
  rebuildSize();
  refreshPreview();
}
