/**
 * Screen audit for the end-to-end tests: axe-core (injected from npm) for contrast and the WCAG
 * A/AA rules, plus three checks axe does not make — the smallest rendered text (the canvas is
 * scaled to the window, so CSS font sizes are not what the eye gets), content cut off or hidden
 * behind a scroll, and text drawn on the Phaser canvas (which axe cannot see).
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

export interface AuditResult {
  readonly screen: string;
  /** axe violations: rule id → number of nodes, with the first few targets. */
  readonly violations: { id: string; nodes: number; sample: string[] }[];
  /** Contrast checks axe could not decide (text over an image, the canvas or an overlap); lone symbols such as ▲ are not counted. */
  readonly contrastUndecided: number;
  /** Where axe could not decide, and why (for the log). */
  readonly undecided: string[];
  /** Texts axe checked for contrast. */
  readonly contrastChecked: number;
  /** Smallest rendered text height in CSS px, and every text below the floor. */
  readonly minFontPx: number;
  readonly smallTexts: { text: string; px: number }[];
  readonly textCount: number;
  /** Elements whose content is cut off (overflow hidden or scrolled), or that reach past the window. */
  readonly clipped: { what: string; by: string }[];
  /** Text objects Phaser draws on the canvas (axe cannot check them). */
  readonly canvasTexts: number;
}

export async function audit(page: Page, screen: string, floorPx = 12): Promise<AuditResult> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const axe = await page.evaluate(async () => {
    interface AxeNode {
      target: string[];
      failureSummary?: string;
      any: { message?: string }[];
    }
    interface AxeRule {
      id: string;
      nodes: AxeNode[];
    }
    const a = (
      window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeRule[]; incomplete: AxeRule[]; passes: AxeRule[] }> } }
    ).axe;
    const r = await a.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations", "incomplete", "passes"],
    });
    const pick = (list: AxeRule[]) =>
      list.map((v) => ({
        id: v.id,
        nodes: v.nodes.length,
        sample: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`.slice(0, 240)),
      }));
    const contrast = (list: AxeRule[]) => list.filter((v) => v.id === "color-contrast").flatMap((v) => v.nodes);
    // Symbols alone (▲, ■) are not text axe can judge; every other undecided node is counted.
    const undecidedNodes = contrast(r.incomplete).filter((n) => !/only non-text characters/.test(n.any[0]?.message ?? ""));
    const undecided = undecidedNodes.map((n) => `${n.target.join(" ")} :: ${(n.any[0]?.message ?? "").slice(0, 120)}`);
    return {
      violations: pick(r.violations),
      contrastUndecided: undecidedNodes.length,
      contrastChecked: contrast(r.passes).length + contrast(r.violations).length,
      undecided: undecided.slice(0, 30),
    };
  });
  const dom = await page.evaluate((floor) => {
    const visible = (e: Element) => {
      const st = getComputedStyle(e);
      if (st.display === "none" || st.visibility === "hidden" || Number(st.opacity) === 0) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    // The scale an element is drawn at (Phaser scales the page's DOM layer to the window).
    const scaleOf = (e: HTMLElement) => {
      const root = e.closest<HTMLElement>(".cp-screen");
      if (root) return root.getBoundingClientRect().width / root.offsetWidth;
      const r = e.getBoundingClientRect();
      return e.offsetWidth > 0 ? r.width / e.offsetWidth : 1;
    };
    const small: { text: string; px: number }[] = [];
    let min = Number.POSITIVE_INFINITY;
    let count = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest("script,style,option,[aria-hidden='true'],.cp-sr")) continue;
      let hidden = false;
      for (let e: Element | null = parent; e; e = e.parentElement)
        if (!visible(e) && e !== document.body && e !== document.documentElement) {
          hidden = true;
          break;
        }
      if (hidden) continue;
      const px = Number.parseFloat(getComputedStyle(parent).fontSize) * scaleOf(parent);
      count += 1;
      min = Math.min(min, px);
      if (px < floor - 0.05) small.push({ text: text.slice(0, 60), px: Math.round(px * 100) / 100 });
    }
    // Form controls show their own text.
    for (const c of document.querySelectorAll<HTMLElement>("input, select, button")) {
      if (!visible(c) || c.closest(".cp-sr")) continue;
      const px = Number.parseFloat(getComputedStyle(c).fontSize) * scaleOf(c);
      count += 1;
      min = Math.min(min, px);
      if (px < floor - 0.05)
        small.push({
          text: `<${c.tagName.toLowerCase()}> ${(c as HTMLInputElement).value ?? c.textContent ?? ""}`.slice(0, 60),
          px: Math.round(px * 100) / 100,
        });
    }
    const clipped: { what: string; by: string }[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""}.${[...e.classList].join(".")} "${(e.textContent ?? "").trim().slice(0, 40)}"`;
    const W = window.innerWidth;
    const H = window.innerHeight;
    for (const e of document.querySelectorAll<HTMLElement>(".cp-screen, .cp-screen *, .cp-modal *, .cp-tour-card, .cp-tour-card *")) {
      if (!visible(e) || e.closest(".cp-sr")) continue;
      const st = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (r.right > W + 1 || r.bottom > H + 1 || r.left < -1 || r.top < -1)
        clipped.push({ what: name(e), by: `window ${Math.round(r.right)}×${Math.round(r.bottom)}` });
      const hides = (v: string) => v === "hidden" || v === "auto" || v === "scroll" || v === "clip";
      if (e.tagName === "INPUT" || e.tagName === "SELECT" || e.tagName === "svg" || e instanceof SVGElement) continue;
      if ((hides(st.overflowY) || st.textOverflow === "ellipsis") && e.scrollHeight > e.clientHeight + 2)
        clipped.push({ what: name(e), by: `height ${e.scrollHeight}>${e.clientHeight}` });
      if ((hides(st.overflowX) || st.textOverflow === "ellipsis") && e.scrollWidth > e.clientWidth + 2)
        clipped.push({ what: name(e), by: `width ${e.scrollWidth}>${e.clientWidth}` });
    }
    // biome-ignore lint/suspicious/noExplicitAny: the page's Phaser game, exposed for tests
    const game = (window as any).__cp?.game;
    let canvasTexts = 0;
    // Canvas text: its font size times the canvas's display scale (axe cannot see it; the size floor still applies).
    const canvas = document.querySelector("canvas");
    const cscale = canvas && game ? canvas.getBoundingClientRect().width / game.scale.width : 1;
    for (const s of game?.scene.getScenes(true) ?? []) {
      // biome-ignore lint/suspicious/noExplicitAny: Phaser game objects
      const texts = s.children.list.filter((o: any) => o.type === "Text" && o.visible && o.text);
      canvasTexts += texts.length;
      for (const o of texts) {
        const px = Number.parseFloat(String(o.style.fontSize)) * cscale;
        count += 1;
        min = Math.min(min, px);
        if (px < floor - 0.05) small.push({ text: `[canvas] ${String(o.text).slice(0, 50)}`, px: Math.round(px * 100) / 100 });
      }
    }
    return {
      minFontPx: Number.isFinite(min) ? Math.round(min * 100) / 100 : 0,
      smallTexts: small.slice(0, 20),
      textCount: count,
      clipped: clipped.slice(0, 20),
      canvasTexts,
    };
  }, floorPx);
  return { screen, ...axe, ...dom };
}

/** One line per audit for the test log: the figures the note quotes. */
export function summary(r: AuditResult): string {
  return `${r.screen}: axe violations ${r.violations.reduce((s, v) => s + v.nodes, 0)}, contrast checked ${r.contrastChecked} (undecided ${r.contrastUndecided}), min text ${r.minFontPx}px over ${r.textCount} texts, clipped ${r.clipped.length}, canvas texts ${r.canvasTexts}`;
}

/** The floor every audited screen must meet: no axe violation, no undecided contrast, no text under the floor, nothing cut off, no text on the canvas. */
export function expectAuditFloor(r: AuditResult, name = r.screen): void {
  expect(r.violations, name).toEqual([]);
  expect(r.undecided, name).toEqual([]);
  expect(r.smallTexts, name).toEqual([]);
  expect(r.clipped, name).toEqual([]);
  expect(r.canvasTexts, name).toBe(0);
}
