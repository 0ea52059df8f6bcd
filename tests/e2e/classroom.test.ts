/**
 * A whole class in Chromium against the real server: a teacher, four student teams in separate
 * browser contexts and a projector, from the class's creation to the last reveal — seating
 * (by hand and auto-fill, an AI seat), start, quarters with pause / +1 min / resume / advance, a
 * bounded event with its preview, a team replaced by AI and given back, an undone quarter, a student
 * and the teacher reloading, the projector's staged reveal, the end with the class leaderboard and
 * the export. Every teacher screen is captured at 1280×720 in English and Simplified Chinese
 * (test-artifacts/class-*.png).
 */
import { describe, expect, onTestFailed, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { useBrowserSuite, openPage, playQuarter, sessionInfo, shot } from "./harness.ts";
import { audit, expectAuditFloor, summary } from "./audit.ts";

const suite = useBrowserSuite();

const VIEW = { width: 1280, height: 720 };

/** The client's screen audit: axe (contrast, WCAG A/AA), the 12 px floor, nothing cut off, no canvas text. */
async function auditOk(page: Page, name: string): Promise<void> {
  const r = await audit(page, name);
  console.log(summary(r));
  expectAuditFloor(r);
}

/**
 * The same screen in English (the teacher's console) and in Simplified Chinese (a second console on
 * the same class, opened from the teacher link in a zh-CN browser). `open` opens a dialog on a page.
 */
async function shotBoth(en: Page, zh: Page, name: string, ready: (p: Page) => Promise<void>, open?: (p: Page) => Promise<void>): Promise<void> {
  for (const [page, lang] of [
    [en, "en"],
    [zh, "zh"],
  ] as const) {
    if (open) await open(page);
    await ready(page);
    await page.waitForTimeout(250);
    await shot(page, `class-${name}-${lang}`);
    await auditOk(page, `class-${name}-${lang}`);
    if (open) await page.keyboard.press("Escape");
  }
}

interface Student {
  name: string;
  ctx: BrowserContext;
  page: Page;
}

/** How a team arrives: the QR code's link, the title's "Join a class" link, or the class code typed into the title's match-join box. */
type Arrival = "link" | "entry" | "match_box";

async function joinStudent(code: string, name: string, how: Arrival, problems: string[]): Promise<Student> {
  const ctx = await suite.browser.newContext({ viewport: VIEW, locale: "en-US" });
  const page = recordConsole(await openPage(ctx, problems, name));
  if (how === "link") await page.goto(`${suite.server.url}/class/${code}`);
  else if (how === "entry") {
    // Typed by hand from the title screen's link, in lower case.
    await page.goto(suite.server.url);
    await page.getByTestId("entry-join").click();
    await page.getByTestId("student-code").fill(code.toLowerCase());
  } else {
    // A class code is no match code: the title sends the team on to its class page.
    await page.goto(suite.server.url);
    await page.getByTestId("code-input").fill(code.toLowerCase());
    await page.getByTestId("code-input").press("Enter");
    await page.waitForURL(`**/class/${code}`);
  }
  await page.getByTestId("student-name").fill(name);
  await page.getByTestId("student-join").click();
  await page.getByTestId("student-waiting").waitFor();
  expect(await page.getByTestId("student-team").textContent()).toContain(name);
  return { name, ctx, page };
}

function row(page: Page, match: number, company: string) {
  return page.getByTestId(`seat-${match}-${company}`);
}

async function quarterOf(page: Page, match: number): Promise<string> {
  return (await page.getByTestId(`match-${match}`).locator(".cl-match-head").textContent()) ?? "";
}

/** A student commits the default-ish decision of its quarter and reads the reveal when it comes. */
async function play(s: Student, capexB: number): Promise<void> {
  await playQuarter(s.page, capexB);
}

/** Every page's console (the SDK's reconnection notes, warnings), timestamped, for `diagnose`. */
const consoles = new Map<Page, string[]>();
function recordConsole(page: Page): Page {
  const lines: string[] = [];
  consoles.set(page, lines);
  const t0 = Date.now();
  page.on("console", (m) => lines.push(`+${((Date.now() - t0) / 1000).toFixed(1)}s ${m.type()}: ${m.text().slice(0, 300)}`));
  page.on("pageerror", (e) => lines.push(`+${((Date.now() - t0) / 1000).toFixed(1)}s pageerror: ${e.stack ?? e.message}`));
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) lines.push(`+${((Date.now() - t0) / 1000).toFixed(1)}s navigated: ${f.url()}`);
  });
  return page;
}

/** What each page's session holds (which of the decision panel's conditions fails), read when the test fails. */
async function pageState(page: Page): Promise<unknown> {
  return page
    .evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's session object, read field by field
      const cp = (window as any).__cp;
      const s = cp.session();
      return {
        url: location.pathname,
        scene: cp.game.scene.getScenes(true)[0]?.sys.settings.key ?? null,
        status: s.status,
        roomId: s.room?.roomId ?? null,
        seat: s.seat,
        phase: s.snap?.phase ?? null,
        turn: s.snap?.turn ?? null,
        turnStarted: s.turnStarted?.turn ?? null,
        unseenReveal: s.unseenReveal?.turn ?? null,
        reports: s.reports.map((r: { turn: number }) => r.turn),
        ended: s.ended !== null,
        lastError: s.lastError,
        seats: (Object.values(s.snap?.seats ?? {}) as Record<string, unknown>[]).map((x) =>
          [
            x.company,
            x.control,
            x.held ? "held" : "",
            x.connected ? "on" : "off",
            x.ready ? "ready" : "",
            x.committed ? "committed" : "",
            x.acked ? "acked" : "",
          ].join(" "),
        ),
        testids: [...document.querySelectorAll("[data-testid]")].map((e) => e.getAttribute("data-testid")).slice(0, 12),
      };
    })
    .catch((e: unknown) => `unreadable: ${String(e)}`);
}

/** On a failure: every page's session and a screenshot, and the server's log, so a flaky run leaves its evidence. */
async function diagnose(pages: Record<string, Page>, problems: readonly string[]): Promise<void> {
  console.error(`[diagnose] page errors and console errors so far: ${JSON.stringify(problems)}`);
  for (const [name, page] of Object.entries(pages)) {
    console.error(`[diagnose] ${name}: ${JSON.stringify(await pageState(page))}`);
    console.error(`[diagnose] ${name} console:\n  ${(consoles.get(page) ?? []).slice(-80).join("\n  ")}`);
    await shot(page, `class-failure-${name}`).catch(() => undefined);
  }
  console.error(`[diagnose] server log:\n${suite.server.log.join("").split("\n").slice(-400).join("\n")}`);
}

async function readReveal(s: Student): Promise<void> {
  await s.page.getByTestId("reveal-continue").waitFor({ timeout: 60_000 });
  await s.page.getByTestId("reveal-continue").click();
}

describe("a class in the browser", () => {
  test("teacher, four teams and a projector: from creation to the last reveal", async () => {
    const problems: string[] = [];
    const tctx = await suite.browser.newContext({ viewport: VIEW, locale: "en-US" });
    const teacher = recordConsole(await openPage(tctx, problems, "teacher"));
    // A second console in Chinese: the same class through the teacher link (and the screens' zh-CN captures).
    const zctx = await suite.browser.newContext({ viewport: VIEW, locale: "zh-CN" });
    await zctx.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const zh = await openPage(zctx, problems, "teacher-zh");

    // ---- set-up: from the title screen's link
    await teacher.goto(suite.server.url);
    await teacher.getByTestId("entry-teach").click();
    await zh.goto(`${suite.server.url}/teach`);
    await shotBoth(teacher, zh, "01-setup", (p) => p.getByTestId("setup-create").waitFor());
    await teacher.getByTestId("setup-title").fill("Econ 101 · period 3");
    await teacher.getByTestId("setup-turns").selectOption("4");
    // The longest timer: the test drives every quarter itself (and screenshots take time on a loaded machine).
    await teacher.getByTestId("setup-timer").selectOption("15");
    await teacher.getByTestId("setup-matches").selectOption("2");
    expect(await teacher.getByTestId("setup-capacity").textContent()).toContain("8");
    await teacher.getByTestId("setup-create").click();

    // ---- the teacher link, shown once
    await teacher.getByTestId("key-dialog").waitFor();
    const link = await teacher.getByTestId("key-link").inputValue();
    expect(link).toMatch(/\/teach\/c[0-9a-f]{16}#key=[0-9a-f]{32}$/);
    await teacher.waitForTimeout(250);
    await shot(teacher, "class-02-key-en");
    await teacher.getByTestId("key-done").click();
    // The Chinese console creates a class of its own to show the key dialog, then opens the teacher's link.
    await zh.getByTestId("setup-create").click();
    await zh.getByTestId("key-dialog").waitFor();
    await zh.waitForTimeout(250);
    await shot(zh, "class-02-key-zh");
    await zh.getByTestId("key-done").click();
    await zh.goto(link);
    await zh.getByTestId("roster-card").waitFor();
    expect(zh.url()).not.toContain("key=");
    await teacher.getByTestId("roster-card").waitFor();
    // The key is not left in the address bar.
    expect(teacher.url()).not.toContain("key=");
    const code = ((await teacher.getByTestId("class-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const qr = await teacher.getByTestId("class-qr").innerHTML();
    expect(qr).toContain("<svg");

    // ---- the projector, and four teams (two by the QR code's link, one typing the code on the class page, one in the title's match-join box)
    const pctx = await suite.browser.newContext({ viewport: VIEW, locale: "en-US" });
    const projector = recordConsole(await openPage(pctx, problems, "projector"));
    await projector.goto(`${suite.server.url}/projector/${code}`);
    await projector.getByTestId("pj-code").waitFor();
    const ann = await joinStudent(code, "Ann", "link", problems);
    const bo = await joinStudent(code, "Bo", "entry", problems);
    const cy = await joinStudent(code, "Cy", "link", problems);
    const di = await joinStudent(code, "Di", "match_box", problems);
    onTestFailed(() => diagnose({ teacher, projector, ann: ann.page, bo: bo.page, cy: cy.page, di: di.page }, problems), 60_000);
    await expect.poll(() => teacher.getByTestId("roster").locator(".cl-team").count()).toBe(4);
    await expect.poll(() => projector.getByTestId("pj-teams").textContent()).toBe("AnnBoCyDi");
    await projector.waitForTimeout(300);
    await shot(projector, "class-pj-01-lobby-en");
    await auditOk(projector, "class-pj-01-lobby-en");
    await shot(ann.page, "class-student-01-waiting-en");
    await auditOk(ann.page, "class-student-01-waiting-en");
    await shotBoth(teacher, zh, "03-lobby", (p) => p.getByTestId("roster-card").waitFor());

    // ---- seating: two teams by hand into match 1, Meta by AI, the rest auto-filled
    const seatSel = (name: string) => teacher.getByTestId("roster").locator(".cl-team").filter({ hasText: name }).locator("select");
    await seatSel("Ann").selectOption("0:microsoft");
    await expect.poll(() => teacher.getByTestId("slot-0-microsoft").textContent()).toContain("Ann");
    await seatSel("Bo").selectOption("0:amazon");
    await expect.poll(() => teacher.getByTestId("slot-0-amazon").textContent()).toContain("Bo");
    await teacher.getByTestId("seat-ai-0-meta").click();
    await expect.poll(() => teacher.getByTestId("slot-0-meta").textContent()).toContain("AI");
    await teacher.getByTestId("class-autofill").click();
    await expect.poll(() => teacher.getByTestId("slot-1").textContent()).toMatch(/Cy[\s\S]*Di/);
    await expect.poll(() => ann.page.getByTestId("student-status").textContent()).toContain("Microsoft in match 1");
    await shotBoth(teacher, zh, "04-lobby-seated", (p) => p.getByTestId("slot-1").waitFor());

    // ---- start all: every team lands in its match
    await teacher.getByTestId("class-start").click();
    for (const s of [ann, bo, cy, di]) await s.page.getByTestId("decision-panel").waitFor({ timeout: 60_000 });
    expect((await sessionInfo(ann.page)).seat).toBe("microsoft");
    expect((await sessionInfo(di.page)).seat).toBe("amazon");
    await teacher.getByTestId("match-1").waitFor();
    await expect.poll(() => row(teacher, 0, "meta").textContent()).toContain("AI");
    await shotBoth(teacher, zh, "05-running", (p) => p.getByTestId("match-0").waitFor());

    // ---- quarter 1: match 1 commits; match 2 is paused, given a minute, resumed and advanced (Di does not commit)
    await play(ann, 24);
    await expect.poll(() => row(teacher, 0, "microsoft").textContent()).toContain("committed");
    expect(await row(teacher, 0, "amazon").textContent()).toContain("deciding");
    await play(bo, 20);
    await play(cy, 22);
    await teacher.getByTestId("pause-1").click();
    await expect.poll(() => teacher.getByTestId("match-1").locator('[data-testid="phase"]').textContent()).toBe("Paused");
    await shotBoth(teacher, zh, "06-paused", (p) => p.getByTestId("resume-1").waitFor());
    await teacher.getByTestId("extend-1").click();
    await teacher.getByTestId("resume-1").click();
    await teacher.getByTestId("pause-1").waitFor();
    await teacher.getByTestId("advance-1").click();
    for (const s of [ann, bo, cy, di]) await readReveal(s);
    await expect.poll(() => quarterOf(teacher, 0)).toContain("quarter 2 of 4");
    await expect.poll(() => quarterOf(teacher, 1)).toContain("quarter 2 of 4");
    await expect.poll(() => teacher.getByTestId("match-0").getByTestId("meter-capex").count(), { timeout: 20_000 }).toBe(1);
    expect(await teacher.getByTestId("leaderboard").locator("tr").count()).toBe(4);
    await shotBoth(teacher, zh, "07-after-q1", (p) => p.getByTestId("meter-capex").first().waitFor());

    // ---- the projector's staged reveal of match 1's first quarter
    await teacher.getByTestId("project-0").click();
    await projector.getByTestId("pj-seat-microsoft").waitFor();
    await shot(projector, "class-pj-02-board-en");
    await auditOk(projector, "class-pj-02-board-en");
    for (const stage of ["decisions", "market", "headlines", "leaderboard"] as const) {
      await teacher.getByTestId("stage-next").click();
      const testid = { decisions: "pj-decisions", market: "pj-market", headlines: "pj-headlines", leaderboard: "pj-leaderboard" }[stage];
      await projector.getByTestId(testid).waitFor();
      await projector.waitForTimeout(250);
      await shot(projector, `class-pj-0${3 + ["decisions", "market", "headlines", "leaderboard"].indexOf(stage)}-${stage}-en`);
      await auditOk(projector, `class-pj-0${3 + ["decisions", "market", "headlines", "leaderboard"].indexOf(stage)}-${stage}-en`);
    }
    expect(await projector.getByTestId("pj-decisions").count()).toBe(0);
    expect(await projector.getByTestId("pj-leaderboard").textContent()).toMatch(/Ann|Bo|Cy|Di/);
    await shotBoth(teacher, zh, "08-projector-controls", (p) => p.getByTestId("projector-card").waitFor());

    // ---- quarter 2: a bounded event with its preview, into match 1
    const openEvent = async (p: Page = teacher) => {
      await p.getByTestId("event-0").click();
      await p.getByTestId("event-dialog").waitFor();
      await p.getByTestId("event-kind").selectOption("grid_outage");
      await p.getByTestId("event-target").selectOption("amazon");
      await p.getByTestId("event-size").fill("25");
    };
    await openEvent();
    await expect.poll(() => teacher.getByTestId("event-preview").textContent()).toMatch(/Amazon loses 25% of its power/);
    await teacher.keyboard.press("Escape");
    await shotBoth(teacher, zh, "09-event", (p) => p.getByTestId("event-preview").waitFor(), openEvent);
    await openEvent();
    await teacher.getByTestId("event-inject").click();
    await expect.poll(() => teacher.getByTestId("match-0").getByTestId("pending-events").textContent()).toContain("Grid outage (Amazon)");

    // ---- Bo steps out: AI plays Amazon; then the seat is Bo's again and Bo is back in it
    const openSeat = async (p: Page = teacher) => {
      await row(p, 0, "amazon").click();
      await p.getByTestId("seat-menu").waitFor();
    };
    await shotBoth(teacher, zh, "10-seat-menu", (p) => p.getByTestId("seat-to-ai").waitFor(), openSeat);
    await openSeat();
    await teacher.getByTestId("seat-to-ai").click();
    await expect.poll(() => row(teacher, 0, "amazon").textContent()).toContain("AI (Bo)");
    await expect.poll(async () => (await sessionInfo(bo.page)).seat).toBeNull();
    // Bo's page stays on its match as a spectator (it does not bounce off the match with a refused token).
    const benched = await sessionInfo(bo.page);
    expect([benched.code, benched.scene]).toEqual([(await sessionInfo(ann.page)).code, "board"]);
    await openSeat();
    await teacher.getByTestId("seat-give-back").click();
    await expect.poll(async () => (await sessionInfo(bo.page)).seat, { timeout: 30_000 }).toBe("amazon");
    await expect.poll(() => row(teacher, 0, "amazon").textContent()).toContain("Bo");

    // ---- match 1 plays quarter 2 with the outage; the teacher takes it back (undo)
    await play(ann, 25);
    await bo.page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    await play(bo, 21);
    await ann.page.getByTestId("reveal-continue").waitFor({ timeout: 60_000 });
    expect((await sessionInfo(ann.page)).reports[1]).toBeDefined();
    await expect.poll(() => quarterOf(teacher, 0)).toContain("quarter 3 of 4");
    const openUndo = async (p: Page = teacher) => {
      await p.getByTestId("undo-0").click();
      await p.getByTestId("undo-dialog").waitFor();
    };
    await shotBoth(teacher, zh, "11-undo", (p) => p.getByTestId("undo-confirm").waitFor(), openUndo);
    await openUndo();
    await teacher.getByTestId("undo-confirm").click();
    await expect.poll(() => quarterOf(teacher, 0)).toContain("quarter 2 of 4");
    // The students' screens drop the taken-back reveal and open quarter 2 again.
    await expect.poll(async () => (await sessionInfo(ann.page)).reports.length, { timeout: 30_000 }).toBe(1);
    await ann.page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    expect(await teacher.getByTestId("match-0").getByTestId("pending-events").count()).toBe(0);

    // ---- a student reloads (back in its seat), and so does the teacher (back in the console)
    await bo.page.reload();
    await expect.poll(async () => (await sessionInfo(bo.page)).seat, { timeout: 30_000 }).toBe("amazon");
    await bo.page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
    await teacher.reload();
    await teacher.getByTestId("match-0").waitFor({ timeout: 30_000 });
    await expect.poll(() => quarterOf(teacher, 0)).toContain("quarter 2 of 4");
    await expect.poll(() => row(teacher, 0, "amazon").textContent()).toContain("Bo");

    // ---- quarters 2 to 4: match 1 plays, match 2 is advanced by the teacher each quarter
    for (let q = 2; q <= 4; q++) {
      await play(ann, 23);
      await play(bo, 19);
      await play(cy, 21);
      if (q === 2) await ann.page.getByTestId("reveal-continue").waitFor({ timeout: 60_000 });
      await teacher.getByTestId("advance-1").click();
      if (q < 4) for (const s of [ann, bo, cy, di]) await readReveal(s);
    }
    for (const s of [ann, bo, cy, di]) await s.page.getByTestId("reveal-continue").waitFor({ timeout: 60_000 });
    await expect.poll(() => teacher.getByTestId("class-over").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => teacher.getByTestId("match-1").locator('[data-testid="phase"]').textContent()).toBe("Finished");
    await shotBoth(teacher, zh, "12-class-over", (p) => p.getByTestId("class-over").waitFor());

    // The export behind the teacher key: the class's teams, one row each.
    const href = await teacher.getByTestId("export-csv").getAttribute("href");
    const csv = await teacher.request.get(`${suite.server.url}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    for (const n of ["Ann", "Bo", "Cy", "Di"]) expect(text).toContain(n);
    // Without the key: refused.
    expect((await teacher.request.get(`${suite.server.url}${href!.replace(/key=[^&]+/, "key=0")}`)).status()).toBe(403);

    // ---- the last reveal on the projector, then the class leaderboard
    await teacher.getByTestId("stage-decisions").click();
    await projector.getByTestId("pj-decisions").waitFor();
    await teacher.getByTestId("stage-headlines").click();
    await projector.getByTestId("pj-headlines").waitFor();
    await teacher.getByTestId("stage-leaderboard").click();
    await projector.getByTestId("pj-leaderboard").waitFor();
    await projector.waitForTimeout(250);
    await shot(projector, "class-pj-07-final-leaderboard-en");
    await auditOk(projector, "class-pj-07-final-leaderboard-en");
    expect(await projector.getByTestId("pj-leaderboard").locator("tbody tr").count()).toBe(4);
    // The class's default scoring is the handicap (issue 11): scores in swings above each company's par.
    expect(await projector.getByTestId("pj-leaderboard").textContent()).toMatch(/[+−]?\d+\.\d swings/);
    // The teacher closes the class.
    await teacher.getByTestId("class-end").click();
    await teacher.getByTestId("end-confirm").click();
    await expect.poll(() => teacher.getByTestId("class-status").textContent()).toBe("Class over");
    expect(await teacher.getByTestId("pause-all").count()).toBe(0);

    // A second projector in Chinese shows the same stage.
    const pzctx = await suite.browser.newContext({ viewport: VIEW, locale: "zh-CN" });
    await pzctx.addInitScript(() => localStorage.setItem("cp.lang", "zh-CN"));
    const pz = await openPage(pzctx, problems, "projector-zh");
    await pz.goto(`${suite.server.url}/projector/${code}`);
    await pz.getByTestId("pj-leaderboard").waitFor();
    await pz.waitForTimeout(350);
    await shot(pz, "class-pj-08-final-leaderboard-zh");
    await auditOk(pz, "class-pj-08-final-leaderboard-zh");
    expect(await pz.getByTestId("pj-leaderboard").textContent()).toContain("微软");
    expect(await pz.getByTestId("pj-leaderboard").textContent()).toMatch(/\d+\.\d个波幅/);
    await pzctx.close();

    for (const c of [tctx, zctx, pctx, ann.ctx, bo.ctx, cy.ctx, di.ctx]) await c.close();
    // The teacher's reload drops its websockets: Chromium logs that, nothing else may.
    expect(problems.filter((p) => !/WebSocket|ERR_CONNECTION|net::/.test(p))).toEqual([]);
  }, 900_000);
});
