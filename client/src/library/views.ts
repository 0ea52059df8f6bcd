/** DOM builders for the saved-matches library: finished matches, this browser's live ones, and resuming. */
import { COMPANIES, SCENARIOS } from "../../../shared/engine/ids.ts";
import { ENGINE_VERSION } from "../../../shared/engine/types.ts";
import type { LibraryEntry } from "../../../shared/protocol/library.ts";
import type { LiveMatch } from "./api.ts";
import { button, el, toast } from "../ui.ts";
import { lang, t } from "../lang.ts";
import { formatScore } from "../par.ts";
import { SEAT_ICONS, seatText } from "../theme.ts";
import { resetSession } from "../net.ts";
import { navigate } from "../replay/route.ts";
import { myMatchList } from "./mine.ts";

/**
 * The search sent to the server: a term that names one company or scenario in the player's language
 * ("亚马逊", "Build-out") is sent as its id, which is what the server matches; other terms go as typed.
 */
export function searchTerms(q: string): string {
  const labels: [string, string][] = [
    ...COMPANIES.map((c): [string, string] => [c, t(`company.${c}`)]),
    ...SCENARIOS.map((s): [string, string] => [s, t(`scenario.${s}`)]),
  ];
  return q
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => {
      const lower = term.toLowerCase();
      const hits = labels.filter(([, label]) => label.toLowerCase().includes(lower));
      return hits.length === 1 ? hits[0]![0] : term;
    })
    .join(" ");
}

function when(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16);
  return d.toLocaleString(lang() === "zh-CN" ? "zh-CN" : "en-GB", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** Who played: each person by name (in their seat's colour), then the AI seats by their marks. */
function seatsCell(e: LibraryEntry): HTMLTableCellElement {
  const people = e.seats.filter((s) => s.kind === "human");
  const ai = e.seats.filter((s) => s.kind === "ai");
  return el(
    "td",
    { class: "lb-seats" },
    ...people.map((s) =>
      el(
        "span",
        { class: "lb-person" },
        el("span", { style: `color:${seatText(s.company)}`, text: SEAT_ICONS[s.company] ?? "•" }),
        ` ${s.name ?? t("replay.person")}`,
      ),
    ),
    ai.length > 0
      ? el(
          "span",
          { class: "lb-ai", title: ai.map((s) => t(`company.${s.company}`)).join(", ") },
          ...ai.map((s) => el("span", { style: `color:${seatText(s.company)}`, text: SEAT_ICONS[s.company] ?? "•" })),
          ` ${t("library.ai")}`,
        )
      : null,
  );
}

/** One finished match: when, what, who (people by name, AI as AI), who won and every score. */
function finishedRow(e: LibraryEntry): HTMLTableRowElement {
  const ranked = [...e.seats].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  const winner = ranked[0];
  const watchable = e.engineVersion === ENGINE_VERSION;
  const watch = button(t("library.watch"), `library-watch-${e.matchId}`, () => navigate({ kind: "replay", matchId: e.matchId }), "rp-small");
  if (!watchable) {
    watch.disabled = true;
    watch.title = t("replay.engineMismatch", { file: e.engineVersion, engine: ENGINE_VERSION });
  }
  return el(
    "tr",
    { "data-match": e.matchId, testid: "library-row" },
    el("td", {}, when(e.endedAt), el("div", { class: "cp-muted lb-id", text: e.matchId })),
    el(
      "td",
      {},
      t(`scenario.${e.scenario}`),
      el("div", { class: "cp-muted", text: `${t(`variant.${e.variant}`)} · ${t("library.quarters", { n: e.turns })}` }),
      e.branch ? el("div", { class: "lb-branch", testid: "library-branch", text: t("library.branchOf", { id: e.branch.matchId, n: e.branch.turn }) }) : null,
    ),
    seatsCell(e),
    el(
      "td",
      {},
      winner
        ? el(
            "div",
            { class: "lb-winner" },
            el("b", {
              style: `color:${seatText(winner.company)}`,
              text: `${SEAT_ICONS[winner.company] ?? "•"} ${t(`company.${winner.company}`)}`,
            }),
            ` ${winner.scoreBp === null ? "" : formatScore(winner.scoreBp, e.scoring)}`,
          )
        : "—",
      el(
        "div",
        { class: "cp-muted lb-scores" },
        ranked
          .slice(1)
          .map((s) => `${s.rank ?? "?"}. ${SEAT_ICONS[s.company] ?? "•"} ${s.scoreBp === null ? "—" : formatScore(s.scoreBp, e.scoring)}`)
          .join("  "),
      ),
    ),
    el(
      "td",
      { class: "lb-actions" },
      watch,
      el("a", { href: `/api/matches/${encodeURIComponent(e.matchId)}/replay`, download: `${e.matchId}.json`, text: t("library.download") }),
    ),
  );
}

export function finishedTable(entries: readonly LibraryEntry[]): HTMLTableElement {
  return el(
    "table",
    { class: "cp-table lb-table", testid: "library-table" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ...[t("library.col.date"), t("library.col.scenario"), t("library.col.seats"), t("library.col.winner"), ""].map((h) => el("th", { text: h })),
      ),
    ),
    el("tbody", {}, ...entries.map(finishedRow)),
  );
}

/** Back into one of this browser's matches with its seat token (the server restores the room if needed). */
export async function resume(m: LiveMatch): Promise<void> {
  const kept = myMatchList().find((x) => x.matchId === m.id);
  if (!kept || !m.seat) return;
  try {
    await resetSession().joinByCode(m.code, { name: kept.name, seat: m.seat, token: kept.token, role: "player" });
    navigate(null);
  } catch (e) {
    toast(t("net.joinFailed", { message: e instanceof Error ? e.message : String(e) }));
  }
}

export function mineList(entries: readonly LiveMatch[], max = 20): HTMLElement {
  if (entries.length === 0) return el("p", { class: "cp-muted", testid: "library-mine", text: t("library.noMine") });
  return el(
    "ul",
    { class: "cp-list lb-mine", testid: "library-mine" },
    ...entries.slice(0, max).map((m) =>
      el(
        "li",
        { "data-match": m.id },
        el(
          "span",
          {},
          t("library.mineRow", {
            company: m.seat ? `${SEAT_ICONS[m.seat] ?? "•"} ${t(`company.${m.seat}`)}` : "—",
            scenario: t(`scenario.${m.scenario}`),
            turns: m.turns,
          }),
        ),
        button(t("library.resume"), `library-resume-${m.id}`, () => void resume(m), "rp-small"),
      ),
    ),
  );
}
