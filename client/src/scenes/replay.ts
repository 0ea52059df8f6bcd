/**
 * The replay viewer (`/replay/<matchId>`, or `/replay` with a file from disk): a timeline of the
 * match's quarters with play/pause/step; for the chosen quarter, every seat's decisions and the
 * market's reaction (the engine's TurnReport), and the board, statements and charts as they were
 * then, from any seat's perspective or the spectator's (`viewFor`). The file is re-simulated here
 * with the shared engine, and each quarter shows whether its hash matches the file. One DOM page
 * on the design canvas (`screen()`), laid out by replay.css.
 */
import * as Phaser from "phaser";
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { viewFor, type MatchView } from "../../../shared/engine/view.ts";
import { ENGINE_VERSION } from "../../../shared/engine/types.ts";
import { BaseScene } from "./base.ts";
import { lang, t } from "../lang.ts";
import { button, el, select } from "../ui.ts";
import { formatMoney, formatPrice } from "../format.ts";
import { cashDebtChart, industryChart, seatLinesChart } from "../chart-sets.ts";
import { quarterBefore, quarterLabel, quarterTick, seatQuarters } from "../model.ts";
import { requestRender } from "../render-loop.ts";
import { currentPage, navigate } from "../replay/route.ts";
import { loadFromServer } from "../replay/load.ts";
import { openViewer, viewerFor, type LeftTab, type RightTab, type ViewerSession } from "../replay/session.ts";
import { openFileButton } from "../library/panel.ts";
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
  seatsTable,
  statementTable,
  whyTable,
} from "../replay/views.ts";
import { branchButton } from "../replay/branch.ts";
import "../replay/replay.css";

/** Milliseconds of re-simulation per slice, so the page keeps answering while it verifies. */
const SLICE_MS = 24;
const PLAY_MS = 1400;
/** Chart size inside the right panel (design px). */
const CHART_W = 566;

export class ReplayScene extends BaseScene {
  private v: ViewerSession | null = null;
  private chips: HTMLButtonElement[] = [];
  private verdict: HTMLElement | null = null;
  private positionText: HTMLElement | null = null;
  private playBtn: HTMLButtonElement | null = null;
  private left: HTMLElement | null = null;
  private right: HTMLElement | null = null;
  private body: HTMLElement | null = null;
  private summary: HTMLElement | null = null;
  private branchHost: HTMLElement | null = null;
  private playing: Phaser.Time.TimerEvent | null = null;
  private token = 0;

  constructor() {
    super("replay");
  }

  create(): void {
    this.chips = [];
    this.playing = null;
    const token = ++this.token;
    const root = this.screen("replay", "rp-screen");
    this.summary = el("div", { class: "rp-summary" });
    this.branchHost = el("span");
    this.body = el("div", { class: "rp-body-host" });
    root.append(
      el(
        "header",
        { class: "rp-top" },
        el("h1", { text: t("replay.title") }),
        this.summary,
        el(
          "div",
          { class: "cp-tools" },
          this.branchHost,
          button(t("replay.library"), "replay-library", () => navigate({ kind: "library" }), "secondary"),
          openFileButton("replay-open-file"),
          this.langSelect(),
        ),
      ),
      this.body,
    );
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    window.addEventListener("keydown", onKey);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener("keydown", onKey);
      this.token++;
    });

    const page = currentPage();
    const matchId = page?.kind === "replay" ? page.matchId : null;
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

  /** A page with one message (loading, no file, a file that cannot be played); `verdict` marks it as the file's verdict. */
  private message(text: string, verdict?: string, extra?: HTMLElement): void {
    const p = verdict ? el("p", { class: "rp-bad rp-strong", testid: "replay-verdict", "data-state": verdict, text }) : el("p", { text });
    this.body?.replaceChildren(el("section", { class: "cp-panel rp-message", testid: "replay-message" }, p, extra ?? null));
    requestRender();
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
    const source =
      loaded.source.kind === "server" ? t("replay.sourceServer", { id: loaded.source.matchId }) : t("replay.sourceFile", { name: loaded.source.name });
    const branch =
      f.version === 2 && f.branch ? ` · ${t("replay.branchOf", { id: f.branch.matchId, quarter: t("library.quarters", { n: f.branch.turn }) })}` : "";
    this.summary?.replaceChildren(
      el(
        "div",
        { testid: "replay-summary" },
        t("replay.summary", { scenario: t(`scenario.${f.scenario}`), variant: t(`variant.${f.variant}`), turns: f.turnCount, date: f.createdAt.slice(0, 10) }),
      ),
      el("div", { class: "cp-muted" }, `${source}${branch}`),
    );
    if (model.fatal) {
      // What the file still says without re-simulating it: who played which seat.
      this.message(
        model.fatal === "engine"
          ? t("replay.engineMismatch", { file: f.engineVersion, engine: ENGINE_VERSION })
          : t("replay.engineError", { message: model.fatal }),
        "engine",
        seatsTable(f, null, null),
      );
      this.ready();
      return;
    }
    this.left = el("section", { class: "cp-panel rp-left", testid: "replay-quarter", "aria-live": "polite" });
    this.right = el("section", { class: "cp-panel rp-right" });
    this.body?.replaceChildren(this.timeline(model), el("div", { class: "rp-main" }, this.left, this.right));
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

  private timeline(model: ReplayModel): HTMLElement {
    const v = this.v!;
    const ctl = (label: string, testid: string, fn: () => void, aria: string) => {
      const b = button(label, testid, fn, "secondary rp-ctl");
      b.setAttribute("aria-label", aria);
      return b;
    };
    this.playBtn = button(`▶ ${t("replay.play")}`, "replay-play", () => this.togglePlay(), "rp-ctl");
    this.positionText = el("span", { class: "rp-position", testid: "replay-position" });
    this.verdict = el("span", { class: "rp-verdict", testid: "replay-verdict", role: "status" });
    const controls = el(
      "div",
      { class: "rp-controls" },
      ctl("«", "replay-first", () => this.go(0), t("replay.first")),
      ctl(`◀ ${t("replay.prev")}`, "replay-prev", () => this.go(v.position - 1), t("replay.prev")),
      this.playBtn,
      ctl(`${t("replay.next")} ▶`, "replay-next", () => this.go(v.position + 1), t("replay.next")),
      ctl("»", "replay-last", () => this.go(model.total), t("replay.last")),
      this.positionText,
      this.verdict,
    );
    const chipRow = el("div", { class: "rp-chips", role: "toolbar", "aria-label": t("replay.timeline") });
    const first = model.frames[0]!.state.quarter;
    for (let p = 0; p <= model.total; p++) {
      const at = quarterBefore(first.year, first.q, 1 - p);
      const label = p === 0 ? t("replay.opening") : quarterTick(at.year, at.q);
      const chip = el("button", { type: "button", class: "rp-chip", testid: `replay-chip-${p}`, "data-status": p === 0 ? "opening" : "pending" }, label);
      chip.addEventListener("click", () => this.go(p));
      this.chips.push(chip);
      chipRow.append(chip);
    }
    return el("div", { class: "rp-timeline" }, controls, chipRow);
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
    requestRender();
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
    if (tag === "input" || tag === "select" || tag === "textarea" || !this.v || document.querySelector(".cp-modal")) return;
    if (e.key === "ArrowRight") this.go(this.v.position + 1);
    else if (e.key === "ArrowLeft") this.go(this.v.position - 1);
    else if (e.key === "Home") this.go(0);
    else if (e.key === "End" && this.v.model) this.go(this.v.model.total);
  }

  // ---------------------------------------------------------------- the chosen quarter

  private tabs<T extends string>(ids: readonly T[], current: T, key: (id: T) => string, testid: (id: T) => string, pick: (id: T) => void): HTMLElement {
    const row = el("div", { class: "cp-row rp-tabs", role: "tablist" });
    for (const id of ids) {
      const b = button(t(key(id)), testid(id), () => pick(id), id === current ? "rp-small" : "secondary rp-small");
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(id === current));
      row.append(b);
    }
    return row;
  }

  private render(): void {
    const v = this.v;
    const model = v?.model;
    const frame = model?.frame(v?.position ?? 0);
    if (!v || !model || !frame || !this.left || !this.right) return;
    const L = lang();
    const p = frame.position;
    this.updateTimeline();
    const rq = frame.report?.quarter;
    if (this.positionText)
      this.positionText.textContent =
        p === 0
          ? t("replay.positionOpening", { total: model.total })
          : t("replay.position", { quarter: rq ? quarterLabel(rq.year, rq.q) : "", n: p, total: model.total });
    this.branchHost?.replaceChildren(branchButton(model, v.loaded.source, v.position, v.seat));

    const left = this.left;
    left.dataset.position = String(p);
    const r = frame.report;
    if (!r) {
      left.replaceChildren(
        el("h2", { text: t("replay.opening") }),
        el("p", { class: "cp-note", testid: "replay-turn-status", "data-status": "opening", text: t("replay.openingNote") }),
        seatsTable(model.file, model.finalScores(), v.seat),
      );
    } else {
      const status = model.statuses[p - 1] ?? "pending";
      const first = model.firstMismatch === p - 1;
      const scores = p === model.total ? model.finalScores() : null;
      const page =
        v.leftTab === "decisions"
          ? [
              decisionsTable(r, v.seat, L),
              marketLine(r),
              el("h3", { text: t("replay.headlines") }),
              headlinesList(r, scores ? 4 : 7),
              scores ? rankingLine(scores) : null,
            ]
          : v.leftTab === "why"
            ? [el("h3", { text: t("replay.why") }), whyTable(r, v.seat), el("h3", { text: t("replay.expected") }), expectationsTable(r, v.seat, L)]
            : [el("h3", { text: t("replay.auctions") }), auctionsList(r, L)];
      left.replaceChildren(
        el("h2", { text: t("replay.quarterTitle", { quarter: quarterLabel(r.quarter.year, r.quarter.q) }) }),
        el(
          "p",
          { testid: "replay-turn-status", "data-status": status, class: `rp-status ${status === "verified" ? "rp-good" : "rp-bad"}` },
          `${status === "verified" ? "✓" : "✗"} ${t("replay.turnStatus", { n: p, status: t(`replay.status.${status}`) })}${first ? ` — ${t("replay.firstDivergent")}` : ""}`,
          el("span", {
            class: "cp-muted",
            text: `  ${t("replay.hashes", { got: (frame.hash ?? "").slice(0, 12), want: (frame.recorded ?? "—").slice(0, 12) })}`,
          }),
        ),
        this.tabs<LeftTab>(
          ["decisions", "why", "auctions"],
          v.leftTab,
          (id) => `replay.left.${id}`,
          (id) => `replay-left-${id}`,
          (id) => {
            v.leftTab = id;
            this.render();
          },
        ),
        ...page.filter((n): n is HTMLElement => n !== null),
      );
    }
    this.renderRight();
    requestRender();
  }

  private renderRight(): void {
    const v = this.v!;
    const model = v.model!;
    const frame = model.frame(v.position)!;
    const L = lang();
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
    const view = viewFor(frame.state, v.seat);
    const after = frame.report ? quarterLabel(frame.report.quarter.year, frame.report.quarter.q) : t("replay.boardOpening");
    let content: HTMLElement;
    if (v.tab === "board") content = boardPanel(view, after, L);
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
      content = el(
        "div",
        { testid: "replay-statements" },
        el(
          "div",
          { class: "cp-row" },
          who,
          this.tabs(
            ["0", "1", "2"],
            String(v.statement),
            (i) => ["stmt.income", "stmt.cashFlow", "stmt.balance"][Number(i)]!,
            (i) => `replay-statement-tab-${i}`,
            (i) => {
              v.statement = Number(i);
              this.renderRight();
            },
          ),
        ),
        // Chinese money figures ("2138亿美元") are wider: four quarters fit the panel, five in English.
        statementTable(view.companies[whose]?.history ?? [], v.statement, L, L === "zh-CN" ? 4 : 5),
      );
    } else content = this.charts(view);
    this.right!.replaceChildren(
      el("div", { class: "cp-row rp-seen" }, el("label", { for: seatSel.id, text: t("replay.seenBy") }), seatSel),
      this.tabs<RightTab>(
        ["board", "statements", "charts"],
        v.tab,
        (id) => `replay.tab.${id}`,
        (id) => `replay-tab-${id}`,
        (id) => {
          v.tab = id;
          this.renderRight();
        },
      ),
      el("div", { class: "rp-content" }, content),
    );
    requestRender();
  }

  /** Share prices of every seat, the industry's capex against its AI revenue, and the chosen seat's cash and debt — up to this quarter. */
  private charts(view: MatchView): HTMLElement {
    const L = lang();
    const seats = Object.values(view.companies).filter((c) => c !== undefined);
    const first = seats[0];
    const labels = first ? first.history.map((h) => quarterTick(h.quarter.year, h.quarter.q)) : [];
    const per = seats.map((c) => seatQuarters(c, view.quarter.year, view.quarter.q, 8));
    const base = per[0];
    const me = (view.seat ? view.companies[view.seat] : undefined) ?? first;
    return el(
      "div",
      { class: "rp-charts", testid: "replay-charts" },
      seatLinesChart({
        w: CHART_W,
        h: 200,
        labels,
        title: t("chart.sharePrice"),
        xTitle: t("replay.timeline"),
        seats: seats.map((c) => ({ id: c.id, label: t(`company.${c.id}`), values: c.history.map((h) => h.sharePriceCents) })),
        format: (val) => formatPrice(Math.round(val / 100) * 100, L),
      }),
      industryChart({
        w: CHART_W,
        h: 200,
        labels: base?.labels ?? [],
        title: t("chart.industry"),
        capexLabel: t("board.industryCapex"),
        aiRevenueLabel: t("board.industryAiRevenue"),
        capexAnnual: (base?.labels ?? []).map((_, i) => per.reduce((n, s) => n + (s.capex[i] ?? 0), 0) * 4),
        aiRevenueAnnual: (base?.labels ?? []).map((_, i) =>
          per.every((s) => s.aiRevenue[i] === null) ? null : per.reduce((n, s) => n + (s.aiRevenue[i] ?? 0), 0) * 4,
        ),
        format: (val) => formatMoney(Math.round(val), L),
      }),
      me
        ? cashDebtChart({
            w: CHART_W,
            h: 190,
            labels: me.history.map((h) => quarterTick(h.quarter.year, h.quarter.q)),
            title: `${t(`company.${me.id}`)} · ${t("chart.cash")}`,
            cash: me.history.map((h) => h.balance.cash),
            debt: me.history.map((h) => h.balance.debt),
            format: (val) => formatMoney(Math.round(val), L),
          })
        : el("p", { class: "cp-muted", text: t("stmt.empty") }),
    );
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
