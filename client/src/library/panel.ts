/**
 * The title screen's "Saved matches" panel: this browser's matches still being played (to resume),
 * the most recently finished ones (to watch), and the ways into the library and the viewer.
 */
import { button, el } from "../ui.ts";
import { t } from "../lang.ts";
import { formatScore } from "../par.ts";
import { SEAT_ICONS } from "../theme.ts";
import { loadFromFile } from "../replay/load.ts";
import { closeViewer, openViewer } from "../replay/session.ts";
import { navigate } from "../replay/route.ts";
import { fetchLibrary, fetchMine } from "./api.ts";
import { mineList } from "./views.ts";

/** "Open a replay file…": a real file input styled as a button (input testid `<testid>-input`); the file opens in the viewer. */
export function openFileButton(testid = "open-file"): HTMLElement {
  const input = el("input", { type: "file", accept: ".json,application/json", testid: `${testid}-input`, class: "rp-file" });
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (!f) return;
    void loadFromFile(f).then((loaded) => {
      closeViewer();
      openViewer(loaded);
      navigate({ kind: "replay", matchId: null });
    });
  });
  return el("label", { class: "rp-file-label", testid, tabindex: 0 }, t("replay.openFile"), input);
}

/**
 * The title's saved-matches section (its heading is the title's): this browser's matches in progress
 * to resume (shown only when there are some), the most recently finished ones to watch, the ways in.
 * At most three rows in all, so the title page keeps its height.
 */
export function savedMatches(): HTMLElement {
  const ROWS = 3;
  const mine = el("div", { testid: "saved-mine" });
  const recent = el("ul", { class: "cp-list", testid: "saved-list" }, el("li", { class: "cp-muted", text: "…" }));
  const fillRecent = (n: number) =>
    fetchLibrary("", 1, n)
      .then((p) => {
        recent.replaceChildren();
        if (p.entries.length === 0) recent.append(el("li", { class: "cp-muted", text: t("library.none") }));
        for (const e of p.entries) {
          const w = e.seats.find((s) => s.rank === 1);
          recent.append(
            el(
              "li",
              { "data-match": e.matchId },
              el("span", {
                text: `${t(`scenario.${e.scenario}`)} · ${t("library.quarters", { n: e.turns })}${w ? ` · ${SEAT_ICONS[w.company] ?? "•"} ${t(`company.${w.company}`)} ${w.scoreBp === null ? "" : formatScore(w.scoreBp, e.scoring)}` : ""}`,
              }),
              button(t("library.watch"), `saved-watch-${e.matchId}`, () => navigate({ kind: "replay", matchId: e.matchId }), "rp-small"),
            ),
          );
        }
      })
      .catch(() => recent.replaceChildren(el("li", { class: "cp-muted", text: t("library.none") })));
  void fetchMine()
    .catch(() => [])
    .then((m) => {
      const live = m.slice(0, ROWS - 1);
      if (live.length > 0) mine.replaceChildren(el("h3", { text: t("library.mine") }), mineList(live));
      return fillRecent(ROWS - live.length);
    });
  return el(
    "div",
    { class: "lb-saved" },
    mine,
    el("h3", { text: t("library.recent") }),
    recent,
    el(
      "div",
      { class: "cp-row", style: "flex-wrap:wrap" },
      button(t("library.open"), "open-library", () => navigate({ kind: "library" })),
      openFileButton(),
    ),
  );
}
