/**
 * Several server processes as one game (`REDIS_URL`): Colyseus' own Redis presence (pub/sub and
 * shared keys between processes) and Redis driver (the room listing every process reads), with
 * this process's public address in every seat reservation it makes, so a client that asked any
 * process connects its WebSocket straight to the process that holds the room. Without `REDIS_URL`
 * Colyseus keeps both in this process's memory, as before.
 */
import { type MatchMakerDriver, type Presence, matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { StorageRefused } from "../storage/open.ts";

export interface ClusterOptions {
  /** `redis://…`: share rooms, matchmaking and codes with every process on the same Redis. */
  readonly redisUrl?: string | undefined;
  /**
   * Where clients reach this process's WebSockets (`host:port` or `host/prefix`, no scheme), put in
   * every seat reservation. Needed behind one address for several processes (see the README).
   */
  readonly publicAddress?: string | undefined;
  /** How long Redis has to answer at start (default 10 s). */
  readonly connectTimeoutMs?: number;
}

export interface ClusterParts {
  readonly presence?: Presence;
  readonly driver?: MatchMakerDriver;
  readonly publicAddress?: string;
  readonly selectProcessIdToCreateRoom: matchMaker.SelectProcessIdCallback;
  readonly describe: string;
}

/** Colyseus' Redis presence, plus a way to drop its connections without `quit` (which rejects, unhandled, when Redis never answered). */
class ProbedRedisPresence extends RedisPresence {
  disconnectNow(): void {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/**
 * Every room opens in the process that was asked for it. The load balancer already spreads clients
 * (and so creations) over the processes; a room made where its creator's request landed costs no
 * extra hop through Redis, and the rooms the server opens itself (a restored match, a class, a
 * class's match) must open here anyway: the request that describes them is in this process's memory.
 */
export const selectProcess: matchMaker.SelectProcessIdCallback = async () => matchMaker.processId;

/** Presence and driver for `defineServer`; refuses (naming it, not its password) a Redis that does not answer within 10 s. */
export async function clusterParts(o: ClusterOptions): Promise<ClusterParts> {
  const publicAddress = o.publicAddress ? { publicAddress: o.publicAddress } : {};
  if (!o.redisUrl) return { ...publicAddress, selectProcessIdToCreateRoom: selectProcess, describe: "one process (no REDIS_URL)" };
  const presence = new ProbedRedisPresence(o.redisUrl);
  // ioredis retries a refused connection, then rejects the pending command: that late rejection
  // must not outlive the refusal as an unhandled one.
  const reached = await Promise.race([
    presence.exists("cp:hello").then(
      () => true,
      () => false,
    ),
    new Promise<false>((r) => setTimeout(() => r(false), o.connectTimeoutMs ?? 10_000).unref()),
  ]);
  if (!reached) {
    presence.disconnectNow();
    throw new StorageRefused(`Redis at ${redact(o.redisUrl)} does not answer`);
  }
  return {
    presence,
    driver: new RedisDriver(o.redisUrl),
    ...publicAddress,
    selectProcessIdToCreateRoom: selectProcess,
    // Without an address of its own, a client told "the room is in process X" reconnects to whatever the balancer picks.
    describe: `Redis ${redact(o.redisUrl)}, ${o.publicAddress ? `public address ${o.publicAddress}` : "no PUBLIC_ADDRESS (clients reach this process's rooms only if the load balancer sends their WebSocket here)"}`,
  };
}
