/**
 * Node and Chromium agree on every turn hash: replays of both scenarios, 4 and 7 seats, 24
 * quarters, in both hash schemes (file versions 1 and 2), simulated and hashed in Node, then
 * opened in the viewer, which re-simulates them with the same engine in the suite.browser.
 */
import { expect, test } from "vitest";
import { ReplayFileSchema, type ReplayFile } from "../../shared/protocol/index.ts";
import type { CompanyId, ScenarioId } from "../../shared/engine/index.ts";
import { simReplayFile, simulateMatch } from "../../cli/simulate.ts";
import { useBrowserSuite, openPage } from "./harness.ts";

const FOUR: CompanyId[] = ["microsoft", "amazon", "alphabet", "meta"];
const SEVEN: CompanyId[] = [...FOUR, "oracle", "apple", "tesla"];

function files(): { name: string; file: ReplayFile }[] {
  const out: { name: string; file: ReplayFile }[] = [];
  for (const scenario of ["reckoning", "buildout"] as ScenarioId[])
    for (const seats of [FOUR, SEVEN])
      for (const version of [1, 2] as const) {
        const sim = simulateMatch({
          config: { scenario, seats, turns: 24, seed: 1000 + seats.length },
          policies: ["guidance", "disciplined", "arms_racer", "energy_first"],
          scheme: version === 1 ? "state" : "chain",
        });
        out.push({
          name: `${scenario}-${seats.length}-v${version}`,
          file: ReplayFileSchema.parse(simReplayFile(sim.state, sim.turns, version, "2026-01-01T00:00:00Z")),
        });
      }
  return out;
}

const suite = useBrowserSuite();

test("every turn hash computed in Chromium equals Node's (2 scenarios × 4/7 seats × 24 quarters × 2 schemes)", async () => {
  const problems: string[] = [];
  const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await openPage(ctx, problems, "hashes");
  await page.goto(`${suite.server.url}/replay`);
  let agreed = 0;
  let compared = 0;
  for (const { name, file } of files()) {
    expect(file.turns).toHaveLength(24);
    await page
      .getByTestId("replay-open-file-input")
      .setInputFiles({ name: `${name}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(
      (n) => {
        const r = (window as unknown as { __cp?: { replay?: { done(): boolean; name(): string } } }).__cp?.replay;
        return r?.done() === true && r.name() === n;
      },
      `${name}.json`,
      { timeout: 120_000 },
    );
    const browserHashes = await page.evaluate(() => (window as unknown as { __cp: { replay: { hashes(): string[] } } }).__cp.replay.hashes());
    const nodeHashes = file.turns.map((t) => t.hash);
    compared += nodeHashes.length;
    agreed += nodeHashes.filter((h, i) => browserHashes[i] === h).length;
    expect(browserHashes, name).toEqual(nodeHashes);
  }
  console.log(`Node and Chromium agree on ${agreed}/${compared} turn hashes`);
  expect(compared).toBe(8 * 24);
  await ctx.close();
  expect(problems).toEqual([]);
}, 600_000);
