/**
 * The teacher's first screen: the class's settings (scenario, variant, quarters, timer, scoring, AI
 * difficulty, number of matches, companies) and how a class runs; then the teacher link, shown once.
 */
import {
  COMPANIES,
  CORE_FOUR,
  SCENARIOS,
  SCORINGS,
  VARIANTS,
  type CompanyId,
  type ScenarioId,
  type Scoring,
  type Variant,
} from "../../../shared/engine/ids.ts";
import type { ClassSettingsInput } from "../../../shared/protocol/class.ts";
import { DIFFICULTIES } from "../model.ts";
import { t } from "../lang.ts";
import { button, el, select } from "../ui.ts";
import { companyTag, dialog } from "./dom.ts";
import { MAX_MATCHES } from "./vocab.ts";

export interface SetupActions {
  create(settings: ClassSettingsInput): void;
  /** A class this browser already runs. */
  resume?: { readonly code: string; go(): void; forget(): void };
}

const TIMER_MINUTES = [1, 2, 3, 4, 5, 8, 10, 15] as const;

let uid = 0;
function field(label: string, control: HTMLElement): HTMLElement[] {
  const id = control.id || `cl-f-${++uid}`;
  control.id = id;
  return [el("label", { for: id, text: label }), control];
}

export function setupView(actions: SetupActions): { body: HTMLElement; status: HTMLElement; busy(on: boolean): void } {
  let scenario: ScenarioId = "reckoning";
  let variant: Variant = "guide";
  let scoring: Scoring = "handicap";
  let difficulty: (typeof DIFFICULTIES)[number] = "normal";
  let minutes = 3;
  let turns = 8;
  let matches = 2;
  const chosen = new Set<CompanyId>(CORE_FOUR);

  const title = el("input", { type: "text", maxlength: 60, testid: "setup-title", placeholder: t("class.setup.titlePlaceholder") });
  const turnsSel = select(
    Array.from({ length: 21 }, (_, i) => ({ value: String(i + 4), label: String(i + 4) })),
    String(turns),
    "setup-turns",
    (v) => (turns = Number(v)),
  );
  const timerSel = select(
    TIMER_MINUTES.map((m) => ({ value: String(m), label: t("class.setup.minutes", { n: m }) })),
    String(minutes),
    "setup-timer",
    (v) => (minutes = Number(v)),
  );
  const capacity = el("div", { class: "cl-small", testid: "setup-capacity" });
  const refreshCapacity = (): void => {
    capacity.textContent = t("class.setup.capacity", { teams: matches * chosen.size, matches, seats: chosen.size });
  };
  const matchesSel = select(
    Array.from({ length: MAX_MATCHES }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
    String(matches),
    "setup-matches",
    (v) => {
      matches = Number(v);
      refreshCapacity();
    },
  );
  const checks = el("div", { class: "cl-checks", testid: "setup-companies" });
  for (const c of COMPANIES) {
    const box = el("input", { type: "checkbox", testid: `setup-company-${c}`, checked: chosen.has(c) });
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(c);
      else chosen.delete(c);
      refreshCapacity();
    });
    checks.append(el("label", {}, box, companyTag(c, "")));
  }
  refreshCapacity();

  const status = el("div", { class: "cl-error", testid: "setup-status", role: "status" });
  const createBtn = button(t("class.setup.create"), "setup-create", () => {
    if (chosen.size < 2) {
      status.textContent = t("class.setup.minTwo");
      return;
    }
    actions.create({
      title: title.value.trim().slice(0, 60),
      scenario,
      variant,
      turns,
      turnSeconds: minutes * 60,
      scoring,
      difficulty,
      matches,
      seats: COMPANIES.filter((c) => chosen.has(c)),
    });
  });

  const form = el(
    "div",
    { class: "cl-form" },
    ...field(t("class.setup.title"), title),
    ...field(
      t("lobby.scenario"),
      select(
        SCENARIOS.map((v) => ({ value: v, label: t(`scenario.${v}`) })),
        scenario,
        "setup-scenario",
        (v) => (scenario = v),
      ),
    ),
    ...field(
      t("lobby.variant"),
      select(
        VARIANTS.map((v) => ({ value: v, label: t(`variant.${v}`) })),
        variant,
        "setup-variant",
        (v) => (variant = v),
      ),
    ),
    ...field(t("class.setup.quarters"), turnsSel),
    ...field(t("class.setup.timer"), timerSel),
    ...field(
      t("class.setup.scoring"),
      select(
        SCORINGS.map((v) => ({ value: v, label: t(`class.scoring.${v}`) })),
        scoring,
        "setup-scoring",
        (v) => (scoring = v),
      ),
    ),
    ...field(
      t("class.setup.difficulty"),
      select(
        DIFFICULTIES.map((d) => ({ value: d, label: t(`difficulty.${d}`) })),
        difficulty,
        "setup-difficulty",
        (v) => (difficulty = v),
      ),
    ),
    ...field(t("class.setup.matches"), matchesSel),
    el("label", { text: t("class.setup.companies") }),
    checks,
    el("span"),
    capacity,
  );

  const left = el("section", { class: "cl-card", testid: "setup-form" }, form, el("div", { class: "cl-row", style: "margin-top:8px" }, createBtn), status);
  const how = el(
    "section",
    { class: "cl-card" },
    el("h2", { text: t("class.setup.howTitle") }),
    el(
      "ol",
      { class: "cl-steps" },
      el("li", { text: t("class.setup.step1") }),
      el("li", { text: t("class.setup.step2") }),
      el("li", { text: t("class.setup.step3") }),
    ),
    actions.resume
      ? el(
          "div",
          { class: "cl-row", style: "margin-top:auto" },
          button(t("class.setup.resume", { code: actions.resume.code }), "setup-resume", () => actions.resume?.go()),
          button(t("class.setup.forget"), "setup-forget", () => actions.resume?.forget(), "secondary small"),
        )
      : null,
  );
  const body = el("div", { class: "cl-body", style: "grid-template-columns: 860px 1fr; align-items: start" }, left, how);
  return {
    body,
    status,
    busy(on: boolean) {
      createBtn.disabled = on;
      status.textContent = on ? t("class.setup.creating") : status.textContent;
    },
  };
}

/** The teacher link, shown once after the class is created. */
export function keyDialog(link: string, done: () => void): void {
  const input = el("input", { type: "text", readonly: true, value: link, class: "cl-link", testid: "key-link", "aria-label": t("class.key.title") });
  const copy = button(
    t("class.key.copy"),
    "key-copy",
    () => {
      input.select();
      void navigator.clipboard
        ?.writeText(link)
        .then(() => (copy.textContent = t("class.key.copied")))
        .catch(() => undefined);
    },
    "secondary",
  );
  const d = dialog(
    t("class.key.title"),
    "key-dialog",
    [el("p", { style: "margin:0", text: t("class.key.body") }), input],
    [
      copy,
      button(t("class.key.done"), "key-done", () => {
        d.close();
        done();
      }),
    ],
  );
  input.focus();
  input.select();
}
