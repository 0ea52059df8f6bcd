/** The title: start a solo match or a multiplayer one, join by code, learn the game, or fetch a saved replay. */
import { CORE_FOUR, SCENARIOS, VARIANTS, type CompanyId, type ScenarioId, type Variant } from "../../../shared/engine/ids.ts";
import { DIFFICULTIES } from "../model.ts";
import { BaseScene } from "./base.ts";
import { SEAT_ICONS, seatText } from "../theme.ts";
import { t } from "../lang.ts";
import { button, el, modal, row, select, toast } from "../ui.ts";
import { ClassCodeError, resetSession } from "../net.ts";
import { openGlossary } from "../glossary.ts";
import { savedMatches } from "../library/panel.ts";

/** The how-to-play text as paragraphs, with its steps numbered. */
export function howToPlay(): HTMLElement {
  return el(
    "div",
    { class: "cp-howto" },
    el("p", { text: t("howto.intro") }),
    el("ol", {}, ...[1, 2, 3, 4].map((i) => el("li", { text: t(`howto.step${i}`) }))),
    el("p", { text: t("howto.trap") }),
    el("p", { class: "cp-muted", text: t("howto.help") }),
  );
}

export class TitleScene extends BaseScene {
  constructor() {
    super("title");
  }

  create(): void {
    const root = this.screen("title", "cp-title");
    let seat: CompanyId = "microsoft";
    let difficulty: (typeof DIFFICULTIES)[number] = "normal";
    let scenario: ScenarioId = "reckoning";
    let variant: Variant = "guide";
    const scenarioSel = select(
      SCENARIOS.map((v) => ({ value: v, label: t(`scenario.${v}`) })),
      scenario,
      "scenario-select",
      (v) => (scenario = v),
    );
    const variantSel = select(
      VARIANTS.map((v) => ({ value: v, label: t(`variant.${v}`) })),
      variant,
      "variant-select",
      (v) => (variant = v),
    );
    const name = el("input", { type: "text", value: "Player", maxlength: 40, testid: "name-input", autocomplete: "nickname" });
    const turns = el("input", { type: "number", min: 4, max: 24, step: 1, value: 12, testid: "turns-input" });
    const timer = el("input", { type: "number", min: 10, max: 3600, step: 10, value: 120, testid: "timer-input" });
    const seatSel = select(
      CORE_FOUR.map((c) => ({ value: c, label: `${SEAT_ICONS[c]} ${t(`company.${c}`)}` })),
      seat,
      "seat-select",
      (v) => (seat = v),
    );
    const diffAbout = el("div", { class: "cp-note cp-row-note", testid: "difficulty-about", text: t(`ai.difficulty.${difficulty}.about`) });
    const diffSel = select(
      DIFFICULTIES.map((d) => ({ value: d, label: t(`difficulty.${d}`) })),
      difficulty,
      "difficulty-select",
      (v) => {
        difficulty = v;
        diffAbout.textContent = t(`ai.difficulty.${v}.about`);
      },
    );
    const int = (i: HTMLInputElement, lo: number, hi: number, dflt: number) => {
      const v = Math.round(Number(i.value));
      return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt;
    };
    const status = el("div", { class: "cp-muted", testid: "title-status", role: "status" });
    const busy = (on: boolean) => {
      for (const b of form.querySelectorAll("button")) b.disabled = on;
      status.textContent = on ? t("title.loading") : "";
    };
    const common = () => ({
      name: name.value.trim().slice(0, 40) || "Player",
      seat,
      turns: int(turns, 4, 24, 12),
      turnSeconds: int(timer, 10, 3600, 120),
      difficulty,
      scenario,
      variant,
    });
    const start = async (mode: "solo" | "multiplayer") => {
      busy(true);
      try {
        const s = resetSession();
        await s.create({ ...common(), mode, aiSeats: mode === "solo" ? "fill" : undefined });
      } catch (e) {
        toast(t("net.joinFailed", { message: e instanceof Error ? e.message : String(e) }));
        busy(false);
      }
    };
    const code = el("input", {
      type: "text",
      maxlength: 12,
      placeholder: t("title.codePlaceholder"),
      testid: "code-input",
      "aria-label": t("title.codePlaceholder"),
      style: "text-transform:uppercase;width:150px",
    });
    // A joiner may ask for a company; "any" takes the next free seat.
    let joinSeat: CompanyId | "any" = "any";
    const joinSeatSel = select<CompanyId | "any">(
      [{ value: "any", label: t("title.anySeat") }, ...CORE_FOUR.map((c) => ({ value: c, label: `${SEAT_ICONS[c]} ${t(`company.${c}`)}` }))],
      joinSeat,
      "join-seat-select",
      (v) => (joinSeat = v),
      t("title.joinSeat"),
    );
    const join = async () => {
      if (!code.value.trim()) return;
      busy(true);
      try {
        const s = resetSession();
        const c = common();
        await s.joinByCode(code.value, { name: c.name, role: "player", ...(joinSeat === "any" ? {} : { seat: joinSeat }) });
      } catch (e) {
        // Students type the class code wherever a code box is: send them on to their class page.
        if (e instanceof ClassCodeError) {
          location.assign(e.path);
          return;
        }
        toast(t("net.joinFailed", { message: e instanceof Error ? e.message : String(e) }));
        busy(false);
      }
    };
    code.addEventListener("keydown", (e) => {
      if (e.key === "Enter") void join();
    });
    const form = el(
      "section",
      { class: "cp-panel cp-title-form", "aria-label": t("title.newMatch") },
      el("h2", { text: t("title.newMatch") }),
      row(t("title.name"), name),
      row(t("title.seat"), seatSel),
      row(t("title.difficulty"), diffSel),
      diffAbout,
      row(t("lobby.scenario"), scenarioSel),
      row(t("lobby.variant"), variantSel),
      row(t("title.turns"), turns),
      row(t("title.timer"), timer),
      el(
        "div",
        { class: "cp-row cp-title-go" },
        button(t("title.solo"), "solo-button", () => void start("solo")),
        button(t("title.create"), "create-button", () => void start("multiplayer"), "secondary"),
      ),
      el("h3", { text: t("title.join") }),
      el(
        "div",
        { class: "cp-row" },
        code,
        joinSeatSel,
        button(t("title.join"), "join-button", () => void join(), "secondary"),
      ),
      status,
    );

    const side = el(
      "section",
      { class: "cp-panel cp-title-side" },
      el("h2", { text: t("howto.title") }),
      howToPlay(),
      el(
        "div",
        { class: "cp-row" },
        button(t("title.howto"), "howto-button", () => modal(t("howto.title"), howToPlay(), t("howto.close"), "howto"), "secondary"),
        button(t("glossary.open"), "title-glossary", () => openGlossary(), "secondary"),
      ),
      el("h2", { class: "cp-title-saved", text: t("title.saved") }),
      // This browser's matches in progress to resume, recently finished ones to watch, the library (client/src/library).
      savedMatches(),
    );
    root.append(
      el(
        "header",
        { class: "cp-title-head" },
        el(
          "div",
          { class: "cp-title-marks", "aria-hidden": "true" },
          ...CORE_FOUR.map((c) => el("span", { style: `color:${seatText(c)}`, text: SEAT_ICONS[c] })),
        ),
        el("h1", { text: t("app.title") }),
        el("p", { class: "cp-tagline", text: t("app.tagline") }),
        el("div", { class: "cp-title-lang" }, this.langSelect()),
      ),
      el("div", { class: "cp-title-body" }, form, side),
    );
    // Focus the first control so a keyboard user can start right away.
    name.focus();
    // For the benchmark: the first moment the title screen can be used.
    if (performance.getEntriesByName("cp:title-ready").length === 0) performance.mark("cp:title-ready");
  }
}
