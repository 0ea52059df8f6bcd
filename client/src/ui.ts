/** Small DOM builders for real form controls (keyboard focus, labels, data-testid for tests). */
type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") node.className = String(v);
    else if (k === "testid") node.setAttribute("data-testid", String(v));
    else if (k === "text") node.textContent = String(v);
    else if (k === "style") node.setAttribute("style", String(v));
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
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

/** A labelled row: label + control (the label is bound to the control for screen readers). */
export function row(label: string, control: HTMLElement): HTMLDivElement {
  const id = control.id || `cp-${++uid}`;
  control.id = id;
  return el("div", { class: "cp-row" }, el("label", { for: id, text: label }), control);
}

export interface SliderField {
  root: HTMLDivElement;
  number: HTMLInputElement;
  range: HTMLInputElement;
  set(v: number): void;
  get(): number;
}

/**
 * A range slider and a number box kept in step. Values are in display units (e.g. $B);
 * `onInput` receives the clamped display value.
 */
export function sliderField(opts: {
  label: string;
  testid: string;
  min: number;
  max: number;
  step: number;
  value: number;
  rangeText: string;
  onInput: (v: number) => void;
}): SliderField {
  const id = `cp-${++uid}`;
  const range = el("input", {
    type: "range",
    min: opts.min,
    max: opts.max,
    step: opts.step,
    value: opts.value,
    testid: `${opts.testid}-range`,
    "aria-label": opts.label,
  });
  const number = el("input", {
    id,
    type: "number",
    min: opts.min,
    max: opts.max,
    step: opts.step,
    value: opts.value,
    testid: opts.testid,
    inputmode: "decimal",
  });
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(opts.max, Math.max(opts.min, v)) : opts.min);
  range.addEventListener("input", () => {
    number.value = range.value;
    opts.onInput(clamp(Number(range.value)));
  });
  number.addEventListener("input", () => {
    const v = Number(number.value);
    if (Number.isFinite(v)) range.value = String(clamp(v));
    opts.onInput(clamp(v));
  });
  number.addEventListener("change", () => {
    const v = clamp(Number(number.value));
    number.value = String(v);
    range.value = String(v);
  });
  const root = el(
    "div",
    { class: "cp-field" },
    el("label", { for: id }, el("span", { text: opts.label }), el("span", { class: "cp-range", text: opts.rangeText })),
    range,
    number,
  );
  const disabled = opts.max <= opts.min;
  range.disabled = disabled;
  number.disabled = disabled;
  return {
    root,
    number,
    range,
    set(v: number) {
      number.value = String(v);
      range.value = String(v);
    },
    get() {
      return clamp(Number(number.value));
    },
  };
}

export function modal(title: string, body: string, closeLabel: string, testid: string): void {
  const close = button(closeLabel, `${testid}-close`, () => wrap.remove());
  const wrap = el(
    "div",
    { class: "cp-modal", testid, role: "dialog", "aria-modal": "true", "aria-label": title },
    el("div", { class: "cp-panel" }, el("h2", { text: title }), el("div", { text: body }), el("div", { style: "margin-top:16px;text-align:right" }, close)),
  );
  wrap.addEventListener("keydown", (e) => {
    if (e.key === "Escape") wrap.remove();
  });
  document.body.append(wrap);
  close.focus();
}

export function toast(text: string): void {
  const n = document.getElementById("toast");
  if (!n) return;
  n.textContent = text;
  n.style.display = "block";
  window.clearTimeout(Number(n.dataset.timer ?? 0));
  n.dataset.timer = String(window.setTimeout(() => (n.style.display = "none"), 5000));
}
