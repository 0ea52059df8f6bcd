/**
 * End-to-end harness: builds the client once, starts the real server (`server/main.ts`) on a free
 * port in 2800–2899 with a temporary DATA_DIR, and drives Debian's Chromium with playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
import { launchChromium } from "../../bench/browser.ts";

export function buildClient(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "client/vite.config.ts", "--logLevel", "warn"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`client build failed:\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(join(ROOT, "client/dist/index.html"))) throw new Error("client build wrote no index.html");
}

function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once("error", () => res(false));
    s.listen(port, "127.0.0.1", () => s.close(() => res(true)));
  });
}

export async function freePort(): Promise<number> {
  const start = 2800 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const p = 2800 + ((start - 2800 + i) % 100);
    if (await portFree(p)) return p;
  }
  throw new Error("no free port in 2800-2899");
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  log: string[];
  /** SIGTERM; the data folder is removed unless `keepData`. */
  stop(keepData?: boolean): Promise<void>;
}

/** Starts `server/main.ts`; pass a port and data folder to restart a stopped server over the same data. */
export async function startServer(reuse?: { port: number; dataDir: string }): Promise<RunningServer> {
  const port = reuse?.port ?? (await freePort());
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), "cp-e2e-"));
  const log: string[] = [];
  const proc = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  proc.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Up when it says so on stdout (an event, not a poll), or failed when it exits first.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not come up:\n${log.join("")}`)), 60_000);
    const check = (): void => {
      if (/listening on/.test(log.join(""))) {
        clearTimeout(timer);
        proc.off("exit", exited);
        resolve();
      }
    };
    const exited = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${log.join("")}`));
    };
    proc.stdout?.on("data", check);
    proc.once("exit", exited);
    check();
  });
  return {
    url,
    port,
    dataDir,
    proc,
    log,
    async stop(keepData = false) {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM");
        await new Promise((r) => proc.once("exit", r));
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}

/**
 * A page that records every page error and console error, to be asserted empty at the end. The
 * first-match guided tour is marked as seen unless `opts.tour` (tests that drive the board would
 * otherwise meet it first).
 */
export async function openPage(ctx: BrowserContext, problems: string[], label: string, allowConsole?: RegExp, opts: { tour?: boolean } = {}): Promise<Page> {
  const page = await ctx.newPage();
  if (!opts.tour)
    await page.addInitScript(() => {
      if (!localStorage.getItem("cp.tour.v1")) localStorage.setItem("cp.tour.v1", "skipped-by-test");
    });
  page.on("pageerror", (e) => problems.push(`[${label}] pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !allowConsole?.test(m.text())) problems.push(`[${label}] console.error: ${m.text()}`);
  });
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Reads the client's session (exposed on window for tests and debugging). */
export async function sessionInfo(page: Page): Promise<{
  scene: string | null;
  phase: string | null;
  turn: number | null;
  reports: { turn: number; seats: { company: string; capexSpent: number; decision: { capex: number; debtIssue: number; buybacks: number } }[] }[];
  scores: { company: string; rank: number }[] | null;
  seat: string | null;
  code: string | null;
}> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the page's session object, read field by field below
    const cp = (window as unknown as { __cp: { game: { scene: { getScenes(a: boolean): { sys: { settings: { key: string } } }[] } }; session(): any } }).__cp;
    const s = cp.session();
    return {
      scene: cp.game.scene.getScenes(true)[0]?.sys.settings.key ?? null,
      phase: s.snap?.phase ?? null,
      turn: s.snap?.turn ?? null,
      reports: s.reports,
      scores: s.ended?.scores ?? null,
      seat: s.seat,
      code: s.welcome?.code ?? null,
    };
  });
}

/**
 * Sets this quarter's decision through the form and commits it (one action: the client sends the
 * decision, waits for the server to hold it, then says ready). Amounts are typed in the page's
 * money unit ($B in English, 亿美元 in Chinese).
 */
export async function playQuarter(page: Page, capex: number, opts: { debtB?: number; buybacksB?: number } = {}): Promise<void> {
  await page.getByTestId("decision-panel").waitFor({ timeout: 30_000 });
  await page.getByTestId("decide-capex").fill(String(capex));
  if (opts.debtB !== undefined) await page.getByTestId("decide-debtIssue").fill(String(opts.debtB));
  if (opts.buybacksB !== undefined) await page.getByTestId("decide-buybacks").fill(String(opts.buybacksB));
  await page.getByTestId("commit-button").click();
}

/** From the title screen at `url`: `name` creates a match of `turns` quarters and waits in the lobby; returns its join code. */
export async function hostMatch(page: Page, url: string, name: string, turns = 4): Promise<string> {
  await page.goto(url);
  await page.getByTestId("name-input").fill(name);
  await page.getByTestId("turns-input").fill(String(turns));
  await page.getByTestId("create-button").click();
  await page.getByTestId("lobby-code").waitFor();
  await expect.poll(async () => (await page.getByTestId("lobby-code").textContent())?.trim().length ?? 0).toBeGreaterThan(3);
  return (await page.getByTestId("lobby-code").textContent())!.trim();
}

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * A test file's set-up: the client built, the real server started and Chromium launched before
 * the file's tests; both closed after them. Read `server` and `browser` inside tests and hooks.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildClient();
    server = await startServer();
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`the e2e ${what} has not started`);
    return x;
  };
  return {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}
