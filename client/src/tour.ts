/**
 * A first-match guided tour of the board: a few steps, each pointing at one part of the screen.
 * It never blocks the game (the dimming lets clicks through), can be skipped at any step, and is
 * remembered in localStorage so it shows once; the board's Tour button replays it.
 */
import { t } from "./lang.ts";
import { button, el } from "./ui.ts";

const KEY = "cp.tour.v1";

export interface TourStep {
  /** data-testid of the element the step points at. */
  readonly target: string;
  readonly key: string;
}

export function tourDone(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return true;
  }
}

function remember(how: "done" | "skipped"): void {
  try {
    localStorage.setItem(KEY, how);
  } catch {
    // not remembered: it will show again next time
  }
}

let active: (() => void) | null = null;

export function tourOpen(): boolean {
  return active !== null;
}

/** Starts the tour (once per browser unless `force`). */
export function startTour(steps: readonly TourStep[], force = false): void {
  if (active || (!force && tourDone()) || steps.length === 0) return;
  let i = 0;
  const spot = el("div", { class: "cp-tour-spot", "aria-hidden": "true" });
  const card = el("div", { class: "cp-tour-card", role: "dialog", "aria-modal": "false", testid: "tour" });
  const wrap = el("div", { class: "cp-tour" }, spot, card);
  const close = (how: "done" | "skipped") => {
    remember(how);
    wrap.remove();
    window.removeEventListener("resize", place);
    document.removeEventListener("keydown", onKey, true);
    active = null;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && document.activeElement && card.contains(document.activeElement)) close("skipped");
  };
  const place = () => {
    const step = steps[i];
    const target = step ? document.querySelector<HTMLElement>(`[data-testid="${step.target}"]`) : null;
    const r = target?.getBoundingClientRect();
    if (!r || r.width === 0) {
      spot.style.display = "none";
      card.style.left = "50%";
      card.style.top = "50%";
      card.style.transform = "translate(-50%, -50%)";
      return;
    }
    spot.style.display = "block";
    spot.style.left = `${r.left - 6}px`;
    spot.style.top = `${r.top - 6}px`;
    spot.style.width = `${r.width + 12}px`;
    spot.style.height = `${r.height + 12}px`;
    card.style.transform = "";
    // The card goes beside the target where there is most room, kept on screen.
    const cw = Math.min(380, window.innerWidth - 24);
    const ch = card.offsetHeight || 220;
    const roomRight = window.innerWidth - r.right;
    let left = roomRight > cw + 24 ? r.right + 16 : r.left > cw + 24 ? r.left - cw - 16 : Math.max(12, (window.innerWidth - cw) / 2);
    let top = Math.min(Math.max(12, r.top), window.innerHeight - ch - 12);
    if (left === Math.max(12, (window.innerWidth - cw) / 2)) top = r.bottom + 16 + ch < window.innerHeight ? r.bottom + 16 : Math.max(12, r.top - ch - 16);
    left = Math.min(left, window.innerWidth - cw - 12);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
    card.style.width = `${cw}px`;
  };
  const draw = () => {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    const next = button(last ? t("tour.done") : t("tour.next"), "tour-next", () => {
      if (last) close("done");
      else {
        i += 1;
        draw();
      }
    });
    const back = button(
      t("tour.back"),
      "tour-back",
      () => {
        i = Math.max(0, i - 1);
        draw();
      },
      "secondary",
    );
    back.disabled = i === 0;
    card.setAttribute("aria-label", t(`tour.${step.key}.title`));
    card.replaceChildren(
      el("div", { class: "cp-tour-count", text: t("tour.count", { n: i + 1, total: steps.length }) }),
      el("h3", { text: t(`tour.${step.key}.title`) }),
      el("p", { text: t(`tour.${step.key}.body`) }),
      el(
        "div",
        { class: "cp-tour-actions" },
        button(t("tour.skip"), "tour-skip", () => close("skipped"), "link"),
        back,
        next,
      ),
    );
    place();
    next.focus();
  };
  document.body.append(wrap);
  window.addEventListener("resize", place);
  document.addEventListener("keydown", onKey, true);
  active = () => close("skipped");
  draw();
}

/** Ends a running tour (when its screen goes away). */
export function endTour(): void {
  active?.();
}
