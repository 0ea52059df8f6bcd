import { join, resolve } from "node:path";
import { build } from "vite";
import { COMPANIES, createMatch, resolveTurn } from "../shared/engine/index.ts";
import type { HashScheme } from "../shared/engine/replay.ts";
import { playRecorded } from "../shared/engine/play.ts";
import { growthScript } from "./engine-bench.ts";
import { ENGINE_VERSION } from "../shared/engine/types.ts";
import { ReplayFileSchema, verifyReplay, type ReplayFile } from "../shared/protocol/index.ts";
import { median, percentile } from "./stats.ts";
import { launchChromium, serveDist } from "./browser.ts";

const ROOT = resolve(import.meta.dirname, "..");
const MATCH_ID = "m0000000000b3c4d0";

interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export interface ReplayBench {
  readonly seats: number;
  readonly quarters: number;
  /** Node: verifyReplay of a version-1 file (hashState of the whole state every turn). */
  readonly verifyV1Ms: Timing;
  /** Node: verifyReplay of a version-2 file (chained: previous hash + the turn's delta). */
  readonly verifyV2Ms: Timing;
  /** Node: the fold alone (createMatch + 24 × resolveTurn), the floor for either. */
  readonly foldMs: Timing;
  /** Chromium, cold context each run: navigation → the viewer's controls live. Goal ≤ 1000 ms. */
  readonly viewerInteractiveMs: Timing;
  readonly viewerInteractiveGoalMs: number;
  /** Chromium: navigation → all 24 quarters re-simulated and checked (version-2 file). */
  readonly viewerVerifiedMs: Timing;
}

const ms = (xs: readonly number[]): Timing => ({ median: Math.round(median(xs) * 10) / 10, p95: Math.round(percentile(xs, 95) * 10) / 10, runs: xs.length });

export function replayFile(scheme: HashScheme, seed = 11): ReplayFile {
  // The engine bench's decision script, so the figures compare.
  const { state, turns } = playRecorded({ seed, turns: 24, seats: [...COMPANIES] }, growthScript, scheme);
  const c = state.config;
  return ReplayFileSchema.parse({
    version: scheme === "state" ? 1 : 2,
    engineVersion: ENGINE_VERSION,
    scenario: c.scenario,
    variant: c.variant,
    seed: c.seed,
    seats: [...c.seats],
    turnCount: c.turns,
    scoring: c.scoring,
    randomEvents: c.randomEvents,
    createdAt: "2026-01-01T00:00:00.000Z",
    turns,
    ...(scheme === "chain" ? { matchId: MATCH_ID, players: Object.fromEntries(c.seats.map((x) => [x, { kind: "ai" }])) } : {}),
  });
}

function timeRuns(n: number, f: () => void): number[] {
  for (let i = 0; i < 3; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return xs;
}

export async function runReplayBench(nodeRuns = 30, browserRuns = 5): Promise<ReplayBench> {
  const v1 = replayFile("state");
  const v2 = replayFile("chain");
  for (const f of [v1, v2]) if (!verifyReplay(f).ok) throw new Error(`bench replay version ${f.version} does not verify`);
  const verifyV1Ms = ms(timeRuns(nodeRuns, () => verifyReplay(v1)));
  const verifyV2Ms = ms(timeRuns(nodeRuns, () => verifyReplay(v2)));
  const foldMs = ms(
    timeRuns(nodeRuns, () => {
      let s = createMatch({ seed: 11, turns: 24, seats: [...COMPANIES] });
      for (const t of v2.turns) s = resolveTurn(s, t.decisions).state;
    }),
  );

  await build({ configFile: join(ROOT, "client/vite.config.ts"), logLevel: "silent" });
  const { server, url } = await serveDist({ [`/api/matches/${MATCH_ID}/replay`]: JSON.stringify(v2) });
  const browser = await launchChromium();
  const ready: number[] = [];
  const verified: number[] = [];
  try {
    for (let i = 0; i < browserRuns; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${url}/replay/${MATCH_ID}`);
      await page.waitForFunction(() => performance.getEntriesByName("cp:replay-verified").length > 0, undefined, { timeout: 120_000 });
      const [r, v] = await page.evaluate(() => [
        performance.getEntriesByName("cp:replay-ready")[0]!.startTime,
        performance.getEntriesByName("cp:replay-verified")[0]!.startTime,
      ]);
      const state = await page.getByTestId("replay-verdict").getAttribute("data-state");
      if (state !== "verified") throw new Error(`viewer says ${state}, not verified`);
      ready.push(r!);
      verified.push(v!);
      await ctx.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return {
    seats: COMPANIES.length,
    quarters: 24,
    verifyV1Ms,
    verifyV2Ms,
    foldMs,
    viewerInteractiveMs: ms(ready),
    viewerInteractiveGoalMs: 1000,
    viewerVerifiedMs: ms(verified),
  };
}

if (import.meta.main) {
  console.log(JSON.stringify(await runReplayBench(Number(process.argv[2] ?? 30), Number(process.argv[3] ?? 5)), null, 2));
}
