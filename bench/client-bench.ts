/**
 * Client benchmarks (issues 5, 15): the client's JS gzip size against Phaser's own gzip size (goal
 * ≤ 1.3); the time from navigation to the first interactive title screen in headless Chromium
 * (the title scene marks `cp:title-ready` once its controls are live); and the board's frames:
 * how many it draws per second while nothing changes (render on demand: goal 0) and how many it
 * can draw per second when kept awake (its cost per frame), both at 1280×720 on a real server.
 */
import { spawn } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { median, percentile } from "./stats.ts";
import { launchChromium, serveDist } from "./browser.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "client/dist");

export interface ClientBench {
  readonly clientJsBytes: number;
  readonly clientJsGzipBytes: number;
  readonly phaserGzipBytes: number;
  /** client JS gzip ÷ Phaser-only gzip; goal ≤ 1.3 */
  readonly gzipRatio: number;
  readonly gzipRatioGoal: number;
  /** navigation → interactive title screen, ms, fresh browser context (cold cache) each run */
  readonly titleInteractiveMs: { readonly median: number; readonly p95: number; readonly runs: number };
  /** The board of a solo match at 1280×720, headless Chromium with software rendering. */
  readonly board: BoardFrames;
}

export interface BoardFrames {
  /** Frames Phaser drew per second while the board stood still (5 s): the cost of an idle board. Goal 0. */
  readonly idleFps: number;
  /** Frames per second the board reaches when kept awake (3 s): what an animation on it would get. */
  readonly awakeFps: number;
  readonly viewport: string;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...jsFiles(p));
    else if (f.endsWith(".js")) out.push(p);
  }
  return out;
}

function gzipBytes(files: readonly string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(f);
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

/** Phaser alone, built by the same Vite with the same target: the denominator. */
async function phaserOnlyGzip(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "cp-phaser-"));
  try {
    writeFileSync(join(dir, "index.html"), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(join(dir, "main.js"), 'import * as Phaser from "phaser";\nnew Phaser.Game({ type: Phaser.AUTO, width: 10, height: 10 });\n');
    await build({
      root: dir,
      configFile: false,
      logLevel: "silent",
      resolve: { alias: { phaser: join(ROOT, "node_modules/phaser") } },
      build: { outDir: join(dir, "dist"), target: "es2022", reportCompressedSize: false, chunkSizeWarningLimit: 5000 },
    });
    return gzipBytes(jsFiles(join(dir, "dist"))).gz;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

/**
 * Frames drawn by the board of a solo match, on a real server (`server/main.ts`) serving the
 * client in `<cwd>/client/dist` (`cwd` lets the same measure run on an older build).
 */
export async function measureBoardFrames(cwd = ROOT): Promise<BoardFrames> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cp-bench-board-"));
  const proc = spawn(process.execPath, [join(ROOT, "server/main.ts")], {
    cwd,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 150) throw new Error("bench server did not come up");
      await new Promise((r) => setTimeout(r, 200));
    }
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await ctx.addInitScript(() => localStorage.setItem("cp.tour.v1", "bench"));
    const page = await ctx.newPage();
    await page.goto(url);
    await page.getByTestId("turns-input").fill("12");
    await page.getByTestId("timer-input").fill("3600");
    await page.getByTestId("solo-button").click();
    await page.getByTestId("decision-panel").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const frame = () => page.evaluate(() => (window as unknown as { __cp: { game: { loop: { frame: number } } } }).__cp.game.loop.frame);
    const f0 = await frame();
    await page.waitForTimeout(5000);
    const idleFps = Math.round(((await frame()) - f0) / 0.5) / 10;
    const canHold = await page.evaluate(() => typeof (window as unknown as { __cp: { holdAwake?: unknown } }).__cp.holdAwake === "function");
    let awakeFps = idleFps;
    if (canHold) {
      await page.evaluate(() => {
        const w = window as unknown as { __cp: { holdAwake(): () => void }; __release?: () => void };
        w.__release = w.__cp.holdAwake();
      });
      const a0 = await frame();
      await page.waitForTimeout(3000);
      awakeFps = Math.round(((await frame()) - a0) / 0.3) / 10;
      await page.evaluate(() => (window as unknown as { __release?: () => void }).__release?.());
    }
    await ctx.close();
    return { idleFps, awakeFps, viewport: "1280x720" };
  } finally {
    await browser.close();
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runClientBench(runs = 5): Promise<ClientBench> {
  await build({ configFile: join(ROOT, "client/vite.config.ts"), logLevel: "silent" });
  const client = gzipBytes(jsFiles(join(DIST, "assets")));
  const phaser = await phaserOnlyGzip();

  const { server, url } = await serveDist({ "/api/matches": '{"matches":[]}' });
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("cp:title-ready").length > 0, undefined, { timeout: 60_000 });
      const ms = await page.evaluate(() => performance.getEntriesByName("cp:title-ready")[0]!.startTime);
      times.push(Math.round(ms));
      await ctx.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return {
    clientJsBytes: client.raw,
    clientJsGzipBytes: client.gz,
    phaserGzipBytes: phaser,
    gzipRatio: Math.round((client.gz / phaser) * 1000) / 1000,
    gzipRatioGoal: 1.3,
    titleInteractiveMs: { median: median(times), p95: percentile(times, 95), runs },
    board: await measureBoardFrames(),
  };
}

if (import.meta.main) {
  // `node bench/client-bench.ts board <dir>`: only the board frames, on the build in <dir>/client/dist (e.g. an older checkout).
  if (process.argv[2] === "board") console.log(JSON.stringify(await measureBoardFrames(resolve(process.argv[3] ?? ROOT)), null, 2));
  else console.log(JSON.stringify(await runClientBench(Number(process.argv[2] ?? 5)), null, 2));
}
