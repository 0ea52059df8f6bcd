/**
 * The replay viewer (`/replay/<matchId>`, or `/replay` with a file from disk): a timeline of the
 * match's quarters with play/pause/step; for the chosen quarter, every seat's decisions and the
 * market's reaction (the engine's TurnReport), and the board, statements and charts as they were
 * then, from any seat's perspective or the spectator's (`viewFor`). The file is re-simulated here
 * with the shared engine, and each quarter shows whether its hash matches the file.
 */
import * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { viewFor } from "../../../shared/engine/view.ts";
import { ENGINE_VERSION } from "../../../shared/engine/types.ts";
import { BaseScene } from "./base.ts";
import { CSS, SEAT_COLORS, W, H } from "../theme.ts";
import { lang, t } from "../lang.ts";
import { button, el, select } from "../ui.ts";
import { formatMoney, formatPrice } from "../format.ts";
import { drawChart } from "../charts.ts";
import { quarterLabel, seatQuarters } from "../model.ts";
import { currentPage, navigate } from "../replay/route.ts";
import { loadFromFile, loadFromServer, type LoadedReplay } from "../replay/load.ts";
import { closeViewer, openViewer, viewerFor, type LeftTab, type RightTab, type ViewerSession } from "../replay/session.ts";
import type { ReplayModel } from "../replay/model.ts";
import {
  auctionsList,
  boardPanel,
  companyLabel,
  decisionsTable,
  expectationsTable,
  headlinesList,
  marketLine,
  rankingLine,
  shortQuarter,
  seatsTable,
  statementTable,
  whyTable,
} from "../replay/views.ts";
import { branchButton } from "../replay/branch.ts";
import "../replay/replay.css";

/** Milliseconds of re-simulation per slice, so the page keeps answering while it verifies. */
const SLICE_MS = 24;
const PLAY_MS = 1400;
const TOP = 150;
const LEFT_W = 930;
const RIGHT_X = 970;
const RIGHT_W = W - RIGHT_X - 20;
const PANEL_H = H - TOP - 16;

export class ReplayScene extends BaseScene {
  private v: ViewerSession | null = null;
  private chips: HTMLButtonElement[] = [];
  private verdict: HTMLElement | null = null;
  private positionText: HTMLElement | null = null;
  private playBtn: HTMLButtonElement | null = null;
  private left: HTMLElement | null = null;
  private leftDom: Phaser.GameObjects.DOMElement | null = null;
  private right: HTMLElement | null = null;
  private branchHost: HTMLElement | null = null;
  private charts: Phaser.GameObjects.Container | null = null;
  private playing: Phaser.Time.TimerEvent | null = null;
  private token = 0;

  constructor() {
    super("replay");
  }

  create(): void {
    this.chips = [];
    this.playing = null;
    this.charts = null;
    const token = ++this.token;
    this.background();
    this.langSwitch(W - 200, 18);
    this.text(24, 14, t("replay.title"), { size: 30, bold: true });
    const page = currentPage();
    const matchId = page?.kind === "replay" ? page.matchId : null;
    this.dom(
      W - 560,
      18,
      el(
        "div",
        { class: "cp-row", style: "margin:0" },
        button(t("library.back"), "replay-back", () => navigate(null), "secondary"),
        this.filePicker(),
      ),
    );
    this.input.keyboard?.on("keydown", (e: KeyboardEvent) => this.onKey(e));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.input.keyboard?.off("keydown");
      this.token++;
    });

    const existing = viewerFor(matchId);
    if (existing) {
      this.show(existing);
      return;
    }
    if (!matchId) {
      this.message(t("replay.noFile"));
      this.ready();
      return;
    }
    this.message(t("replay.loading"));
    void loadFromServer(matchId).then((loaded) => {
      if (token === this.token && this.scene.isActive()) this.show(openViewer(loaded));
    });
  }

  /** A real file input, labelled as a button (keyboard and screen readers reach it). */
  private filePicker(): HTMLElement {
    const input = el("input", { type: "file", accept: ".json,application/json", testid: "replay-file-input", class: "rp-file" });
    input.addEventListener("change", () => {
      const f = input.files?.[0];
      if (!f) return;
      void loadFromFile(f).then((loaded: LoadedReplay) => {
        closeViewer();
        openViewer(loaded);
        // Same URL (/replay) or not, the page-change hook shows the viewer afresh.
        navigate({ kind: "replay", matchId: null });
      });
    });
    return el("label", { class: "rp-file-label secondary", testid: "replay-open-file", tabindex: 0 }, t("replay.openFile"), input);
  }

  private message(text: string): void {
    this.leftDom?.destroy();
    this.left = el("div", { class: "cp-panel", style: `width:${W - 40}px`, testid: "replay-message" }, el("p", { text }));
    this.leftDom = this.dom(20, TOP, this.left);
  }

  /** The bench's mark: the viewer's controls are live. */
  private ready(): void {
    if (performance.getEntriesByName("cp:replay-ready").length === 0) performance.mark("cp:replay-ready");
  }

  private show(v: ViewerSession): void {
    this.v = v;
    const loaded = v.loaded;
    if (!loaded.ok) {
      this.message(t("replay.loadFailed", { message: loaded.error }));
      this.ready();
      return;
    }
    const model = v.model!;
    const f = loaded.file;
    const date = (f.createdAt ?? "").slice(0, 10);
    const source =
      loaded.source.kind === "server" ? t("replay.sourceServer", { id: loaded.source.matchId }) : t("replay.sourceFile", { name: loaded.source.name });
    const branch =
      f.version === 2 && f.branch ? ` · ${t("replay.branchOf", { id: f.branch.matchId, quarter: t("library.quarters", { n: f.branch.turn }) })}` : "";
    this.text(170, 12, t("replay.summary", { scenario: t(`scenario.${f.scenario}`), variant: t(`variant.${f.variant}`), turns: f.turnCount, date }), {
      size: 17,
      color: CSS.text,
    });
    this.text(170, 36, `${source}${branch}`, { size: 14, color: CSS.muted });
    if (model.fatal) {
      this.message(
        model.fatal === "engine"
          ? t("replay.engineMismatch", { file: f.engineVersion, engine: ENGINE_VERSION })
          : t("replay.engineError", { message: model.fatal }),
      );
      this.verdict = el("div", { testid: "replay-verdict", "data-state": "engine", class: "rp-verdict rp-bad", text: this.left?.textContent ?? "" });
      this.dom(20, 76, this.verdict);
      this.ready();
      return;
    }
    this.buildTimeline(model);
    // No scrolling panels: a scrolled element inside Phaser's scaled DOM layer paints a white band in Chromium.
    this.leftDom?.destroy();
    this.left = el("div", { class: "cp-panel rp-left", style: `width:${LEFT_W}px;height:${PANEL_H}px`, testid: "replay-quarter" });
    this.leftDom = this.dom(20, TOP, this.left);
    this.panel(RIGHT_X, TOP, RIGHT_W, PANEL_H);
    this.right = el("div", { class: "rp-right", style: `width:${RIGHT_W}px;height:${PANEL_H}px` });
    this.dom(RIGHT_X, TOP, this.right);
    this.expose(model);
    this.render();
    this.ready();
    this.verifyInSlices(model);
  }

  /** Re-simulates the rest of the log a slice at a time, updating the timeline as turns are checked. */
  private verifyInSlices(model: ReplayModel): void {
    const token = this.token;
    const tick = () => {
      if (token !== this.token || !this.scene.isActive()) return;
      model.advance(SLICE_MS);
      this.updateTimeline();
      if (this.v && this.v.position < model.computed && this.left?.dataset.position !== String(this.v.position)) this.render();
      if (!model.done) {
        window.setTimeout(tick, 0);
        return;
      }
      // The final ranking (shown at the opening and the last quarter) is known now.
      this.render();
      if (performance.getEntriesByName("cp:replay-verified").length === 0) performance.mark("cp:replay-verified");
    };
    if (model.done) this.updateTimeline();
    else window.setTimeout(tick, 0);
  }

  // ---------------------------------------------------------------- timeline

  private buildTimeline(model: ReplayModel): void {
    const v = this.v!;
    const ctl = (label: string, testid: string, fn: () => void) => {
      const b = button(label, testid, fn, "secondary rp-ctl");
      b.setAttribute("aria-label", label);
      return b;
    };
    this.playBtn = button(`▶ ${t("replay.play")}`, "replay-play", () => this.togglePlay(), "rp-ctl");
    this.positionText = el("span", { class: "rp-position", testid: "replay-position", "aria-live": "polite" });
    this.verdict = el("span", { class: "rp-verdict", testid: "replay-verdict", role: "status" });
    const controls = el(
      "div",
      { class: "rp-controls" },
      ctl("«", "replay-first", () => this.go(0)),
      ctl(`◀ ${t("replay.prev")}`, "replay-prev", () => this.go(v.position - 1)),
      this.playBtn,
      ctl(`${t("replay.next")} ▶`, "replay-next", () => this.go(v.position + 1)),
      ctl("»", "replay-last", () => this.go(model.total)),
      this.positionText,
      this.verdict,
    );
    controls.querySelector('[data-testid="replay-first"]')?.setAttribute("aria-label", t("replay.first"));
    controls.querySelector('[data-testid="replay-last"]')?.setAttribute("aria-label", t("replay.last"));
    const chipRow = el("div", { class: "rp-chips", role: "toolbar", "aria-label": t("replay.timeline") });
    for (let p = 0; p <= model.total; p++) {
      const label = p === 0 ? t("replay.opening") : this.quarterShort(model, p);
      const chip = el("button", { type: "button", class: "rp-chip", testid: `replay-chip-${p}`, "data-status": p === 0 ? "opening" : "pending" }, label);
      chip.addEventListener("click", () => this.go(p));
      this.chips.push(chip);
      chipRow.append(chip);
    }
    this.dom(20, 64, el("div", { class: "rp-timeline", style: `width:${W - 40}px` }, controls, chipRow));
  }

  /** "Q3 ’25": the quarter a position ends, from the opening quarter (known before re-simulation). */
  private quarterShort(model: ReplayModel, p: number): string {
    const first = model.frames[0]!.state.quarter;
    const idx = first.year * 4 + (first.q - 1) + (p - 1);
    return shortQuarter(Math.floor(idx / 4), (idx % 4) + 1);
  }

  private updateTimeline(): void {
    const v = this.v;
    const model = v?.model;
    if (!v || !model) return;
    this.chips.forEach((chip, p) => {
      const status = p === 0 ? "opening" : (model.statuses[p - 1] ?? "pending");
      chip.dataset.status = status;
      chip.classList.toggle("rp-current", p === v.position);
      chip.classList.toggle("rp-first-bad", p > 0 && model.firstMismatch === p - 1);
      chip.disabled = p >= model.computed;
      chip.setAttribute("aria-current", p === v.position ? "true" : "false");
      chip.title = p === 0 ? t("replay.status.opening") : t("replay.turnStatus", { n: p, status: t(`replay.status.${status}`) });
    });
    if (this.verdict) {
      let text: string;
      let state: string;
      if (model.firstMismatch !== null) {
        const q = model.frame(model.firstMismatch + 1)?.report?.quarter;
        text = t("replay.diverged", { n: model.firstMismatch + 1, quarter: q ? quarterLabel(q.year, q.q) : "?" });
        state = "diverged";
      } else if (model.error !== null) {
        text = t("replay.stopped", { n: model.computed, message: model.error });
        state = "error";
      } else if (!model.done) {
        text = t("replay.checking", { done: model.computed - 1, total: model.total });
        state = "checking";
      } else {
        text = t("replay.allVerified", { n: model.total });
        state = "verified";
      }
      this.verdict.textContent = text;
      this.verdict.dataset.state = state;
      this.verdict.className = `rp-verdict ${state === "verified" ? "rp-good" : state === "checking" ? "cp-muted" : "rp-bad"}`;
      this.verdict.title = t(`replay.scheme.${model.scheme}`);
    }
  }

  private go(p: number): void {
    const v = this.v;
    const model = v?.model;
    if (!v || !model) return;
    const next = Math.max(0, Math.min(model.total, p));
    if (next >= model.computed) return;
    v.position = next;
    this.render();
  }

  private togglePlay(): void {
    const v = this.v;
    if (!v?.model) return;
    if (this.playing) {
      this.stopPlay();
      return;
    }
    if (v.position >= v.model.total) this.go(0);
    this.playing = this.time.addEvent({
      delay: PLAY_MS,
      loop: true,
      callback: () => {
        if (!this.v?.model || this.v.position >= this.v.model.total) this.stopPlay();
        else this.go(this.v.position + 1);
      },
    });
    if (this.playBtn) {
      this.playBtn.textContent = `⏸ ${t("replay.pause")}`;
      this.playBtn.setAttribute("aria-pressed", "true");
    }
  }

  private stopPlay(): void {
    this.playing?.remove();
    this.playing = null;
    if (this.playBtn) {
      this.playBtn.textContent = `▶ ${t("replay.play")}`;
      this.playBtn.setAttribute("aria-pressed", "false");
    }
  }

  private onKey(e: KeyboardEvent): void {
    const tag = (document.activeElement?.tagName ?? "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || !this.v) return;
    if (e.key === "ArrowRight") this.go(this.v.position + 1);
    else if (e.key === "ArrowLeft") this.go(this.v.position - 1);
    else if (e.key === "Home") this.go(0);
    else if (e.key === "End" && this.v.model) this.go(this.v.model.total);
  }

  // ---------------------------------------------------------------- the chosen quarter

  private render(): void {
    const v = this.v;
    const model = v?.model;
    const frame = model?.frame(v?.position ?? 0);
    if (!v || !model || !frame || !this.left || !this.right) return;
    const L = lang();
    const p = frame.position;
    const q = frame.state.quarter;
    this.updateTimeline();
    if (this.positionText)
      this.positionText.textContent =
        p === 0
          ? t("replay.positionOpening", { total: model.total })
          : t("replay.position", { quarter: quarterLabel(frame.report?.quarter.year ?? q.year, frame.report?.quarter.q ?? q.q), n: p, total: model.total });

    // Left: the quarter's decisions and the market's reaction.
    const left = this.left;
    left.dataset.position = String(p);
    left.replaceChildren();
    const r = frame.report;
    if (!r) {
      left.append(
        el("h2", { text: t("replay.opening") }),
        el("p", { class: "cp-muted", testid: "replay-turn-status", "data-status": "opening", text: t("replay.openingNote") }),
        seatsTable(model.file, model.finalScores(), v.seat),
      );
    } else {
      const status = model.statuses[p - 1] ?? "pending";
      const first = model.firstMismatch === p - 1;
      const tabs = el("div", { class: "cp-row", role: "tablist", style: "margin:0 0 8px" });
      for (const tab of ["decisions", "why", "auctions"] as const satisfies readonly LeftTab[]) {
        const b = button(
          t(`replay.left.${tab}`),
          `replay-left-${tab}`,
          () => {
            v.leftTab = tab;
            this.render();
          },
          v.leftTab === tab ? "rp-small" : "secondary rp-small",
        );
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(v.leftTab === tab));
        tabs.append(b);
      }
      left.append(
        el("h2", { text: t("replay.quarterTitle", { quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
        el(
          "p",
          { testid: "replay-turn-status", "data-status": status, class: status === "verified" ? "rp-good" : "rp-bad" },
          `${status === "verified" ? "✓" : "✗"} ${t("replay.turnStatus", { n: p, status: t(`replay.status.${status}`) })}${first ? ` — ${t("replay.firstDivergent")}` : ""}`,
          el("span", {
            class: "cp-muted rp-hash",
            text: `  ${t("replay.hashes", { got: (frame.hash ?? "").slice(0, 12), want: (frame.recorded ?? "—").slice(0, 12) })}`,
          }),
        ),
        tabs,
      );
      if (v.leftTab === "decisions") {
        left.append(decisionsTable(r, v.seat, L), marketLine(r), el("h3", { text: t("replay.headlines") }), headlinesList(r));
        const scores = p === model.total ? model.finalScores() : null;
        if (scores) left.append(rankingLine(scores));
      } else if (v.leftTab === "why")
        left.append(el("h3", { text: t("replay.why") }), whyTable(r, v.seat), el("h3", { text: t("replay.expected") }), expectationsTable(r, v.seat, L));
      else left.append(el("h3", { text: t("replay.auctions") }), auctionsList(r, L));
    }
    this.renderRight();
  }

  private renderRight(): void {
    const v = this.v!;
    const model = v.model!;
    const frame = model.frame(v.position)!;
    const right = this.right!;
    const L = lang();
    right.replaceChildren();
    const seatSel = select<string>(
      [{ value: "", label: t("replay.spectator") }, ...model.seats.map((c) => ({ value: c, label: companyLabel(c) }))],
      v.seat ?? "",
      "replay-seat",
      (value) => {
        v.seat = value === "" ? null : (value as CompanyId);
        this.render();
      },
      t("replay.seenBy"),
    );
    seatSel.id = "replay-seat-sel";
    const tabs = el("div", { class: "cp-row", role: "tablist", style: "margin:0 0 8px" });
    for (const tab of ["board", "statements", "charts"] as const satisfies readonly RightTab[]) {
      const b = button(
        t(`replay.tab.${tab}`),
        `replay-tab-${tab}`,
        () => {
          v.tab = tab;
          this.renderRight();
        },
        v.tab === tab ? "rp-small" : "secondary rp-small",
      );
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(v.tab === tab));
      tabs.append(b);
    }
    right.append(el("div", { class: "cp-row", style: "margin:0 0 8px" }, el("label", { for: seatSel.id, text: t("replay.seenBy") }), seatSel), tabs);
    this.branchHost = el("div", { class: "rp-branch" });
    right.append(this.branchHost);
    this.branchHost.append(branchButton(this, model, v.position));

    this.charts?.destroy();
    this.charts = null;
    const view = viewFor(frame.state, v.seat);
    const after = frame.report ? quarterLabel(frame.report.quarter.year, frame.report.quarter.q) : t("replay.boardOpening");
    if (v.tab === "board") right.append(el("div", { class: "rp-body" }, boardPanel(view, after, L)));
    else if (v.tab === "statements") {
      const whose = v.statementsOf ?? v.seat ?? model.seats[0]!;
      const who = select<CompanyId>(
        model.seats.map((c) => ({ value: c, label: companyLabel(c) })),
        whose,
        "replay-statements-of",
        (c) => {
          v.statementsOf = c;
          this.renderRight();
        },
        t("replay.statementsOf"),
      );
      const stTabs = el("div", { class: "cp-row", role: "tablist", style: "margin:0 0 6px" }, who);
      [t("stmt.income"), t("stmt.cashFlow"), t("stmt.balance")].forEach((label, i) => {
        const b = button(
          label,
          `replay-statement-tab-${i}`,
          () => {
            v.statement = i;
            this.renderRight();
          },
          v.statement === i ? "rp-small" : "secondary rp-small",
        );
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(v.statement === i));
        stTabs.append(b);
      });
      const history = view.companies[whose]?.history ?? [];
      right.append(el("div", { class: "rp-body", testid: "replay-statements" }, stTabs, statementTable(history, v.statement, L)));
    } else {
      right.append(el("div", { testid: "replay-charts" }));
      this.drawCharts(view);
    }
  }

  private drawCharts(view: ReturnType<typeof viewFor>): void {
    const L = lang();
    const layer = this.add.container(0, 0);
    this.charts = layer;
    const x = RIGHT_X + 10;
    const w = RIGHT_W - 20;
    const seats = Object.values(view.companies).filter((c) => c !== undefined);
    const first = seats[0];
    const labels = first ? first.history.map((h) => `Q${h.quarter.q}·${String(h.quarter.year).slice(2)}`) : [];
    layer.add(this.text(x + 4, TOP + 100, t("chart.sharePrice"), { size: 15, bold: true, color: CSS.muted }));
    drawChart(this, layer, {
      x,
      y: TOP + 122,
      w,
      h: 210,
      kind: "lines",
      labels,
      series: seats.map((c) => ({ label: t(`company.${c.id}`), color: SEAT_COLORS[c.id] ?? 0xffffff, values: c.history.map((h) => h.sharePriceCents) })),
      format: (val) => formatPrice(Math.round(val / 100) * 100),
    });
    const per = seats.map((c) => seatQuarters(c, view.quarter.year, view.quarter.q, 12));
    const base = per[0];
    drawChart(this, layer, {
      x,
      y: TOP + 345,
      w,
      h: 180,
      labels: base?.labels ?? [],
      series: [
        { label: t("board.industryCapex"), color: 0xe69f00, values: (base?.labels ?? []).map((_, i) => per.reduce((n, s) => n + (s.capex[i] ?? 0), 0) * 4) },
        {
          label: t("board.industryAiRevenue"),
          color: 0x56b4e9,
          values: (base?.labels ?? []).map((_, i) =>
            per.every((s) => s.aiRevenue[i] === null) ? null : per.reduce((n, s) => n + (s.aiRevenue[i] ?? 0), 0) * 4,
          ),
        },
      ],
      format: (val) => formatMoney(Math.round(val), L),
      refLine: { value: 600_000, label: t("board.hurdle") },
      title: t("chart.industry"),
    });
    const me = (view.seat ? view.companies[view.seat] : undefined) ?? first;
    if (me) {
      drawChart(this, layer, {
        x,
        y: TOP + 540,
        w,
        h: 175,
        labels: me.history.map((h) => `Q${h.quarter.q}`),
        series: [
          { label: `${t(`company.${me.id}`)} · ${t("stmt.cash")}`, color: 0x009e73, values: me.history.map((h) => h.balance.cash) },
          { label: t("stmt.debt"), color: 0xd55e00, values: me.history.map((h) => h.balance.debt) },
        ],
        format: (val) => formatMoney(Math.round(val), L),
        title: t("chart.cash"),
      });
    }
    if (labels.length === 0) layer.add(this.text(x + w / 2, TOP + 250, t("stmt.empty"), { size: 15, color: CSS.muted, align: "center" }));
  }

  /** For tests and debugging: the viewer's hashes and checks, read from the page. */
  private expose(model: ReplayModel): void {
    const w = window as unknown as { __cp?: Record<string, unknown> };
    w.__cp = w.__cp ?? {};
    const source = this.v?.loaded.source;
    const name = source?.kind === "file" ? source.name : (source?.matchId ?? "");
    w.__cp.replay = {
      name: () => name,
      done: () => model.done,
      hashes: () => model.frames.slice(1).map((f) => f.hash),
      statuses: () => [...model.statuses],
      firstMismatch: () => model.firstMismatch,
      position: () => this.v?.position ?? null,
    };
  }
}
