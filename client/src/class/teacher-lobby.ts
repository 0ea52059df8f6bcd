/**
 * The teacher's lobby: the class code with its QR code, the roster as teams join (who is
 * connected, where each sits), and the match slots with their seats — seat a team, let AI play a
 * seat, auto-fill, start every match.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { SlotView, TeacherClassView, TeamView } from "../../../shared/protocol/class.ts";
import { t } from "../lang.ts";
import { button, el } from "../ui.ts";
import { chip, companyName, companyTag, dot, pager, qrInto } from "./dom.ts";
import { studentLink } from "./route.ts";

export interface LobbyActions {
  send(type: string, payload?: unknown): void;
  page: number;
  setPage(p: number): void;
}

export const SLOTS_PER_PAGE = 4;

function seatValue(match: number, seat: CompanyId): string {
  return `${match}:${seat}`;
}

/** The join card: code, QR, address. */
export function joinCard(v: TeacherClassView, origin: string, qrSize = 250): HTMLElement {
  const url = studentLink(origin, v.code);
  const qr = el("div", { class: "cl-qr", testid: "class-qr", style: `width:${qrSize}px;height:${qrSize}px` });
  void qrInto(qr, url);
  return el(
    "section",
    { class: "cl-card", testid: "join-card", style: "align-items:center" },
    el("h3", { text: t("class.code") }),
    el("div", { class: "cl-big-code", testid: "class-code", text: v.code }),
    qr,
    el("div", { class: "cl-small", text: t("class.scan") }),
    el("div", { class: "cl-url", text: `${origin}/class` }),
  );
}

function teamRow(v: TeacherClassView, team: TeamView, a: LobbyActions): HTMLElement {
  const sel = el("select", { testid: `team-seat-${team.id}`, "aria-label": t("class.seatOf", { team: team.name }) });
  sel.append(el("option", { value: "", text: t("class.unseated"), selected: team.match === null }));
  for (const slot of v.slots) {
    if (v.status === "running" && !slot.matchId) continue;
    for (const seat of slot.seats) {
      const other = seat.team && seat.team !== team.id ? v.teams.find((x) => x.id === seat.team)?.name : undefined;
      const label = t("class.matchSeat", { n: slot.index + 1, company: companyName(seat.company) }) + (other ? ` — ${other}` : "");
      sel.append(el("option", { value: seatValue(slot.index, seat.company), text: label, selected: team.match === slot.index && team.seat === seat.company }));
    }
  }
  sel.addEventListener("change", () => {
    // Chosen: let the page redraw with the new seating (a focused select holds redraws back).
    sel.blur();
    if (sel.value === "") a.send("class:unassign", { team: team.id });
    else {
      const [m, seat] = sel.value.split(":");
      a.send("class:assign", { team: team.id, match: Number(m), seat });
    }
  });
  const remove = v.status === "lobby" ? button("×", `team-remove-${team.id}`, () => a.send("class:remove", { team: team.id }), "cl-x small") : el("span");
  if (v.status === "lobby") remove.setAttribute("aria-label", t("class.removeTeam", { team: team.name }));
  return el(
    "div",
    { class: "cl-team", testid: `team-${team.id}` },
    dot(team.connected, team.connected ? t("class.online") : t("class.offline")),
    el("span", { class: "cl-name", text: team.name, title: team.name }),
    sel,
    remove,
  );
}

export function rosterCard(v: TeacherClassView, origin: string, a: LobbyActions): HTMLElement {
  const list = el("div", { testid: "roster" });
  for (const team of v.teams) list.append(teamRow(v, team, a));
  if (v.teams.length === 0) list.append(el("p", { class: "cl-muted", text: t("class.noTeams", { url: `${origin}/class`, code: v.code }) }));
  return el("section", { class: "cl-card", testid: "roster-card" }, el("h2", { text: t("class.teams", { n: v.teams.length }) }), list);
}

function slotCard(v: TeacherClassView, slot: SlotView, a: LobbyActions): HTMLElement {
  const rows = slot.seats.map((seat) => {
    const team = seat.team ? v.teams.find((x) => x.id === seat.team) : undefined;
    const holder = team
      ? el("span", { class: "cl-holder", text: team.name })
      : seat.ai
        ? el("span", { class: "cl-holder ai", text: t("class.seat.ai") })
        : el("span", { class: "cl-holder open", text: t("class.seat.open") });
    const toggle = team
      ? el("span")
      : button(
          seat.ai ? t("class.seat.reopen") : t("class.seat.toAi"),
          `seat-ai-${slot.index}-${seat.company}`,
          () => a.send("class:seat", { match: slot.index, seat: seat.company, ai: !seat.ai }),
          "small secondary",
        );
    return el("div", { class: "cl-seat", testid: `slot-${slot.index}-${seat.company}` }, companyTag(seat.company), holder, toggle);
  });
  const teams = slot.seats.filter((s) => s.team).length;
  return el(
    "section",
    { class: "cl-card", testid: `slot-${slot.index}` },
    el("h2", {}, t("class.match", { n: slot.index + 1 }), chip(`${teams}/${slot.seats.length}`)),
    ...rows,
  );
}

export function lobbyView(v: TeacherClassView, origin: string, a: LobbyActions): HTMLElement {
  const pages = Math.ceil(v.slots.length / SLOTS_PER_PAGE);
  const page = Math.min(a.page, pages - 1);
  const shown = v.slots.slice(page * SLOTS_PER_PAGE, page * SLOTS_PER_PAGE + SLOTS_PER_PAGE);
  const openSeats = v.slots.flatMap((s) => s.seats.filter((x) => !x.team && !x.ai).map((x) => ({ match: s.index, seat: x.company })));
  const seated = v.teams.filter((x) => x.match !== null).length;
  const start = button(t("class.start"), "class-start", () => a.send("class:start"));
  start.disabled = seated === 0;
  const matches = el(
    "section",
    { class: "cl-card", testid: "slots-card", style: "padding:12px" },
    el(
      "div",
      { class: "cl-row" },
      pager(
        pages,
        page,
        "slots-page",
        (p) => a.setPage(p),
        (i) => `${i * SLOTS_PER_PAGE + 1}–${Math.min(v.slots.length, (i + 1) * SLOTS_PER_PAGE)}`,
      ),
    ),
    el("div", { class: shown.length > 1 ? "cl-grid2" : "cl-grid1" }, ...shown.map((s) => slotCard(v, s, a))),
    el(
      "div",
      { class: "cl-row" },
      button(t("class.autofill"), "class-autofill", () => a.send("class:autofill"), "secondary"),
      button(
        t("class.fillAi"),
        "class-fill-ai",
        () => {
          for (const s of openSeats) a.send("class:seat", { match: s.match, seat: s.seat, ai: true });
        },
        "secondary",
      ),
      el("span", { class: "cl-spacer" }),
      start,
    ),
    el("div", { class: "cl-small", text: t("class.startHint") }),
  );
  return el("div", { class: "cl-body", style: "grid-template-columns: 320px 430px 1fr" }, joinCard(v, origin), rosterCard(v, origin, a), matches);
}
