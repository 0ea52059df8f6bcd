/**
 * The teacher's overview while the matches run: every match on one screen (quarter, clock, who has
 * committed, each seat's capex, share price and score, the dilemma meter, the teacher's events),
 * each with its controls (pause, resume, +1 min, advance, event, undo, project), the class-wide
 * controls, the projector's stages and the class leaderboard.
 */
import { scoringIn } from "../../../shared/engine/score.ts";
import type { CompanyId, Scoring } from "../../../shared/engine/ids.ts";
import type { DilemmaMeter, LeaderRow, LiveSeat, MatchLive, SlotView, TeacherClassView } from "../../../shared/protocol/class.ts";
import { lang, t } from "../lang.ts";
import { button, el, select } from "../ui.ts";
import { formatChange, formatMoney, formatPrice } from "../format.ts";
import { chartElement } from "../charts.ts";
import { formatScore } from "../par.ts";
import { SERIES } from "../theme.ts";
import { quarterBefore, quarterLabel, quarterTick } from "../model.ts";
import { chip, clockText, companyName, companyTag, dialog, dot, pager } from "./dom.ts";
import { rosterCard, type LobbyActions } from "./teacher-lobby.ts";
import { PROJECTOR_STAGES } from "./vocab.ts";
import { eventDialog } from "./teacher-event.ts";
import { capexBarPct, meterFigures, profitBar } from "./meter.ts";

export interface RunActions extends LobbyActions {
  openProjector(): void;
  exportLinks: { readonly csv: string; readonly json: string };
}

export const MATCHES_PER_PAGE = 4;

function phaseChip(l: MatchLive): HTMLElement {
  if (l.phase === "ended") return chip(t("class.phase.ended"), "good", "phase");
  if (l.paused) return chip(t("class.phase.paused"), "warn", "phase");
  if (l.reading) return chip(t("class.phase.reading"), "", "phase");
  if (l.phase === "resolving") return chip(t("class.phase.resolving"), "", "phase");
  return chip(t(`class.phase.${l.phase}`), "good", "phase");
}

/** A chip whose text the page's clock refreshes every second (`data-deadline`). */
function timerChip(l: MatchLive): HTMLElement | null {
  if (l.phase !== "deciding" || l.deadline <= 0) return null;
  const c = chip(t("class.timeLeft", { time: clockText(l.deadline) }), "", "timer");
  c.dataset["deadline"] = String(l.deadline);
  return c;
}

/** Refreshes every countdown on the page (called each second). */
export function tickClocks(root: ParentNode): void {
  for (const n of root.querySelectorAll<HTMLElement>("[data-deadline]"))
    n.textContent = t("class.timeLeft", { time: clockText(Number(n.dataset["deadline"])) });
}

function seatState(s: LiveSeat, phase: MatchLive["phase"]): HTMLElement {
  if (s.status === "defaulted") return el("span", { class: "cl-down", text: "D" });
  if (phase !== "deciding") return el("span", { class: "cl-muted", text: "—" });
  if (s.control !== "human" || s.held) return el("span", { class: "cl-muted", text: s.committed ? t("class.committed") : t("class.aiPlays") });
  if (s.committed && s.ready) return el("span", { class: "cl-ok", text: t("class.committed") });
  if (!s.connected) return el("span", { class: "cl-down", text: t("class.absent") });
  return el("span", { class: "cl-muted", text: t("class.deciding") });
}

function eventList(events: readonly { kind: string; target?: string }[]): string {
  return events.map((e) => `${t(`event.${e.kind}`)}${e.target ? ` (${companyName(e.target)})` : ""}`).join(" · ");
}

/** The meter's quarters as a chart: the match's industry capex against the all-restrain path's, quarter by quarter. */
function meterChart(l: MatchLive, m: DilemmaMeter, w: number, h: number): HTMLElement {
  const n = m.capexByQuarter.length;
  const labels = m.capexByQuarter.map((_, i) => {
    const at = quarterBefore(l.year, l.q, n - i);
    return quarterTick(at.year, at.q);
  });
  return chartElement({
    w,
    h,
    labels,
    kind: "bars",
    series: [
      { label: t("class.meter.actual"), color: SERIES.capex, values: m.capexByQuarter },
      { label: t("class.meter.restrain"), color: SERIES.cash, values: m.restrainCapexByQuarter },
    ],
    format: (v) => formatMoney(v, lang()),
    yTitle: t("class.meter.chart"),
    testid: "meter-chart",
  });
}

export function meterView(l: MatchLive, cls = "cl-meter", chart: { readonly w: number; readonly h: number } | null = null): HTMLElement {
  const m = l.meter;
  const box = el("div", { class: cls, testid: "meter" }, el(cls === "cl-meter" ? "div" : "h3", { class: "cl-small", text: t("class.meter.title") }));
  const f = meterFigures(m);
  if (!f) {
    box.append(el("div", { class: "cl-small", text: t("class.meter.none") }));
    return box;
  }
  const capexBar = el(
    "div",
    { class: "cl-bar" },
    el("span", { style: `width:${capexBarPct(f.capexRatio)}%;background:${f.capexRatio > 1.05 ? "#e69f00" : "#2fbf8f"}` }),
    el("i", { style: "left:33.3%" }),
  );
  const pb = profitBar(f.profitBp);
  const profit = el(
    "div",
    { class: "cl-bar" },
    el("span", { style: `left:${pb.left}%;width:${pb.width}%;background:${f.profitBp < 0 ? "#d55e00" : "#2fbf8f"}` }),
    el("i", { style: "left:50%" }),
  );
  box.append(
    el("div", {}, el("div", { class: "cl-small v", testid: "meter-capex", text: t("class.meter.capex", { ratio: `${f.capexRatio.toFixed(2)}×` }) }), capexBar),
    el("div", {}, el("div", { class: "cl-small v", testid: "meter-profit", text: t("class.meter.profit", { diff: formatChange(f.profitBp, 1) }) }), profit),
  );
  if (chart && m && m.capexByQuarter.length > 0) box.append(meterChart(l, m, chart.w, chart.h));
  return box;
}

function seatMenu(v: TeacherClassView, slot: SlotView, company: CompanyId, a: RunActions): void {
  const seat = slot.seats.find((s) => s.company === company);
  const team = seat?.team ? v.teams.find((x) => x.id === seat.team) : undefined;
  const actions: HTMLElement[] = [];
  if (team && !seat?.ai)
    actions.push(
      button(t("class.toAi"), "seat-to-ai", () => {
        a.send("class:seat", { match: slot.index, seat: company, ai: true });
        d.close();
      }),
    );
  if (team && seat?.ai)
    actions.push(
      button(t("class.giveBack", { team: team.name }), "seat-give-back", () => {
        a.send("class:seat", { match: slot.index, seat: company, ai: false });
        d.close();
      }),
    );
  actions.push(button(t("class.cancel"), "seat-cancel", () => d.close(), "secondary"));
  const d = dialog(
    t("class.seatMenu", { company: companyName(company), n: slot.index + 1 }),
    "seat-menu",
    [
      el("p", { style: "margin:0", text: team ? `${t("class.col.team")}: ${team.name}` : t("class.aiPlays") }),
      team
        ? el("p", {
            class: "cl-small",
            style: "margin:0",
            text: seat?.ai ? t("class.giveBackHint", { team: team.name }) : t("class.toAiHint", { team: team.name }),
          })
        : null,
    ],
    actions,
  );
}

function undoDialog(l: MatchLive, index: number, a: RunActions): void {
  const at = quarterBefore(l.year, l.q, 1);
  const d = dialog(
    t("class.undo"),
    "undo-dialog",
    [el("p", { style: "margin:0", text: t("class.undoConfirm", { quarter: quarterLabel(at.year, at.q), n: index + 1 }) })],
    [
      button(
        t("class.undoDo"),
        "undo-confirm",
        () => {
          a.send("class:undo", { match: index, turn: l.turn - 1 });
          d.close();
        },
        "warn",
      ),
      button(t("class.cancel"), "undo-cancel", () => d.close(), "secondary"),
    ],
  );
}

function matchCard(v: TeacherClassView, slot: SlotView, a: RunActions, compact: boolean): HTMLElement {
  const l = slot.live;
  if (!slot.matchId || !l)
    return el(
      "section",
      { class: "cl-card cl-match", testid: `match-${slot.index}` },
      el("h2", { text: t("class.match", { n: slot.index + 1 }) }),
      el("p", { class: "cl-muted", text: slot.matchId ? t("class.connecting") : t("class.notPlayed") }),
    );
  const L = lang();
  const ended = l.phase === "ended";
  const quarter = ended ? t("class.finalOf", { total: l.turns }) : t("class.quarterOf", { quarter: quarterLabel(l.year, l.q), n: l.turn + 1, total: l.turns });
  const head = el(
    "div",
    { class: "cl-match-head" },
    el("h2", { text: t("class.match", { n: slot.index + 1 }) }),
    phaseChip(l),
    timerChip(l),
    el("span", { class: "cl-small", text: quarter }),
  );
  const table = el(
    "table",
    { class: "cl-table", testid: `match-${slot.index}-seats` },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: t("class.col.company") }),
        el("th", { class: "l", text: t("class.col.team") }),
        el("th", { class: "l", text: t("class.col.status") }),
        el("th", { text: t("class.col.capex") }),
        el("th", { text: t("class.col.price") }),
        el("th", { text: t("class.col.score") }),
      ),
    ),
  );
  const tbody = el("tbody");
  for (const s of l.seats) {
    const seat = slot.seats.find((x) => x.company === s.company);
    const team = seat?.team ? v.teams.find((x) => x.id === seat.team) : undefined;
    const who =
      s.control === "human" && !s.held
        ? el("span", { class: "cl-row tight", style: "flex-wrap:nowrap" }, dot(s.connected, s.connected ? t("class.online") : t("class.offline")), s.name)
        : el("span", { class: "cl-holder ai" }, s.held ? t("class.heldByAi") : team ? `${t("class.aiPlays")} (${team.name})` : t("class.aiPlays"));
    const change = el("span", { class: s.priceChangeBp > 0 ? "cl-up" : s.priceChangeBp < 0 ? "cl-down" : "", text: ` ${formatChange(s.priceChangeBp)}` });
    const row = el(
      "tr",
      {
        class: "cl-clickable",
        testid: `seat-${slot.index}-${s.company}`,
        tabindex: 0,
        title: t("class.seatMenu", { company: companyName(s.company), n: slot.index + 1 }),
      },
      el("td", {}, companyTag(s.company)),
      el("td", { class: "l" }, who),
      el("td", { class: "l" }, seatState(s, l.phase)),
      el("td", { text: l.turn > 0 ? formatMoney(s.capex, L) : "—" }),
      el("td", {}, formatPrice(s.sharePriceCents), compact || l.turn === 0 ? null : change),
      el("td", { text: l.turn > 0 ? formatScore(s.scoreBp, scoringIn(v.settings)) : "—" }),
    );
    const open = (): void => seatMenu(v, slot, s.company, a);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => {
      if (e.key === "Enter") open();
    });
    tbody.append(row);
  }
  table.append(tbody);
  const lines: HTMLElement[] = [];
  if (l.pendingEvents.length > 0)
    lines.push(el("div", { class: "cl-events", testid: "pending-events", text: t("class.pendingEvents", { events: eventList(l.pendingEvents) }) }));
  const i = slot.index;
  const deciding = l.phase === "deciding";
  const ctl = (label: string, id: string, fn: () => void, enabled: boolean, cls = "small secondary"): HTMLButtonElement => {
    const b = button(label, `${id}-${i}`, fn, cls);
    b.disabled = !enabled;
    return b;
  };
  const actions = el(
    "div",
    { class: "cl-actions" },
    l.paused
      ? ctl(t("class.resume"), "resume", () => a.send("class:resume", { match: i }), !ended, "small")
      : ctl(t("class.pause"), "pause", () => a.send("class:pause", { match: i }), deciding),
    ctl(t("class.extend"), "extend", () => a.send("class:extend", { match: i, seconds: 60 }), deciding),
    ctl(t("class.advance"), "advance", () => a.send("class:advance", { match: i }), deciding),
    ctl(t("class.event"), "event", () => eventDialog(v, i, a.send), deciding),
    ctl(t("class.undo"), "undo", () => undoDialog(l, i, a), l.turn > 0 && l.phase !== "resolving"),
    ctl(t("class.project"), "project", () => a.send("class:project", { match: i, stage: "board" }), true),
  );
  const body = el(
    "div",
    { class: compact ? "cl-match-body narrow" : "cl-match-body" },
    table,
    el("div", { class: "cl-side", style: "gap:8px" }, ...lines, meterView(l)),
  );
  return el("section", { class: "cl-card cl-match", testid: `match-${slot.index}` }, head, body, actions);
}

function leaderboardCard(rows: readonly LeaderRow[], max: number, scoring: Scoring): HTMLElement {
  const table = el("table", { class: "cl-lb", testid: "leaderboard" });
  for (const r of rows.slice(0, max))
    table.append(
      el(
        "tr",
        {},
        el("td", { class: "num", text: String(r.rank) }),
        el("td", { text: r.name }),
        el("td", {}, companyTag(r.company)),
        el("td", { class: "cl-small", text: `#${r.match + 1}` }),
        el("td", { class: "num", text: formatScore(r.scoreBp, scoring) }),
      ),
    );
  return el(
    "section",
    { class: "cl-card" },
    el("h2", { text: t("class.leaderboard") }),
    rows.length === 0 ? el("p", { class: "cl-muted", text: t("class.lb.none") }) : table,
  );
}

function projectorCard(v: TeacherClassView, a: RunActions): HTMLElement {
  const played = v.slots.filter((s) => s.matchId);
  const p = v.projector;
  const matchSel = select(
    played.map((s) => ({ value: String(s.index), label: t("class.match", { n: s.index + 1 }) })),
    String(p.match),
    "projector-match",
    (m) => {
      matchSel.blur();
      a.send("class:project", { match: Number(m), stage: p.stage });
    },
    t("class.projector"),
  );
  const stages = el("div", { class: "cl-stages", testid: "projector-stages" });
  for (const s of PROJECTOR_STAGES) {
    const b = button(t(`class.stage.${s}`), `stage-${s}`, () => a.send("class:project", { match: p.match, stage: s }), "small");
    b.setAttribute("aria-pressed", String(s === p.stage));
    stages.append(b);
  }
  const next = PROJECTOR_STAGES[(PROJECTOR_STAGES.indexOf(p.stage) + 1) % PROJECTOR_STAGES.length] ?? "board";
  return el(
    "section",
    { class: "cl-card", testid: "projector-card" },
    el("h2", {}, t("class.projector"), chip(String(v.projectors), v.projectors > 0 ? "good" : "", "projector-count")),
    el(
      "div",
      { class: "cl-row" },
      matchSel,
      button(t("class.next"), "stage-next", () => a.send("class:project", { match: p.match, stage: next })),
    ),
    stages,
    el("div", { class: "cl-small", text: t("class.projectorShows", { n: p.match + 1, stage: t(`class.stage.${p.stage}`) }) }),
  );
}

export function runView(v: TeacherClassView, origin: string, a: RunActions): HTMLElement {
  const slots = v.slots.filter((s) => s.matchId !== null);
  const pages = Math.ceil(slots.length / MATCHES_PER_PAGE);
  const page = Math.min(a.page, Math.max(0, pages - 1));
  const shown = slots.slice(page * MATCHES_PER_PAGE, (page + 1) * MATCHES_PER_PAGE);
  // Up to two matches stack full width (the meter beside the table); more share a 2×2 grid.
  const compact = shown.length > 2;
  const waiting = v.teams.filter((x) => x.match === null);
  const allEnded = slots.length > 0 && slots.every((s) => s.live?.phase === "ended");
  const main = el(
    "div",
    { class: "cl-side", style: "min-width:0" },
    el(
      "div",
      { class: "cl-row", style: "flex-wrap:nowrap" },
      pager(
        pages,
        page,
        "matches-page",
        (p) => a.setPage(p),
        (i) => `${i * MATCHES_PER_PAGE + 1}–${Math.min(slots.length, (i + 1) * MATCHES_PER_PAGE)}`,
      ),
      el("span", { class: "cl-spacer" }),
      v.status === "running" ? runControls(v, a.send) : null,
    ),
    allEnded
      ? el(
          "div",
          { class: "cl-row cl-card", testid: "class-over", style: "flex-direction:row" },
          el("strong", { text: t("class.allEnded") }),
          el("a", { href: a.exportLinks.csv, download: "", testid: "export-csv", class: "cl-linkbtn", text: t("class.export") }),
          el("a", { href: a.exportLinks.json, testid: "export-json", class: "cl-linkbtn secondary", text: t("class.exportJson") }),
        )
      : null,
    el("div", { class: compact ? "cl-grid2 fill" : "cl-grid1" }, ...shown.map((s) => matchCard(v, s, a, compact))),
  );
  const side = el(
    "div",
    { class: "cl-side" },
    projectorCard(v, a),
    waiting.length > 0 ? rosterCard({ ...v, teams: waiting }, origin, a) : null,
    leaderboardCard(v.leaderboard, waiting.length > 0 ? 6 : 12, scoringIn(v.settings)),
  );
  return el("div", { class: "cl-body", style: "grid-template-columns: 1fr 360px" }, main, side);
}

/** The class-wide controls for the header. */
export function runControls(v: TeacherClassView, send: (type: string, payload?: unknown) => void): HTMLElement {
  const running = v.slots.some((s) => s.live && s.live.phase !== "ended");
  const b = (label: string, id: string, fn: () => void, cls = "small secondary", whileAnyRuns = true): HTMLButtonElement => {
    const x = button(label, id, fn, cls);
    // The clock and events need a match still playing; ending the class needs only the class running.
    x.disabled = v.status !== "running" || (whileAnyRuns && !running);
    return x;
  };
  return el(
    "div",
    { class: "cl-row tight" },
    b(t("class.pauseAll"), "pause-all", () => send("class:pause", {})),
    b(t("class.resumeAll"), "resume-all", () => send("class:resume", {})),
    b(t("class.extendAll"), "extend-all", () => send("class:extend", { seconds: 60 })),
    b(t("class.eventAll"), "event-all", () => eventDialog(v, undefined, send)),
    b(
      t("class.end"),
      "class-end",
      () => {
        const d = dialog(
          t("class.end"),
          "end-dialog",
          [el("p", { style: "margin:0", text: t("class.endConfirm") })],
          [
            button(
              t("class.end"),
              "end-confirm",
              () => {
                send("class:end");
                d.close();
              },
              "warn",
            ),
            button(t("class.cancel"), "end-cancel", () => d.close(), "secondary"),
          ],
        );
      },
      "small secondary",
      false,
    ),
  );
}
