/**
 * The replay viewer in Chromium against the real server: a finished match opened at
 * /replay/<matchId>, stepped to quarter 6 and seen from a seat, every quarter verified by
 * re-simulating in the browser; a tampered file opened from disk names its first divergent
 * quarter; a file from another engine version is refused with both versions named.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { ENGINE_VERSION } from "../../shared/engine/index.ts";
import { ReplayFileSchema, type ReplayFile } from "../../shared/protocol/index.ts";
import { useBrowserSuite, openPage } from "./harness.ts";
import { SEVEN_SEATS as SEATS, auditedShot, finishedAiMatch } from "./replay-helpers.ts";

let matchId: string;
let replay: ReplayFile;

const suite = useBrowserSuite();

beforeAll(async () => {
  matchId = await finishedAiMatch(suite.server.url, 8);
  replay = ReplayFileSchema.parse(await (await fetch(`${suite.server.url}/api/matches/${matchId}/replay`)).json());
}, 240_000);

async function verdictState(page: Page): Promise<string | null> {
  return page.getByTestId("replay-verdict").getAttribute("data-state");
}

async function openFile(page: Page, name: string, file: unknown): Promise<void> {
  await page.getByTestId("replay-open-file-input").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
}

describe("replay viewer", () => {
  test("a finished match: step to quarter 6, switch seat, every quarter verified", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US" });
    const page = await openPage(ctx, problems, "viewer");
    await page.goto(`${suite.server.url}/replay/${matchId}`);
    await page.getByTestId("replay-chip-0").waitFor();
    await expect.poll(() => verdictState(page), { timeout: 60_000 }).toBe("verified");
    await auditedShot(page, "replay-01-opening-en");

    // Every quarter's chip says verified, and so does each quarter's own line when stepped to.
    const chips = await page.locator('[data-testid^="replay-chip-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(chips).toEqual(["opening", ...replay.turns.map(() => "verified")]);
    for (let q = 1; q <= 6; q++) {
      await page.getByTestId("replay-next").click();
      await expect.poll(() => page.getByTestId("replay-turn-status").getAttribute("data-status"), { timeout: 20_000 }).toBe("verified");
      expect(await page.getByTestId("replay-position").textContent()).toContain(`quarter ${q} of 8`);
    }
    // Quarter 6: every seat's decision, as the server resolved it.
    const rows = page.getByTestId("replay-decisions").locator("tbody tr");
    expect(await rows.count()).toBe(SEATS.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-company")))).toEqual([...replay.seats]);
    await auditedShot(page, "replay-02-q6-spectator-en");

    // The spectator sees public figures only; a seat also sees what only it saw.
    expect(await page.getByTestId("replay-board").getAttribute("data-seat")).toBe("spectator");
    expect(await page.getByTestId("replay-private").count()).toBe(0);
    await page.getByTestId("replay-seat").selectOption("meta");
    await expect.poll(() => page.getByTestId("replay-board").getAttribute("data-seat"), { timeout: 20_000 }).toBe("meta");
    expect(await page.getByTestId("replay-private").count()).toBe(1);
    expect(await page.getByTestId("replay-position").textContent()).toContain("quarter 6 of 8");
    await auditedShot(page, "replay-03-q6-meta-en");

    await page.getByTestId("replay-left-why").click();
    await page.getByTestId("replay-why").waitFor();
    await page.getByTestId("replay-tab-statements").click();
    expect(await page.getByTestId("replay-statement").textContent()).toContain("Net income");
    await auditedShot(page, "replay-04-why-statements-en");
    await page.getByTestId("replay-left-auctions").click();
    await page.getByTestId("replay-tab-charts").click();
    await page.getByTestId("replay-auctions").waitFor();
    await auditedShot(page, "replay-05-auctions-charts-en");

    // Play runs to the end on its own; the last quarter shows the final ranking.
    await page.getByTestId("replay-play").click();
    await expect.poll(() => page.getByTestId("replay-position").textContent(), { timeout: 20_000 }).toContain("quarter 8 of 8");
    await page.getByTestId("replay-left-decisions").click();
    expect(await page.getByTestId("replay-ranking").textContent()).toMatch(/1\./);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 180_000);

  test("a tampered file names its first divergent quarter; another engine's file is refused (zh-CN screens too)", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openPage(ctx, problems, "tampered");
    await page.goto(`${suite.server.url}/replay`);
    await page.getByTestId("replay-open-file-input").waitFor({ state: "attached" });
    await auditedShot(page, "replay-06-no-file-en");

    await openFile(page, "old-engine-en.json", { ...replay, engineVersion: "0.0.8" });
    await expect.poll(() => verdictState(page), { timeout: 30_000 }).toBe("engine");
    expect(await page.getByTestId("replay-verdict").textContent()).toMatch(/recorded with engine 0\.0\.8; this game runs engine/);
    await auditedShot(page, "replay-08-engine-en");

    const bad = structuredClone(replay);
    const seat = replay.seats[2]!;
    const d = bad.turns[3]!.decisions[seat]!;
    bad.turns[3]!.decisions[seat] = { ...d, capex: d.capex + 5000 };
    await openFile(page, "tampered.json", bad);
    await expect.poll(() => verdictState(page), { timeout: 60_000 }).toBe("diverged");
    // Quarter 4 (turn 3) is named; the three before it still verify.
    expect(await page.getByTestId("replay-verdict").textContent()).toMatch(/quarter 4 \(/);
    const chips = await page.locator('[data-testid^="replay-chip-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(chips.slice(0, 5)).toEqual(["opening", "verified", "verified", "verified", "mismatch"]);
    await page.getByTestId("replay-chip-4").click();
    expect(await page.getByTestId("replay-turn-status").getAttribute("data-status")).toBe("mismatch");
    await auditedShot(page, "replay-07-tampered-en");

    await page.getByTestId("lang-select").selectOption("zh-CN");
    await expect.poll(() => page.getByTestId("replay-verdict").textContent(), { timeout: 20_000 }).toMatch(/第4季度/);
    await auditedShot(page, "replay-07-tampered-zh");
    await page.getByTestId("replay-chip-0").click();
    await auditedShot(page, "replay-01-opening-zh");
    await page.getByTestId("replay-chip-6").click();
    await page.getByTestId("replay-seat").selectOption("amazon");
    await auditedShot(page, "replay-03-q6-amazon-zh");
    await page.getByTestId("replay-left-why").click();
    await page.getByTestId("replay-tab-statements").click();
    await auditedShot(page, "replay-04-why-statements-zh");
    await page.getByTestId("replay-left-auctions").click();
    await page.getByTestId("replay-tab-charts").click();
    await auditedShot(page, "replay-05-auctions-charts-zh");

    await openFile(page, "old-engine.json", { ...replay, engineVersion: "0.0.9" });
    await expect.poll(() => verdictState(page), { timeout: 30_000 }).toBe("engine");
    const text = (await page.getByTestId("replay-verdict").textContent()) ?? "";
    expect(text).toContain("0.0.9");
    expect(text).toContain(ENGINE_VERSION);
    await auditedShot(page, "replay-08-engine-zh");

    await openFile(page, "broken.json", { version: 1, seed: "x" });
    await expect.poll(() => page.getByTestId("replay-message").textContent(), { timeout: 30_000 }).toMatch(/engineVersion/);
    expect(await page.getByTestId("replay-verdict").count()).toBe(0);
    await page.goto(`${suite.server.url}/replay`);
    await page.getByTestId("replay-message").waitFor();
    await auditedShot(page, "replay-06-no-file-zh");
    await ctx.close();
    expect(problems).toEqual([]);
  }, 180_000);
});
