/**
 * Scale-out parts on their own: a Redis that does not answer stops the start with a sentence naming
 * it (without its password), and a reachable one gives Colyseus its presence and driver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterParts } from "../../../server/scale/cluster.ts";
import { StorageRefused } from "../../../server/storage/open.ts";
import { freeTestPort } from "../harness.ts";
import { type Service, startRedis } from "../services.ts";

let redis: Service | null = null;
beforeAll(async () => {
  redis = await startRedis("cluster-redis");
});
afterAll(async () => {
  await redis?.stop();
});

describe("clusterParts", () => {
  it("refuses a Redis that does not answer, naming it without its password", async () => {
    const port = await freeTestPort();
    const err = await clusterParts({ redisUrl: `redis://:hunter2@127.0.0.1:${port}`, connectTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageRefused);
    expect(String(err)).toMatch(new RegExp(`Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} does not answer`));
    expect(String(err)).not.toMatch(/hunter2/);
  });

  it("gives Colyseus a Redis presence and driver that reach the server, and says so", async () => {
    const parts = await clusterParts({ redisUrl: redis!.url, publicAddress: "game.example.org/p1" });
    try {
      expect(parts.presence && parts.driver).toBeTruthy();
      await parts.presence!.set("cp:test", "1");
      expect(await parts.presence!.get("cp:test")).toBe("1");
      expect(parts.describe).toBe(`Redis ${redis!.url}, public address game.example.org/p1`);
    } finally {
      parts.presence?.shutdown();
      await parts.driver?.shutdown?.();
    }
  });

  it("without REDIS_URL keeps everything in this process", async () => {
    const parts = await clusterParts({});
    expect([parts.presence, parts.driver, parts.describe]).toEqual([undefined, undefined, "one process (no REDIS_URL)"]);
  });
});
