/**
 * Reload and rejoin in Chromium: a player who reloads mid-match, or closes the tab and opens the
 * game again, is back in its seat without a click, with the same seat and turn; the host is told
 * meanwhile; nobody is left with `seat_taken`.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { hostMatch, useBrowserSuite, openPage, playQuarter, sessionInfo, shot } from "../e2e/harness.ts";
import { summary } from "./summary.ts";

const suite = useBrowserSuite();

const VIEWPORT = { width: 1280, height: 720 };
// While the page is away its socket closes: the browser logs that, and nothing else may appear.
const NETWORK_NOISE = /WebSocket|Failed to load resource|ERR_CONNECTION|net::ERR/;

async function presence(page: Page): Promise<{ seat: string; state: string } | null> {
  return page.evaluate(() => (window as unknown as { __cp: { session(): { presence: { seat: string; state: string } | null } } }).__cp.session().presence);
}

describe("reload and rejoin", () => {
  test("a guest reloads mid-turn and closes/reopens its tab: back in its seat each time, the host told", async () => {
    const problems: string[] = [];
    const ctxA = await suite.browser.newContext({ viewport: VIEWPORT });
    const ctxB = await suite.browser.newContext({ viewport: VIEWPORT });
    const a = await openPage(ctxA, problems, "host", NETWORK_NOISE);
    let b = await openPage(ctxB, problems, "guest", NETWORK_NOISE);
    const code = await hostMatch(a, suite.server.url, "Hana");
    await b.goto(suite.server.url);
    await b.getByTestId("name-input").fill("Guo");
    await b.getByTestId("code-input").fill(code);
    await b.getByTestId("join-button").click();
    await b.getByTestId("lobby-code").waitFor();
    // The lobby can draw before the welcome (with the seat) has arrived.
    await expect.poll(async () => (await sessionInfo(b)).seat, { timeout: 15_000 }).not.toBeNull();
    const seatB = (await sessionInfo(b)).seat;

    // Reload in the lobby: still in the match, same seat.
    const t0 = Date.now();
    await b.reload();
    await expect.poll(async () => (await sessionInfo(b)).seat, { timeout: 30_000 }).toBe(seatB);
    const lobbyMs = Date.now() - t0;
    await a.getByTestId("start-button").click();
    await Promise.all([a.getByTestId("decision-panel").waitFor({ timeout: 30_000 }), b.getByTestId("decision-panel").waitFor({ timeout: 30_000 })]);

    // Reload mid-turn: the host hears of the drop; the guest returns to the board of the same turn.
    await playQuarter(a, 30);
    const t1 = Date.now();
    await b.reload();
    await expect.poll(async () => (await sessionInfo(b)).seat, { timeout: 30_000 }).toBe(seatB);
    await b.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const boardMs = Date.now() - t1;
    expect((await sessionInfo(b)).turn).toBe(0);
    await expect.poll(() => presence(a), { timeout: 10_000 }).toMatchObject({ seat: seatB });
    await shot(b, "hostile-reload-board");
    await playQuarter(b, 25);
    await Promise.all([a.getByTestId("reveal-continue").waitFor({ timeout: 30_000 }), b.getByTestId("reveal-continue").waitFor({ timeout: 30_000 })]);
    const ra = (await sessionInfo(a)).reports[0]!;
    expect(ra.seats.find((s) => s.company === seatB)?.decision.capex).toBe(25_000);

    // Close the tab and open the game again (same browser): back in the seat from the saved token.
    await b.close();
    const t2 = Date.now();
    b = await openPage(ctxB, problems, "guest-2", NETWORK_NOISE);
    await b.goto(suite.server.url);
    await expect.poll(async () => (await sessionInfo(b)).seat, { timeout: 30_000 }).toBe(seatB);
    const reopenMs = Date.now() - t2;
    expect((await sessionInfo(b)).turn).toBe(1);
    await b.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const errors = await b.evaluate(() => (window as unknown as { __cp: { session(): { lastError: { code: string } | null } } }).__cp.session().lastError);
    expect(errors?.code ?? "").not.toMatch(/seat_taken|no_free_seat|bad_token/);
    summary("reload-rejoin", `3/3 rejoins kept seat ${seatB}: lobby reload ${lobbyMs} ms, mid-turn reload ${boardMs} ms, tab reopened ${reopenMs} ms`);
    await ctxA.close();
    await ctxB.close();
    expect(problems).toEqual([]);
  }, 240_000);
});
