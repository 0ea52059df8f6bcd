/** Small DOM pieces the classroom's pages share (built on ui.ts's `el` and `button`). */
import type { CompanyId } from "../../../shared/engine/ids.ts";
import { SEAT_COLORS, SEAT_ICONS, hex } from "../theme.ts";
import { lang, setLang, t } from "../lang.ts";
import { button, el, select } from "../ui.ts";
import { loadFonts } from "../fonts.ts";
import { LANGS, type Lang } from "../../../shared/i18n/index.ts";
import { formatClock } from "../format.ts";
import "./class.css";

export function companyName(id: CompanyId | string): string {
  return t(`company.${id}`);
}

/** A company's icon in its seat colour and its name (shape + colour, readable in greyscale; the name keeps the text's contrast). */
export function companyTag(id: CompanyId, cls = "cl-co"): HTMLSpanElement {
  const color = SEAT_COLORS[id];
  return el(
    "span",
    { class: cls },
    el("span", { class: "cl-icon", style: color ? `color:${hex(color)}` : undefined, "aria-hidden": "true", text: SEAT_ICONS[id] ?? "•" }),
    ` ${companyName(id)}`,
  );
}

export function chip(text: string, tone: "" | "good" | "warn" | "bad" = "", testid?: string): HTMLSpanElement {
  return el("span", { class: `cl-chip ${tone}`.trim(), testid }, text);
}

export function dot(on: boolean, label: string): HTMLSpanElement {
  return el("span", { class: on ? "cl-dot on" : "cl-dot", role: "img", "aria-label": label, title: label });
}

/** Page buttons for `count` pages (nothing when one page is enough). */
export function pager(count: number, current: number, testid: string, go: (page: number) => void, label: (i: number) => string): HTMLElement | null {
  if (count <= 1) return null;
  const wrap = el("div", { class: "cl-pager", testid });
  for (let i = 0; i < count; i++) {
    const b = button(label(i), `${testid}-${i}`, () => go(i), "small secondary");
    if (i === current) b.setAttribute("aria-current", "true");
    wrap.append(b);
  }
  return wrap;
}

export interface DialogHandle {
  readonly root: HTMLElement;
  close(): void;
}

/** A modal dialog over the page (Escape or Cancel closes it); `actions` go at its foot. */
export function dialog(title: string, testid: string, body: readonly (Node | null)[], actions: readonly HTMLElement[]): DialogHandle {
  document.querySelector(`[data-testid="${testid}"]`)?.remove();
  const close = (): void => root.remove();
  const panel = el(
    "div",
    { class: "cp-panel" },
    el("h2", { text: title }),
    ...body,
    el("div", { class: "cl-row", style: "justify-content:flex-end;margin-top:6px" }, ...actions),
  );
  const root = el("div", { class: "cp-modal cl-modal", testid, role: "dialog", "aria-modal": "true", "aria-label": title }, panel);
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  root.addEventListener("click", (e) => {
    if (e.target === root) close();
  });
  document.body.append(root);
  (panel.querySelector("select, input, button") as HTMLElement | null)?.focus();
  return { root, close };
}

/** The class link as a QR code (SVG), drawn by the `qrcode` package loaded on demand. */
export async function qrInto(node: HTMLElement, text: string): Promise<void> {
  try {
    const QR = await import("qrcode");
    const svg = await QR.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#0e1621", light: "#ffffff" } });
    node.innerHTML = svg;
    node.querySelector("svg")?.setAttribute("aria-hidden", "true");
  } catch {
    node.textContent = text;
  }
}

/** Time left until an epoch-ms deadline, as m:ss. */
export function clockText(deadline: number, now = Date.now()): string {
  return formatClock((deadline - now) / 1000);
}

/** The language switch for a classroom page; `restart` redraws the page once the new glyphs are loaded. */
export function langSelect(restart: () => void): HTMLSelectElement {
  return select(
    LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) })),
    lang(),
    "lang-select",
    (v: Lang) => {
      setLang(v);
      void loadFonts().then(restart);
    },
    t("lang.label"),
  );
}

/** The status of a class connection as a panel (connecting, reconnecting, unreachable with Retry, refused). */
export function connectionPanel(status: string, message: string | null, retry: () => void, back?: () => void): HTMLElement {
  const text =
    status === "lost"
      ? t("class.lost")
      : status === "failed"
        ? t("class.failed")
        : status === "refused"
          ? t("class.refused", { message: message ?? "" })
          : t("class.connecting");
  return el(
    "div",
    { class: "cl-center", testid: "class-connection" },
    el(
      "div",
      { class: "cl-card" },
      el("p", { class: "cl-msg", style: "margin:0", text }),
      el(
        "div",
        { class: "cl-row" },
        status === "failed" ? button(t("class.retry"), "class-retry", retry) : null,
        back ? button(t("class.back"), "class-back", back, "secondary") : null,
      ),
    ),
  );
}
