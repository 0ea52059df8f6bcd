/**
 * A new user in a real browser against the real server (`server/main.ts`): a solo match against
 * 3 AI to the end screen, the same in zh-CN for two quarters, and two browser contexts joining
 * one match by code. Screenshots go to test-artifacts/ (git-ignored).
 */
import { describe, expect, test } from "vitest";
import { hostMatch, useBrowserSuite, openPage, playQuarter, sessionInfo, shot, startServer } from "./harness.ts";

const suite = useBrowserSuite();

const VIEWPORT = { width: 1280, height: 720 };

describe("browser end to end", () => {
  test("solo match against 3 AI, four quarters, to the end screen (en)", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: VIEWPORT, locale: "en-US" });
    const page = await openPage(ctx, problems, "solo");
    await page.goto(suite.server.url);
    await page.getByTestId("solo-button").waitFor();
    expect(await page.getByTestId("solo-button").textContent()).toBe("Solo vs AI");
    await shot(page, "01-title-en");

    await page.getByTestId("howto-button").click();
    await page.getByTestId("howto").waitFor();
    await shot(page, "02-howto-en");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("howto").count()).toBe(0);

    await page.getByTestId("turns-input").fill("4");
    await page.getByTestId("timer-input").fill("60");
    await page.getByTestId("solo-button").click();

    const capexByQuarter = [30, 34.5, 12, 40];
    for (let q = 0; q < 4; q++) {
      await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      if (q === 0) await shot(page, "03-board-en");
      // Bonds only when the bond market lends this quarter (the bound comes from the server).
      const canBorrow = await page.getByTestId("decide-debtIssue").isEnabled();
      const borrow = q === 1 && canBorrow;
      await playQuarter(page, capexByQuarter[q]!, borrow ? { debtB: 5 } : q === 1 ? { buybacksB: 1 } : {});
      await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
      if (q === 0) {
        await page.waitForTimeout(3500); // let the reveal animation finish
        await shot(page, "04-reveal-en");
      }
      const info = await sessionInfo(page);
      const mine = info.reports[q]?.seats.find((s) => s.company === info.seat);
      // The decision typed into the form is the one the server resolved.
      expect(mine?.decision.capex).toBe(Math.round(capexByQuarter[q]! * 1000));
      if (borrow) expect(mine?.decision.debtIssue).toBe(5000);
      else if (q === 1) expect(mine?.decision.buybacks).toBe(1000);
      expect(info.reports[q]?.seats).toHaveLength(4);
      await page.getByTestId("reveal-continue").click();
      if (q === 1) {
        await page.getByTestId("statements-button").click();
        await page.getByTestId("statements-table").waitFor();
        await page.waitForTimeout(300);
        await shot(page, "05-statements-en");
        expect(await page.getByTestId("statements-table").textContent()).toContain("Net income");
        await page.getByTestId("statements-tab-1").click();
        expect(await page.getByTestId("statements-table").textContent()).toContain("Free cash flow");
        await page.getByTestId("statements-tab-2").click();
        expect(await page.getByTestId("statements-table").textContent()).toContain("Total liabilities");
        await page.getByTestId("statements-back").click();
      }
    }
    await page.getByTestId("end-again").waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot(page, "06-end-en");
    const end = await sessionInfo(page);
    expect(end.scene).toBe("end");
    expect(end.scores).toHaveLength(4);
    expect(end.scores!.map((s) => s.rank).sort()).toEqual([1, 2, 3, 4]);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 240_000);

  test("zh-CN: language switch is remembered, Chinese renders with the shipped font, two quarters", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US" });
    const page = await openPage(ctx, problems, "zh");
    await page.goto(suite.server.url);
    await page.getByTestId("lang-select").selectOption("zh-CN");
    await expect.poll(() => page.getByTestId("solo-button").textContent()).toBe("单人对战AI");
    await page.reload();
    await expect.poll(() => page.getByTestId("solo-button").textContent()).toBe("单人对战AI");
    const fontOk = await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', "资本炼狱"));
    expect(fontOk).toBe(true);
    await page.waitForTimeout(300);
    await shot(page, "11-title-zh");
    await page.getByTestId("turns-input").fill("4");
    await page.getByTestId("solo-button").click();
    for (let q = 0; q < 2; q++) {
      await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      if (q === 0) {
        await shot(page, "12-board-zh");
        // Chinese amounts are typed in 亿美元: 250亿 = $25B.
        await playQuarter(page, 250);
      } else {
        // Keyboard only: Tab to the capex field, type, Enter commits (and says ready: one action).
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press("Tab");
          if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "decide-capex") break;
        }
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("decide-capex");
        const outline = await page.evaluate(
          () => `${getComputedStyle(document.activeElement!).outlineStyle} ${getComputedStyle(document.activeElement!).outlineWidth}`,
        );
        expect(outline).toBe("solid 3px");
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.type("300");
        await shot(page, "15-board-zh-keyboard");
        await page.keyboard.press("Enter");
      }
      await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
      if (q === 0) {
        await page.waitForTimeout(3500);
        await shot(page, "13-reveal-zh");
      }
      expect(await page.getByTestId("reveal-continue").textContent()).toBe("继续");
      await page.getByTestId("reveal-continue").click();
    }
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const info = await sessionInfo(page);
    expect(info.reports).toHaveLength(2);
    expect(info.turn).toBe(2);
    expect(info.reports[1]!.seats.find((x) => x.company === info.seat)?.decision.capex).toBe(30_000);
    await page.getByTestId("statements-button").click();
    await page.getByTestId("statements-table").waitFor();
    await page.waitForTimeout(300);
    await shot(page, "14-statements-zh");
    expect(await page.getByTestId("statements-table").textContent()).toContain("净利润");
    await page.getByTestId("statements-tab-1").click();
    expect(await page.getByTestId("statements-table").textContent()).toContain("自由现金流");
    await ctx.close();
    expect(problems).toEqual([]);
  }, 180_000);

  test("two browser contexts join one match by code and play a quarter together", async () => {
    const problems: string[] = [];
    const ctxA = await suite.browser.newContext({ viewport: VIEWPORT });
    // The guest plays at 1920×1080 (the zh run covers 1280×720): FIT scaling keeps one layout.
    const ctxB = await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // …and in Chinese: the two players need not share a language.
    await ctxB.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const a = await openPage(ctxA, problems, "host");
    const b = await openPage(ctxB, problems, "guest");
    const code = await hostMatch(a, suite.server.url, "Host");

    await b.goto(suite.server.url);
    await b.getByTestId("name-input").fill("Guest");
    await b.getByTestId("code-input").fill(code.toLowerCase());
    // The guest asks for a company rather than taking the next free seat.
    await b.getByTestId("join-seat-select").selectOption("meta");
    await b.getByTestId("join-button").click();
    await expect.poll(async () => (await sessionInfo(b)).seat, { timeout: 15_000 }).toBe("meta");
    await b.getByTestId("lobby-code").waitFor();
    await b.waitForTimeout(300);
    await shot(b, "21-lobby-guest-zh-1920");
    const seatA = (await sessionInfo(a)).seat;
    const seatB = (await sessionInfo(b)).seat;
    expect(seatA).not.toBe(seatB);
    await a.waitForTimeout(300);
    await shot(a, "20-lobby-host");
    await a.getByTestId("start-button").click();

    await Promise.all([a.getByTestId("decision-panel").waitFor({ timeout: 30_000 }), b.getByTestId("decision-panel").waitFor({ timeout: 30_000 })]);
    await playQuarter(a, 31);
    // Everyone sees who has committed: the guest's board shows the host's seat as committed, in Chinese…
    await expect.poll(() => b.getByTestId(`status-${seatA}`).textContent(), { timeout: 15_000 }).toBe("✓ 已提交");
    // …and the host's own panel says it waits for the guest's company.
    await expect.poll(() => a.getByTestId("commit-status").textContent()).toMatch(/waiting for Meta/);
    expect(await a.getByTestId("commit-steps").locator("[aria-current=step]").textContent()).toContain("Committed");
    // The guest has not committed: the quarter has not resolved (the host's panel proves the state arrived).
    expect((await sessionInfo(a)).reports).toHaveLength(0);
    await shot(a, "22-board-host-waiting");
    // The host reopens its decision: the guest sees it editing, then committed again.
    await a.getByTestId("change-button").click();
    await expect.poll(() => b.getByTestId(`status-${seatA}`).textContent(), { timeout: 15_000 }).toBe("修改中");
    await expect.poll(() => a.getByTestId("decide-capex").isEnabled()).toBe(true);
    await a.getByTestId("commit-button").click();
    await expect.poll(() => b.getByTestId(`status-${seatA}`).textContent(), { timeout: 15_000 }).toBe("✓ 已提交");
    // The guest plays in Chinese: 225亿美元 = $22.5B.
    await playQuarter(b, 225);
    await Promise.all([a.getByTestId("reveal-continue").waitFor({ timeout: 30_000 }), b.getByTestId("reveal-continue").waitFor({ timeout: 30_000 })]);
    await b.waitForTimeout(3500);
    await shot(b, "23-reveal-guest-1920");
    const ra = (await sessionInfo(a)).reports[0]!;
    const rb = (await sessionInfo(b)).reports[0]!;
    expect(rb).toEqual(ra);
    expect(ra.seats.find((s) => s.company === seatA)?.decision.capex).toBe(31_000);
    expect(ra.seats.find((s) => s.company === seatB)?.decision.capex).toBe(22_500);
    await a.getByTestId("reveal-continue").click();
    await b.getByTestId("reveal-continue").click();
    await Promise.all([a.getByTestId("decision-panel").waitFor({ timeout: 30_000 }), b.getByTestId("decision-panel").waitFor({ timeout: 30_000 })]);
    expect((await sessionInfo(b)).turn).toBe(1);
    await b.waitForTimeout(300);
    await shot(b, "24-board-guest-1920");
    await ctxA.close();
    await ctxB.close();
    expect(problems).toEqual([]);
  }, 180_000);

  test("network trouble: a banner shows while the server is down, and the client rejoins its seat after a restart", async () => {
    const problems: string[] = [];
    const own = await startServer();
    let current = own;
    try {
      const ctx = await suite.browser.newContext({ viewport: VIEWPORT });
      // The browser itself logs the refused connections while the server is down; those are expected here.
      const page = await openPage(ctx, problems, "net", /WebSocket|Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR/);
      await page.goto(own.url);
      await page.getByTestId("turns-input").fill("4");
      await page.getByTestId("solo-button").click();
      await playQuarter(page, 28);
      await page.getByTestId("reveal-continue").click({ timeout: 30_000 });
      await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
      const before = await sessionInfo(page);
      expect(before.turn).toBe(1);
      await expect.poll(() => page.getByTestId("net-banner").isVisible()).toBe(false);

      await own.stop(true);
      await expect.poll(() => page.getByTestId("net-banner").isVisible(), { timeout: 15_000 }).toBe(true);
      const text = await page.getByTestId("net-banner").textContent();
      expect(text).toMatch(/Reconnecting|Could not reconnect/);
      await shot(page, "31-net-banner");

      current = await startServer({ port: own.port, dataDir: own.dataDir });
      // The client retries on its own (no click): its status returns to ok and the banner says so.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __cp: { session(): { status: string } } }).__cp.session().status), { timeout: 90_000 })
        .toBe("ok");
      await expect.poll(() => page.getByTestId("net-banner").textContent(), { timeout: 10_000 }).not.toMatch(/Reconnecting|Could not/);
      await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
      const after = await sessionInfo(page);
      expect(after.seat).toBe(before.seat);
      expect(after.turn).toBe(1);
      await playQuarter(page, 33);
      await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
      const info = await sessionInfo(page);
      expect(info.reports.map((r) => r.turn)).toContain(1);
      await ctx.close();
    } finally {
      await current.stop();
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
