/**
 * The debrief in a real browser against the real server: a 4-quarter solo match to the end, every
 * debrief page in English and Simplified Chinese (screenshots at 1280×720 in test-artifacts/), and
 * the match's CSV and JSON exports downloaded and parsed.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { MatchExportSchema } from "../../shared/protocol/index.ts";
import { csvObjects, parseCsv } from "../debrief/csv.ts";
import { useBrowserSuite, openPage, playQuarter, sessionInfo, shot } from "./harness.ts";
import { audit, expectAuditFloor, summary } from "./audit.ts";

const suite = useBrowserSuite();

const VIEWPORT = { width: 1280, height: 720 };
const TABS = ["lesson", "par", "matrix", "history", "charts", "reality"] as const;

async function playToEnd(page: Page, quarters: number): Promise<void> {
  await page.getByTestId("turns-input").fill(String(quarters));
  await page.getByTestId("solo-button").click();
  const capex = [40, 44, 12, 50];
  for (let q = 0; q < quarters; q++) {
    await playQuarter(page, capex[q % capex.length]!);
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    await page.getByTestId("reveal-continue").click();
  }
  await page.getByTestId("end-again").waitFor({ timeout: 30_000 });
}

async function showTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByTestId(`debrief-tab-${tab}`).click();
  await expect.poll(() => page.getByTestId("debrief-page").getAttribute("data-tab"), { timeout: 10_000 }).toBe(tab);
  await page.waitForTimeout(200);
}

/** The client's screen audit (tests/e2e/audit.ts): no axe violation or undecided contrast, no text under 12 px, nothing cut off, no canvas text. */
async function check(page: Page, name: string): Promise<void> {
  const r = await audit(page, name);
  console.log(summary(r));
  expectAuditFloor(r, name);
  expect(r.minFontPx, name).toBeGreaterThanOrEqual(12);
  await shot(page, name);
}

describe("the debrief", () => {
  test("a solo match to the end: the debrief in en and zh-CN, and its exports", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: VIEWPORT, locale: "en-US", acceptDownloads: true });
    const page = await openPage(ctx, problems, "debrief");
    await page.goto(suite.server.url);
    await page.getByTestId("solo-button").waitFor();
    await playToEnd(page, 4);
    const info = await sessionInfo(page);
    expect(info.scene).toBe("end");
    const seat = info.seat!;

    // The lesson: sentences from the lesson table, none with an unfilled placeholder.
    await page.getByTestId("debrief-lesson-lines").waitFor({ timeout: 30_000 });
    const lines = await page.getByTestId("debrief-lesson-lines").locator("li").allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect(l).not.toMatch(/\{\w+\}|debrief\.|undefined|NaN/);
    const keys = await page
      .getByTestId("debrief-lesson-lines")
      .locator("li")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
    expect(keys.some((k) => k?.startsWith("debrief.lesson.ending."))).toBe(true);
    expect(keys).toContain("debrief.lesson.profit");
    // The dual leaderboard: every seat, mine among them, and the industry row.
    const board = page.getByTestId("debrief-leaderboard");
    expect(await board.locator("tbody tr[data-company]").count()).toBe(4);
    expect(await board.locator(`tr[data-company="${seat}"]`).count()).toBe(1);
    expect(await page.getByTestId("debrief-industry-row").textContent()).toContain("Industry");
    expect(await page.getByTestId("debrief-race-cost").textContent()).toMatch(/race (cost|added)/);
    // The handicap (the default scoring, issue 11): the winner against its par in the header, and on
    // the par tab each company against its own par, in words a teacher can read out.
    expect(await page.getByTestId("debrief-winner").textContent()).toMatch(
      /wins · (beat|missed) its par of [+−]?[\d.]+% by \d+\.\d swings$|wins · matched its par/,
    );
    await check(page, "debrief-01-lesson-en");
    await showTab(page, "par");
    const parLines = await page.getByTestId("par-panel").locator("li").allTextContents();
    expect(parLines).toHaveLength(4);
    for (const l of parLines)
      expect(l).toMatch(/(beat its par of [+−]?[\d.]+% by \d+\.\d swings|missed its par of [+−]?[\d.]+% by \d+\.\d swings|matched its par of|defaulted)/);
    expect(await page.getByTestId(`par-line-${seat}`).count()).toBe(1);
    expect(await page.getByTestId("par-panel").textContent()).toContain("like golf");
    await check(page, "debrief-01b-par-en");
    await showTab(page, "lesson");

    await showTab(page, "matrix");
    for (const c of ["microsoft", "amazon", "alphabet", "meta"]) {
      const card = page.getByTestId(`debrief-matrix-${c}`);
      for (const cell of ["T", "R", "P", "S"]) expect(await card.locator(`[data-cell="${cell}"]`).textContent()).toMatch(/^[TRPS][+−]?\d/);
    }
    expect(await page.getByTestId("debrief-matrix-how").textContent()).toContain("the match as played");
    await check(page, "debrief-02-matrix-en");

    await showTab(page, "history");
    expect(await page.getByTestId("debrief-history-table").locator("tbody tr").count()).toBe(4);
    await check(page, "debrief-03-history-en");
    await page.getByTestId("debrief-history-seat").selectOption("all");
    await expect.poll(() => page.getByTestId("debrief-history-table").locator("thead th").count(), { timeout: 10_000 }).toBe(6);
    await check(page, "debrief-04-history-all-en");

    await showTab(page, "charts");
    await check(page, "debrief-05-charts-en");

    await showTab(page, "reality");
    expect(await page.getByTestId("debrief-reality-2026").locator("tbody tr").count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByTestId("debrief-reality").textContent()).toContain("capex_big4_2026_guidance_d002");
    await check(page, "debrief-06-reality-en");

    // Simplified Chinese: the same pages re-rendered, no English sentence left in the lesson.
    await page.getByTestId("lang-select").selectOption("zh-CN");
    // The switch waits for the Chinese glyphs to load before the scene restarts: allow it time on a busy machine.
    await expect.poll(() => page.getByTestId("debrief-tab-lesson").textContent(), { timeout: 20_000 }).toBe("启示");
    for (const tab of TABS) {
      await showTab(page, tab);
      if (tab === "par") {
        const zhPar = await page.getByTestId("par-panel").locator("li").allTextContents();
        expect(zhPar).toHaveLength(4);
        for (const l of zhPar) expect(l).toMatch(/基准/);
        expect(await page.getByTestId("debrief-winner").textContent()).toMatch(/基准/);
      }
      if (tab === "lesson") {
        const zh = await page.getByTestId("debrief-lesson-lines").locator("li").allTextContents();
        expect(zh).toHaveLength(lines.length);
        for (const l of zh) {
          expect(l).toMatch(/[\u4e00-\u9fff]/);
          expect(l).not.toMatch(/\{\w+\}|debrief\./);
        }
      }
      await check(page, `debrief-1${TABS.indexOf(tab) + 1}-${tab}-zh`);
    }

    // A larger window (the canvas scaled up): the pages still pass the audit.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(500);
    for (const tab of ["lesson", "reality"] as const) {
      await showTab(page, tab);
      await check(page, `debrief-2${TABS.indexOf(tab) + 1}-${tab}-zh-1920`);
    }

    // Exports, downloaded as a player would (the links carry the page's language).
    const download = async (testid: string): Promise<{ name: string; bytes: Buffer }> => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const scores = await download("export-scores");
    expect(scores.name).toMatch(/^m[0-9a-f]{16}-scores\.csv$/);
    expect([...scores.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvObjects(parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(scores.bytes)));
    expect(rows.map((r) => r.company).sort()).toEqual(["alphabet", "amazon", "industry", "meta", "microsoft"]);
    // The page was in Chinese: company names in Chinese, intact through the download.
    expect(rows.find((r) => r.company === seat)?.company_name).toMatch(/[\u4e00-\u9fff]/);
    expect(rows.find((r) => r.company === seat)?.player).toBe("Player");
    const final = (await sessionInfo(page)).scores!;
    for (const s of final) expect(Number(rows.find((r) => r.company === s.company)?.rank)).toBe(s.rank);
    const decisions = csvObjects(parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode((await download("export-decisions")).bytes)));
    expect(decisions).toHaveLength(16);
    // The decisions the server resolved (the reveals this page received), quarter by quarter.
    const resolved = (await sessionInfo(page)).reports.map((r) => r.seats.find((x) => x.company === seat)!.decision.capex);
    expect(decisions.filter((r) => r.company === seat).map((r) => Number(r.capex_musd))).toEqual(resolved);
    const json = MatchExportSchema.parse(JSON.parse((await download("export-json")).bytes.toString("utf8")));
    expect(json.statements).toHaveLength(16);
    expect(json.lang).toBe("zh-CN");
    expect(json.debrief.lesson.map((l) => l.key)).toEqual(keys);

    await ctx.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
