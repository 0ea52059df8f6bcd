/**
 * Limit flags under a decision field: one short line per reason the engine gives, the whole
 * sentence one click away (and read aloud with the flag). Whole sentences under the narrow fields
 * pushed the Commit button off a 720 px screen in the quarters with the most limits.
 */
import type { LimitText } from "./model.ts";
import { t } from "./lang.ts";
import { el, modal } from "./ui.ts";

/** The `.cp-why` block for a field, or null when nothing limits it. */
export function limitLines(reasons: readonly LimitText[]): HTMLElement | null {
  if (reasons.length === 0) return null;
  return el("div", { class: "cp-why" }, ...reasons.map(limitLine));
}

function limitLine(r: LimitText): HTMLElement {
  if (r.short === r.full) return el("div", { text: r.full });
  const flag = el(
    "button",
    { type: "button", class: "cp-limit", title: r.full, "aria-haspopup": "dialog" },
    el("span", { text: r.short }),
    el("span", { class: "cp-sr", text: ` (${r.full})` }),
  );
  flag.addEventListener("click", (e) => {
    e.preventDefault();
    e.stopPropagation();
    modal(t("limit.title"), r.full, t("howto.close"), "limit-dialog");
  });
  return el("div", {}, flag);
}
