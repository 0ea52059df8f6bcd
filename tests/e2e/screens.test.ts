/**
 * The player's screens, audited as a user meets them: a full match (lobby → 4 quarters → end) at
 * 1280×720 and 1920×1080, in English and Chinese, with an axe-core + size + clipping audit of every
 * screen on the way; the commit flow, errors in the player's language, the warning before the
 * timer replaces a draft, and the first-match tour. Screenshots go to test-artifacts/.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowserSuite, openPage, sessionInfo, shot } from "./harness.ts";
import { audit, expectAuditFloor, summary, type AuditResult } from "./audit.ts";
import { CORE_FOUR, aiSeedFor, createMatch, decisionBounds, defaultDecision, resolveTurn, type CompanyId, type Decision } from "../../shared/engine/index.ts";
import { decideFor } from "../../shared/ai/index.ts";

const suite = useBrowserSuite();

/** Audits the page as it stands and asserts the floor: no axe violation, no undecided contrast, no text under 12 px, nothing cut off, no canvas text. */
async function check(page: Page, name: string, results: AuditResult[]): Promise<void> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const r = await audit(page, name);
  results.push(r);
  console.log(summary(r));
  expectAuditFloor(r, name);
  expect(r.minFontPx, name).toBeGreaterThanOrEqual(12);
  expect(r.textCount, name).toBeGreaterThan(5);
  await shot(page, name);
}

const RUNS = [
  { lang: "en", width: 1280, height: 720 },
  { lang: "zh-CN", width: 1280, height: 720 },
  { lang: "en", width: 1920, height: 1080 },
  { lang: "zh-CN", width: 1920, height: 1080 },
] as const;

describe("every screen passes the audit, in a full match", () => {
  test.each(RUNS)(
    "$lang at $width×$height: lobby, 4 quarters, statements, end",
    async ({ lang, width, height }) => {
      const problems: string[] = [];
      const results: AuditResult[] = [];
      const tag = `s-${lang}-${width}`;
      const ctx = await suite.browser.newContext({ viewport: { width, height } });
      await ctx.addInitScript((l) => localStorage.setItem("cp.lang", l), lang);
      const page = await openPage(ctx, problems, tag);
      await page.goto(suite.server.url);
      await page.getByTestId("solo-button").waitFor();
      await check(page, `${tag}-title`, results);

      await page.getByTestId("howto-button").click();
      await page.getByTestId("howto").waitFor();
      await check(page, `${tag}-howto`, results);
      await page.keyboard.press("Escape");
      await page.getByTestId("title-glossary").click();
      await page.getByTestId("glossary").waitFor();
      await page.getByTestId("glossary-term-stranded").click();
      expect(await page.getByTestId("glossary-entry").textContent()).toMatch(lang === "en" ? /Stranded compute/ : /闲置算力/);
      await check(page, `${tag}-glossary`, results);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId("glossary").count()).toBe(0);

      await page.getByTestId("turns-input").fill("4");
      await page.getByTestId("create-button").click();
      await page.getByTestId("start-button").waitFor({ timeout: 30_000 });
      await expect.poll(async () => ((await page.getByTestId("lobby-code").textContent()) ?? "").trim().length).toBeGreaterThan(3);
      await check(page, `${tag}-lobby`, results);
      await page.getByTestId("start-button").click();

      for (let q = 0; q < 4; q++) {
        await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
        if (q === 0) {
          // A term on the board opens the glossary at that term.
          await page.getByTestId("term-cash").click();
          expect(await page.getByTestId("glossary-entry").textContent()).toMatch(lang === "en" ? /^Cash/ : /^现金/);
          await page.keyboard.press("Escape");
          await check(page, `${tag}-board`, results);
        }
        await page.getByTestId("commit-button").click();
        await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
        if (q === 0) await check(page, `${tag}-reveal`, results);
        // Every seat's decisions and the parts of its price move are on the reveal, and the parts add up.
        const info = await sessionInfo(page);
        const report = info.reports[q]!;
        for (const seat of report.seats) {
          await expect(page.getByTestId(`reveal-seat-${seat.company}`).count()).resolves.toBe(1);
          const pm = (seat as unknown as { priceMove: Record<string, number> }).priceMove;
          const parts = ["earningsBp", "capexBp", "positionBp", "creditBp", "sentimentBp", "cashBp", "eventsBp", "residualBp"].reduce(
            (s, k) => s + (pm[k] ?? 0),
            0,
          );
          expect(parts).toBe(pm.totalBp);
        }
        await page.getByTestId("reveal-continue").click();
        if (q === 1) {
          await page.getByTestId("statements-button").click();
          await page.getByTestId("statements-table").waitFor();
          await check(page, `${tag}-statements`, results);
          await page.getByTestId("statements-tab-1").click();
          await check(page, `${tag}-statements-cash`, results);
          await page.getByTestId("statements-back").click();
        }
      }
      await page.getByTestId("end-again").waitFor({ timeout: 30_000 });
      // The end screen is the debrief's (issue 13): audited and logged here for its owner, not asserted.
      const end = await audit(page, `${tag}-end`);
      console.log(summary(end));
      for (const v of end.violations) console.log(`  ${tag}-end axe ${v.id} ×${v.nodes}: ${v.sample[0] ?? ""}`);
      for (const x of end.smallTexts.slice(0, 5)) console.log(`  ${tag}-end small ${x.px}px: ${x.text}`);
      await shot(page, `${tag}-end`);
      expect(results.length).toBeGreaterThanOrEqual(8);
      await ctx.close();
      expect(problems).toEqual([]);
    },
    300_000,
  );
});

describe("seven seats", () => {
  test("the board and the reveal still fit 1280×720 and pass the audit (zh-CN, the longer language)", async () => {
    const problems: string[] = [];
    const results: AuditResult[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const page = await openPage(ctx, problems, "seven");
    await page.goto(suite.server.url);
    await page.getByTestId("solo-button").waitFor();
    // The title offers the core four; a classroom or a host can seat all seven (the protocol's create options).
    await page.evaluate(() =>
      (window as unknown as { __cp: { session(): { create(o: unknown): Promise<void> } } }).__cp
        .session()
        .create({ mode: "solo", aiSeats: "fill", seats: ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"], turns: 4, seat: "apple" }),
    );
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("tr[data-testid^=rival-]").count()).toBe(7);
    await check(page, "s-seven-board-zh", results);
    await page.getByTestId("commit-button").click();
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid^=reveal-seat-]").count()).toBe(7);
    await check(page, "s-seven-reveal-zh", results);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

/**
 * The seeds whose first decision panel is tallest for `seat`: the most energy deals it can bid on,
 * with and without the line naming the deals closed to it (the deals are random, so a match from
 * the title meets these only now and then; CI met one once, its status line pushed off the panel).
 */
function tallestSeeds(seat: CompanyId, upTo = 600): { withClosed: number; most: number } {
  let withClosed = { seed: 0, rows: -1 };
  let most = { seed: 0, rows: -1 };
  for (let seed = 1; seed <= upTo; seed++) {
    const deals = decisionBounds(createMatch({ seats: [...CORE_FOUR], seed, turns: 4 }), seat).energyDeals;
    const rows = deals.filter((d) => d.usable).length;
    if (rows > most.rows) most = { seed, rows };
    if (rows < deals.length && rows > withClosed.rows) withClosed = { seed, rows };
  }
  return { withClosed: withClosed.seed, most: most.seed };
}

/** Creates a solo match on `seed` from the title screen through the page's session (the title's form has no seed field). */
async function soloOnSeed(page: Page, seat: CompanyId, seed: number, turnSeconds?: number): Promise<void> {
  await page.goto(suite.server.url);
  await page.getByTestId("solo-button").waitFor();
  await page.evaluate((o) => (window as unknown as { __cp: { session(): { create(o: unknown): Promise<void> } } }).__cp.session().create(o), {
    mode: "solo",
    aiSeats: "fill",
    seat,
    seed,
    turns: 4,
    name: "Tall",
    ...(turnSeconds ? { turnSeconds } : {}),
  });
  await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
}

/** The decision panel holds its own foot: the Commit row (and the status or warning beside it) ends inside the panel. */
async function expectFootInside(page: Page, name: string): Promise<void> {
  const g = await page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? Number.NaN;
    return { panel: box("[data-testid=decision-panel]"), actions: box(".cp-decision .cp-actions") };
  });
  expect(g.actions, `${name}: the Commit row ends at ${g.actions}px, the panel at ${g.panel}px`).toBeLessThanOrEqual(g.panel);
}

describe("the decision panel in its tallest first quarter", () => {
  test.each(["en", "zh-CN"] as const)(
    "every core seat's panel fits 1280×720 with the most energy deals (%s)",
    async (lang) => {
      const problems: string[] = [];
      let flagOpened = false;
      for (const seat of CORE_FOUR) {
        const seeds = tallestSeeds(seat);
        for (const [kind, seed] of Object.entries(seeds)) {
          if (lang === "zh-CN" && kind === "most") continue; // the English texts are the longer ones on this panel
          const name = `tall-${lang}-${seat}-${kind}`;
          // A fresh browser context each time: a reload would resume the previous match (its seat is remembered).
          const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
          await ctx.addInitScript((l) => localStorage.setItem("cp.lang", l), lang);
          const page = await openPage(ctx, problems, name);
          await soloOnSeed(page, seat, seed);
          await check(page, name, []);
          await expectFootInside(page, name);
          // A limit flag opens its whole sentence.
          const flag = page.locator("button.cp-limit").first();
          if (!flagOpened && (await flag.count()) > 0) {
            const full = (await flag.getAttribute("title")) ?? "";
            expect(full.length).toBeGreaterThan(((await flag.textContent()) ?? "").length / 2);
            await flag.click();
            await expect.poll(() => page.getByTestId("limit-dialog").textContent()).toContain(full);
            await check(page, `${name}-limit`, []);
            await page.keyboard.press("Escape");
            await expect.poll(() => page.getByTestId("limit-dialog").count()).toBe(0);
            flagOpened = true;
          }
          if (seat === "microsoft" && kind === "withClosed") {
            // After the reveal the player's own chip moves from "Reading" to "Deciding" once the server
            // has the acknowledgement (an untimed match has no clock change to redraw the board).
            await page.getByTestId("commit-button").click();
            await page.getByTestId("reveal-continue").click();
            await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
            await expect.poll(() => page.getByTestId(`status-${seat}`).textContent()).toBe(lang === "en" ? "Deciding" : "考虑中");
            await check(page, `${name}-q2`, []);
            await expectFootInside(page, `${name}-q2`);
          }
          await ctx.close();
        }
      }
      // The reveal of a quarter where a seat bid on three deals: its column counts them, the auctions panel lists each.
      const many = manyBidsSeed("meta");
      const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
      await ctx.addInitScript((l) => localStorage.setItem("cp.lang", l), lang);
      const page = await openPage(ctx, problems, `bids-${lang}`);
      await soloOnSeed(page, "meta", many.seed);
      for (let q = 0; q <= many.quarter; q++) {
        if (q > 0) await page.getByTestId("reveal-continue").click();
        await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
        await page.getByTestId("commit-button").click();
        await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
      }
      expect(await page.getByTestId(`bids-summary-${many.bidder}`).textContent()).toMatch(lang === "en" ? /^3 bids|^4 bids/ : /出价[34]笔/);
      await check(page, `bids-${lang}-reveal`, []);
      await ctx.close();
      expect(flagOpened, "no seat's tallest quarter showed a limit flag").toBe(true);
      expect(problems).toEqual([]);
    },
    240_000,
  );
});

/**
 * A solo match (the player on defaults in `seat`, the normal AI elsewhere, as the server plays it)
 * where some AI seat bids on three or more deals in one quarter: the first such seed and quarter.
 */
function manyBidsSeed(seat: CompanyId): { seed: number; quarter: number; bidder: CompanyId } {
  for (let seed = 1; seed <= 200; seed++) {
    let s = createMatch({ seats: [...CORE_FOUR], seed, turns: 4, parLevel: "normal" });
    for (let quarter = 0; quarter < 4; quarter++) {
      const ds: Partial<Record<CompanyId, Decision>> = {};
      for (const id of CORE_FOUR) ds[id] = id === seat ? defaultDecision(s, id) : decideFor(s, id, "normal", aiSeedFor(seed));
      const bidder = CORE_FOUR.find((id) => (ds[id]?.energyBids.length ?? 0) >= 3);
      if (bidder) return { seed, quarter, bidder };
      s = resolveTurn(s, ds).state;
    }
  }
  throw new Error("no seed in 200 has a seat bidding on three deals");
}

describe("the decision flow", () => {
  test("errors in the player's language next to the field; the commit state moves draft → committed → all ready", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const page = await openPage(ctx, problems, "errors");
    await page.goto(suite.server.url);
    await page.getByTestId("turns-input").fill("8");
    await page.getByTestId("solo-button").click();
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("commit-steps").locator("[aria-current=step]").textContent()).toContain("草稿");

    // The untouched default is within budget (no "over budget by $8M" from rounding).
    expect(await page.getByTestId("preview-over").count()).toBe(0);
    expect(await page.getByTestId("preview-cash").getAttribute("class")).toBeNull();

    // Spend everything twice over: the preview turns red, and Commit shows the engine's rule, in Chinese, next to the budget.
    await page.getByTestId("decide-capex").fill("99999999");
    await page.getByTestId("decide-buybacks").fill("99999999");
    await expect.poll(() => page.getByTestId("preview-over").textContent()).toMatch(/超出预算/);
    await page.getByTestId("commit-button").click();
    await expect.poll(() => page.getByTestId("form-error").textContent()).toMatch(/^超出预算.+美元/);
    // The error takes the place of the preview's over-budget line: one message, and the Commit row stays on the panel.
    expect(await page.getByTestId("preview-over").count()).toBe(0);
    // …and no other warning (the cash hole an over-budget draft also makes) takes its place.
    expect(await page.getByTestId("preview-hole").count()).toBe(0);
    await expectFootInside(page, "40-errors-zh");
    expect(await page.getByTestId("form-error").textContent()).not.toMatch(/spending|exceeds|\$M/);
    expect(await page.getByTestId("commit-status").textContent()).toMatch(/草稿/);
    expect((await sessionInfo(page)).reports).toHaveLength(0);

    // A decision the server refuses (sent around the form) comes back as the engine's code, in Chinese, never raw text.
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's session, for the test
      const s = (window as any).__cp.session();
      const d = { ...s.turnStarted.defaultDecision, capex: 9_000_000 };
      s.decide(d);
    });
    await expect.poll(() => page.getByTestId("form-error").textContent()).toMatch(/超出预算/);
    expect(await page.getByTestId("form-error").textContent()).not.toMatch(/[a-z]{4,}/);

    // Now a clean commit: draft → committed; with AI rivals it goes straight on to everyone ready and the reveal.
    await page.getByTestId("reset-button").click();
    await page.getByTestId("commit-button").click();
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    const info = await sessionInfo(page);
    expect(info.reports).toHaveLength(1);

    // A bid below the reserve: the error sits next to that bid. Only deals the seat could use get a
    // bid field, and the offers are random (a grid queue or an SMR years out is no use to anyone in
    // this match), so play on to the first quarter that offers one.
    const bid = page.locator("[data-testid^=bid-E]").first();
    for (let quarter = 2; ; quarter++) {
      await page.getByTestId("reveal-continue").click();
      await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await sessionInfo(page)).reports.length).toBe(quarter - 1);
      if ((await bid.count()) > 0) break;
      expect(quarter, "no usable energy deal in seven quarters").toBeLessThan(8);
      await page.getByTestId("commit-button").click();
      await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    }
    await bid.fill("0.01");
    await page.getByTestId("commit-button").click();
    await expect.poll(() => page.locator("tr[data-testid^=deal-] .cp-error").first().textContent()).toMatch(/底价/);
    await shot(page, "40-errors-zh");
    await ctx.close();
    expect(problems).toEqual([]);
  }, 180_000);

  test("a draft left uncommitted is warned about before the timer replaces it, and the default stands", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openPage(ctx, problems, "timer");
    await page.goto(suite.server.url);
    await page.getByTestId("turns-input").fill("4");
    // A 30 s turn: the warning shows in its last 10 s (warnSecondsFor), which leaves the audit
    // time to finish before the timer replaces the draft. With a 10 s turn it showed from the
    // start, and under CI load the turn could end mid-audit (the reveal overlapping the warning).
    await page.getByTestId("timer-input").fill("30");
    await page.getByTestId("solo-button").click();
    await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    const dflt = await page.evaluate(
      () =>
        (window as unknown as { __cp: { session(): { turnStarted: { defaultDecision: { capex: number } } } } }).__cp.session().turnStarted.defaultDecision
          .capex,
    );
    await page.getByTestId("decide-capex").fill("1");
    // The warning names what will stand.
    await expect.poll(() => page.getByTestId("draft-warning").isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId("draft-warning").textContent()).toMatch(/not committed.+default decision stands/);
    // The warning sits beside the Commit button and moves nothing off the screen.
    await check(page, "41-draft-warning", []);
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    const info = await sessionInfo(page);
    expect(info.reports[0]!.seats.find((x) => x.company === info.seat)!.decision.capex).toBe(dflt);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 90_000);

  test("the next quarter's timer waits while the reveal is read, and starts when the player continues", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openPage(ctx, problems, "reading");
    await page.goto(suite.server.url);
    await page.getByTestId("turns-input").fill("4");
    await page.getByTestId("timer-input").fill("60");
    await page.getByTestId("solo-button").click();
    await page.getByTestId("commit-button").click();
    await page.getByTestId("reveal-continue").waitFor({ timeout: 30_000 });
    const clock = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __cp: { session(): { snap: { reading?: boolean; deadline: number; turn: number } } } }).__cp.session().snap;
        return { reading: s.reading === true, deadline: s.deadline, turn: s.turn };
      });
    await expect.poll(async () => (await clock()).turn).toBe(1);
    expect(await clock()).toMatchObject({ reading: true, deadline: 0 });
    await expect.poll(() => page.getByTestId("reveal-timer").textContent()).toMatch(/waits while players read/);
    await page.getByTestId("reveal-continue").click();
    await expect.poll(async () => (await clock()).deadline).toBeGreaterThan(0);
    const c = await clock();
    expect(c.reading).toBe(false);
    // The whole turn is still ahead (60 s, less the time the message took).
    expect(c.deadline - Date.now()).toBeGreaterThan(45_000);
    await expect.poll(() => page.getByTestId("turn-timer").textContent()).toMatch(/Time left [01]:\d\d/);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 90_000);

  test("the first-match tour shows once, walks the board and can be skipped", async () => {
    const problems: string[] = [];
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openPage(ctx, problems, "tour", undefined, { tour: true });
    await page.goto(suite.server.url);
    await page.getByTestId("turns-input").fill("4");
    await page.getByTestId("solo-button").click();
    await page.getByTestId("tour").waitFor({ timeout: 30_000 });
    const results: AuditResult[] = [];
    await check(page, "42-tour", results);
    await page.getByTestId("tour-next").click();
    await page.getByTestId("tour-next").click();
    expect(await page.getByTestId("tour").textContent()).toMatch(/Your rivals/);
    await page.getByTestId("tour-skip").click();
    expect(await page.getByTestId("tour").count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("cp.tour.v1"))).toBe("skipped");
    // Replayable from the board; not shown again on its own.
    await page.getByTestId("tour-button").click();
    await page.getByTestId("tour").waitFor();
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("tour").count()).toBe(0);
    await ctx.close();
    expect(problems).toEqual([]);
  }, 90_000);
});
