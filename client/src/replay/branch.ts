/**
 * Branching from the viewer: from any quarter of a finished match saved on this server, take over
 * one seat and play on as a new match (create option `branch`). The dialog only gathers the
 * choice; the server checks it against its own copy of the match.
 */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import type { BranchOthers } from "../../../shared/protocol/branch.ts";
import { button, el, modal, row, select, toast } from "../ui.ts";
import { t } from "../lang.ts";
import { resetSession } from "../net.ts";
import { quarterLabel } from "../model.ts";
import { navigate } from "./route.ts";
import type { ReplayModel } from "./model.ts";
import type { ReplaySource } from "./load.ts";
import { companyLabel } from "./views.ts";

/** The server match a replay can be branched from, or why not. */
export function branchSource(model: ReplayModel, source: ReplaySource, position: number): { matchId: string } | { reason: string } {
  const f = model.file;
  const matchId = source.kind === "server" ? source.matchId : f.version === 2 ? f.matchId : undefined;
  const last = model.frames[model.frames.length - 1];
  if (!matchId || !model.done || !last?.state.ended) return { reason: t("replay.branchUnavailable") };
  if (position >= model.total) return { reason: t("replay.branchAtEnd") };
  // Only from a position whose every quarter re-simulated to the file's hashes.
  if (model.statuses.slice(0, position).some((s) => s !== "verified")) return { reason: t("replay.branchUnverified") };
  return { matchId };
}

/** The "Branch from here…" button for a position (disabled, with the reason as its title, when it cannot be). */
export function branchButton(model: ReplayModel, source: ReplaySource, position: number, seat: CompanyId | null): HTMLElement {
  const from = branchSource(model, source, position);
  const b = button(t("replay.branch"), "replay-branch", () => {
    if ("matchId" in from) openBranchDialog(model, from.matchId, position, seat ?? model.seats[0]!);
  });
  b.classList.add("warn");
  if ("reason" in from) {
    b.disabled = true;
    b.title = from.reason;
    b.setAttribute("aria-description", from.reason);
  }
  return b;
}

function openBranchDialog(model: ReplayModel, matchId: string, position: number, seat: CompanyId): void {
  const frame = model.frame(position);
  const at = frame?.report ? quarterLabel(frame.report.quarter.year, frame.report.quarter.q) : t("replay.boardOpening");
  let mySeat = seat;
  let others: BranchOthers = "ai";
  const seatSel = select<CompanyId>(
    model.seats.map((c) => ({ value: c, label: companyLabel(c) })),
    mySeat,
    "branch-seat",
    (v) => (mySeat = v),
  );
  const othersSel = select<BranchOthers>(
    [
      { value: "ai", label: t("replay.others.ai") },
      { value: "recorded", label: t("replay.others.recorded") },
    ],
    others,
    "branch-others",
    (v) => (others = v),
  );
  const name = el("input", { type: "text", value: "Player", maxlength: 40, testid: "branch-name", autocomplete: "nickname" });
  const status = el("div", { class: "cp-note", role: "status", testid: "branch-status" });
  const start = button(t("replay.branchStart"), "branch-start", () => {
    start.disabled = true;
    status.textContent = t("title.loading");
    const s = resetSession();
    s.create({ name: name.value.trim().slice(0, 40) || "Player", seat: mySeat, branch: { matchId, turn: position, others } })
      .then(() => {
        close();
        // The new match takes over the screen; Back returns to this replay.
        navigate(null);
      })
      .catch((e: unknown) => {
        start.disabled = false;
        status.textContent = "";
        toast(t("replay.branchFailed", { message: e instanceof Error ? e.message : String(e) }));
      });
  });
  // The shared dialog (focus trap, Escape); its own button cancels.
  const close = modal(
    t("replay.branchTitle", { quarter: at }),
    el(
      "div",
      { testid: "branch-form" },
      el("p", { class: "cp-note", text: t("replay.branchNote", { n: position }) }),
      row(t("replay.branchSeat"), seatSel),
      row(t("replay.branchOthers"), othersSel),
      row(t("replay.branchName"), name),
      status,
    ),
    t("replay.branchCancel"),
    "branch-dialog",
  );
  // Start sits with Cancel in the dialog's action row; Cancel is the secondary choice.
  const actions = document.querySelector('[data-testid="branch-dialog"] .cp-dialog-actions');
  actions?.querySelector("button")?.classList.add("secondary");
  actions?.append(start);
  start.focus();
}
