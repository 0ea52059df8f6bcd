/**
 * The saved-matches library and branching in Chromium against the real server: finished matches
 * listed with their seats, winner and scores, searched and paged; a player's own match in progress
 * resumed from the library; a finished match watched from the library and branched from quarter 4,
 * the branch played to its end and listed with its origin. en and zh-CN screens.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowserSuite, openPage, playQuarter, sessionInfo } from "./harness.ts";
import { auditedShot, finishedAiMatch } from "./replay-helpers.ts";

let eight = "";
const small: string[] = [];

const suite = useBrowserSuite();

beforeAll(async () => {
  eight = await finishedAiMatch(suite.server.url, 8, ["microsoft", "amazon", "alphabet", "meta"]);
  // Enough finished matches for a second page (10 a page).
  for (let i = 0; i < 11; i++) small.push(await finishedAiMatch(suite.server.url, 4, ["oracle", "apple"]));
}, 300_000);

const rowIds = (page: Page) => page.getByTestId("library-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-match")));

describe("library and branching", () => {
  test("finished matches are listed, searched and paged; one is watched, branched from quarter 4 and the branch played to its end", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US" });
    const page = await openPage(ctx, problems, "library");
    await page.goto(suite.server.url);
    await page.getByTestId("open-library").waitFor();
    await expect.poll(() => page.getByTestId("saved-list").locator("li[data-match]").count(), { timeout: 20_000 }).toBe(3);
    // The three newest are Oracle-and-Apple matches: a line-up the handicap's par is not calibrated
    // on ranks by TSR, so their scores read as percentages.
    expect(await page.getByTestId("saved-list").textContent()).toMatch(/\d%/);
    expect(await page.getByTestId("saved-list").textContent()).not.toMatch(/swings/);
    await auditedShot(page, "library-01-title-en");

    await page.getByTestId("open-library").click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/library$/);
    await page.getByTestId("library-table").waitFor();
    expect(await page.getByTestId("library-page").textContent()).toMatch(/Page 1 of 2 · 12 matches/);
    const first = await rowIds(page);
    expect(first).toHaveLength(10);
    expect(first).not.toContain(eight); // the oldest finished match is on page 2
    await auditedShot(page, "library-02-list-en");
    await page.getByTestId("library-next").click();
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual(expect.arrayContaining([eight]));
    expect(await page.getByTestId("library-page").textContent()).toMatch(/Page 2 of 2/);

    // Search: by a company's name in the player's language (sent as its id).
    await page.getByTestId("library-search").fill("Alphabet");
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual([eight]);
    const row = page.locator(`[data-match="${eight}"]`);
    expect(await row.textContent()).toMatch(/AI/);
    // The core four's match ranks by the handicap: its scores read in swings, not %.
    expect(await row.textContent()).toMatch(/[+−]?\d\.\d swings/);
    expect(await row.textContent()).not.toMatch(/\d%/);
    await page.getByTestId("library-search").fill("nobody-plays-this");
    await page.getByTestId("library-empty").waitFor();
    await page.getByTestId("library-search").fill("alphabet");
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual([eight]);

    // Watch it: the viewer opens at /replay/<id>, verified.
    await page.getByTestId(`library-watch-${eight}`).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(new RegExp(`/replay/${eight}$`));
    await expect.poll(() => page.getByTestId("replay-verdict").getAttribute("data-state"), { timeout: 60_000 }).toBe("verified");
    // Branch from quarter 4: the first four quarters stay, Meta is ours, the others play on by their AI.
    for (let q = 0; q < 4; q++) await page.getByTestId("replay-next").click();
    expect(await page.getByTestId("replay-position").textContent()).toContain("quarter 4 of 8");
    await page.getByTestId("replay-branch").click();
    await page.getByTestId("branch-dialog").waitFor();
    await page.getByTestId("branch-seat").selectOption("meta");
    await page.getByTestId("branch-name").fill("Brancher");
    await auditedShot(page, "library-03-branch-dialog-en");
    await page.getByTestId("branch-start").click();
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const info = await sessionInfo(page);
    expect(info.seat).toBe("meta");
    expect(info.turn).toBe(4);
    for (let q = 4; q < 8; q++) {
      await playQuarter(page, 20 + q);
      await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
      await page.getByTestId("reveal-continue").click();
    }
    await page.getByTestId("end-again").waitFor({ timeout: 30_000 });
    const branchId =
      (await page.evaluate(() => (window as unknown as { __cp: { session(): { ended: { replayId: string } | null } } }).__cp.session().ended?.replayId)) ?? "";
    expect(branchId).toMatch(/^m[0-9a-f]{16}$/);
    const decisions = (await sessionInfo(page)).reports.map((r) => r.seats.find((s) => s.company === "meta")?.decision.capex);
    expect(decisions).toEqual([24_000, 25_000, 26_000, 27_000]);

    // The branch is in the library, with where it came from.
    await page.goto(`${suite.server.url}/library`);
    await page.getByTestId("library-search").fill("Brancher");
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual([branchId]);
    expect(await page.locator(`[data-match="${branchId}"]`).getByTestId("library-branch").textContent()).toContain(`${eight} after quarter 4`);
    await auditedShot(page, "library-04-branch-listed-en");
    await ctx.close();
    expect(problems).toEqual([]);
  }, 300_000);

  test("a player resumes their own match in progress from the library; nobody else sees it (zh-CN)", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const page = await openPage(ctx, problems, "resume");
    await page.goto(suite.server.url);
    await page.getByTestId("turns-input").fill("4");
    await page.getByTestId("seat-select").selectOption("amazon");
    await page.getByTestId("solo-button").click();
    await playQuarter(page, 30);
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    const matchId =
      (await page.evaluate(() => (window as unknown as { __cp: { session(): { welcome: { matchId: string } | null } } }).__cp.session().welcome?.matchId)) ??
      "";

    // Away to the library (the tab keeps the seat token): the match is there to resume.
    await page.goto(`${suite.server.url}/library`);
    const resume = page.getByTestId(`library-resume-${matchId}`);
    await resume.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("library-mine").textContent()).toMatch(/亚马逊.*4个季度/);
    expect(await rowIds(page)).not.toContain(matchId);
    await page.getByTestId("library-search").fill("亚马逊");
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toEqual(expect.arrayContaining([eight]));
    expect((await rowIds(page)).length).toBeLessThan(12);
    await auditedShot(page, "library-05-mine-search-zh");
    await page.getByTestId("library-search").fill("");
    await expect.poll(() => rowIds(page), { timeout: 20_000 }).toHaveLength(10);
    await auditedShot(page, "library-02-list-zh");
    await resume.click();
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const info = await sessionInfo(page);
    expect(info.seat).toBe("amazon");
    expect(info.turn).toBe(1);

    // Another browser (no token) sees neither the match nor anything about it.
    const other = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await other.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const stranger = await openPage(other, problems, "stranger");
    await stranger.goto(suite.server.url);
    await expect.poll(() => stranger.getByTestId("saved-list").locator("li[data-match]").count(), { timeout: 20_000 }).toBe(3);
    expect(await stranger.getByTestId("saved-mine").textContent()).toBe("");
    expect(await stranger.content()).not.toContain(matchId);
    await auditedShot(stranger, "library-01-title-zh");
    await stranger.goto(`${suite.server.url}/replay/${eight}`);
    await expect.poll(() => stranger.getByTestId("replay-verdict").getAttribute("data-state"), { timeout: 60_000 }).toBe("verified");
    await stranger.getByTestId("replay-chip-4").click();
    await stranger.getByTestId("replay-branch").click();
    await stranger.getByTestId("branch-dialog").waitFor();
    await auditedShot(stranger, "library-03-branch-dialog-zh");
    await stranger.getByTestId("branch-dialog-close").click();
    await other.close();
    await ctx.close();
    expect(problems).toEqual([]);
  }, 300_000);
});
