/** Small DOM builders for real form controls (keyboard focus, labels, data-testid for tests). */
type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") node.className = String(v);
    else if (k === "testid") node.setAttribute("data-testid", String(v));
    else if (k === "text") node.textContent = String(v);
    else if (k === "style") node.setAttribute("style", String(v));
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export function button(label: string, testid: string, onClick: () => void, cls = ""): HTMLButtonElement {
  const b = el("button", { type: "button", testid, class: cls, text: label });
  b.addEventListener("click", onClick);
  return b;
}

export function select<V extends string>(
  options: readonly { value: V; label: string }[],
  value: V,
  testid: string,
  onChange: (v: V) => void,
  ariaLabel?: string,
): HTMLSelectElement {
  const s = el("select", { testid, "aria-label": ariaLabel });
  for (const o of options) s.append(el("option", { value: o.value, text: o.label, selected: o.value === value }));
  s.value = value;
  s.addEventListener("change", () => onChange(s.value as V));
  return s;
}

let uid = 0;

/** A fresh element id. */
export function nextId(prefix = "cp"): string {
  return `${prefix}-${++uid}`;
}

/** A labelled row: label + control (the label is bound to the control for screen readers). */
export function row(label: string, control: HTMLElement, extra?: Child): HTMLDivElement {
  const id = control.id || nextId();
  control.id = id;
  return el("div", { class: "cp-row" }, el("label", { for: id, text: label }), control, extra);
}

export interface RangeField {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  readonly range: HTMLInputElement;
  /** The value in raw units ($M or bp), inside [min, max]. */
  get(): number;
  set(v: number): void;
  setError(text: string | null): void;
  setNote(nodes: readonly Child[]): void;
  setDisabled(on: boolean): void;
}

/**
 * A decision field: label with its unit and a help button, the legal range (and why it is
 * limited), a slider and a number box kept in step, and a note line (the field's effect, or an
 * error in the player's language). Values are kept in raw units ($M, bp) so an untouched default
 * stays exact; the box shows them in display units.
 */
export function rangeField(o: {
  label: string;
  testid: string;
  min: number;
  max: number;
  /** Slider step in raw units. */
  step: number;
  value: number;
  rangeText: string;
  /** Why the range is limited (`limitLines`), or null when it is not. */
  why?: HTMLElement | null;
  help?: Node | null;
  toDisplay: (raw: number) => string;
  fromDisplay: (text: string) => number;
  onInput: (raw: number) => void;
  /** Width in the form's grid: the whole row, half of it or a third. */
  span?: "wide" | "half" | "third";
  /** Without a slider the field is a number box only (narrow fields). */
  slider?: boolean;
}): RangeField {
  const id = nextId();
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(o.max, Math.max(o.min, Math.round(v))) : o.min);
  let value = clamp(o.value);
  const range = el("input", {
    type: "range",
    min: o.min,
    max: o.max,
    step: o.step,
    value,
    testid: `${o.testid}-range`,
    "aria-label": o.label,
    "aria-valuetext": o.toDisplay(value),
  });
  const input = el("input", { id, type: "text", inputmode: "decimal", value: o.toDisplay(value), testid: o.testid, autocomplete: "off", spellcheck: "false" });
  const note = el("div", { class: "cp-note", testid: `${o.testid}-note`, "aria-live": "polite" });
  const error = el("div", { class: "cp-error", testid: `${o.testid}-error`, role: "alert" });
  error.hidden = true;
  const why = o.why ?? null;
  why?.setAttribute("data-testid", `${o.testid}-why`);
  const setValue = (v: number, from: "range" | "input" | "code") => {
    value = clamp(v);
    if (from !== "range") range.value = String(value);
    if (from !== "input") input.value = o.toDisplay(value);
    range.setAttribute("aria-valuetext", o.toDisplay(value));
  };
  range.addEventListener("input", () => {
    let v = Number(range.value);
    // The slider moves in whole steps; its last step reaches the exact maximum.
    if (v + o.step > o.max) v = o.max;
    setValue(v, "range");
    o.onInput(value);
  });
  input.addEventListener("input", () => {
    const v = o.fromDisplay(input.value);
    value = clamp(v);
    range.value = String(value);
    o.onInput(value);
  });
  input.addEventListener("change", () => setValue(value, "code"));
  const root = el(
    "div",
    { class: `cp-field cp-${o.span ?? "half"}`, testid: `${o.testid}-field` },
    el(
      "div",
      { class: "cp-field-head" },
      el("label", { for: id, text: o.label }),
      o.help ?? null,
      el("span", { class: "cp-range", testid: `${o.testid}-bounds`, text: o.rangeText }),
    ),
    el("div", { class: o.slider === false ? "cp-field-controls cp-noslider" : "cp-field-controls" }, o.slider === false ? null : range, input),
    why,
    note,
    error,
  );
  const locked = o.max <= o.min;
  range.disabled = locked;
  input.disabled = locked;
  if (why) {
    const whyId = nextId("why");
    why.id = whyId;
    input.setAttribute("aria-describedby", whyId);
  }
  return {
    root,
    input,
    range,
    get: () => value,
    set: (v) => setValue(v, "code"),
    setError(text) {
      error.hidden = !text;
      error.textContent = text ?? "";
      input.setAttribute("aria-invalid", text ? "true" : "false");
      root.classList.toggle("cp-invalid", Boolean(text));
    },
    setNote(nodes) {
      note.replaceChildren(...nodes.filter((n): n is Node | string => n !== null && n !== undefined && n !== false));
    },
    setDisabled(on) {
      range.disabled = on || locked;
      input.disabled = on || locked;
    },
  };
}

/** A dialog with a focus trap; Escape or the close button closes it and focus returns where it was. */
export function modal(title: string, body: string | Node, closeLabel: string, testid: string, opts: { wide?: boolean } = {}): () => void {
  const before = document.activeElement as HTMLElement | null;
  const close = () => {
    wrap.remove();
    before?.focus?.();
  };
  const closeBtn = button(closeLabel, `${testid}-close`, close);
  const titleId = nextId("dlg");
  const panel = el(
    "div",
    { class: opts.wide ? "cp-panel cp-dialog cp-dialog-wide" : "cp-panel cp-dialog" },
    el("h2", { id: titleId, text: title }),
    typeof body === "string" ? el("div", { class: "cp-prose", text: body }) : body,
    el("div", { class: "cp-dialog-actions" }, closeBtn),
  );
  const wrap = el("div", { class: "cp-modal", testid, role: "dialog", "aria-modal": "true", "aria-labelledby": titleId }, panel);
  wrap.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Escape") close();
    if (e.key === "Tab") {
      const f = [...wrap.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])")].filter(
        (n) => !n.hasAttribute("disabled"),
      );
      const first = f[0];
      const last = f[f.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  wrap.addEventListener("click", (e) => {
    if (e.target === wrap) close();
  });
  document.body.append(wrap);
  closeBtn.focus();
  return close;
}

export function toast(text: string): void {
  const n = document.getElementById("toast");
  if (!n) return;
  n.textContent = text;
  n.style.display = "block";
  window.clearTimeout(Number(n.dataset.timer ?? 0));
  n.dataset.timer = String(window.setTimeout(() => (n.style.display = "none"), 5000));
}
