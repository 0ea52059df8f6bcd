/**
 * The saved-matches library (`/library`): finished matches — when, which scenario, who played
 * (people by name, AI as AI), who won and every score, branches with their origin — searchable and
 * paged, each to watch in the replay viewer or download; and this browser's matches still being
 * played, to resume with the seat token it kept. One DOM page on the design canvas (`screen()`).
 */
import { BaseScene } from "./base.ts";
import { t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { requestRender } from "../render-loop.ts";
import { navigate } from "../replay/route.ts";
import { fetchLibrary, fetchMine } from "../library/api.ts";
import { finishedTable, mineList, searchTerms } from "../library/views.ts";
import { openFileButton } from "../library/panel.ts";
import "../replay/replay.css";

const PAGE_SIZE = 10;

/** The search and page survive a language switch (the scene restarts). */
const view = { q: "", page: 1 };

export class LibraryScene extends BaseScene {
  private token = 0;

  constructor() {
    super("library");
  }

  create(): void {
    const created = ++this.token;
    const root = this.screen("library", "lb-screen");
    const search = el("input", {
      type: "search",
      value: view.q,
      testid: "library-search",
      "aria-label": t("library.search"),
      placeholder: t("library.search"),
    });
    const status = el("span", { class: "cp-muted", testid: "library-status", role: "status" });
    const table = el("div", { class: "lb-table-host", testid: "library-finished" });
    const pager = el("div", { class: "cp-row lb-pager" });
    const mine = el("div", { testid: "library-mine-host" }, el("p", { class: "cp-muted", text: "…" }));
    root.append(
      el(
        "header",
        { class: "rp-top" },
        el("h1", { text: t("library.title") }),
        el("div", { class: "rp-summary" }),
        el(
          "div",
          { class: "cp-tools" },
          button(t("library.back"), "library-back", () => navigate(null), "secondary"),
          openFileButton(),
          this.langSelect(),
        ),
      ),
      el(
        "div",
        { class: "lb-main" },
        el(
          "section",
          { class: "cp-panel lb-finished" },
          el("h2", { text: t("library.finished") }),
          el("div", { class: "cp-row" }, search, status),
          table,
          pager,
        ),
        el("section", { class: "cp-panel lb-mine-panel" }, el("h2", { text: t("library.mine") }), mine),
      ),
    );

    const load = () => {
      const mark = ++this.token;
      status.textContent = "…";
      void fetchLibrary(searchTerms(view.q), view.page, PAGE_SIZE)
        .then((p) => {
          if (mark !== this.token || !this.scene.isActive()) return;
          view.page = p.page;
          status.textContent = "";
          table.replaceChildren(
            p.entries.length > 0
              ? finishedTable(p.entries)
              : el("p", { class: "cp-muted", testid: "library-empty", text: view.q ? t("library.noHits", { q: view.q }) : t("library.none") }),
          );
          const prev = button(
            `◀ ${t("library.prev")}`,
            "library-prev",
            () => {
              view.page = Math.max(1, view.page - 1);
              load();
            },
            "secondary rp-small",
          );
          const next = button(
            `${t("library.next")} ▶`,
            "library-next",
            () => {
              view.page += 1;
              load();
            },
            "secondary rp-small",
          );
          prev.disabled = p.page <= 1;
          next.disabled = p.page >= p.pages;
          pager.replaceChildren(
            el("span", { class: "cp-muted", testid: "library-page", text: t("library.page", { page: p.page, pages: p.pages, total: p.total }) }),
            prev,
            next,
          );
          requestRender();
          if (performance.getEntriesByName("cp:library-ready").length === 0) performance.mark("cp:library-ready");
        })
        .catch((e: unknown) => {
          if (mark !== this.token) return;
          status.textContent = t("library.failed", { message: e instanceof Error ? e.message : String(e) });
        });
    };
    let debounce = 0;
    const searchNow = () => {
      window.clearTimeout(debounce);
      view.q = search.value;
      view.page = 1;
      load();
    };
    search.addEventListener("input", () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(searchNow, 250);
    });
    search.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter") searchNow();
    });
    load();
    void fetchMine()
      .then((m) => {
        if (created <= this.token && this.scene.isActive()) mine.replaceChildren(mineList(m));
      })
      .catch(() => mine.replaceChildren(mineList([])));
    search.focus();
  }
}
